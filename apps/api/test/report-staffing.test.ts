/**
 * Staffing and outreach (issue 13): the staffing report (civil servants relieved by personnel handovers,
 * postal staff deployed at desks, training classes and attendances) period by period for a unit, against
 * an independent count of the rows the test writes; the roll-up through merged units (Tánh Linh's six
 * classes for about 400 people: Bình Thuận's as of 2022, Lâm Đồng's today); the outreach records (the
 * seeds' Tánh Linh figures through the API; writes audited, CONFLICT on a stale version, typed errors);
 * who reads and writes.
 */
import ExcelJS from 'exceljs';
import { todayInVietnam } from '../src/platform/graphql/scalars';
import { failure, ok, startTestApp, type TestApp } from './harness';

let t: TestApp;
const today = todayInVietnam();

const STAFFING = `query($filter: StaffingReportFilter!) { staffingReport(filter: $filter) {
  unitId unitName note
  rows { period { start end label } handovers civilServantsRelieved postalStaffDeployed postalStaffNewlyDeployed trainingClasses trainingAttendees }
  totals { period { label } handovers civilServantsRelieved postalStaffDeployed postalStaffNewlyDeployed trainingClasses trainingAttendees } } }`;
const LIST = `query($filter: OutreachActivityFilter) { outreachActivities(filter: $filter, first: 50) {
  totalCount totals { kind activities quantity peopleReached }
  edges { node { id kind quantity peopleReached periodStart periodEnd source note version administrativeUnit { code } province { code } } } } }`;
const SUBMIT = `mutation($input: SubmitOutreachActivityInput!) { submitOutreachActivity(input: $input) { outreachActivity { id version kind quantity peopleReached note administrativeUnit { code } province { code } } } }`;
const UPDATE = `mutation($input: UpdateOutreachActivityInput!) { updateOutreachActivity(input: $input) { outreachActivity { id version kind quantity peopleReached note } } }`;
const DELETE = `mutation($input: DeleteOutreachActivityInput!) { deleteOutreachActivity(input: $input) { id } }`;

const staffing = async (filter: Record<string, unknown>, as = 'admin') => ok(await t.gql(STAFFING, { filter }, { as })).staffingReport;
const fieldsOf = (res: any) => failure(res).extensions.fields?.map((f: any) => f.field);
const FIGURES = ['handovers', 'civilServantsRelieved', 'postalStaffDeployed', 'postalStaffNewlyDeployed', 'trainingClasses', 'trainingAttendees'] as const;
const figuresOf = (row: any) => Object.fromEntries(FIGURES.map((k) => [k, row[k]]));
const minus = (a: any, b: any) => Object.fromEntries(FIGURES.map((k) => [k, a[k] - b[k]]));

async function unitId(code: string, day: string): Promise<string> {
  const [row] = await t.sql(`SELECT id FROM administrative_unit WHERE code = $1 AND valid_from <= $2 AND (valid_to IS NULL OR valid_to >= $2)`, [code, day]);
  if (!row) throw new Error(`no unit ${code} on ${day}`);
  return row.id;
}

beforeAll(async () => {
  t = await startTestApp({ signInAs: 'hatinh.bcd' });
});

afterAll(async () => {
  await t?.close();
});

describe('the staffing report', () => {
  it('counts handovers, postal staff deployed and newly deployed, classes and attendances as the rows written say', async () => {
    // A Hà Tĩnh pilot site's desk, its unit and partner post office; the report's figures before the test's rows.
    const [site] = await t.sql(
      `SELECT s.id, s.phase_id, s.programme_id, s.province_id, d.id AS desk_id, d.administrative_unit_id AS unit_id,
              coalesce(s.post_office_id, (SELECT id FROM post_office WHERE province_id = s.province_id ORDER BY code LIMIT 1)) AS office_id,
              (SELECT id FROM agency WHERE province_id = s.province_id ORDER BY code LIMIT 1) AS agency_id
         FROM pilot_site s JOIN one_stop_desk d ON d.id = s.one_stop_desk_id JOIN administrative_unit p ON p.id = s.province_id
        WHERE p.code = '42' ORDER BY d.code LIMIT 1`,
    );
    const filter = { unit: site.unit_id, from: '2026-01-01', to: '2026-06-30', granularity: 'MONTH' };
    const before = await staffing(filter, 'hatinh.bcd');
    expect(before.rows.map((r: any) => r.period.start)).toEqual(['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01', '2026-06-01']);

    // The test's people: three postal employees, one civil servant (an agency's: never counted as deployed).
    const person = async (name: string, postal: boolean) =>
      (
        await t.sql(
          `INSERT INTO staff (full_name, post_office_id, agency_id, home_desk_id, home_unit_id, status, province_id)
           VALUES ($1, $2, $3, $4, $5, 'ACTIVE', $6) RETURNING id`,
          [name, postal ? site.office_id : null, postal ? null : site.agency_id, postal ? site.desk_id : null, postal ? null : site.unit_id, site.province_id],
        )
      )[0].id as string;
    const s1 = await person('Kiểm Thử Một', true);
    const s2 = await person('Kiểm Thử Hai', true);
    const s3 = await person('Kiểm Thử Ba', true);
    const s4 = await person('Kiểm Thử Công Chức', false);
    const assignments: Array<[string, string, string | null]> = [
      [s1, '2026-01-10', null],
      [s2, '2026-01-05', '2026-02-14'],
      [s2, '2026-02-15', '2026-03-30'], // continues without a gap: not newly deployed in February; gone by March's last day
      [s3, '2026-02-01', '2026-02-10'],
      [s3, '2026-04-01', null], // back after a gap: newly deployed again in April
      [s4, '2026-01-01', null], // a civil servant: not postal staff
    ];
    for (const [staffId, startsOn, endsOn] of assignments) {
      await t.sql(`INSERT INTO staff_assignment (staff_id, desk_id, starts_on, ends_on, province_id) VALUES ($1, $2, $3, $4, $5)`, [staffId, site.desk_id, startsOn, endsOn, site.province_id]);
    }
    // Handovers at the site: two in effect in March (3 and 1 relieved), a draft and a reversed one that do not count.
    const handover = (status: string, effectiveOn: string, relieved: number) =>
      t.sql(
        `INSERT INTO personnel_handover (site_id, phase_id, programme_id, province_id, tasks, relieved, effective_on, record_number, record_signed_on, status, status_since, reversal_reason)
         VALUES ($1, $2, $3, $4, '{RECEIVING}', $5::jsonb, $6, $7, $8, $9, $6, $10)`,
        [
          site.id, site.phase_id, site.programme_id, site.province_id,
          JSON.stringify(Array.from({ length: relieved }, (_, i) => ({ fullName: `Công chức ${i + 1}`, employer: 'UBND xã' }))),
          effectiveOn,
          status === 'DRAFT' ? null : `BB-${effectiveOn}`,
          status === 'DRAFT' ? null : effectiveOn,
          status,
          status === 'REVERSED' ? 'Kiểm thử' : null,
        ],
      );
    await handover('EFFECTIVE', '2026-03-05', 3);
    await handover('EFFECTIVE', '2026-03-20', 1);
    await handover('DRAFT', '2026-03-10', 2);
    await handover('REVERSED', '2026-03-12', 5);
    // Classes in May: s1, s3 (postal, at the desk) and s4 (the unit's civil servant); then s1 alone; one whose attendee lives elsewhere.
    const [field] = await t.sql(`SELECT id FROM procedure_field ORDER BY code LIMIT 1`);
    const [elsewhere] = await t.sql(`SELECT id FROM staff WHERE province_id = $1 AND home_desk_id IS DISTINCT FROM $2 AND home_unit_id IS DISTINCT FROM $3 AND post_office_id IS NULL AND home_desk_id IS NULL AND home_unit_id IS NOT NULL ORDER BY seq LIMIT 1`, [site.province_id, site.desk_id, site.unit_id]);
    const session = async (heldOn: string, attendees: string[]) => {
      const [s] = await t.sql(`INSERT INTO training_session (field_id, held_on, place, trainer, province_id) VALUES ($1, $2, 'Hội trường', 'Giảng viên', $3) RETURNING id`, [field.id, heldOn, site.province_id]);
      for (const staffId of attendees) {
        await t.sql(`INSERT INTO qualification (staff_id, field_id, trained_on, training_session_id, province_id) VALUES ($1, $2, $3, $4, $5)`, [staffId, field.id, heldOn, s.id, site.province_id]);
      }
    };
    await session('2026-05-12', [s1, s3, s4]);
    await session('2026-05-20', [s1]);
    if (elsewhere) await session('2026-05-21', [elsewhere.id]);

    // The independent count of the rows above, month by month (deployed: on the month's last day).
    const monthEnds = ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30'];
    const postal = assignments.filter(([id]) => id !== s4);
    const deployedOn = (day: string) => new Set(postal.filter(([, s, e]) => s <= day && (e === null || e >= day)).map(([id]) => id)).size;
    const expected = [
      { handovers: 0, civilServantsRelieved: 0, postalStaffNewlyDeployed: 2, trainingClasses: 0, trainingAttendees: 0 }, // January: s1, s2
      { handovers: 0, civilServantsRelieved: 0, postalStaffNewlyDeployed: 1, trainingClasses: 0, trainingAttendees: 0 }, // February: s3 (s2 continues)
      { handovers: 2, civilServantsRelieved: 4, postalStaffNewlyDeployed: 0, trainingClasses: 0, trainingAttendees: 0 },
      { handovers: 0, civilServantsRelieved: 0, postalStaffNewlyDeployed: 1, trainingClasses: 0, trainingAttendees: 0 }, // April: s3 again
      { handovers: 0, civilServantsRelieved: 0, postalStaffNewlyDeployed: 0, trainingClasses: 2, trainingAttendees: 4 },
      { handovers: 0, civilServantsRelieved: 0, postalStaffNewlyDeployed: 0, trainingClasses: 0, trainingAttendees: 0 },
    ].map((row, i) => ({ ...row, postalStaffDeployed: deployedOn(monthEnds[i]) }));
    expect(expected.map((r) => r.postalStaffDeployed)).toEqual([2, 2, 1, 2, 2, 2]);

    const after = await staffing(filter, 'hatinh.bcd');
    expect(after.rows.map((r: any, i: number) => minus(figuresOf(r), figuresOf(before.rows[i])))).toEqual(expected.map(figuresOf));
    expect(after.rows.map((r: any) => r.period.label)).toEqual(['Tháng 1/2026', 'Tháng 2/2026', 'Tháng 3/2026', 'Tháng 4/2026', 'Tháng 5/2026', 'Tháng 6/2026']);
    // The whole half year: deployed on its last day, newly deployed counted once a person (s1, s2, s3).
    expect(minus(figuresOf(after.totals), figuresOf(before.totals))).toEqual({ handovers: 2, civilServantsRelieved: 4, postalStaffDeployed: 2, postalStaffNewlyDeployed: 3, trainingClasses: 2, trainingAttendees: 4 });
    expect(after.totals.period.label).toBe('01/01/2026 – 30/06/2026');

    // By quarter, the same rows; the province holds its unit's figures.
    const quarters = await staffing({ ...filter, granularity: 'QUARTER' }, 'hatinh.bcd');
    expect(quarters.rows.map((r: any) => r.period.label)).toEqual(['Quý 1/2026', 'Quý 2/2026']);
    expect(quarters.rows[0]).toMatchObject({ handovers: after.rows[2].handovers, postalStaffDeployed: after.rows[2].postalStaffDeployed });
    const province = await staffing({ ...filter, unit: '42' }, 'hatinh.bcd');
    expect(province.unitName).toBe('Tỉnh Hà Tĩnh');
    for (const k of FIGURES) expect(province.totals[k]).toBeGreaterThanOrEqual(after.totals[k]);
  });

  it('rolls up through merges as the volume report does: Tánh Linh’s six classes for 400 people, Bình Thuận’s in 2022, Lâm Đồng’s today', async () => {
    const year = { from: '2022-01-01', to: '2022-12-31', granularity: 'YEAR' };
    const training = (r: any) => [r.trainingClasses, r.trainingAttendees];
    const binhThuan = await staffing({ ...year, unit: '60', asOf: '2022-12-31' });
    expect(binhThuan.unitName).toBe('Tỉnh Bình Thuận');
    expect(binhThuan.rows.map((r: any) => r.period.label)).toEqual(['Năm 2022']);
    expect(training(binhThuan.totals)).toEqual([6, 400]);
    const tanhLinh = await staffing({ ...year, unit: '599', asOf: '2022-12-31' });
    expect(training(tanhLinh.totals)).toEqual([6, 400]);
    expect(training((await staffing({ ...year, unit: '68' })).totals)).toEqual([6, 400]);
    // Lâm Đồng as it was in 2022 did not hold Tánh Linh; Bình Thuận is no province today.
    expect(training((await staffing({ ...year, unit: '68', asOf: '2022-12-31' })).totals)).toEqual([0, 0]);
    expect(fieldsOf(await t.gql(STAFFING, { filter: { ...year, unit: '60' } }, { as: 'admin' }))).toEqual(['unit']);
  });

  it('downloads as the grid shows it: its periods, the totals in bold, for the grid’s readers only', async () => {
    const filter = { unit: '60', asOf: '2022-12-31', from: '2022-01-01', to: '2022-12-31', granularity: 'QUARTER' };
    const EXPORT = `query($filter: StaffingReportFilter!) { exportStaffingReport(filter: $filter) { fileName contentType contentBase64 rowCount } }`;
    const file = ok(await t.gql(EXPORT, { filter }, { as: 'admin' })).exportStaffingReport;
    expect(file.fileName).toBe('nhan-su-tinh-binh-thuan-01-01-2022-31-12-2022.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.contentBase64, 'base64') as never);
    const sheet = book.worksheets[0];
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0][0]).toBe('Nhân sự và tập huấn – Tỉnh Bình Thuận, từ 01/01/2022 đến 31/12/2022');
    expect(rows[1]).toEqual(['Kỳ', 'Công chức được thay thế', 'Biên bản chuyển giao có hiệu lực', 'Nhân viên bưu điện làm việc cuối kỳ', 'Nhân viên bưu điện mới bố trí', 'Lớp tập huấn', 'Lượt người tập huấn']);
    const report = await staffing(filter);
    const figures = (r: any) => [r.civilServantsRelieved, r.handovers, r.postalStaffDeployed, r.postalStaffNewlyDeployed, r.trainingClasses, r.trainingAttendees];
    expect(rows.slice(2, 7)).toEqual([...report.rows.map((r: any) => [r.period.label, ...figures(r)]), ['Tổng cộng', ...figures(report.totals)]]);
    expect(rows[6].slice(5)).toEqual([6, 400]);
    expect(sheet.getRow(7).getCell(1).font?.bold).toBe(true);
    expect(failure(await t.gql(EXPORT, { filter: { ...filter, unit: null, asOf: null } }, { as: 'hatinh.quay' })).extensions.code).toBe('FORBIDDEN');
  });

  it('is read as dossierVolumes is: the province’s committee and administrators, post office managers their tree; typed errors', async () => {
    const year = { from: '2022-01-01', to: '2022-12-31', granularity: 'YEAR' };
    expect((await staffing(year, 'hatinh.quantri')).unitName).toBe('Tỉnh Hà Tĩnh');
    expect((await staffing(year, 'hatinh.buudien')).note).toMatch(/bưu điện/);
    for (const as of ['hatinh.quay', 'hatinh.stttt']) expect(failure(await t.gql(STAFFING, { filter: year }, { as })).extensions.code).toBe('FORBIDDEN');
    expect(failure(await t.gql(STAFFING, { filter: { ...year, unit: '68' } }, { as: 'hatinh.bcd' })).extensions.code).toBe('FORBIDDEN');
    expect(failure(await t.gql(STAFFING, { filter: year }, { as: null })).extensions.code).toBe('UNAUTHENTICATED');
    expect(fieldsOf(await t.gql(STAFFING, { filter: { ...year, to: '2021-12-31' } }))).toEqual(['to']);
    expect(fieldsOf(await t.gql(STAFFING, { filter: { from: '2000-01-01', to: '2026-12-31', granularity: 'DAY' } }))).toEqual(['to']);
  });
});

describe('outreach activities', () => {
  it('lists the seeds’ Tánh Linh figures of 2022: 2 reports, 750 handbooks, 300 leaflets, 6 classes for about 400 people, with their source', async () => {
    const filter = { unitId: await unitId('68', today), includeSubunits: true, from: '2022-01-01', to: '2022-12-31' };
    const list = ok(await t.gql(LIST, { filter }, { as: 'admin' })).outreachActivities;
    expect(list.totals).toEqual([
      { kind: 'REPORTAGE', activities: 1, quantity: 2, peopleReached: null },
      { kind: 'HANDBOOK', activities: 1, quantity: 750, peopleReached: null },
      { kind: 'LEAFLET', activities: 1, quantity: 300, peopleReached: null },
      { kind: 'CONFERENCE_OR_CLASS', activities: 1, quantity: 6, peopleReached: 400 },
    ]);
    for (const { node } of list.edges) {
      expect(node).toMatchObject({ periodStart: '2022-01-01', periodEnd: '2022-12-31', administrativeUnit: { code: '599' }, province: { code: '68' } });
      expect(node.source).toContain('Tánh Linh');
      expect(node.source).toContain('(Tánh Linh, 2022)');
    }
    // The same as Bình Thuận's as of 2022; hidden from Hà Tĩnh.
    const binhThuan = ok(await t.gql(LIST, { filter: { unitId: await unitId('60', '2022-12-31'), asOf: '2022-12-31', includeSubunits: true } }, { as: 'admin' })).outreachActivities;
    expect(binhThuan.totalCount).toBe(4);
    expect(ok(await t.gql(LIST, { filter: { from: '2022-01-01', to: '2022-12-31' } }, { as: 'hatinh.bcd' })).outreachActivities.totalCount).toBe(0);
  });

  it('records, corrects and removes an activity, audited, CONFLICT on a stale version, nothing written on bad input', async () => {
    const input = { administrativeUnitCode: '42', periodStart: '2026-03-01', periodEnd: '2026-03-31', kind: 'SOCIAL_GROUP', quantity: 12, source: 'Báo cáo tháng 3 của Sở', note: 'Nhóm Zalo các thôn' };
    const made = ok(await t.gql(SUBMIT, { input })).submitOutreachActivity.outreachActivity;
    expect(made).toMatchObject({ version: 1, kind: 'SOCIAL_GROUP', quantity: 12, peopleReached: null, administrativeUnit: { code: '42' }, province: { code: '42' } });
    const trail = (action: string) => t.sql(`SELECT after FROM audit_entry WHERE entity_type = 'OutreachActivity' AND entity_id = $1 AND action = $2`, [made.id, action]);
    expect(await trail('outreachActivity.submit')).toHaveLength(1);

    const changed = ok(await t.gql(UPDATE, { input: { id: made.id, version: 1, quantity: 14, peopleReached: 900, note: '' } })).updateOutreachActivity.outreachActivity;
    expect(changed).toMatchObject({ version: 2, quantity: 14, peopleReached: 900, note: null, kind: 'SOCIAL_GROUP' });
    expect(await trail('outreachActivity.update')).toHaveLength(1);
    expect(failure(await t.gql(UPDATE, { input: { id: made.id, version: 1, quantity: 15 } })).extensions.code).toBe('CONFLICT');
    expect(failure(await t.gql(DELETE, { input: { id: made.id, version: 1 } })).extensions.code).toBe('CONFLICT');

    const listed = ok(await t.gql(LIST, { filter: { unitId: await unitId('42', today), from: '2026-03-15', to: '2026-03-15' } }, { as: 'hatinh.quay' })).outreachActivities;
    expect(listed.edges.map((e: any) => e.node.id)).toEqual([made.id]);

    const count = async () => (await t.sql('SELECT count(*)::int AS n FROM outreach_activity'))[0].n;
    const n = await count();
    expect(fieldsOf(await t.gql(SUBMIT, { input: { ...input, quantity: 0 } }))).toEqual(['quantity']);
    expect(fieldsOf(await t.gql(SUBMIT, { input: { ...input, periodEnd: '2026-02-01' } }))).toEqual(['periodEnd']);
    expect(fieldsOf(await t.gql(SUBMIT, { input: { ...input, periodStart: '2099-01-01', periodEnd: '2099-01-31' } }))).toEqual(['periodStart']);
    expect(fieldsOf(await t.gql(SUBMIT, { input: { ...input, source: '   ' } }))).toEqual(['source']);
    expect(fieldsOf(await t.gql(SUBMIT, { input: { ...input, peopleReached: -1 } }))).toEqual(['peopleReached']);
    expect(failure(await t.gql(SUBMIT, { input: { ...input, administrativeUnitCode: '68' } })).extensions.code).toBe('FORBIDDEN');
    expect(failure(await t.gql(SUBMIT, { input }, { as: 'hatinh.quay' })).extensions.code).toBe('FORBIDDEN');
    expect(failure(await t.gql(UPDATE, { input: { id: made.id, version: 2, quantity: 1 } }, { as: 'dongnai.bcd' })).extensions.code).toBe('NOT_FOUND');
    expect(await count()).toBe(n);

    expect(ok(await t.gql(DELETE, { input: { id: made.id, version: 2 } })).deleteOutreachActivity.id).toBe(made.id);
    expect(await t.sql(`SELECT action FROM audit_entry WHERE entity_type = 'OutreachActivity' AND entity_id = $1 ORDER BY action`, [made.id])).toEqual([
      { action: 'outreachActivity.delete' },
      { action: 'outreachActivity.submit' },
      { action: 'outreachActivity.update' },
    ]);
    expect(await t.sql('SELECT id FROM outreach_activity WHERE id = $1', [made.id])).toEqual([]);
  });
});
