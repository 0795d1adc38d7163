import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The working-day calendar (issue 11): the official adjustments to the plain week for civil servants
 * (cán bộ, công chức, viên chức of agencies that rest on Saturday and Sunday), one row per day.
 *
 * The public holidays themselves are not rows: `date-holidays` computes them (Tết Dương lịch 1/1, the
 * last day of the lunar year and the first of the new one, the Hùng Kings' day 10/3 lunar, 30/4, 1/5,
 * 2/9). Everything else the government decides is a row here:
 * - the other Tết days (the Labour Code gives five: 2012 Art. 115, 2019 Art. 112), the days of the
 *   yearly notice beyond the two date-holidays returns;
 * - the National Day's second day (Labour Code 2019, from 2021: 2/9 and the day before or after);
 * - a substitute day when a holiday falls on a Saturday or Sunday (nghỉ bù: Labour Code 2012 Art. 115
 *   cl. 3, 2019 Art. 111 cl. 3);
 * - the swaps (hoán đổi): a weekday off and the Saturday worked in its place, as the Prime Minister
 *   approved on the Ministry's proposal (Ministry of Labour, Invalids and Social Affairs until
 *   February 2025, the Ministry of Home Affairs since).
 *
 * What is certain and what is not: the days below are those the notices announced, as reported at
 * the time; where the number of the document could not be checked against its text the legal basis
 * says "số văn bản chưa đối chiếu" (document number not checked). 2026's National Day: the Ministry of
 * Home Affairs proposed a longer break (a swap around 2/9); only the statutory second day (1/9) is
 * seeded, the swap, if approved, must be added by an administrator. 2027 is "as planned" (dự kiến):
 * the statutory days and the usual pattern (29 tháng Chạp to mùng 5 for Tết); no notice was checked.
 * Administrators correct and complete the table on Quản trị → Lịch làm việc (every change audited).
 */
type Row = [day: string, kind: 'DAY_OFF' | 'WORKING_DAY', name: string, legalBasis: string];

const UNCHECKED = ' (số văn bản chưa đối chiếu)';
const LC2012_SUBSTITUTE = 'Bộ luật Lao động 2012, Điều 115 khoản 3 (nghỉ bù khi ngày lễ trùng ngày nghỉ hằng tuần)';
const LC2019_SUBSTITUTE = 'Bộ luật Lao động 2019, Điều 111 khoản 3 (nghỉ bù khi ngày lễ trùng ngày nghỉ hằng tuần)';
const LC2019_NATIONAL_DAY = 'Bộ luật Lao động 2019, Điều 112 khoản 1 (Quốc khánh nghỉ 02 ngày)';
const molisa = (year: number, what: string) => `Thông báo của Bộ Lao động – Thương binh và Xã hội về ${what} năm ${year}, theo ý kiến của Thủ tướng Chính phủ${UNCHECKED}`;
const moha = (year: number, what: string) => `Thông báo của Bộ Nội vụ về ${what} năm ${year}, theo ý kiến của Thủ tướng Chính phủ${UNCHECKED}`;
const TET = 'Nghỉ Tết Nguyên đán';

export const CALENDAR_ADJUSTMENTS: Row[] = [
  // 2019 (Labour Code 2012): Tết Kỷ Hợi 02/02–10/02; Hùng Kings' day on a Sunday; 30/4–1/5 with a swap.
  ['2019-01-05', 'WORKING_DAY', 'Làm bù cho thứ Hai 31/12/2018 (nghỉ Tết Dương lịch 2019)', molisa(2019, 'nghỉ Tết Dương lịch và hoán đổi ngày làm việc')],
  ['2019-02-06', 'DAY_OFF', TET, molisa(2019, 'lịch nghỉ Tết Âm lịch')],
  ['2019-02-07', 'DAY_OFF', TET, molisa(2019, 'lịch nghỉ Tết Âm lịch')],
  ['2019-02-08', 'DAY_OFF', TET, molisa(2019, 'lịch nghỉ Tết Âm lịch')],
  ['2019-04-15', 'DAY_OFF', 'Nghỉ bù Giỗ Tổ Hùng Vương (14/4 là Chủ nhật)', LC2012_SUBSTITUTE],
  ['2019-04-29', 'DAY_OFF', 'Nghỉ hoán đổi dịp 30/4 – 1/5 (làm bù thứ Bảy 04/5/2019)', molisa(2019, 'hoán đổi ngày làm việc dịp 30/4 và 1/5')],
  ['2019-05-04', 'WORKING_DAY', 'Làm bù cho thứ Hai 29/4/2019', molisa(2019, 'hoán đổi ngày làm việc dịp 30/4 và 1/5')],

  // 2020 (Labour Code 2012): Tết Canh Tý 23/01–29/01 (29 tháng Chạp to mùng 5; mùng 1 and 2 on the weekend).
  ['2020-01-23', 'DAY_OFF', TET, molisa(2020, 'lịch nghỉ Tết Âm lịch')],
  ['2020-01-27', 'DAY_OFF', TET, molisa(2020, 'lịch nghỉ Tết Âm lịch')],
  ['2020-01-28', 'DAY_OFF', 'Nghỉ bù Tết Nguyên đán (mùng 1, mùng 2 trùng cuối tuần)', LC2012_SUBSTITUTE],
  ['2020-01-29', 'DAY_OFF', 'Nghỉ bù Tết Nguyên đán (mùng 1, mùng 2 trùng cuối tuần)', LC2012_SUBSTITUTE],

  // 2021 (Labour Code 2019 from here): Tết Tân Sửu 10/02–16/02; 1/5 on a Saturday; 2/9–3/9.
  ['2021-02-10', 'DAY_OFF', TET, molisa(2021, 'lịch nghỉ Tết Âm lịch và Quốc khánh')],
  ['2021-02-15', 'DAY_OFF', 'Nghỉ bù Tết Nguyên đán (mùng 2, mùng 3 trùng cuối tuần)', LC2019_SUBSTITUTE],
  ['2021-02-16', 'DAY_OFF', 'Nghỉ bù Tết Nguyên đán (mùng 2, mùng 3 trùng cuối tuần)', LC2019_SUBSTITUTE],
  ['2021-05-03', 'DAY_OFF', 'Nghỉ bù Quốc tế Lao động (1/5 là thứ Bảy)', LC2019_SUBSTITUTE],
  ['2021-09-03', 'DAY_OFF', 'Nghỉ Quốc khánh (ngày thứ hai)', `${LC2019_NATIONAL_DAY}; ${molisa(2021, 'lịch nghỉ Tết Âm lịch và Quốc khánh')}`],

  // 2022: 1/1 on a Saturday; Tết Nhâm Dần 29/01–06/02; Hùng Kings' day on a Sunday; 30/4 and 1/5 on the weekend; 1/9–2/9.
  ['2022-01-03', 'DAY_OFF', 'Nghỉ bù Tết Dương lịch (1/1 là thứ Bảy)', LC2019_SUBSTITUTE],
  ['2022-02-02', 'DAY_OFF', TET, 'Công văn 245/VPCP-KGVX ngày 11/01/2022 của Văn phòng Chính phủ'],
  ['2022-02-03', 'DAY_OFF', TET, 'Công văn 245/VPCP-KGVX ngày 11/01/2022 của Văn phòng Chính phủ'],
  ['2022-02-04', 'DAY_OFF', TET, 'Công văn 245/VPCP-KGVX ngày 11/01/2022 của Văn phòng Chính phủ'],
  ['2022-04-11', 'DAY_OFF', 'Nghỉ bù Giỗ Tổ Hùng Vương (10/4 là Chủ nhật)', LC2019_SUBSTITUTE],
  ['2022-05-02', 'DAY_OFF', 'Nghỉ bù ngày Giải phóng miền Nam (30/4 là thứ Bảy)', LC2019_SUBSTITUTE],
  ['2022-05-03', 'DAY_OFF', 'Nghỉ bù Quốc tế Lao động (1/5 là Chủ nhật)', LC2019_SUBSTITUTE],
  ['2022-09-01', 'DAY_OFF', 'Nghỉ Quốc khánh (ngày thứ hai)', `${LC2019_NATIONAL_DAY}; ${molisa(2022, 'lịch nghỉ lễ Quốc khánh')}`],

  // 2023: 1/1 on a Sunday; Tết Quý Mão 20/01–26/01; 29/4 (Hùng Kings) – 3/5; 1/9–4/9.
  ['2023-01-02', 'DAY_OFF', 'Nghỉ bù Tết Dương lịch (1/1 là Chủ nhật)', LC2019_SUBSTITUTE],
  ['2023-01-20', 'DAY_OFF', TET, molisa(2023, 'lịch nghỉ Tết Âm lịch và Quốc khánh')],
  ['2023-01-23', 'DAY_OFF', TET, molisa(2023, 'lịch nghỉ Tết Âm lịch và Quốc khánh')],
  ['2023-01-24', 'DAY_OFF', TET, molisa(2023, 'lịch nghỉ Tết Âm lịch và Quốc khánh')],
  ['2023-01-25', 'DAY_OFF', 'Nghỉ bù Tết Nguyên đán (30 Tết, mùng 1 trùng cuối tuần)', LC2019_SUBSTITUTE],
  ['2023-01-26', 'DAY_OFF', 'Nghỉ bù Tết Nguyên đán (30 Tết, mùng 1 trùng cuối tuần)', LC2019_SUBSTITUTE],
  ['2023-05-02', 'DAY_OFF', 'Nghỉ bù Giỗ Tổ Hùng Vương (29/4 là thứ Bảy)', LC2019_SUBSTITUTE],
  ['2023-05-03', 'DAY_OFF', 'Nghỉ bù ngày Giải phóng miền Nam (30/4 là Chủ nhật)', LC2019_SUBSTITUTE],
  ['2023-09-01', 'DAY_OFF', 'Nghỉ Quốc khánh (ngày thứ hai)', `${LC2019_NATIONAL_DAY}; ${molisa(2023, 'lịch nghỉ Tết Âm lịch và Quốc khánh')}`],
  ['2023-09-04', 'DAY_OFF', 'Nghỉ bù Quốc khánh (2/9 là thứ Bảy)', LC2019_SUBSTITUTE],

  // 2024: Tết Giáp Thìn 08/02–14/02; 27/4–1/5 with a swap; 31/8–3/9.
  ['2024-02-08', 'DAY_OFF', TET, molisa(2024, 'lịch nghỉ Tết Âm lịch và Quốc khánh')],
  ['2024-02-12', 'DAY_OFF', TET, molisa(2024, 'lịch nghỉ Tết Âm lịch và Quốc khánh')],
  ['2024-02-13', 'DAY_OFF', 'Nghỉ bù Tết Nguyên đán (mùng 1, mùng 2 trùng cuối tuần)', LC2019_SUBSTITUTE],
  ['2024-02-14', 'DAY_OFF', 'Nghỉ bù Tết Nguyên đán (mùng 1, mùng 2 trùng cuối tuần)', LC2019_SUBSTITUTE],
  ['2024-04-29', 'DAY_OFF', 'Nghỉ hoán đổi dịp 30/4 – 1/5 (làm bù thứ Bảy 04/5/2024)', 'Công văn 2450/VPCP-KGVX ngày 12/4/2024 của Văn phòng Chính phủ'],
  ['2024-05-04', 'WORKING_DAY', 'Làm bù cho thứ Hai 29/4/2024', 'Công văn 2450/VPCP-KGVX ngày 12/4/2024 của Văn phòng Chính phủ'],
  ['2024-09-03', 'DAY_OFF', 'Nghỉ Quốc khánh (ngày thứ hai)', `${LC2019_NATIONAL_DAY}; ${molisa(2024, 'lịch nghỉ Tết Âm lịch và Quốc khánh')}`],

  // 2025: Tết Ất Tỵ 25/01–02/02 (five days, Monday to Friday); 30/4–4/5 with a swap; 30/8–2/9.
  ['2025-01-27', 'DAY_OFF', TET, molisa(2025, 'lịch nghỉ Tết Âm lịch và Quốc khánh')],
  ['2025-01-30', 'DAY_OFF', TET, molisa(2025, 'lịch nghỉ Tết Âm lịch và Quốc khánh')],
  ['2025-01-31', 'DAY_OFF', TET, molisa(2025, 'lịch nghỉ Tết Âm lịch và Quốc khánh')],
  ['2025-04-26', 'WORKING_DAY', 'Làm bù cho thứ Sáu 02/5/2025', `Ý kiến của Thủ tướng Chính phủ về hoán đổi ngày làm việc dịp 30/4 và 1/5 năm 2025${UNCHECKED}`],
  ['2025-05-02', 'DAY_OFF', 'Nghỉ hoán đổi dịp 30/4 – 1/5 (làm bù thứ Bảy 26/4/2025)', `Ý kiến của Thủ tướng Chính phủ về hoán đổi ngày làm việc dịp 30/4 và 1/5 năm 2025${UNCHECKED}`],
  ['2025-09-01', 'DAY_OFF', 'Nghỉ Quốc khánh (ngày thứ hai)', `${LC2019_NATIONAL_DAY}; ${molisa(2025, 'lịch nghỉ Tết Âm lịch và Quốc khánh')}`],

  // 2026: 1/1–4/1 with a swap; Tết Bính Ngọ 14/02–22/02 (five days 16/02–20/02); Hùng Kings' day on a Sunday; 2/9 (see above).
  ['2026-01-02', 'DAY_OFF', 'Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/01/2026)', 'Công văn 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ'],
  ['2026-01-10', 'WORKING_DAY', 'Làm bù cho thứ Sáu 02/01/2026', 'Công văn 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ'],
  ['2026-02-18', 'DAY_OFF', TET, moha(2026, 'lịch nghỉ Tết Âm lịch và Quốc khánh')],
  ['2026-02-19', 'DAY_OFF', TET, moha(2026, 'lịch nghỉ Tết Âm lịch và Quốc khánh')],
  ['2026-02-20', 'DAY_OFF', TET, moha(2026, 'lịch nghỉ Tết Âm lịch và Quốc khánh')],
  ['2026-04-27', 'DAY_OFF', 'Nghỉ bù Giỗ Tổ Hùng Vương (26/4 là Chủ nhật)', LC2019_SUBSTITUTE],
  ['2026-09-01', 'DAY_OFF', 'Nghỉ Quốc khánh (ngày thứ hai)', `${LC2019_NATIONAL_DAY}; ngày được chọn và việc hoán đổi chưa đối chiếu với thông báo của Bộ Nội vụ`],

  // 2027, as planned (dự kiến): Tết Đinh Mùi 04/02–10/02 (29 tháng Chạp to mùng 5; mùng 1 and 2 on the weekend); 1/5 on a Saturday; 2/9–3/9.
  ['2027-02-04', 'DAY_OFF', 'Nghỉ Tết Nguyên đán (dự kiến)', 'Dự kiến theo Bộ luật Lao động 2019, Điều 112; chưa có thông báo'],
  ['2027-02-08', 'DAY_OFF', 'Nghỉ Tết Nguyên đán (dự kiến)', 'Dự kiến theo Bộ luật Lao động 2019, Điều 112; chưa có thông báo'],
  ['2027-02-09', 'DAY_OFF', 'Nghỉ bù Tết Nguyên đán (dự kiến; mùng 1, mùng 2 trùng cuối tuần)', LC2019_SUBSTITUTE],
  ['2027-02-10', 'DAY_OFF', 'Nghỉ bù Tết Nguyên đán (dự kiến; mùng 1, mùng 2 trùng cuối tuần)', LC2019_SUBSTITUTE],
  ['2027-05-03', 'DAY_OFF', 'Nghỉ bù Quốc tế Lao động (1/5 là thứ Bảy)', LC2019_SUBSTITUTE],
  ['2027-09-03', 'DAY_OFF', 'Nghỉ Quốc khánh (ngày thứ hai, dự kiến)', `${LC2019_NATIONAL_DAY}; chưa có thông báo`],
];

export class WorkingCalendar1764300000000 implements MigrationInterface {
  name = 'WorkingCalendar1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TYPE calendar_adjustment_kind AS ENUM ('DAY_OFF', 'WORKING_DAY');
      -- One official change to the plain week for one day (national: kept by national administrators).
      CREATE TABLE calendar_adjustment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        day date NOT NULL UNIQUE CHECK (day BETWEEN '2019-01-01' AND '2100-12-31'),
        kind calendar_adjustment_kind NOT NULL,
        name text NOT NULL CHECK (btrim(name) <> ''),
        legal_basis text,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
    `);
    await q.query(
      `INSERT INTO calendar_adjustment (day, kind, name, legal_basis)
       SELECT r.day::date, r.kind::calendar_adjustment_kind, r.name, r.legal_basis
         FROM jsonb_to_recordset($1::jsonb) AS r(day text, kind text, name text, legal_basis text)`,
      [JSON.stringify(CALENDAR_ADJUSTMENTS.map(([day, kind, name, legalBasis]) => ({ day, kind, name, legal_basis: legalBasis })))],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE calendar_adjustment; DROP TYPE calendar_adjustment_kind;`);
  }
}
