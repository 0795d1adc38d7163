import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { DossierStatus } from '../modules/dossiers/dossier-status';
import { addDossiersToRollup } from '../modules/reports/dossier-rollup.service';
import { OFFICE_HOURS } from '../modules/working-days/working-day.entity';
import { WorkingDayService } from '../modules/working-days/working-day.service';
import { addDays, todayInVietnam } from '../platform/graphql/scalars';
import { s10CheckDigit } from '../platform/postal-item';

/**
 * A year of dossiers (issue 11) at Hà Tĩnh's pilot desks (the provincial public administration centre,
 * Cẩm Xuyên, Kỳ Anh, Kỳ Bắc) and at Tánh Linh's district desk, up to the moment the seed runs: about
 * 3,000 dossiers, each with its components and its whole timeline, so that the grid, the counts per
 * status, the officer's queue, the pickup queue, the overdue flags and the ratings have something to show.
 *
 * How it is made: every dossier's life is simulated from its reception (a working day, in office hours;
 * online registrations at any hour) with the status machine's steps only (dossier-status.ts), each step
 * timed in office hours on the working-day calendar the API uses (WorkingDayService: weekends,
 * date-holidays' public holidays and the calendar_adjustment table); the steps after the moment of seeding
 * are cut off, so recent dossiers are still in progress. The dossier's columns are then read back from the
 * events kept, as the service would have written them: status, due moment (counted like
 * DossierService.dueFrom, again from the supplement when one came), clock stopped, the apology's new date,
 * result ready and returned, rating, version. Codes are `<identifier>-YYMMDD-XXXX`, numbered per unit and
 * day in order of reception, and dossier_sequence is left at each day's last number (after any number
 * already given that day), so a new reception continues the sequence.
 *
 * What is ILLUSTRATIVE: everything about the people and the volumes. Applicants are invented (every name
 * ends in "(demo)"), their phone numbers, CCCD numbers (valid in format only), addresses (real commune
 * names, invented hamlets) and e-mail addresses (example.com); clerks are the roster seed's demo staff,
 * officers and postmen invented "(demo)" names. The volumes (about 3,000 a year over five desks) are a
 * sample far below the real ones (Hà Tĩnh: 262,725 dossiers via BCCI in 2023), and the shares of channels,
 * refusals, supplements, late results and ratings are plausible guesses, not statistics; postal item
 * numbers are valid UPU S10 numbers (check digit) from invented serials, and portal references invented.
 *
 * Bulk: one multi-row statement per table (rows passed as one JSON parameter), for the first start.
 */

/** The desks (codes of the reference data), the post office that serves each, and a year's volume. */
const DESKS: Array<{ desk: string; office: string; perYear: number; places: string[] }> = [
  { desk: '42-TTPVHCC-MC', office: 'BD-42', perYear: 1000, places: ['phường Bắc Hà, thành phố Hà Tĩnh', 'phường Nam Hà, thành phố Hà Tĩnh', 'phường Trần Phú, thành phố Hà Tĩnh', 'phường Thạch Linh, thành phố Hà Tĩnh', 'phường Văn Yên, thành phố Hà Tĩnh', 'xã Thạch Hạ, thành phố Hà Tĩnh', 'thị trấn Thạch Hà, huyện Thạch Hà', 'phường Bắc Hồng, thị xã Hồng Lĩnh'] },
  { desk: '42-UBND-446-MC', office: 'BD-446', perYear: 600, places: ['thị trấn Cẩm Xuyên, huyện Cẩm Xuyên', 'thị trấn Thiên Cầm, huyện Cẩm Xuyên', 'xã Cẩm Bình, huyện Cẩm Xuyên', 'xã Cẩm Vịnh, huyện Cẩm Xuyên', 'xã Cẩm Thành, huyện Cẩm Xuyên', 'xã Cẩm Quang, huyện Cẩm Xuyên'] },
  { desk: '42-UBND-447-MC', office: 'BD-447', perYear: 550, places: ['xã Kỳ Bắc, huyện Kỳ Anh', 'xã Kỳ Phong, huyện Kỳ Anh', 'xã Kỳ Tiến, huyện Kỳ Anh', 'xã Kỳ Giang, huyện Kỳ Anh', 'xã Kỳ Đồng, huyện Kỳ Anh', 'xã Kỳ Văn, huyện Kỳ Anh'] },
  { desk: '42-UBND-18760-MC', office: 'BDVHX-18760', perYear: 350, places: ['xã Kỳ Bắc, huyện Kỳ Anh'] },
  { desk: '60-UBND-599-MC', office: 'BD-599', perYear: 550, places: ['thị trấn Lạc Tánh, huyện Tánh Linh', 'xã Gia An, huyện Tánh Linh', 'xã Đức Thuận, huyện Tánh Linh', 'xã Bắc Ruộng, huyện Tánh Linh', 'xã Nghị Đức, huyện Tánh Linh', 'xã Huy Khiêm, huyện Tánh Linh', 'xã Đồng Kho, huyện Tánh Linh'] },
];
const PROVINCE_NAME: Record<string, string> = { '42': 'tỉnh Hà Tĩnh', '60': 'tỉnh Bình Thuận' };
/** The birth-registration province of most applicants' CCCD (Hà Tĩnh 042, Bình Thuận 060), and a few from elsewhere. */
const BIRTH_PROVINCE: Record<string, string> = { '42': '042', '60': '060' };
const OTHER_BIRTH_PROVINCES = ['040', '038', '001', '079', '044', '068'];

/** How often a procedure is asked for, relative to the others of its desk (default 1): illustrative. */
const POPULARITY: Record<string, number> = {
  '1.001193': 8, '1.000656': 3, '1.000894': 3, '1.004873': 4, '1.004746': 4, '2.000815': 10, '2.000884': 4, '2.001035': 2, '1.001776': 2, '2.000575': 2,
  '1.004227': 10, '1.004238': 6, '1.004269': 3, '1.005398': 6, '1.009794': 4, '1.000401': 5, '1.000043': 3,
  '1.001417': 8, '1.002804': 8, '1.005092': 4, '1.003337': 5, '2.001610': 3,
};
/** Busier and quieter months (1 = January): the rush before Tết, the quiet Tết month, the school summer. */
const MONTH_FACTOR = [1.25, 0.7, 1.05, 1, 1, 1.05, 1.1, 1.1, 0.95, 0.95, 1, 1.15];

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Phan', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Đinh', 'Trương', 'Thái', 'Hà', 'Mai', 'Cao'];
const MALE_MIDDLE = ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Xuân', 'Công', 'Đình', 'Thanh', 'Ngọc'];
const FEMALE_MIDDLE = ['Thị', 'Thị Thu', 'Thị Ngọc', 'Thị Hồng', 'Thị Thanh', 'Thị Kim', 'Ngọc', 'Thị Minh', 'Thị Lan', 'Thị Mỹ'];
const MALE_GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Đức', 'Hải', 'Hùng', 'Khánh', 'Long', 'Minh', 'Nam', 'Phúc', 'Quân', 'Sơn', 'Tâm', 'Thắng', 'Tuấn', 'Việt', 'Vinh', 'Hiếu', 'Toàn', 'Lộc'];
const FEMALE_GIVEN = ['Anh', 'Châu', 'Giang', 'Hà', 'Hạnh', 'Hiền', 'Hoa', 'Hương', 'Lan', 'Linh', 'Loan', 'Mai', 'Nga', 'Ngọc', 'Nhung', 'Oanh', 'Phương', 'Quỳnh', 'Thảo', 'Trang', 'Vân', 'Yến'];
const HAMLET = ['Thôn', 'Xóm', 'Tổ dân phố'];
const ASCII: Record<string, string> = { đ: 'd', Đ: 'D' };
const plain = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, (c) => ASCII[c]);

const REFUSALS = [
  'Hồ sơ không thuộc thẩm quyền giải quyết của cơ quan; đã hướng dẫn công dân nộp tại cơ quan có thẩm quyền.',
  'Hồ sơ thiếu thành phần bắt buộc theo quy định; công dân không bổ sung được ngay.',
  'Giấy tờ xuất trình không hợp lệ (hết hiệu lực).',
];
const SUPPLEMENTS = [
  ['Bản sao giấy tờ chứng minh quyền sử dụng đất có chứng thực'],
  ['Tờ khai ghi thiếu thông tin, cần kê khai lại', 'Chữ ký của người yêu cầu'],
  ['Giấy ủy quyền có chứng thực'],
  ['Bản vẽ sơ đồ thửa đất theo đúng hiện trạng'],
];
const APOLOGIES = [
  'Hồ sơ cần xác minh thêm với cơ quan liên quan nên chưa giải quyết kịp thời hạn.',
  'Hồ sơ phải lấy ý kiến của nhiều cơ quan, thời gian phối hợp kéo dài.',
  'Cán bộ thụ lý nghỉ ốm, việc bàn giao hồ sơ chậm.',
];
const RATING_COMMENTS = ['Cán bộ hướng dẫn tận tình.', 'Nhận kết quả tại nhà rất tiện.', 'Thủ tục nhanh gọn.', 'Phải chờ lâu.', 'Trả kết quả chậm so với giấy hẹn.'];

const VN_OFFSET_MS = 7 * 3600_000;
/** A working day's office hours (07:30–11:30, 13:30–17:00), used to turn working days into hours. */
const DAY_HOURS = 7.5;
/** Rows per INSERT statement. */
const SLICE = Number(process.env.OSP_SEED_SLICE ?? 2000);
/** 17:00 in Vietnam: a due day in working days is due then (DossierService.dueFrom). */
const OFFICE_DAY_END_UTC = '10:00:00.000Z';

/** A small deterministic generator (mulberry32): two demo databases seeded the same day read alike. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    chance: (p: number) => next() < p,
    between: (lo: number, hi: number) => lo + next() * (hi - lo),
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    weighted: <T>(items: ReadonlyArray<readonly [T, number]>): T => {
      let r = next() * items.reduce((s, [, w]) => s + w, 0);
      for (const [item, w] of items) if ((r -= w) < 0) return item;
      return items[items.length - 1][0];
    },
  };
}
export type Rng = ReturnType<typeof prng>;

/** A moment of a Vietnamese day at `minutes` past midnight (UTC+7). */
const momentOf = (day: string, minutes: number) => new Date(Date.parse(`${day}T00:00:00Z`) + minutes * 60_000 - VN_OFFSET_MS);
const officeMinute = (rng: Rng) => {
  const m = rng.int(0, 449);
  return m < 240 ? OFFICE_HOURS[0][0] + m : OFFICE_HOURS[1][0] + m - 240;
};
const yymmdd = (day: string) => `${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}`;

interface Actor {
  id: string | null;
  label: string;
}
interface SeedEvent {
  at: Date;
  kind: string;
  from: DossierStatus | null;
  to: DossierStatus | null;
  actor: Actor;
  unit: string | null;
  place?: string | null;
  item?: string | null;
  note?: string | null;
  due?: Date | null;
  /** RATED: the rating (1–3) and comment. */
  rating?: { value: number; comment: string | null };
}
interface ProcedureRow {
  id: string;
  code: string;
  level: string;
  field: string;
  procedure_fee: string;
  postal_fee: string;
  processing_time: number;
  processing_unit: 'WORKING_DAYS' | 'WORKING_HOURS';
  online_level: string;
  bcci_mode: string;
  components: Array<{ name: string; originals: number; copies: number; required: boolean }>;
  /** The deciding agency when the catalogue names one (else the desk's agency decides, as DossierService routes it). */
  agency_id: string | null;
  agency_name: string | null;
}

/** What the steps that change the version are (every step, the apology, the rating; not the postal events). */
const VERSIONED = new Set(['RECEIVE', 'REFUSE', 'FORWARD', 'REQUEST_SUPPLEMENT', 'SUPPLEMENT_RECEIVED', 'AWAIT_FINANCIAL_OBLIGATION', 'FINANCIAL_OBLIGATION_MET', 'REQUEST_WITHDRAWAL', 'STOP', 'RESUME', 'RESULT_READY', 'RETURN_RESULT', 'APOLOGY', 'RATED']);

/**
 * The part `demo_dossiers` of the demo seed. Skipped in test databases (NODE_ENV=test) unless
 * OSP_DEMO_DOSSIERS=1, and anywhere with OSP_DEMO_DOSSIERS=0: see `demoDossiersWanted`.
 */
export function demoDossiersWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  const flag = env.OSP_DEMO_DOSSIERS?.trim();
  if (flag === '1') return true;
  if (flag === '0') return false;
  return env.NODE_ENV !== 'test';
}

export async function loadDossierDemo(m: EntityManager, now = new Date()): Promise<{ dossiers: number; dossierEvents: number }> {
  const rng = prng(20191118); // Kỳ Bắc's desk opened on 18/11 (seed 004)
  const today = todayInVietnam(now);
  const first = addDays(today, -364);
  const calendar = await workingCalendar(m, addDays(first, -1), addDays(today, 200));
  const wh = (from: Date, hours: number) => calendar.addWorkingHours(from, Math.max(hours, 0.05));

  const desks: Array<{ id: string; code: string; name: string; level: string; province_id: string; agency_id: string; agency_name: string; unit_code: string | null }> = await m.query(
    `SELECT d.id, d.code, d.name, d.level, d.province_id, a.id AS agency_id, a.name AS agency_name, coalesce(d.identifier_code, a.identifier_code) AS unit_code
       FROM one_stop_desk d JOIN agency a ON a.id = d.agency_id WHERE d.code = ANY($1)`,
    [DESKS.map((d) => d.desk)],
  );
  const offices = new Map<string, { id: string; name: string }>((await m.query(`SELECT id, code, name FROM post_office WHERE code = ANY($1)`, [DESKS.map((d) => d.office)])).map((o: { id: string; code: string; name: string }) => [o.code, o]));
  const clerkRows: Array<{ full_name: string; home_desk_id: string }> = await m.query(`SELECT full_name, home_desk_id FROM staff WHERE home_desk_id = ANY($1) AND post_office_id IS NOT NULL ORDER BY seq`, [desks.map((d) => d.id)]);
  const [demoClerk]: Array<{ id: string; display_name: string; one_stop_desk_id: string }> = await m.query(`SELECT id, display_name, one_stop_desk_id FROM app_user WHERE username = 'hatinh.quay'`);
  const procedures: Array<ProcedureRow & { province_id: string }> = await m.query(
    `SELECT p.id, p.code, p.level, f.code AS field, p.agency_id, (SELECT a.name FROM agency a WHERE a.id = p.agency_id) AS agency_name, p.procedure_fee, p.postal_fee, p.processing_time, p.processing_unit, p.online_level, p.bcci_mode, p.province_id,
            coalesce((SELECT json_agg(json_build_object('name', c.name, 'originals', c.originals, 'copies', c.copies, 'required', c.required) ORDER BY c.position)
                        FROM procedure_component c WHERE c.procedure_id = p.id), '[]') AS components
       FROM procedure p JOIN procedure_field f ON f.id = p.field_id
      WHERE p.province_id = ANY($1) AND p.retired_on IS NULL ORDER BY p.code`,
    [[...new Set(desks.map((d) => d.province_id))]],
  );
  // Numbers already given (a database that received dossiers before this part existed): the seed numbers after them.
  const taken = new Map<string, number>(
    (await m.query(`SELECT unit_code, day::text AS day, last FROM dossier_sequence WHERE day >= $1`, [first])).map((r: { unit_code: string; day: string; last: number }) => [`${r.unit_code}@${r.day}`, Number(r.last)]),
  );

  // The working days of the year (receptions at the desks happen on them).
  const workingDays: string[] = [];
  for (let day = first; day <= today; day = addDays(day, 1)) if (calendar.isWorkingDay(day)) workingDays.push(day);

  let serial = 0;
  const postalItem = (service: 'RR' | 'EE') => {
    serial += 1;
    const digits = String(37_000_000 + serial * 7 + rng.int(0, 6)).padStart(8, '0');
    return `${service}${digits}${s10CheckDigit(digits)}VN`;
  };
  let people = 0;
  const inventedName = (female = rng.chance(0.5)) => {
    people += 1;
    return `${rng.pick(FAMILY)} ${rng.pick(female ? FEMALE_MIDDLE : MALE_MIDDLE)} ${rng.pick(female ? FEMALE_GIVEN : MALE_GIVEN)} (demo)`;
  };

  const dossiers: Array<Record<string, unknown>> = [];
  const components: Array<Record<string, unknown>> = [];
  const events: Array<Record<string, unknown>> = [];
  const pickups: Array<Record<string, unknown>> = [];
  const sequences = new Map<string, number>();

  for (const plan of DESKS) {
    const foundDesk = desks.find((d) => d.code === plan.desk);
    const foundOffice = offices.get(plan.office);
    if (!foundDesk || !foundOffice) throw new Error(`dossier demo: no desk ${plan.desk} or post office ${plan.office}`);
    const desk = foundDesk;
    const office = foundOffice;
    if (!desk.unit_code) throw new Error(`dossier demo: desk ${plan.desk} has no identifier code`);
    const unitCode = desk.unit_code;
    const offered = procedures.filter((p) => p.province_id === desk.province_id && p.level === desk.level);
    if (!offered.length) throw new Error(`dossier demo: no ${desk.level} procedures for ${plan.desk}`);
    const byPopularity = offered.map((p) => [p, POPULARITY[p.code] ?? 1] as const);
    const clerks: Actor[] = clerkRows.filter((c) => c.home_desk_id === desk.id).map((c) => ({ id: null, label: c.full_name }));
    if (demoClerk?.one_stop_desk_id === desk.id) clerks.push({ id: demoClerk.id, label: demoClerk.display_name }, { id: demoClerk.id, label: demoClerk.display_name });
    if (!clerks.length) clerks.push({ id: null, label: inventedName() });
    const officers: Actor[] = [0, 1].map(() => ({ id: null, label: inventedName() }));
    const postmen: Actor[] = [0, 1, 2].map(() => ({ id: null, label: inventedName(false) }));
    const tellers: Actor[] = [0, 1].map(() => ({ id: null, label: inventedName(true) }));
    // The province of the pilot years (Tánh Linh was in Bình Thuận), from the desk's code.
    const provinceCode = plan.desk.slice(0, 2);
    const province = PROVINCE_NAME[provinceCode] ?? '';
    const perDay = plan.perYear / workingDays.length;

    const receptions: Array<{ at: Date; procedure: ProcedureRow; channel: string }> = [];
    for (const day of workingDays) {
      const mean = perDay * MONTH_FACTOR[Number(day.slice(5, 7)) - 1];
      const count = Math.floor(mean) + (rng.chance(mean - Math.floor(mean)) ? 1 : 0) + (rng.chance(0.15) ? 1 : 0) - (rng.chance(0.15) ? 1 : 0);
      for (let i = 0; i < count; i += 1) {
        const procedure = rng.weighted(byPopularity);
        const channel = procedure.bcci_mode !== 'RECEIVE_AND_RETURN'
          ? 'AT_DESK'
          : rng.weighted([['AT_DESK', 70], ['AT_POST_OFFICE', 11], ['HOME_APPOINTMENT', 5], ['ONLINE_WITH_POSTAL_PICKUP', procedure.online_level === 'NONE' ? 0 : 14]] as const);
        // Online registrations come at any hour of any day (on the portal), the others in office hours.
        const at = channel === 'ONLINE_WITH_POSTAL_PICKUP' ? momentOf(addDays(day, -rng.int(0, 2)), rng.int(6 * 60, 23 * 60)) : momentOf(day, officeMinute(rng));
        if (at.getTime() <= now.getTime() && todayInVietnam(at) >= first) receptions.push({ at, procedure, channel });
      }
    }
    // Numbered per unit and day in order of reception (Article 19), after any number already given.
    receptions.sort((a, b) => a.at.getTime() - b.at.getTime());
    const firstOfDesk = dossiers.length;
    const waitsForPickup = receptions.findLast((r) => r.channel === 'ONLINE_WITH_POSTAL_PICKUP');
    for (const r of receptions) {
      const key = `${unitCode}@${todayInVietnam(r.at)}`;
      const number = (sequences.get(key) ?? taken.get(key) ?? 0) + 1;
      sequences.set(key, number);
      const built = simulate(r, number);
      dossiers.push(built.dossier);
      if (built.pickup) pickups.push(built.pickup);
      components.push(...built.components);
      events.push(...built.events);
    }

    // Form 04 still to write: the desk's latest overdue dossier at the agency waits for its apology, whatever
    // the draws gave, so the dossier page has one to offer (the browser walk writes it).
    const waiting = dossiers
      .slice(firstOfDesk)
      .filter((d) => d.status === DossierStatus.PROCESSING && d.promised_on && Date.parse(d.due_at as string) < now.getTime())
      .at(-1);
    if (waiting) {
      const apology = events.findLastIndex((e) => e.dossier_id === waiting.id && e.kind === 'APOLOGY');
      events.splice(apology, 1);
      Object.assign(waiting, { promised_on: null, version: (waiting.version as number) - 1 });
    }

    /** One dossier's life from its reception, cut at `now`, and the columns that follow from its events. */
    function simulate(r: { at: Date; procedure: ProcedureRow; channel: string }, number: number) {
      const { procedure, channel } = r;
      const id = randomUUID();
      const receivedDay = todayInVietnam(r.at);
      const female = rng.chance(0.55);
      const name = inventedName(female);
      const birthYear = rng.int(Number(today.slice(0, 4)) - 78, Number(today.slice(0, 4)) - 18);
      const centuryDigit = (birthYear >= 2000 ? 2 : 0) + (female ? 1 : 0);
      const nationalId = rng.chance(0.93) ? `${rng.chance(0.9) ? BIRTH_PROVINCE[provinceCode] ?? '042' : rng.pick(OTHER_BIRTH_PROVINCES)}${centuryDigit}${String(birthYear % 100).padStart(2, '0')}${String(rng.int(0, 999_999)).padStart(6, '0')}` : null;
      const phone = `0${rng.pick(['912', '913', '915', '943', '983', '986', '977', '968', '339', '356', '373', '388', '705', '789', '833', '857'])}${String(rng.int(0, 999_999)).padStart(6, '0')}`;
      const address = `${rng.pick(HAMLET)} ${rng.int(1, 14)}, ${rng.pick(plan.places)}, ${province}`;
      const email = rng.chance(0.15) ? `${plain(name.replace(' (demo)', '')).toLowerCase().split(' ').reverse().join('.')}.${rng.int(10, 99)}@example.com` : null;
      const bcci = procedure.bcci_mode;
      const byPost = bcci !== 'NOT_ELIGIBLE' && rng.chance(channel === 'AT_DESK' ? 0.18 : 0.65);
      const legs = (channel === 'AT_DESK' ? 0 : 1) + (byPost ? 1 : 0);
      const clerk = rng.pick(clerks);
      const officer = rng.pick(officers);
      const agencyId = procedure.agency_id ?? desk.agency_id;
      const agencyName = procedure.agency_name ?? desk.agency_name;
      const postman = rng.pick(postmen);
      const hoursAllowed = procedure.processing_unit === 'WORKING_HOURS' ? procedure.processing_time : procedure.processing_time * DAY_HOURS;
      // As DossierService.dueFrom counts it.
      const dueFrom = (from: Date) =>
        procedure.processing_unit === 'WORKING_HOURS'
          ? calendar.addWorkingHours(from, procedure.processing_time)
          : new Date(`${calendar.addWorkingDays(todayInVietnam(from), procedure.processing_time)}T${OFFICE_DAY_END_UTC}`);

      const evs: SeedEvent[] = [];
      let current: DossierStatus = DossierStatus.NEW;
      const push = (e: Omit<SeedEvent, 'from' | 'to'> & { from?: DossierStatus | null; to?: DossierStatus | null }) => {
        if (e.to) current = e.to;
        // Strictly after the previous step (a step cannot precede the one it follows).
        const last = evs.at(-1);
        const at = last && e.at.getTime() <= last.at.getTime() ? new Date(last.at.getTime() + 60_000) : e.at;
        evs.push({ from: null, to: null, ...e, at });
        return at;
      };
      const S = DossierStatus;
      let due = dueFrom(r.at);
      let clockFrom = r.at;
      let pickupWindow: [Date, Date] | null = null;
      let t: Date;
      lifecycle: {
        if (channel === 'ONLINE_WITH_POSTAL_PICKUP') {
          t = push({ at: r.at, kind: 'REGISTERED_ONLINE', to: S.NEW, actor: { id: null, label: 'Người nộp hồ sơ' }, unit: 'Cổng Dịch vụ công', due });
          t = push({ at: wh(t, rng.between(0.3, 3)), kind: 'PICKUP_SCHEDULED', actor: rng.pick(tellers), unit: office.name, place: address, note: 'Đã gọi điện hẹn thu gom hồ sơ tại nhà' });
          if (rng.chance(0.02)) {
            push({ at: wh(t, rng.between(1, 4)), kind: 'REFUSE', from: S.NEW, to: S.NOT_ACCEPTED, actor: clerk, unit: desk.name, note: rng.pick(REFUSALS) });
            break lifecycle;
          }
          const item = postalItem('RR');
          const pickedAt = wh(t, rng.between(1, 8));
          pickupWindow = [new Date(pickedAt.getTime() - 3600_000), new Date(pickedAt.getTime() + 3600_000)];
          t = push({ at: pickedAt, kind: 'PICKED_UP', actor: postman, unit: office.name, place: address, item });
          t = push({ at: wh(t, rng.between(0.5, 4)), kind: 'HANDED_TO_AGENCY', actor: postman, unit: office.name, place: desk.name, item });
          // The desk holds the paper dossier: its clock starts now (DossierService, step RECEIVE).
          t = push({ at: new Date(t.getTime() + rng.int(5, 40) * 60_000), kind: 'RECEIVE', from: S.NEW, to: S.RECEIVED, actor: clerk, unit: desk.name });
          clockFrom = t;
          due = dueFrom(t);
          evs.at(-1)!.due = due;
        } else {
          const atPost = channel !== 'AT_DESK';
          t = push({ at: r.at, kind: 'RECEIVED_AT_DESK', to: S.RECEIVED, actor: atPost ? rng.pick(tellers) : clerk, unit: atPost ? office.name : desk.name, place: channel === 'HOME_APPOINTMENT' ? address : null, due });
          if (atPost) t = push({ at: wh(t, rng.between(1, 8)), kind: 'HANDED_TO_AGENCY', actor: postman, unit: office.name, place: desk.name, item: postalItem('RR') });
        }
        // At the desk: refused (Form 03), a supplement asked at once (Form 02), or forwarded to the deciding agency.
        const supplement = (by: Actor, unit: string) => {
          t = push({ at: wh(t, rng.between(0.2, Math.max(0.5, hoursAllowed * 0.4))), kind: 'REQUEST_SUPPLEMENT', from: current, to: S.SUPPLEMENT_REQUESTED, actor: by, unit, note: ['Đề nghị bổ sung:', ...rng.pick(SUPPLEMENTS).map((s) => `- ${s}`)].join('\n') });
          if (rng.chance(0.15)) {
            push({ at: wh(t, rng.between(15, 25) * DAY_HOURS), kind: 'STOP', from: S.SUPPLEMENT_REQUESTED, to: S.STOPPED, actor: clerk, unit: desk.name, note: 'Quá thời hạn bổ sung, công dân không bổ sung hồ sơ.' });
            return false;
          }
          t = push({ at: wh(t, rng.between(1, 8) * DAY_HOURS), kind: 'SUPPLEMENT_RECEIVED', from: S.SUPPLEMENT_REQUESTED, to: S.PROCESSING, actor: clerk, unit: desk.name });
          // Decree 61/2018: the time counts again, in full, from the complete dossier.
          clockFrom = t;
          due = dueFrom(t);
          evs.at(-1)!.due = due;
          return true;
        };
        const deskChoice = rng.next();
        if (deskChoice < 0.02) {
          push({ at: new Date(t.getTime() + rng.int(3, 20) * 60_000), kind: 'REFUSE', from: S.RECEIVED, to: S.NOT_ACCEPTED, actor: clerk, unit: desk.name, note: rng.pick(REFUSALS) });
          break lifecycle;
        }
        if (deskChoice < 0.035) {
          if (!supplement(clerk, desk.name)) break lifecycle;
        } else {
          t = push({ at: wh(t, rng.between(0.1, 2)), kind: 'FORWARD', from: S.RECEIVED, to: S.PROCESSING, actor: clerk, unit: desk.name });
        }
        // At the agency.
        if (rng.chance(0.06) && !supplement(officer, agencyName)) break lifecycle;
        if (rng.chance(0.007)) {
          t = push({ at: wh(t, rng.between(1, 3) * DAY_HOURS), kind: 'REQUEST_WITHDRAWAL', from: S.PROCESSING, to: S.WITHDRAWAL_REQUESTED, actor: clerk, unit: desk.name, note: 'Công dân có đơn xin rút hồ sơ.' });
          push({ at: wh(t, rng.between(2, 8)), kind: 'STOP', from: S.WITHDRAWAL_REQUESTED, to: S.STOPPED, actor: officer, unit: agencyName, note: 'Dừng xử lý theo đơn xin rút hồ sơ của công dân.' });
          break lifecycle;
        }
        if (procedure.field === 'DAT_DAI' && rng.chance(0.35)) {
          t = push({ at: wh(clockFrom, hoursAllowed * rng.between(0.2, 0.5)), kind: 'AWAIT_FINANCIAL_OBLIGATION', from: S.PROCESSING, to: S.AWAITING_FINANCIAL_OBLIGATION, actor: officer, unit: agencyName, note: 'Đã chuyển thông tin địa chính sang cơ quan thuế.' });
          t = push({ at: wh(t, rng.between(1, 5) * DAY_HOURS), kind: 'FINANCIAL_OBLIGATION_MET', from: S.AWAITING_FINANCIAL_OBLIGATION, to: S.PROCESSING, actor: officer, unit: agencyName });
        }
        // The decision: on time mostly, late for some (then, most often, Form 04 before the due day).
        let ready = rng.chance(0.07) ? wh(due, rng.between(0.3, 6) * DAY_HOURS) : wh(clockFrom, hoursAllowed * rng.between(0.3, 0.95));
        if (ready.getTime() <= t.getTime()) ready = wh(t, rng.between(0.3, 2));
        if (ready.getTime() > due.getTime() && rng.chance(0.75)) {
          const dueDay = todayInVietnam(due);
          const apologyAt = new Date(Math.max(t.getTime() + 10 * 60_000, momentOf(dueDay, rng.int(8 * 60, 10 * 60)).getTime()));
          const readyDay = todayInVietnam(ready);
          // Most promises are kept; some new dates pass too.
          const promised = rng.chance(0.85) ? (readyDay > dueDay ? readyDay : calendar.addWorkingDays(dueDay, 1)) : calendar.addWorkingDays(dueDay, 1);
          if (apologyAt.getTime() < ready.getTime() && promised > dueDay) {
            t = push({ at: apologyAt, kind: 'APOLOGY', actor: officer, unit: agencyName, note: rng.pick(APOLOGIES), due: new Date(`${promised}T${OFFICE_DAY_END_UTC}`) });
          }
        }
        t = push({ at: ready, kind: 'RESULT_READY', from: S.PROCESSING, to: S.RESULT_READY, actor: officer, unit: agencyName });
        if (byPost) {
          const item = postalItem('EE');
          t = push({ at: wh(t, rng.between(0.5, 6)), kind: 'RESULT_COLLECTED', actor: postman, unit: office.name, place: desk.name });
          t = push({ at: wh(t, rng.between(0.5, 8)), kind: 'OUT_FOR_DELIVERY', actor: postman, unit: office.name, item });
          if (rng.chance(0.06)) {
            t = push({ at: wh(t, rng.between(0.5, 3)), kind: 'DELIVERY_FAILED', actor: postman, unit: office.name, place: address, item, note: 'Người nhận vắng nhà, hẹn phát lại.' });
            t = push({ at: wh(t, rng.between(6, 10)), kind: 'OUT_FOR_DELIVERY', actor: postman, unit: office.name, item });
          }
          t = push({ at: wh(t, rng.between(0.5, 3)), kind: 'DELIVERED', actor: postman, unit: office.name, place: address, item });
          t = push({ at: new Date(t.getTime() + rng.int(5, 90) * 60_000), kind: 'RETURN_RESULT', from: S.RESULT_READY, to: S.RESULT_RETURNED, actor: clerk, unit: desk.name, note: `Đã phát qua bưu điện, số hiệu bưu gửi ${item}` });
        } else {
          if (rng.chance(0.015)) break lifecycle; // never collected
          t = push({ at: wh(t, rng.between(0.2, 6) * DAY_HOURS), kind: 'RETURN_RESULT', from: S.RESULT_READY, to: S.RESULT_RETURNED, actor: clerk, unit: desk.name });
        }
        if (rng.chance(0.65)) {
          const value = rng.weighted([[1, 86], [2, 10], [3, 4]] as const);
          const atCounter = !byPost && rng.chance(0.6);
          push({
            at: atCounter ? new Date(t.getTime() + rng.int(1, 15) * 60_000) : new Date(t.getTime() + rng.int(1, 72) * 3600_000),
            kind: 'RATED',
            actor: atCounter ? clerk : { id: null, label: 'Người nộp hồ sơ' },
            unit: atCounter ? desk.name : null,
            rating: { value, comment: rng.chance(0.2) ? RATING_COMMENTS[value === 1 ? rng.int(0, 2) : rng.int(3, 4)] : null },
          });
        }
      }

      // Cut at the moment of seeding, then read the columns back from what happened. The desk's latest online
      // dossier is cut after its pickup was called for, its window ahead: the post office's pickup queue always
      // has one waiting, whatever the day and hour of seeding (on a Sunday night every other pickup is done).
      const holdsPickup = r === waitsForPickup ? evs.find((e) => e.kind === 'PICKUP_SCHEDULED') : undefined;
      const cutAt = holdsPickup ? Math.min(holdsPickup.at.getTime(), now.getTime()) : now.getTime();
      const kept = evs.filter((e) => e.at.getTime() <= cutAt);
      if (holdsPickup) {
        const from = wh(now, 2);
        pickupWindow = [from, new Date(from.getTime() + 2 * 3600_000)];
      }
      let status: DossierStatus = kept[0].to!;
      let dueAt = kept[0].due!;
      let receivedAt = r.at;
      let clockStoppedAt: Date | null = null;
      let promisedOn: string | null = null;
      let resultReadyAt: Date | null = null;
      let resultReturnedAt: Date | null = null;
      let rated: SeedEvent | null = null;
      let version = 1;
      for (const e of kept.slice(1)) {
        if (e.to) status = e.to;
        if (VERSIONED.has(e.kind)) version += 1;
        if (e.kind === 'REQUEST_SUPPLEMENT') clockStoppedAt = e.at;
        if (e.kind === 'RECEIVE') {
          receivedAt = e.at;
          dueAt = e.due!;
        }
        if (e.kind === 'SUPPLEMENT_RECEIVED') {
          clockStoppedAt = null;
          dueAt = e.due!;
          promisedOn = null;
        }
        if (e.kind === 'APOLOGY') promisedOn = todayInVietnam(e.due!);
        if (e.kind === 'RESULT_READY') resultReadyAt = e.at;
        if (e.kind === 'RETURN_RESULT') resultReturnedAt = e.at;
        if (e.kind === 'RATED') rated = e;
      }
      const code = `${unitCode}-${yymmdd(receivedDay)}-${String(number).padStart(4, '0')}`;
      const checklist = procedure.components.filter((c) => c.required || rng.chance(0.3));
      const digitisedShare = 0.7 + 0.25 * ((r.at.getTime() - momentOf(first, 0).getTime()) / (365 * 86_400_000));
      // An online dossier's pickup appointment in the post office's queue (pickup.service.ts), as far as it went.
      const picked = kept.some((e) => e.kind === 'PICKED_UP');
      const scheduled = kept.some((e) => e.kind === 'PICKUP_SCHEDULED');
      const pickup = channel !== 'ONLINE_WITH_POSTAL_PICKUP'
        ? null
        : {
            dossier_id: id,
            post_office_id: office.id,
            province_id: desk.province_id,
            address,
            status: status === S.NOT_ACCEPTED && !picked ? 'CANCELLED' : picked ? 'PICKED_UP' : scheduled ? 'SCHEDULED' : 'TO_CALL',
            window_from: (picked || scheduled) && pickupWindow ? pickupWindow[0].toISOString() : null,
            window_to: (picked || scheduled) && pickupWindow ? pickupWindow[1].toISOString() : null,
            attempts: 0,
            last_outcome_note: null,
            version: 1 + (scheduled ? 1 : 0) + (picked ? 1 : 0),
            created_at: r.at.toISOString(),
            updated_at: kept.filter((e) => e.kind === 'REGISTERED_ONLINE' || e.kind === 'PICKUP_SCHEDULED' || e.kind === 'PICKED_UP').at(-1)!.at.toISOString(),
          };
      return {
        pickup,
        dossier: {
          id,
          code,
          province_id: desk.province_id,
          procedure_id: procedure.id,
          desk_id: desk.id,
          agency_id: agencyId,
          post_office_id: channel === 'AT_DESK' ? null : office.id,
          clerk_id: channel === 'AT_DESK' || channel === 'ONLINE_WITH_POSTAL_PICKUP' ? clerk.id : null,
          channel,
          status,
          applicant_name: name,
          applicant_national_id: nationalId,
          applicant_phone: phone,
          applicant_email: email,
          applicant_address: address,
          received_at: receivedAt.toISOString(),
          due_at: dueAt.toISOString(),
          promised_on: promisedOn,
          clock_stopped_at: clockStoppedAt?.toISOString() ?? null,
          procedure_fee: Number(procedure.procedure_fee),
          postal_fee: legs * Number(procedure.postal_fee),
          result_delivery: byPost ? 'BY_POST' : 'AT_DESK',
          delivery_address: byPost ? address : null,
          result_ready_at: resultReadyAt?.toISOString() ?? null,
          result_returned_at: resultReturnedAt?.toISOString() ?? null,
          rating: rated?.rating?.value ?? null,
          rating_comment: rated?.rating?.comment ?? null,
          rated_at: rated?.at.toISOString() ?? null,
          portal_reference: channel === 'ONLINE_WITH_POSTAL_PICKUP' ? `DVC-${yymmdd(receivedDay)}-${String(rng.int(0, 999_999)).padStart(6, '0')}` : null,
          version,
          created_at: r.at.toISOString(),
          updated_at: kept.at(-1)!.at.toISOString(),
        },
        components: (checklist.length ? checklist : procedure.components.slice(0, 1)).map((c, i) => ({ id: randomUUID(), dossier_id: id, position: i + 1, name: c.name, originals: c.originals, copies: c.copies, digitised: rng.chance(digitisedShare) })),
        events: kept.map((e) => ({
          id: randomUUID(),
          dossier_id: id,
          at: e.at.toISOString(),
          kind: e.kind,
          from_status: e.from,
          to_status: e.to,
          actor_id: e.actor.id,
          actor_label: e.actor.label,
          unit_name: e.unit,
          place: e.place ?? null,
          postal_item: e.item ?? null,
          note: e.note ?? null,
          due_at: e.due?.toISOString() ?? null,
        })),
      };
    }
  }

  // A few statements per table, the rows as one JSON parameter each (a multi-row VALUES would pass the 65,535-parameter
  // limit); in slices, because the embedded database's wire protocol copes badly with one parameter of megabytes.
  const sliced = async (sql: string, rows: unknown[]) => {
    for (let i = 0; i < rows.length; i += SLICE) await m.query(sql, [JSON.stringify(rows.slice(i, i + SLICE))]);
  };
  await sliced(
    `INSERT INTO dossier (id, code, province_id, procedure_id, desk_id, agency_id, post_office_id, clerk_id, channel, status, applicant_name, applicant_national_id, applicant_phone,
                          applicant_email, applicant_address, received_at, due_at, promised_on, clock_stopped_at, procedure_fee, postal_fee, result_delivery, delivery_address,
                          result_ready_at, result_returned_at, rating, rating_comment, rated_at, portal_reference, version, created_at, updated_at)
     SELECT * FROM json_to_recordset($1::json) AS x(id uuid, code varchar, province_id uuid, procedure_id uuid, desk_id uuid, agency_id uuid, post_office_id uuid, clerk_id uuid,
            channel dossier_channel, status dossier_status, applicant_name text, applicant_national_id char(12), applicant_phone varchar, applicant_email varchar, applicant_address text,
            received_at timestamptz, due_at timestamptz, promised_on date, clock_stopped_at timestamptz, procedure_fee bigint, postal_fee bigint, result_delivery result_delivery,
            delivery_address text, result_ready_at timestamptz, result_returned_at timestamptz, rating smallint, rating_comment text, rated_at timestamptz, portal_reference varchar,
            version int, created_at timestamptz, updated_at timestamptz)`,
    dossiers,
  );
  await sliced(
    `INSERT INTO dossier_component (id, dossier_id, position, name, originals, copies, digitised)
     SELECT * FROM json_to_recordset($1::json) AS x(id uuid, dossier_id uuid, position int, name text, originals int, copies int, digitised boolean)`,
    components,
  );
  await sliced(
    `INSERT INTO dossier_event (id, dossier_id, at, kind, from_status, to_status, actor_id, actor_label, unit_name, place, postal_item, note, due_at)
     SELECT * FROM json_to_recordset($1::json) AS x(id uuid, dossier_id uuid, at timestamptz, kind varchar, from_status dossier_status, to_status dossier_status, actor_id uuid,
            actor_label text, unit_name text, place text, postal_item varchar, note text, due_at timestamptz)`,
    events,
  );
  await sliced(
    `INSERT INTO pickup_appointment (dossier_id, post_office_id, province_id, address, status, window_from, window_to, attempts, last_outcome_note, version, created_at, updated_at)
     SELECT * FROM json_to_recordset($1::json) AS x(dossier_id uuid, post_office_id uuid, province_id uuid, address text, status pickup_status, window_from timestamptz,
            window_to timestamptz, attempts int, last_outcome_note text, version int, created_at timestamptz, updated_at timestamptz)`,
    pickups,
  );
  // The reports' rollup counts them as DossierService.event would have, one by one (modules/reports).
  await addDossiersToRollup(m, dossiers.map((d) => d.id as string));
  // Each unit's day ends at its last number: a reception continues from there.
  const lasts = [...sequences].map(([key, last]) => ({ unit_code: key.split('@')[0], day: key.split('@')[1], last }));
  await m.query(
    `INSERT INTO dossier_sequence (unit_code, day, last) SELECT * FROM json_to_recordset($1::json) AS x(unit_code varchar, day date, last int)
     ON CONFLICT (unit_code, day) DO UPDATE SET last = GREATEST(dossier_sequence.last, EXCLUDED.last)`,
    [JSON.stringify(lasts)],
  );
  return { dossiers: dossiers.length, dossierEvents: events.length };
}

/**
 * The API's working-day calendar (WorkingDayService: weekends, date-holidays' public holidays, the
 * calendar_adjustment table) read once for the days from `from` to `to`, with the service's two counts
 * as plain synchronous functions over it, for the thousands of steps the seed times. Past `to`, only
 * weekends are off: those moments lie far beyond the moment of seeding and are cut off anyway. The
 * dossier-seed test checks the seeded due dates against the service itself.
 */
async function workingCalendar(m: EntityManager, from: string, to: string) {
  const service = new WorkingDayService(m.connection as DataSource, undefined as never); // reads only, on this transaction's connection
  const DAY_MS = 86_400_000;
  const numberOf = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
  const start = numberOf(from);
  const working = new Uint8Array(numberOf(to) - start + 1);
  for (let i = 0; i < working.length; i += 1) working[i] = (await service.isWorkingDay(new Date((start + i) * DAY_MS).toISOString().slice(0, 10), m)) ? 1 : 0;
  // Day 0 (1970-01-01) was a Thursday: (n + 4) % 7 is the weekday, 0 = Sunday.
  const worksOn = (n: number) => (n - start >= 0 && n - start < working.length ? working[n - start] === 1 : (n + 4) % 7 !== 0 && (n + 4) % 7 !== 6);
  return {
    isWorkingDay: (day: string) => worksOn(numberOf(day)),
    /** WorkingDayService.addWorkingDays: the `days`-th working day after `from`. */
    addWorkingDays(fromDay: string, days: number): string {
      let n = numberOf(fromDay);
      for (let left = days; left > 0; ) if (worksOn((n += 1))) left -= 1;
      return new Date(n * DAY_MS).toISOString().slice(0, 10);
    },
    /** WorkingDayService.addWorkingHours: `hours` office hours after `fromAt`, starting at the next opening. */
    addWorkingHours(fromAt: Date, hours: number): Date {
      let left = hours * 3_600_000;
      const local = fromAt.getTime() + VN_OFFSET_MS;
      let n = Math.floor(local / DAY_MS);
      let cursor = local - n * DAY_MS;
      for (;;) {
        if (worksOn(n)) {
          for (const [opens, closes] of OFFICE_HOURS) {
            const begin = Math.max(cursor, opens * 60_000);
            const end = closes * 60_000;
            if (begin >= end) continue;
            if (left <= end - begin) return new Date(n * DAY_MS + begin + left - VN_OFFSET_MS);
            left -= end - begin;
            cursor = end;
          }
        }
        n += 1;
        cursor = 0;
      }
    },
  };
}
