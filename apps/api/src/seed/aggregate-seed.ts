/**
 * The demo's aggregate submissions (issue 13): the figures the seed articles state, loaded as the
 * units would submit them (modules/reports/aggregate-figure.service.ts), each with its source. The
 * reports reproduce them exactly (test/aggregate-figures.test.ts):
 * - Hà Tĩnh, 2023 (seed 000): "khoảng 262.725 hồ sơ, trong đó tiếp nhận 45.757 hồ sơ và trả kết quả
 *   216.968 hồ sơ (riêng tại Trung tâm phục vụ hành chính công tỉnh trả kết quả của 42.854 hồ sơ)";
 *   the centre's figure is the desk's own, a part of the province's.
 * - Bình Phước, 2017 (seed 001): "74.071 hồ sơ, kết quả đã được thực hiện qua dịch vụ bưu chính công
 *   ích" (all of the province); 8 months of 2018: "tiếp nhận và trả kết quả TTHC cho 10.158 hồ sơ,
 *   chuyển trả kết quả TTHC hơn 258.873 hồ sơ" (both legs; result leg only). Recorded for Tỉnh Bình
 *   Phước as it was; owned today by Đồng Nai.
 * - Huyện Tánh Linh, Bình Thuận, 2022 (seed 003): 657 procedures received and decided online (level
 *   3–4), 661 dossiers received and returned via BCCI (the article does not split the legs: the total).
 *
 * And the outreach the articles state (modules/reports/outreach-activity.service.ts), in SEED_OUTREACH:
 * Huyện Tánh Linh, 2022 (seed 003): "02 phóng sự tuyên truyền, phát hành 750 Sổ tay hướng dẫn sử dụng,
 * phát 300 tờ rơi … tổ chức 06 lớp cho khoảng 400 lượt người".
 */
import * as reference from '@osp/reference-data';
import type { EntityManager } from 'typeorm';
import { AggregateFigure, FIGURE_FIELDS, type FigureField } from '../modules/reports/aggregate-figure.entity';
import { OutreachActivity, OutreachKind } from '../modules/reports/outreach-activity.entity';
import { checkFigures } from '../modules/reports/aggregate-figure.service';
import { todayInVietnam } from '../platform/graphql/scalars';

interface SeedFigure {
  unitCode: string;
  deskCode?: string;
  periodStart: string;
  periodEnd: string;
  figures: Partial<Record<FigureField, number>>;
  sourceId: string;
  note: string;
}

export const SEED_FIGURES: SeedFigure[] = [
  {
    unitCode: '42',
    periodStart: '2023-01-01',
    periodEnd: '2023-12-31',
    figures: { totalViaBcci: 262_725, receivedViaBcci: 45_757, resultsReturnedViaBcci: 216_968 },
    sourceId: 'seed-000',
    note: 'Toàn tỉnh năm 2023 ("khoảng"): tiếp nhận 45.757 hồ sơ, trả kết quả 216.968 hồ sơ qua dịch vụ BCCI.',
  },
  {
    unitCode: '42',
    deskCode: '42-TTPVHCC-MC',
    periodStart: '2023-01-01',
    periodEnd: '2023-12-31',
    figures: { resultsReturnedViaBcci: 42_854 },
    sourceId: 'seed-000',
    note: 'Riêng tại Trung tâm Phục vụ Hành chính công tỉnh: trả kết quả 42.854 hồ sơ (nằm trong số của toàn tỉnh).',
  },
  {
    unitCode: '70',
    periodStart: '2017-01-01',
    periodEnd: '2017-12-31',
    figures: { totalViaBcci: 74_071 },
    sourceId: 'seed-001',
    note: 'Toàn tỉnh Bình Phước năm 2017: 74.071 hồ sơ, kết quả thực hiện qua dịch vụ BCCI (theo lãnh đạo Bưu điện tỉnh).',
  },
  {
    unitCode: '70',
    periodStart: '2018-01-01',
    periodEnd: '2018-08-31',
    figures: { receivedAndReturnedViaBcci: 10_158, resultsReturnedViaBcci: 258_873 },
    sourceId: 'seed-001',
    note: '8 tháng năm 2018: Bưu điện tỉnh tiếp nhận và trả kết quả 10.158 hồ sơ, chuyển trả kết quả hơn 258.873 hồ sơ.',
  },
  {
    unitCode: '599',
    periodStart: '2022-01-01',
    periodEnd: '2022-12-31',
    figures: { online: 657, totalViaBcci: 661 },
    sourceId: 'seed-003',
    note: 'Năm 2022: 657 TTHC tiếp nhận, giải quyết qua dịch vụ công trực tuyến mức độ 3, 4; 661 hồ sơ tiếp nhận và trả kết quả qua dịch vụ BCCI.',
  },
];

/** The source line of a seed article as officials cite one: its title and publisher (packages/reference-data), no internal id. */
export function sourceOf(sourceId: string): string {
  const source = reference.sources.find((s) => s.id === sourceId);
  if (!source) throw new Error(`reference data: no source ${sourceId}`);
  return `${source.title} – ${source.publisher}`;
}

export async function loadAggregateDemo(m: EntityManager): Promise<{ aggregateFigures: number }> {
  const today = todayInVietnam();
  const rows = [];
  for (const seed of SEED_FIGURES) {
    const [unit]: Array<{ id: string; province_id: string }> = await m.query(
      `SELECT id, osp_province_of(osp_unit_as_of(id, $3)) AS province_id FROM administrative_unit
        WHERE code = $1 AND valid_from <= $2 AND (valid_to IS NULL OR valid_to >= $2)`,
      [seed.unitCode, seed.periodEnd, today],
    );
    if (!unit) throw new Error(`aggregate seed: no unit ${seed.unitCode} in force on ${seed.periodEnd}`);
    let deskId: string | null = null;
    if (seed.deskCode) {
      const [desk]: Array<{ id: string }> = await m.query('SELECT id FROM one_stop_desk WHERE code = $1', [seed.deskCode]);
      if (!desk) throw new Error(`aggregate seed: no desk ${seed.deskCode}`);
      deskId = desk.id;
    }
    const figures = Object.fromEntries(FIGURE_FIELDS.map((f) => [f, seed.figures[f] ?? null])) as Record<FigureField, number | null>;
    checkFigures(figures);
    rows.push(m.getRepository(AggregateFigure).create({
      ...figures,
      provinceId: unit.province_id,
      administrativeUnitId: unit.id,
      deskId,
      periodStart: seed.periodStart,
      periodEnd: seed.periodEnd,
      source: sourceOf(seed.sourceId),
      note: seed.note,
      version: 1,
    }));
  }
  await m.getRepository(AggregateFigure).insert(rows);
  return { aggregateFigures: rows.length };
}

interface SeedOutreach {
  unitCode: string;
  periodStart: string;
  periodEnd: string;
  kind: OutreachKind;
  quantity: number;
  peopleReached?: number;
  sourceId: string;
  note: string;
}

const TANH_LINH_2022 = { unitCode: '599', periodStart: '2022-01-01', periodEnd: '2022-12-31', sourceId: 'seed-003' };

export const SEED_OUTREACH: SeedOutreach[] = [
  { ...TANH_LINH_2022, kind: OutreachKind.REPORTAGE, quantity: 2, note: 'Năm 2022: "thực hiện 02 phóng sự tuyên truyền".' },
  { ...TANH_LINH_2022, kind: OutreachKind.HANDBOOK, quantity: 750, note: 'Năm 2022: "phát hành 750 Sổ tay hướng dẫn sử dụng".' },
  { ...TANH_LINH_2022, kind: OutreachKind.LEAFLET, quantity: 300, note: 'Năm 2022: "phát 300 tờ rơi", cùng pa nô, áp phích, truyền thanh, nhóm Zalo, trang Fanpage (không nêu số lượng).' },
  {
    ...TANH_LINH_2022,
    kind: OutreachKind.CONFERENCE_OR_CLASS,
    quantity: 6,
    peopleReached: 400,
    note: 'Năm 2022: tập huấn, hướng dẫn trực tiếp "06 lớp cho khoảng 400 lượt người" (cán bộ, công chức, viên chức và Tổ công nghệ số cộng đồng).',
  },
];

export async function loadOutreachDemo(m: EntityManager): Promise<{ outreachActivities: number }> {
  const today = todayInVietnam();
  const rows = [];
  for (const seed of SEED_OUTREACH) {
    const [unit]: Array<{ id: string; province_id: string }> = await m.query(
      `SELECT id, osp_province_of(osp_unit_as_of(id, $3)) AS province_id FROM administrative_unit
        WHERE code = $1 AND valid_from <= $2 AND (valid_to IS NULL OR valid_to >= $2)`,
      [seed.unitCode, seed.periodEnd, today],
    );
    if (!unit) throw new Error(`outreach seed: no unit ${seed.unitCode} in force on ${seed.periodEnd}`);
    rows.push(m.getRepository(OutreachActivity).create({
      provinceId: unit.province_id,
      administrativeUnitId: unit.id,
      periodStart: seed.periodStart,
      periodEnd: seed.periodEnd,
      kind: seed.kind,
      quantity: seed.quantity,
      peopleReached: seed.peopleReached ?? null,
      source: sourceOf(seed.sourceId),
      note: seed.note,
      version: 1,
    }));
  }
  await m.getRepository(OutreachActivity).insert(rows);
  return { outreachActivities: rows.length };
}
