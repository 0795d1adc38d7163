/**
 * Volume reports (issue 13): `dossierVolumes` combines the dossiers held here (the daily rollups) with the
 * figures units reported (aggregate figures) and says which is which. The seed articles' figures come
 * back exactly; the map of units is the one of `asOf`, across the 2025 merges in both directions of time;
 * a drill-down's rows add up to its parent's; the dossier part equals the naive GROUP BY over the raw
 * dossier and event tables for the demo seed's year; periods are Vietnam calendar periods with their
 * labels; and only the steering committee, administrators and post office managers (their tree) read it.
 */
import { calendarPeriod, reportPeriods, rollupRanges } from '../src/modules/reports/report.service';
import { ReportGranularity } from '../src/modules/reports/report.inputs';
import { addDays, todayInVietnam } from '../src/platform/graphql/scalars';
import { failure, ok, startTestApp, type TestApp } from './harness';
import { NAIVE_ROLLUP_SQL } from '../src/modules/reports/rollup-naive';

let t: TestApp;

const ROW = `kind id code name period { start end label }
  received receivedViaBcci resultsReturnedViaBcci receivedAndReturnedViaBcci totalViaBcci online atDesk digitised resultsReturned resolvedOnTime resolvedLate onTimeRate overdueRate
  sources aggregateFigures { countedHere figure { id source periodStart periodEnd resultsReturnedViaBcci totalViaBcci desk { code } administrativeUnit { code } } }`;
const VOLUMES = `query($filter: DossierVolumeFilter!) { dossierVolumes(filter: $filter) {
  unitId unitName asOf from to granularity breakdown note
  rows { ${ROW} } totals { ${ROW} } unsplitAggregateFigures { id periodStart periodEnd }
} }`;

const COUNTERS = ['received', 'receivedViaBcci', 'resultsReturnedViaBcci', 'online', 'atDesk', 'digitised', 'resultsReturned', 'resolvedOnTime', 'resolvedLate'] as const;
const FIGURES = [...COUNTERS, 'receivedAndReturnedViaBcci', 'totalViaBcci'] as const;
const COLUMN: Record<(typeof COUNTERS)[number], string> = {
  received: 'received',
  receivedViaBcci: 'received_via_bcci',
  resultsReturnedViaBcci: 'results_returned_via_bcci',
  online: 'online',
  atDesk: 'at_desk',
  digitised: 'digitised',
  resultsReturned: 'results_returned',
  resolvedOnTime: 'resolved_on_time',
  resolvedLate: 'resolved_late',
};

const volumes = async (filter: Record<string, unknown>, as = 'admin') => ok(await t.gql(VOLUMES, { filter }, { as })).dossierVolumes;
const today = todayInVietnam();
const figuresOf = (row: any) => Object.fromEntries(FIGURES.map((f) => [f, row[f]]));
/** Rows summed per period (null + null stays null), to compare a breakdown with its parent. */
function perPeriod(rows: any[]): Record<string, Record<string, number | null>> {
  const out: Record<string, Record<string, number | null>> = {};
  for (const row of rows) {
    const sum = (out[row.period.start] ??= Object.fromEntries(FIGURES.map((f) => [f, null])));
    for (const f of FIGURES) if (row[f] !== null) sum[f] = (sum[f] ?? 0) + row[f];
  }
  return out;
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

describe('periods', () => {
  it('are Vietnam calendar periods with the labels officials write, cut to the report’s days', () => {
    expect(reportPeriods('2026-01-01', '2026-12-31', ReportGranularity.QUARTER).map((p) => [p.start, p.end, p.label])).toEqual([
      ['2026-01-01', '2026-03-31', 'Quý 1/2026'],
      ['2026-04-01', '2026-06-30', 'Quý 2/2026'],
      ['2026-07-01', '2026-09-30', 'Quý 3/2026'],
      ['2026-10-01', '2026-12-31', 'Quý 4/2026'],
    ]);
    expect(reportPeriods('2024-02-01', '2024-03-31', ReportGranularity.MONTH).map((p) => [p.start, p.end, p.label])).toEqual([
      ['2024-02-01', '2024-02-29', 'Tháng 2/2024'],
      ['2024-03-01', '2024-03-31', 'Tháng 3/2024'],
    ]);
    expect(reportPeriods('2023-01-01', '2023-12-31', ReportGranularity.YEAR)).toEqual([{ start: '2023-01-01', end: '2023-12-31', label: 'Năm 2023' }]);
    expect(reportPeriods('2026-07-15', '2026-08-10', ReportGranularity.MONTH).map((p) => p.label)).toEqual(['15/07/2026 – 31/07/2026', '01/08/2026 – 10/08/2026']);
    expect(reportPeriods('2026-12-31', '2027-01-01', ReportGranularity.DAY).map((p) => p.label)).toEqual(['Ngày 31/12/2026', 'Ngày 01/01/2027']);
    expect(calendarPeriod('2026-11-15', ReportGranularity.QUARTER)).toEqual({ start: '2026-10-01', end: '2026-12-31' });
  });

  it('read whole months from the monthly rollup and the other days from the daily one, the cheaper way', () => {
    // 15 January to 5 December: February … November whole; January mostly covered: read whole, 1–14 taken
    // away; December hardly covered: its 5 days added.
    expect(rollupRanges('2026-01-15', '2026-12-05', ReportGranularity.QUARTER)).toEqual({
      months: ['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01', '2026-06-01', '2026-07-01', '2026-08-01', '2026-09-01', '2026-10-01', '2026-11-01'],
      days: [
        { from: '2026-01-01', to: '2026-01-14', sign: -1 },
        { from: '2026-12-01', to: '2026-12-05', sign: 1 },
      ],
    });
    expect(rollupRanges('2024-01-01', '2024-02-29', ReportGranularity.MONTH)).toEqual({ months: ['2024-01-01', '2024-02-01'], days: [] });
    // Within one month: its days, or the month without the days on either side.
    expect(rollupRanges('2026-07-15', '2026-07-20', ReportGranularity.MONTH)).toEqual({ months: [], days: [{ from: '2026-07-15', to: '2026-07-20', sign: 1 }] });
    expect(rollupRanges('2026-07-02', '2026-07-30', ReportGranularity.MONTH)).toEqual({
      months: ['2026-07-01'],
      days: [
        { from: '2026-07-01', to: '2026-07-01', sign: -1 },
        { from: '2026-07-31', to: '2026-07-31', sign: -1 },
      ],
    });
    // A report by day: days only.
    expect(rollupRanges('2026-01-01', '2026-03-31', ReportGranularity.DAY)).toEqual({ months: [], days: [{ from: '2026-01-01', to: '2026-03-31', sign: 1 }] });
  });

  it('count a dossier’s event on its Vietnam day: 23:30 on 30 June (UTC) is in July, in the third quarter', async () => {
    // The rollup keeps Vietnam days (dossier-rollup.service.ts); a report reads them as such.
    const [desk] = await t.sql(`SELECT k.id, k.province_id, k.agency_id FROM one_stop_desk k WHERE k.code = '42-UBND-446-MC'`);
    const [day] = await t.sql(`SELECT ((timestamptz '2026-06-30 17:30:00+00' AT TIME ZONE 'UTC') + interval '7 hours')::date::text AS day`);
    expect(day.day).toBe('2026-07-01');
    const q3 = await volumes({ unit: '42', from: '2026-04-01', to: '2026-09-30', granularity: 'QUARTER', breakdown: 'DESK' });
    const before = q3.rows.find((r: any) => r.id === desk.id && r.period.label === 'Quý 3/2026')?.received ?? 0;
    await t.sql(
      `INSERT INTO dossier_daily_rollup (province_id, desk_id, post_office_id, agency_id, day, channel, received) VALUES ($1, $2, NULL, $3, $4, 'AT_DESK', 1)
       ON CONFLICT (province_id, desk_id, post_office_id, agency_id, day, channel) DO UPDATE SET received = dossier_daily_rollup.received + 1`,
      [desk.province_id, desk.id, desk.agency_id, day.day],
    );
    try {
      const after = await volumes({ unit: '42', from: '2026-04-01', to: '2026-09-30', granularity: 'QUARTER', breakdown: 'DESK' });
      expect(after.rows.find((r: any) => r.id === desk.id && r.period.label === 'Quý 3/2026').received).toBe(before + 1);
    } finally {
      await t.sql(`UPDATE dossier_daily_rollup SET received = received - 1 WHERE desk_id = $1 AND post_office_id IS NULL AND day = $2 AND channel = 'AT_DESK'`, [desk.id, day.day]);
    }
  });
});

describe('the seed articles’ figures, reproduced exactly, marked as reported by the unit', () => {
  it('Hà Tĩnh 2023: 262,725 via BCCI = 45,757 received + 216,968 results returned, of which 42,854 at the provincial centre', async () => {
    const year = await volumes({ from: '2023-01-01', to: '2023-12-31', granularity: 'YEAR' }, 'hatinh.bcd');
    expect(year).toMatchObject({ unitName: 'Tỉnh Hà Tĩnh', note: expect.stringContaining('bộ phận một cửa') });
    expect(year.rows).toHaveLength(1);
    const [row] = year.rows;
    expect(row).toMatchObject({ kind: 'UNIT', name: 'Tỉnh Hà Tĩnh', period: { start: '2023-01-01', end: '2023-12-31', label: 'Năm 2023' } });
    expect(figuresOf(row)).toEqual({
      received: null, receivedViaBcci: 45_757, resultsReturnedViaBcci: 216_968, receivedAndReturnedViaBcci: null, totalViaBcci: 262_725,
      online: null, atDesk: null, digitised: null, resultsReturned: null, resolvedOnTime: null, resolvedLate: null,
    });
    expect(row).toMatchObject({ onTimeRate: null, overdueRate: null, sources: ['AGGREGATE_FIGURES'] });
    // The province's figure counted, the centre's own listed beside it (a part of it), each with its source.
    expect(row.aggregateFigures.map((a: any) => [a.countedHere, a.figure.totalViaBcci, a.figure.resultsReturnedViaBcci, a.figure.desk?.code ?? null])).toEqual(
      expect.arrayContaining([
        [true, 262_725, 216_968, null],
        [false, null, 42_854, '42-TTPVHCC-MC'],
      ]),
    );
    expect(row.aggregateFigures.every((a: any) => a.figure.source.includes('Hà Tĩnh đồng hành giải quyết thủ tục hành chính'))).toBe(true);
    expect(figuresOf(year.totals)).toEqual(figuresOf(row));

    // By desk: the centre's row lists its 42,854 (not added: it is in the province's figure), the province's figure unattributed.
    const byDesk = await volumes({ unit: '42', from: '2023-01-01', to: '2023-12-31', granularity: 'YEAR', breakdown: 'DESK' }, 'hatinh.bcd');
    const centre = byDesk.rows.find((r: any) => r.kind === 'DESK' && r.code === '42-TTPVHCC-MC');
    expect(centre).toMatchObject({ name: 'Trung tâm Phục vụ Hành chính công tỉnh Hà Tĩnh', resultsReturnedViaBcci: null, sources: [] });
    expect(centre.aggregateFigures).toEqual([expect.objectContaining({ countedHere: false, figure: expect.objectContaining({ resultsReturnedViaBcci: 42_854 }) })]);
    const rest = byDesk.rows.find((r: any) => r.kind === 'UNATTRIBUTED');
    expect(rest).toMatchObject({ totalViaBcci: 262_725, sources: ['AGGREGATE_FIGURES'] });
    expect(figuresOf(byDesk.totals)).toEqual(figuresOf(row));
  });

  it('Bình Phước 2017: 74,071 via BCCI, for Bình Phước as of 2019 and for Đồng Nai as of today', async () => {
    const year2017 = { from: '2017-01-01', to: '2017-12-31', granularity: 'YEAR' };
    const asOf2019 = await volumes({ ...year2017, unit: '70', asOf: '2019-06-30' });
    expect(asOf2019.unitName).toBe('Tỉnh Bình Phước');
    expect(asOf2019.totals).toMatchObject({ totalViaBcci: 74_071, receivedViaBcci: null, received: null, sources: ['AGGREGATE_FIGURES'] });
    expect(asOf2019.totals.aggregateFigures[0].figure).toMatchObject({ administrativeUnit: { code: '70' }, source: expect.stringContaining('Bình Phước: Đề xuất chuyển dịch vụ') });
    for (const as of ['admin', 'dongnai.bcd']) {
      const now = await volumes({ ...year2017, unit: '75' }, as);
      expect(now.totals).toMatchObject({ totalViaBcci: 74_071, sources: ['AGGREGATE_FIGURES'] });
    }
    // Đồng Nai's steering committee may ask for Bình Phước as it was; Đồng Nai as of 2019 was another province.
    expect((await volumes({ ...year2017, unit: '70', asOf: '2019-06-30' }, 'dongnai.bcd')).totals.totalViaBcci).toBe(74_071);
    const dn2019 = await volumes({ ...year2017, unit: '75', asOf: '2019-06-30' });
    expect(dn2019).toMatchObject({ rows: [], totals: { totalViaBcci: null, sources: [] } });
    // Bình Phước is no province today.
    const gone = failure(await t.gql(VOLUMES, { filter: { ...year2017, unit: '70' } }, { as: 'admin' }));
    expect(gone.extensions.code).toBe('BAD_USER_INPUT');
    expect(gone.extensions.fields?.map((f) => f.field)).toEqual(['unit']);
  });

  it('Bình Phước, 8 months of 2018: 10,158 received and returned, 258,873 results returned; never split into months', async () => {
    const eight = await volumes({ unit: '70', asOf: '2019-06-30', from: '2018-01-01', to: '2018-08-31', granularity: 'YEAR' });
    expect(eight.rows).toHaveLength(1);
    expect(eight.rows[0]).toMatchObject({ period: { label: '01/01/2018 – 31/08/2018' }, receivedAndReturnedViaBcci: 10_158, resultsReturnedViaBcci: 258_873, totalViaBcci: 269_031, receivedViaBcci: null });
    expect(eight.note).toBeNull();

    const months = await volumes({ unit: '70', asOf: '2019-06-30', from: '2018-01-01', to: '2018-12-31', granularity: 'MONTH' }, 'dongnai.bcd');
    expect(months.rows).toEqual([]);
    expect(months.unsplitAggregateFigures).toEqual([expect.objectContaining({ periodStart: '2018-01-01', periodEnd: '2018-08-31' })]);
    expect(months.totals).toMatchObject({ receivedAndReturnedViaBcci: 10_158, resultsReturnedViaBcci: 258_873, sources: ['AGGREGATE_FIGURES'], period: { label: 'Năm 2018' } });
    expect(months.note).toContain('không chia cho các kỳ');
    const en = ok(await t.gql(VOLUMES, { filter: { unit: '70', asOf: '2019-06-30', from: '2018-01-01', to: '2018-12-31', granularity: 'MONTH' } }, { as: 'admin', lang: 'en' })).dossierVolumes;
    expect(en.note).toContain('never split');
    // A figure reaching past the report's days is not in it at all.
    expect((await volumes({ unit: '70', asOf: '2019-06-30', from: '2018-01-01', to: '2018-06-30', granularity: 'YEAR' })).totals).toMatchObject({ totalViaBcci: null, aggregateFigures: [] });
  });

  it('Tánh Linh 2022: 657 online and 661 via BCCI, the district under Bình Thuận then, counted for Lâm Đồng now', async () => {
    const year = { from: '2022-01-01', to: '2022-12-31', granularity: 'YEAR' };
    const district = await volumes({ ...year, unit: '599', asOf: '2022-12-31' });
    expect(district.totals).toMatchObject({ online: 657, totalViaBcci: 661, receivedViaBcci: null, atDesk: null, sources: ['AGGREGATE_FIGURES'] });
    expect(district.totals.aggregateFigures[0].figure.source).toContain('(Tánh Linh, 2022)');
    const binhThuan = await volumes({ ...year, unit: '60', asOf: '2022-12-31', breakdown: 'CHILD_UNIT' });
    const tanhLinh = binhThuan.rows.find((r: any) => r.code === '599');
    expect(tanhLinh).toMatchObject({ kind: 'CHILD_UNIT', name: 'Huyện Tánh Linh', online: 657, totalViaBcci: 661 });
    const lamDong = await volumes({ ...year, unit: '68' });
    expect(lamDong.totals).toMatchObject({ online: 657, totalViaBcci: 661 });
  });
});

describe('the dossiers held here', () => {
  const lastYear = { from: addDays(today, -364), to: today };

  it('equal the naive GROUP BY over dossier and dossier_event, per desk and month', async () => {
    const report = await volumes({ unit: '42', ...lastYear, granularity: 'MONTH', breakdown: 'DESK' }, 'hatinh.bcd');
    const naive: any[] = await t.sql(
      `SELECT n.desk_id, to_char(date_trunc('month', to_date(n.day, 'YYYY-MM-DD')), 'YYYY-MM-DD') AS month,
              ${COUNTERS.map((c) => `sum(n.${COLUMN[c]})::int AS "${c}"`).join(', ')}
         FROM (${NAIVE_ROLLUP_SQL}) n
        WHERE n.province_id = (SELECT id::text FROM administrative_unit WHERE code = '42' AND valid_to IS NULL) AND n.day BETWEEN $1 AND $2
        GROUP BY 1, 2`,
      [lastYear.from, lastYear.to],
    );
    expect(naive.length).toBeGreaterThan(20);
    const line = (desk: string | null, month: string, r: any) => `${desk ?? '-'} ${month} ${COUNTERS.map((c) => `${c}=${r[c]}`).join(' ')}`;
    const fromNaive = naive.filter((r) => COUNTERS.some((c) => r[c] !== 0)).map((r) => line(r.desk_id, r.month, r)).sort();
    const fromReport = report.rows
      .filter((r: any) => r.sources.includes('DOSSIERS') && COUNTERS.some((c) => r[c] !== 0))
      .map((r: any) => line(r.kind === 'DESK' ? r.id : null, calendarPeriod(r.period.start, ReportGranularity.MONTH).start, r))
      .sort();
    expect(fromReport).toEqual(fromNaive);
    for (const r of report.rows) {
      expect(r.totalViaBcci).toBe(r.receivedViaBcci + r.resultsReturnedViaBcci);
      const resolved = r.resolvedOnTime + r.resolvedLate;
      expect(r.onTimeRate).toBe(resolved ? r.resolvedOnTime / resolved : null);
      expect(r.overdueRate).toBe(resolved ? r.resolvedLate / resolved : null);
    }
    expect(report.totals.sources).toEqual(['DOSSIERS']);
    expect(report.totals.received).toBeGreaterThan(1000);
  });

  it('by channel: only those dossiers, and no aggregate figure (they are not split by channel)', async () => {
    const filter = { unit: '42', ...lastYear, granularity: 'YEAR' };
    const all = await volumes(filter, 'hatinh.bcd');
    const atDesk = await volumes({ ...filter, channels: ['AT_DESK'] }, 'hatinh.bcd');
    expect(atDesk.totals).toMatchObject({ received: all.totals.atDesk, atDesk: all.totals.atDesk, receivedViaBcci: 0, online: 0 });
    const viaPost = await volumes({ ...filter, channels: ['AT_POST_OFFICE', 'ONLINE_WITH_POSTAL_PICKUP', 'HOME_APPOINTMENT'] }, 'hatinh.bcd');
    expect(viaPost.totals).toMatchObject({ received: all.totals.receivedViaBcci, online: all.totals.online, atDesk: 0 });
    expect(atDesk.totals.resultsReturned + viaPost.totals.resultsReturned).toBe(all.totals.resultsReturned);
    expect(viaPost.note).toContain('kênh');
    const year2023 = await volumes({ unit: '42', from: '2023-01-01', to: '2023-12-31', granularity: 'YEAR', channels: ['AT_DESK'] }, 'hatinh.bcd');
    expect(year2023).toMatchObject({ rows: [], totals: { totalViaBcci: null, aggregateFigures: [] } });
  });

  it('drill down: child units, desks and post offices add up to the province, period by period', async () => {
    const filter = { unit: '42', ...lastYear, granularity: 'QUARTER' };
    const whole = await volumes({ ...filter, breakdown: 'NONE' }, 'hatinh.bcd');
    expect(whole.rows.length).toBeGreaterThanOrEqual(4);
    const parent = perPeriod(whole.rows);
    for (const breakdown of ['CHILD_UNIT', 'DESK', 'POST_OFFICE']) {
      const split = await volumes({ ...filter, breakdown }, 'hatinh.bcd');
      expect({ breakdown, sums: perPeriod(split.rows) }).toEqual({ breakdown, sums: parent });
      expect(figuresOf(split.totals)).toEqual(figuresOf(whole.totals));
    }
    // Province → districts → the district of Cẩm Xuyên's own rows add up to its row above.
    const districts = await volumes({ ...filter, breakdown: 'CHILD_UNIT' }, 'hatinh.bcd');
    // What sits at the province itself (its centre's desk) is named as such, not as the province again.
    expect(districts.rows.filter((r: any) => r.kind === 'UNIT_ITSELF').map((r: any) => r.name)).toContain('Trực thuộc Tỉnh Hà Tĩnh');
    const child = districts.rows.find((r: any) => r.kind === 'CHILD_UNIT');
    expect(child).toBeDefined();
    const below = await volumes({ ...filter, unit: child.id, breakdown: 'CHILD_UNIT' }, 'hatinh.bcd');
    expect(below.unitName).toBe(child.name);
    const childRows = districts.rows.filter((r: any) => r.id === child.id);
    expect(perPeriod(below.rows)).toEqual(perPeriod(childRows));
  });

  it('across a merge, both ways in time: Tánh Linh’s desk for Bình Thuận before the merge, for Lâm Đồng after', async () => {
    const [desk] = await t.sql(`SELECT k.id, k.province_id, k.agency_id FROM one_stop_desk k WHERE k.code = '60-UBND-599-MC'`);
    const filter = { ...lastYear, granularity: 'YEAR', breakdown: 'DESK' };
    const now = await volumes({ ...filter, unit: '68' });
    const tanhLinhNow = now.rows.filter((r: any) => r.id === desk.id);
    expect(tanhLinhNow.length).toBeGreaterThan(0);
    const before = await volumes({ ...filter, unit: '60', asOf: '2025-06-30' });
    expect(perPeriod(before.rows.filter((r: any) => r.id === desk.id))).toEqual(perPeriod(tanhLinhNow));
    // Not Lâm Đồng's as of before the merge, not Bình Thuận's today (no longer a province).
    expect((await volumes({ ...filter, unit: '68', asOf: '2025-06-30' })).rows.some((r: any) => r.id === desk.id)).toBe(false);
    expect(failure(await t.gql(VOLUMES, { filter: { ...filter, unit: '60' } }, { as: 'admin' })).extensions.code).toBe('BAD_USER_INPUT');
  });

  it('a 2024 Bình Phước desk counts for Đồng Nai as of 2026 and for Bình Phước as of 2019', async () => {
    const [desk] = await t.sql(`SELECT k.id, k.province_id, k.agency_id FROM one_stop_desk k WHERE k.code LIKE '70-%' ORDER BY k.code LIMIT 1`);
    // As the dossiers of a 2024 day at that desk would have left the rollup (test data, written directly).
    await t.sql(
      `INSERT INTO dossier_daily_rollup (province_id, desk_id, post_office_id, agency_id, day, channel, received, received_via_bcci, results_returned, results_returned_via_bcci, resolved_on_time, resolved_late)
       VALUES ($1, $2, NULL, $3, '2024-05-10', 'AT_POST_OFFICE', 7, 7, 5, 4, 3, 1)`,
      [desk.province_id, desk.id, desk.agency_id],
    );
    const filter = { from: '2024-01-01', to: '2024-12-31', granularity: 'QUARTER', breakdown: 'DESK' };
    const expected = { received: 7, receivedViaBcci: 7, resultsReturned: 5, resultsReturnedViaBcci: 4, totalViaBcci: 11, resolvedOnTime: 3, resolvedLate: 1, onTimeRate: 0.75, overdueRate: 0.25, sources: ['DOSSIERS'], period: { label: 'Quý 2/2024' } };
    const dongNai = await volumes({ ...filter, unit: '75', asOf: '2026-07-01' }, 'dongnai.bcd');
    expect(dongNai.rows.find((r: any) => r.id === desk.id)).toMatchObject(expected);
    const binhPhuoc = await volumes({ ...filter, unit: '70', asOf: '2019-06-30' });
    expect(binhPhuoc.rows.find((r: any) => r.id === desk.id)).toMatchObject(expected);
    expect((await volumes({ ...filter, unit: '75', asOf: '2019-06-30' })).rows.some((r: any) => r.id === desk.id)).toBe(false);
    // National callers: the country by province as of the day.
    const country = await volumes({ ...filter, breakdown: 'CHILD_UNIT' });
    expect(country).toMatchObject({ unitId: null, unitName: 'Toàn quốc' });
    expect(country.rows.find((r: any) => r.code === '75')).toMatchObject({ kind: 'CHILD_UNIT', received: 7 });
    const country2019 = await volumes({ ...filter, breakdown: 'CHILD_UNIT', asOf: '2019-06-30' });
    expect(country2019.rows.find((r: any) => r.code === '70')).toMatchObject({ name: 'Tỉnh Bình Phước', received: 7 });
  });

  it('a desk moved to another unit takes its past dossiers along, in whole months and part months alike', async () => {
    // Hà Tĩnh's busiest desk, and a commune in force with no desk.
    const [desk] = await t.sql(
      `SELECT k.id, k.administrative_unit_id, k.level FROM one_stop_desk k JOIN dossier d ON d.desk_id = k.id
        WHERE k.code LIKE '42-%' GROUP BY k.id ORDER BY count(*) DESC LIMIT 1`,
    );
    const [other] = await t.sql(
      `SELECT u.id FROM administrative_unit u WHERE u.level = 'COMMUNE' AND u.valid_to IS NULL
          AND u.path <@ (SELECT path FROM administrative_unit WHERE code = '42' AND valid_to IS NULL)
          AND NOT EXISTS (SELECT 1 FROM one_stop_desk k WHERE k.administrative_unit_id = u.id) ORDER BY u.code LIMIT 1`,
    );
    // lastYear: a part month at each end, whole months between (rollupRanges).
    const filter = { ...lastYear, granularity: 'QUARTER', breakdown: 'DESK' };
    const mine = (report: any) => perPeriod(report.rows.filter((r: any) => r.id === desk.id));
    const before = mine(await volumes({ ...filter, unit: '42' }));
    expect(Object.keys(before).length).toBeGreaterThanOrEqual(4);
    expect(mine(await volumes({ ...filter, unit: other.id }))).toEqual({});
    const whole = async (unit: string) => (await volumes({ ...filter, unit, breakdown: 'NONE' })).rows;
    const provinceBefore = perPeriod(await whole('42'));
    const otherBefore = await whole(other.id);
    const [{ code }] = await t.sql(`SELECT code FROM administrative_unit WHERE id = $1`, [other.id]);
    const move = `mutation($input: MoveOneStopDeskInput!) { moveOneStopDesk(input: $input) { oneStopDesk { id } } }`;
    ok(await t.gql(move, { input: { id: desk.id, administrativeUnitCode: code } }, { as: 'admin' }));
    try {
      expect(mine(await volumes({ ...filter, unit: other.id }))).toEqual(before);
      expect(mine(await volumes({ ...filter, unit: '42' }))).toEqual(before);
      // Without a desk breakdown (whole months read by place): the commune holds the desk's dossiers on top of its own.
      const deskRows = (await volumes({ ...filter, unit: other.id })).rows.filter((r: any) => r.id === desk.id);
      expect(perPeriod(await whole(other.id))).toEqual(perPeriod([...otherBefore, ...deskRows]));
      expect(perPeriod(await whole('42'))).toEqual(provinceBefore);
    } finally {
      // Back where it was (its unit may no longer take new records: restored as the test found it).
      await t.sql(`UPDATE one_stop_desk SET administrative_unit_id = $2, level = $3 WHERE id = $1`, [desk.id, desk.administrative_unit_id, desk.level]);
    }
  });
});

describe('scope', () => {
  const year = { from: addDays(today, -364), to: today, granularity: 'YEAR' };

  it('the province’s committee and administrators; national ones anywhere; others FORBIDDEN', async () => {
    for (const as of ['hatinh.bcd', 'hatinh.quantri']) expect((await volumes(year, as)).unitName).toBe('Tỉnh Hà Tĩnh');
    for (const as of ['hatinh.quay', 'hatinh.stttt']) expect(failure(await t.gql(VOLUMES, { filter: year }, { as })).extensions.code).toBe('FORBIDDEN');
    expect(failure(await t.gql(VOLUMES, { filter: year }, { as: null })).extensions.code).toBe('UNAUTHENTICATED');
    expect(failure(await t.gql(VOLUMES, { filter: { ...year, unit: '75' } }, { as: 'hatinh.bcd' })).extensions.code).toBe('FORBIDDEN');
    expect(failure(await t.gql(VOLUMES, { filter: { ...year, unit: '68' } }, { as: 'dongnai.bcd' })).extensions.code).toBe('FORBIDDEN');
    const bad = failure(await t.gql(VOLUMES, { filter: { ...year, to: addDays(year.from, -1) } }, { as: 'hatinh.bcd' }));
    expect(bad.extensions.fields?.map((f) => f.field)).toEqual(['to']);
    const tooMany = failure(await t.gql(VOLUMES, { filter: { from: '2020-01-01', to: '2026-01-01', granularity: 'DAY' } }, { as: 'hatinh.bcd' }));
    expect(tooMany.extensions.fields?.map((f) => f.field)).toEqual(['to']);
  });

  it('a post office manager: the dossiers of their post office tree only, no aggregate figures', async () => {
    const filter = { ...year, granularity: 'YEAR', breakdown: 'POST_OFFICE' };
    const mine = await volumes(filter, 'hatinh.buudien');
    expect(mine.note).toContain('bưu cục');
    const tree: Array<{ id: string }> = await t.sql(
      `WITH RECURSIVE office AS (SELECT id FROM post_office WHERE code = 'BD-42' UNION SELECT p.id FROM post_office p JOIN office o ON p.parent_id = o.id) SELECT id::text FROM office`,
    );
    const ids = new Set(tree.map((o) => o.id));
    expect(mine.rows.length).toBeGreaterThan(0);
    expect(mine.rows.every((r: any) => r.kind === 'POST_OFFICE' && ids.has(r.id))).toBe(true);
    const all = await volumes(filter, 'hatinh.bcd');
    expect(mine.rows).toEqual(all.rows.filter((r: any) => ids.has(r.id)));
    expect((await volumes({ from: '2023-01-01', to: '2023-12-31', granularity: 'YEAR' }, 'hatinh.buudien')).totals).toMatchObject({ totalViaBcci: null, aggregateFigures: [] });
  });
});

describe('targets against the volumes (report-target.service.ts; the rest of the targets in report-targets.test.ts)', () => {
  const PROGRESS = `query($filter: ReportTargetFilter) {
    targetProgress(filter: $filter) { target { id metric targetPercent } unitName measuredFrom measuredTo received counted actualPercent gapPoints light }
  }`;
  const SET = `mutation($input: SetReportTargetInput!) { setReportTarget(input: $input) { reportTarget { id version metric targetPercent } } }`;
  const DELETE = `mutation($input: DeleteReportTargetInput!) { deleteReportTarget(input: $input) { id } }`;
  const unitId = async (code: string, day: string): Promise<string> =>
    (await t.sql(`SELECT id FROM administrative_unit WHERE code = $1 AND valid_from <= $2 AND (valid_to IS NULL OR valid_to >= $2)`, [code, day]))[0].id;

  it('measures Hà Tĩnh’s year so far from the dossiers held here, and lights each target', async () => {
    const today = todayInVietnam();
    const year = today.slice(0, 4);
    // Independently of the rollups: the province's dossiers received this year, by channel (Vietnam days).
    const [naive] = await t.sql(
      `SELECT count(*)::int AS received, count(*) FILTER (WHERE d.channel = 'ONLINE_WITH_POSTAL_PICKUP')::int AS online, count(*) FILTER (WHERE d.channel <> 'AT_DESK')::int AS bcci
         FROM dossier d JOIN dossier_event e ON e.dossier_id = d.id AND e.to_status = 'RECEIVED'
        WHERE d.province_id = (SELECT id FROM administrative_unit WHERE code = '42' AND valid_to IS NULL)
          AND ((e.at AT TIME ZONE 'UTC') + interval '7 hours')::date BETWEEN $1::date AND $2::date`,
      [`${year}-01-01`, today],
    );
    expect(naive.received).toBeGreaterThan(100);
    const share = (n: number) => Math.round((1000 * n) / naive.received) / 10;
    const period = { administrativeUnitCode: '42', periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` };
    // One target met, one nearly (within 80 %), one far off, one not started.
    const online = share(naive.online);
    const bcci = share(naive.bcci);
    expect(online).toBeGreaterThan(1);
    const made = [
      ok(await t.gql(SET, { input: { ...period, metric: 'ONLINE_SHARE', targetPercent: Math.max(0.1, Math.floor(online * 10 - 1) / 10) } })).setReportTarget.reportTarget,
      ok(await t.gql(SET, { input: { ...period, metric: 'BCCI_SHARE', targetPercent: Math.min(100, Math.round(bcci * 1.1 * 10) / 10 + 0.1) } })).setReportTarget.reportTarget,
      ok(await t.gql(SET, { input: { ...period, periodStart: `${year}-01-01`, periodEnd: today, metric: 'ONLINE_SHARE', targetPercent: Math.min(100, Math.round(online * 2 * 10) / 10 + 1) } })).setReportTarget.reportTarget,
      ok(await t.gql(SET, { input: { ...period, periodStart: `${Number(year) + 1}-01-01`, periodEnd: `${Number(year) + 1}-12-31`, metric: 'ONLINE_SHARE', targetPercent: 30 } })).setReportTarget.reportTarget,
    ];
    // The province's own aggregate figure of January, online and via BCCI but no received total: no denominator,
    // so it stays out of the shares (added to the dossiers' counts, it once gave shares over 100 %).
    const figure = ok(
      await t.gql(
        `mutation($input: SubmitAggregateFigureInput!) { submitAggregateFigure(input: $input) { aggregateFigure { id version } } }`,
        { input: { administrativeUnitCode: '42', periodStart: `${year}-01-01`, periodEnd: `${year}-01-31`, online: 50_000, receivedViaBcci: 40_000, source: 'Kiểm thử: số liệu không có tổng tiếp nhận' } },
      ),
    ).submitAggregateFigure.aggregateFigure;
    const progress = ok(await t.gql(PROGRESS, { filter: { unitId: await unitId('42', today) } })).targetProgress;
    ok(await t.gql(`mutation($input: DeleteAggregateFigureInput!) { deleteAggregateFigure(input: $input) { id } }`, { input: { id: figure.id, version: figure.version } }));
    const byId = new Map(progress.map((p: any) => [p.target.id, p]));
    const [met, close, far, later] = made.map((m: any) => byId.get(m.id) as any);
    expect(met).toMatchObject({ unitName: 'Tỉnh Hà Tĩnh', measuredFrom: `${year}-01-01`, measuredTo: today, received: naive.received, counted: naive.online, actualPercent: online, light: 'ON_TARGET' });
    expect(close).toMatchObject({ received: naive.received, counted: naive.bcci, actualPercent: bcci, light: 'CLOSE' });
    expect(close.gapPoints).toBeLessThan(0);
    expect(far).toMatchObject({ actualPercent: online, light: 'BEHIND' });
    expect(later).toMatchObject({ light: 'NOT_STARTED', measuredFrom: null, received: null, actualPercent: null });
    // Furthest behind first, the unmeasured last.
    const order = progress.map((p: any) => p.target.id);
    expect(order.indexOf(far.target.id)).toBeLessThan(order.indexOf(close.target.id));
    expect(order.indexOf(close.target.id)).toBeLessThan(order.indexOf(met.target.id));
    expect(order.at(-1)).toBe(later.target.id);
    for (const m of made) ok(await t.gql(DELETE, { input: { id: m.id, version: 1 } }));
  });
});
