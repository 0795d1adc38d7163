/**
 * The service-quality index of Decision 766/QĐ-TTg (issue 13): `serviceQualityIndex` reads the daily
 * rollup through the volume report (ReportService) and gives, per month and per desk or child unit, the
 * share of results on time, of dossiers received online, of dossiers digitised and of satisfied ratings,
 * each with its method. Its figures equal an independent count over the raw dossiers, events, components
 * and ratings of the demo seed's year; a rating given now counts on today's month; the reference points
 * are share × the group's maximum and never claim the 100-point index; readers are dossierVolumes'.
 */
import { addDays, todayInVietnam } from '../src/platform/graphql/scalars';
import { readTable } from '../src/platform/spreadsheet';
import { failure, ok, startTestApp, type TestApp } from './harness';

let t: TestApp;

const ROW = `kind id code name period { start end label }
  received online digitised resolvedOnTime resolvedLate ratedSatisfied ratedNeutral ratedDissatisfied
  figures { indicator numerator denominator share points maxPoints } points maxPoints`;
const INDEX = `query($filter: ServiceQualityFilter!) { serviceQualityIndex(filter: $filter) {
  unitId unitName asOf from to granularity breakdown note scoring
  methods { indicator name counts formula decisionPart maxPoints notCovered }
  notCovered { name maxPoints reason }
  periods { ${ROW} } rows { ${ROW} } cells { ${ROW} } totals { ${ROW} }
} }`;
const COUNTS = ['received', 'online', 'digitised', 'resolvedOnTime', 'resolvedLate', 'ratedSatisfied', 'ratedNeutral', 'ratedDissatisfied'] as const;
type Counts = Record<(typeof COUNTS)[number], number>;

const index = async (filter: Record<string, unknown>, as = 'hatinh.bcd') => ok(await t.gql(INDEX, { filter }, { as })).serviceQualityIndex;
const countsOf = (row: any): Counts => Object.fromEntries(COUNTS.map((c) => [c, row[c]])) as Counts;
const today = todayInVietnam();
const from = `${Number(today.slice(0, 4)) - 1}-${today.slice(5, 7)}-01`; // twelve months and this one

/**
 * The independent count: each dossier of Hà Tĩnh with what happened to it on which Vietnam day, straight
 * from the raw tables (events entering RECEIVED / RESULT_READY, the components, the dossier's own rating
 * and rated_at), grouped by `key` (a month, a desk).
 */
const vnDay = (col: string) => `((${col} AT TIME ZONE 'UTC') + interval '7 hours')::date`;
async function naive(key: 'month' | 'desk', to = today): Promise<Map<string, Counts>> {
  const keyOf = key === 'month' ? `to_char(x.day, 'YYYY-MM')` : `coalesce(d.desk_id::text, '-')`;
  const rows: Array<Counts & { key: string }> = await t.sql(
    `WITH x AS (
       SELECT e.dossier_id, ${vnDay('e.at')} AS day, e.to_status::text AS what FROM dossier_event e WHERE e.to_status IN ('RECEIVED', 'RESULT_READY')
       UNION ALL
       SELECT r.id, ${vnDay('r.rated_at')}, 'RATED' FROM dossier r WHERE r.rating IS NOT NULL
     )
     SELECT ${keyOf} AS key,
            count(*) FILTER (WHERE x.what = 'RECEIVED')::int AS received,
            count(*) FILTER (WHERE x.what = 'RECEIVED' AND d.channel = 'ONLINE_WITH_POSTAL_PICKUP')::int AS online,
            count(*) FILTER (WHERE x.what = 'RECEIVED' AND (SELECT count(*) > 0 AND bool_and(c.digitised) FROM dossier_component c WHERE c.dossier_id = d.id))::int AS digitised,
            count(*) FILTER (WHERE x.what = 'RESULT_READY' AND d.result_ready_at <= d.due_at)::int AS "resolvedOnTime",
            count(*) FILTER (WHERE x.what = 'RESULT_READY' AND d.result_ready_at > d.due_at)::int AS "resolvedLate",
            count(*) FILTER (WHERE x.what = 'RATED' AND d.rating = 1)::int AS "ratedSatisfied",
            count(*) FILTER (WHERE x.what = 'RATED' AND d.rating = 2)::int AS "ratedNeutral",
            count(*) FILTER (WHERE x.what = 'RATED' AND d.rating = 3)::int AS "ratedDissatisfied"
       FROM x JOIN dossier d ON d.id = x.dossier_id
       JOIN administrative_unit p ON p.id = d.province_id AND p.code = '42'
      WHERE x.day BETWEEN $1::date AND $2::date
      GROUP BY 1`,
    [from, to],
  );
  return new Map(rows.map(({ key: k, ...c }) => [k, c as Counts]));
}

beforeAll(async () => {
  process.env.OSP_DEMO_DOSSIERS = '1'; // the demo seed's year of dossiers, left out of test databases unless asked for
  try {
    t = await startTestApp({ signInAs: 'admin' });
  } finally {
    delete process.env.OSP_DEMO_DOSSIERS;
  }
}, 180_000);
afterAll(() => t?.close());

it('per month: the four figures equal an independent count of the seeded dossiers, each share its numerator over its denominator', async () => {
  const report = await index({ unit: '42', from, to: today, granularity: 'MONTH' });
  expect(report).toMatchObject({ unitName: 'Tỉnh Hà Tĩnh', granularity: 'MONTH', breakdown: 'NONE', rows: [], cells: [], note: null });
  const expected = await naive('month');
  expect(report.periods.length).toBeGreaterThanOrEqual(10);
  expect(Object.fromEntries(report.periods.map((p: any) => [p.period.start.slice(0, 7), countsOf(p)]))).toEqual(Object.fromEntries(expected));
  expect(report.periods[0].period.label).toMatch(/^Tháng ([1-9]|1[0-2])\/\d{4}$/);

  let rated = 0;
  for (const p of report.periods) {
    const [onTime, online, digitised, satisfied] = p.figures;
    expect(p.figures.map((f: any) => f.indicator)).toEqual(['ON_TIME', 'ONLINE', 'DIGITISED', 'SATISFACTION']);
    expect([onTime.numerator, onTime.denominator]).toEqual([p.resolvedOnTime, p.resolvedOnTime + p.resolvedLate]);
    expect([online.numerator, online.denominator]).toEqual([p.online, p.received]);
    expect([digitised.numerator, digitised.denominator]).toEqual([p.digitised, p.received]);
    expect([satisfied.numerator, satisfied.denominator]).toEqual([p.ratedSatisfied, p.ratedSatisfied + p.ratedNeutral + p.ratedDissatisfied]);
    for (const f of p.figures) {
      expect(f.share).toBe(f.denominator ? f.numerator / f.denominator : null);
      expect(f.points).toBe(f.share === null ? null : Math.round(f.share * f.maxPoints * 10) / 10);
    }
    rated += satisfied.denominator;
  }
  expect(rated).toBeGreaterThan(0);
  // The seed has late results, online and digitised dossiers and dissatisfied applicants: no figure is trivially 0 or 100 %.
  const all = report.totals.figures;
  for (const f of all) expect(f.share).toBeGreaterThan(0);
  expect(all.find((f: any) => f.indicator === 'ON_TIME').share).toBeLessThan(1);
  expect(countsOf(report.totals)).toEqual(
    COUNTS.reduce((s, c) => ({ ...s, [c]: report.periods.reduce((n: number, p: any) => n + p[c], 0) }), {} as Counts),
  );
});

it('per desk and per child unit: rows equal the independent count per desk, cells add up to the rows and to the months', async () => {
  const report = await index({ unit: '42', from, to: today, granularity: 'MONTH', breakdown: 'DESK' });
  const expected = await naive('desk');
  expect(Object.fromEntries(report.rows.map((r: any) => [r.kind === 'DESK' ? r.id : '-', countsOf(r)]))).toEqual(Object.fromEntries(expected));
  expect(report.rows.length).toBeGreaterThanOrEqual(3);
  expect(report.rows.every((r: any) => r.period.start === from && r.period.end === today)).toBe(true);
  const centre = report.rows.find((r: any) => r.code === '42-TTPVHCC-MC');
  expect(centre).toMatchObject({ kind: 'DESK', name: 'Trung tâm Phục vụ Hành chính công tỉnh Hà Tĩnh' });
  // The cells of a desk add up to its row; the cells of a month to the unit's month.
  const sum = (rows: any[]) => COUNTS.reduce((s, c) => ({ ...s, [c]: rows.reduce((n, r) => n + r[c], 0) }), {} as Counts);
  expect(sum(report.cells.filter((c: any) => c.id === centre.id))).toEqual(countsOf(centre));
  for (const p of report.periods) expect(sum(report.cells.filter((c: any) => c.period.start === p.period.start))).toEqual(countsOf(p));

  const byUnit = await index({ unit: '42', from, to: today, breakdown: 'CHILD_UNIT' });
  expect(sum(byUnit.rows)).toEqual(countsOf(byUnit.totals));
  expect(byUnit.rows.map((r: any) => r.kind)).toContain('CHILD_UNIT');
  expect(countsOf(byUnit.totals)).toEqual(countsOf(report.totals));
});

it('counts a rating given now on today’s month, as dossierSatisfaction counts it', async () => {
  const monthStart = `${today.slice(0, 7)}-01`;
  const before = await index({ unit: '42', from: monthStart, to: today });
  const [dossier] = await t.sql(
    `SELECT d.id, d.version FROM dossier d JOIN one_stop_desk k ON k.id = d.desk_id
      WHERE k.code = '42-TTPVHCC-MC' AND d.status = 'RESULT_RETURNED' AND d.rating IS NULL ORDER BY d.code LIMIT 1`,
  );
  ok(await t.gql(`mutation($input: RateDossierInput!) { rateDossier(input: $input) { dossier { id } } }`, { input: { id: dossier.id, rating: 'DISSATISFIED' } }, { as: 'hatinh.quay' }));
  const after = await index({ unit: '42', from: monthStart, to: today });
  expect(after.totals.ratedDissatisfied).toBe(before.totals.ratedDissatisfied + 1);
  expect(after.totals.ratedSatisfied).toBe(before.totals.ratedSatisfied);
  const sat = ok(await t.gql(`query($f: SatisfactionFilter!) { dossierSatisfaction(filter: $f) { total { satisfied neutral dissatisfied } } }`, { f: { from: monthStart, to: today } }, { as: 'hatinh.bcd' })).dossierSatisfaction.total;
  expect({ satisfied: after.totals.ratedSatisfied, neutral: after.totals.ratedNeutral, dissatisfied: after.totals.ratedDissatisfied }).toEqual(sat);
});

it('writes the method beside each figure, names what it cannot cover, and never claims the 100-point index', async () => {
  const report = await index({ unit: '42', from, to: today });
  expect(report.methods.map((m: any) => [m.indicator, m.maxPoints])).toEqual([['ON_TIME', 20], ['ONLINE', 22], ['DIGITISED', 22], ['SATISFACTION', 18]]);
  for (const m of report.methods) {
    expect(m.formula).toMatch(/^Tỷ lệ = .+ ÷ .+/);
    expect(m.decisionPart).toMatch(/^Nhóm ".+" \(tối đa \d+ điểm\)\.$/);
    expect(m.counts.length).toBeGreaterThan(40);
    expect(m.notCovered).toMatch(/^Chưa tính/);
  }
  expect(report.notCovered).toEqual([expect.objectContaining({ name: 'Công khai, minh bạch', maxPoints: 18 })]);
  expect(report.scoring).toContain('không phải Chỉ số 100 điểm');
  expect(report.methods.reduce((s: number, m: any) => s + m.maxPoints, 0) + report.notCovered.reduce((s: number, g: any) => s + g.maxPoints, 0)).toBe(100);
  expect(report.totals.maxPoints).toBe(82);
  expect(report.totals.points).toBe(Math.round(report.totals.figures.reduce((s: number, f: any) => s + f.points, 0) * 10) / 10);
  expect(report.totals.points).toBeLessThan(82);
  // In English when asked.
  const en = ok(await t.gql(`query($filter: ServiceQualityFilter!) { serviceQualityIndex(filter: $filter) { methods { name } scoring } }`, { filter: { unit: '42', from, to: today } }, { as: 'hatinh.bcd', lang: 'en' })).serviceQualityIndex;
  expect(en.methods[0].name).toBe('Resolved on time');
  expect(en.scoring).toContain('not the 100-point index');
});

it('downloads the grid as .xlsx: the months, the desks, the totals and each figure’s method below them', async () => {
  const filter = { unit: '42', from, to: today, breakdown: 'DESK' };
  const report = await index(filter);
  const file = ok(await t.gql(`query($filter: ServiceQualityFilter!) { exportServiceQualityIndex(filter: $filter) { fileName contentType contentBase64 } }`, { filter }, { as: 'hatinh.bcd' })).exportServiceQualityIndex;
  expect(file.fileName).toMatch(/^chi-so-phuc-vu-tinh-ha-tinh-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}-\d{4}\.xlsx$/);
  const cells = await readTable('XLSX', Buffer.from(file.contentBase64, 'base64'));
  expect(cells[0][0]).toContain('Quyết định 766/QĐ-TTg');
  expect(cells[1].slice(0, 6)).toEqual(['Tên', 'Kỳ', 'Giải quyết đúng hạn: tỷ lệ', 'Giải quyết đúng hạn: số được tính', 'Giải quyết đúng hạn: trên tổng số', 'Giải quyết đúng hạn: điểm tham khảo (tối đa 20)']);
  const first = cells[2];
  expect(first.slice(0, 2)).toEqual(['Tỉnh Hà Tĩnh', report.periods[0].period.label]);
  expect(Number(first[3])).toBe(report.periods[0].figures[0].numerator);
  const totals = cells.find((r) => r[0] === 'Tổng cộng: Tỉnh Hà Tĩnh')!;
  expect(Number(totals[totals.length - 1])).toBe(82);
  expect(cells.some((r) => r[0] === report.rows[0].name)).toBe(true);
  expect(cells.some((r) => r[0] === 'Cách tính')).toBe(true);
  expect(cells.some((r) => r[0] === 'Công khai, minh bạch (tối đa 18 điểm)')).toBe(true);
  expect(failure(await t.gql(`query($filter: ServiceQualityFilter!) { exportServiceQualityIndex(filter: $filter) { fileName } }`, { filter }, { as: 'hatinh.quay' })).extensions.code).toBe('FORBIDDEN');
});

it('is read by those who read the volume reports: the committee and administrators of the province, post office managers their tree only', async () => {
  const filter = { unit: '42', from: addDays(today, -90), to: today };
  expect(failure(await t.gql(INDEX, { filter }, { as: 'hatinh.quay' })).extensions.code).toBe('FORBIDDEN');
  expect(failure(await t.gql(INDEX, { filter }, { as: 'dongnai.bcd' })).extensions.code).toBe('FORBIDDEN');
  expect((await index(filter, 'hatinh.quantri')).unitName).toBe('Tỉnh Hà Tĩnh');
  const manager = await index({ from: filter.from, to: today }, 'hatinh.buudien');
  expect(manager.note).toContain('bưu cục');
  expect(manager.totals.received).toBeLessThanOrEqual((await index(filter)).totals.received);
  expect(failure(await t.gql(INDEX, { filter: { ...filter, to: addDays(today, -100) } }, { as: 'hatinh.bcd' })).extensions.code).toBe('BAD_USER_INPUT');
});
