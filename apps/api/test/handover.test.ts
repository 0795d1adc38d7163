/**
 * Handovers, end to end over HTTP, as the post office and the steering committee record them: which
 * tasks pass from which civil servants to which postal staff on which signed record (biên bản), the
 * premises and equipment the post office provides, the totals of what took effect, and who may do it.
 */
import { audited } from './audit-trail';
import { failure, ok, startTestApp, type GraphQLResult, type TestApp } from './harness';
import { HT, HT_COMMUNE, M, RolloutFixtures, UNKNOWN_ID, daysAgo, daysAhead, rolloutState, summary, today, warmUp } from './rollout-fixtures';

let t: TestApp;
let f: RolloutFixtures;
/** A phase under way in an active programme of Hà Tĩnh (one-item checklist). */
let programme: any;
let phase: any;

beforeAll(async () => {
  t = await startTestApp({ signInAs: 'hatinh.buudien' });
  f = await new RolloutFixtures(t).init();
  await warmUp(t, ['admin', 'hatinh.bcd', 'hatinh.buudien', 'hatinh.quay', 'hatinh.stttt', 'dongnai.bcd', 'binhphuoc.buudien']);
  ({ programme, phase } = await f.startedPhase());
});
afterAll(() => t.close());

const PEOPLE = 'fullName position employer';
const SIGNED = `effectiveOn recordNumber recordSignedOn signatories { fullName position organisation } status statusSince reversalReason note version`;
const PERSONNEL = `id tasks relieved { ${PEOPLE} } deployed { ${PEOPLE} } ${SIGNED} site { id }`;
const FACILITY = `id premisesBefore { address owner } premisesAfter { address owner } equipment { type quantity value fundedBy } constructionCost investmentTotal relocationOn conditionNotes ${SIGNED} site { id }`;

type Kind = 'Personnel' | 'Facility';
const FIELDS: Record<Kind, string> = { Personnel: PERSONNEL, Facility: FACILITY };
const field = (kind: Kind) => `${kind.toLowerCase()}Handover`;
const H = (verb: string, kind: Kind, input = `${verb.charAt(0).toUpperCase()}${verb.slice(1)}${kind}HandoverInput`) =>
  `mutation($input: ${input}!) { ${verb}${kind}Handover(input: $input) { ${field(kind)} { ${FIELDS[kind]} } } }`;
const MUTATION = {
  create: (kind: Kind) => H('create', kind),
  update: (kind: Kind) => H('update', kind),
  sign: (kind: Kind) => H('sign', kind, 'SignHandoverInput'),
  effective: (kind: Kind) => `mutation($input: MakeHandoverEffectiveInput!) { make${kind}HandoverEffective(input: $input) { ${field(kind)} { ${FIELDS[kind]} } } }`,
  reverse: (kind: Kind) => H('reverse', kind, 'ReverseHandoverInput'),
};
/** The record a handover mutation answers with (inside its payload). */
const answer = (result: GraphQLResult) => Object.values(Object.values(ok(result))[0] as object)[0] as any;

const CIVIL_SERVANTS = [
  { fullName: 'Trần Thị Hoa', position: 'Công chức Văn phòng - Thống kê', employer: 'UBND xã Kỳ Xuân' },
  { fullName: 'Lê Văn Nam', position: null, employer: 'UBND xã Kỳ Xuân' },
];
const POSTAL_STAFF = [{ fullName: 'Nguyễn Thị Lan', position: 'Giao dịch viên', employer: 'Bưu điện huyện Kỳ Anh' }];
const SIGNATORIES = [
  { fullName: 'Phạm Văn Hùng', position: 'Chủ tịch UBND xã', organisation: 'UBND xã Kỳ Xuân' },
  { fullName: 'Nguyễn Văn Sơn', position: 'Giám đốc', organisation: 'Bưu điện tỉnh Hà Tĩnh' },
];
const EQUIPMENT = [
  { type: 'Máy tính', quantity: 2, value: 30_000_000, fundedBy: 'Bưu điện tỉnh' },
  { type: 'Máy quét', quantity: 1, value: 8_500_000, fundedBy: 'Ngân sách tỉnh' },
];

/** Runs a handover mutation that must succeed, as `as` (the post office manager unless told), and answers the record. */
async function run(action: keyof typeof MUTATION, kind: Kind, input: Record<string, unknown>, as = 'hatinh.buudien') {
  return answer(await t.gql(MUTATION[action](kind), { input }, { as }));
}
const personnel = (input: Record<string, unknown> = {}, siteId?: string) =>
  (async () => run('create', 'Personnel', { siteId: siteId ?? (await f.site(phase.id, {}, undefined, HT_COMMUNE)).id, tasks: ['RECEIVING', 'RETURNING_RESULTS'], relieved: CIVIL_SERVANTS, deployed: POSTAL_STAFF, ...input }))();
const facility = (input: Record<string, unknown> = {}, siteId?: string) =>
  (async () => run('create', 'Facility', { siteId: siteId ?? (await f.site(phase.id)).id, equipment: EQUIPMENT, constructionCost: 120_000_000, ...input }))();
const sign = (kind: Kind, h: any, extra: Record<string, unknown> = {}) => run('sign', kind, { id: h.id, version: h.version, recordNumber: '01/BB-BĐ', signedOn: daysAgo(3), signatories: SIGNATORIES, ...extra });
const makeEffective = (kind: Kind, h: any, effectiveOn?: string) => run('effective', kind, { id: h.id, version: h.version, effectiveOn });
const reverse = (kind: Kind, h: any, reason = 'Bưu điện rút nhân viên') => run('reverse', kind, { id: h.id, version: h.version, reason });

/** A handover of the kind brought to a status. */
async function inStatus(kind: Kind, status: string, siteId?: string, input: Record<string, unknown> = {}) {
  const draft = kind === 'Personnel' ? await personnel(input, siteId) : await facility(input, siteId);
  if (status === 'DRAFT') return draft;
  if (status === 'REVERSED') return reverse(kind, draft);
  const signed = await sign(kind, draft);
  return status === 'SIGNED' ? signed : makeEffective(kind, signed);
}

/** A request that must fail and leave every rollout and handover table and the audit trail as they were. */
async function refused(query: string, input: Record<string, unknown>, options: { as?: string | null; lang?: string } = {}): Promise<GraphQLResult> {
  const before = await rolloutState(t);
  const result = await t.gql(query, { input }, options);
  failure(result);
  expect(await rolloutState(t)).toEqual(before);
  return result;
}

// ---------------------------------------------------------------------------------------------

describe('personnel handovers', () => {
  it('the post office drafts which tasks pass from which civil servants to which postal staff', async () => {
    const site = await f.site(phase.id, {}, undefined, HT_COMMUNE);
    const { result, entries } = await audited(t, () =>
      t.gql(MUTATION.create('Personnel'), {
        input: {
          siteId: site.id,
          tasks: ['RECEIVING', 'RETURNING_RESULTS', 'RECEIVING', 'DIGITISING'],
          relieved: [{ ...CIVIL_SERVANTS[0], fullName: '  Trần Thị Hoa ' }, { ...CIVIL_SERVANTS[1], position: '  ' }],
          deployed: POSTAL_STAFF,
          effectiveOn: daysAhead(10),
          note: ' Theo Kế hoạch của UBND huyện ',
        },
      }),
    );
    const handover = answer(result);
    expect(handover).toEqual({
      id: expect.any(String),
      tasks: ['RECEIVING', 'RETURNING_RESULTS', 'DIGITISING'],
      relieved: CIVIL_SERVANTS,
      deployed: POSTAL_STAFF,
      effectiveOn: daysAhead(10),
      recordNumber: null,
      recordSignedOn: null,
      signatories: [],
      status: 'DRAFT',
      statusSince: today,
      reversalReason: null,
      note: 'Theo Kế hoạch của UBND huyện',
      version: 1,
      site: { id: site.id },
    });
    // The postal employee taking over became a record of the staff register, in the same write.
    expect(entries).toHaveLength(2);
    expect(entries).toEqual(expect.arrayContaining([
      expect.objectContaining({ action: 'staff.create', entityType: 'Staff', actorLabel: 'hatinh.buudien' }),
      expect.objectContaining({ action: 'personnelHandover.create', entityType: 'PersonnelHandover', entityId: handover.id, actorLabel: 'hatinh.buudien' }),
    ]));

    const read = ok(
      await t.gql(
        `query($site: ID!, $id: ID!) {
          pilotSite(id: $site) { personnelHandovers { id status } }
          personnelHandovers(first: 10, filter: { siteId: $site }) { totalCount edges { node { id } } }
          personnelHandover(id: $id) { id status site { id } }
        }`,
        { site: site.id, id: handover.id },
        { as: 'hatinh.quay' },
      ),
    );
    expect(read.pilotSite.personnelHandovers).toEqual([{ id: handover.id, status: 'DRAFT' }]);
    expect(read.personnelHandovers.edges).toEqual([{ node: { id: handover.id } }]);
    expect(read.personnelHandover).toEqual({ id: handover.id, status: 'DRAFT', site: { id: site.id } });
  });

  it('every postal employee taking over is a record of the staff register, deployed to the desk once the handover takes effect', async () => {
    const site = await f.site(phase.id, {}, undefined, HT_COMMUNE);
    const [office] = await t.sql(`SELECT id, name FROM post_office WHERE code = 'BD-42'`);
    const known = ok(await t.gql(`mutation($input: CreateStaffInput!) { createStaff(input: $input) { staff { id fullName } } }`, { input: { fullName: 'Hồ Thị Mai (demo)', postOfficeId: office.id } })).createStaff.staff;
    const PERSON = `deployed { fullName employer staffId staff { id fullName postOffice { code } } }`;
    const created = answer(await t.gql(`mutation($input: CreatePersonnelHandoverInput!) { createPersonnelHandover(input: $input) { personnelHandover { id version ${PERSON} } } }`, {
      input: { siteId: site.id, tasks: ['RECEIVING'], relieved: CIVIL_SERVANTS, deployed: [POSTAL_STAFF[0], { fullName: 'tên gõ sai', employer: 'x', staffId: known.id }] },
    }));
    // A name alone becomes a new record (of the site's post office, else the province's); a record named keeps its own name.
    expect(created.deployed[0]).toMatchObject({ fullName: POSTAL_STAFF[0].fullName, employer: POSTAL_STAFF[0].employer, staff: { fullName: POSTAL_STAFF[0].fullName, postOffice: { code: expect.stringMatching(/^BD/) } } });
    expect(created.deployed[1]).toEqual({ fullName: 'Hồ Thị Mai (demo)', employer: office.name, staffId: known.id, staff: { id: known.id, fullName: 'Hồ Thị Mai (demo)', postOffice: { code: 'BD-42' } } });
    const effective = await makeEffective('Personnel', await sign('Personnel', created), daysAgo(1));
    const desks = await t.sql(`SELECT a.staff_id, a.starts_on::text AS starts_on FROM staff_assignment a JOIN pilot_site s ON s.one_stop_desk_id = a.desk_id WHERE s.id = $1 ORDER BY a.staff_id`, [site.id]);
    expect(desks).toEqual(expect.arrayContaining([{ staff_id: known.id, starts_on: effective.effectiveOn }, { staff_id: created.deployed[0].staffId, starts_on: effective.effectiveOn }]));
    // Another province's staff record cannot be named.
    const [foreign] = await t.sql(`SELECT s.id FROM staff s JOIN administrative_unit p ON p.id = s.province_id WHERE p.code <> '42' LIMIT 1`);
    const refusedNaming = await t.gql(MUTATION.create('Personnel'), { input: { siteId: site.id, tasks: ['RECEIVING'], deployed: [{ ...POSTAL_STAFF[0], staffId: foreign.id }] } });
    expect(failure(refusedNaming).extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'deployed.0.staffId' })] });
  });

  it('a draft changes, fields left out staying, with the version read; once signed it no longer changes', async () => {
    const draft = await personnel({ deployed: [] });
    const { result, entries } = await audited(t, () =>
      t.gql(MUTATION.update('Personnel'), { input: { id: draft.id, version: 1, deployed: [...POSTAL_STAFF, { fullName: 'Hồ Văn Minh', employer: 'Bưu điện huyện Kỳ Anh' }], effectiveOn: daysAgo(1) } }),
    );
    const updated = answer(result);
    expect(updated).toMatchObject({ version: 2, relieved: CIVIL_SERVANTS, tasks: ['RECEIVING', 'RETURNING_RESULTS'], effectiveOn: daysAgo(1), status: 'DRAFT' });
    expect(updated.deployed.map((p: any) => p.fullName)).toEqual(['Nguyễn Thị Lan', 'Hồ Văn Minh']);
    // The two people now taking over are new records of the staff register.
    expect(entries.map((e: any) => e.action).sort()).toEqual(['personnelHandover.update', 'staff.create', 'staff.create']);
    // Sent again without their ids (as a form does), they keep their records.
    const again = answer(await t.gql(MUTATION.update('Personnel'), { input: { id: draft.id, version: 2, deployed: [...POSTAL_STAFF, { fullName: 'Hồ Văn Minh', employer: 'Bưu điện huyện Kỳ Anh' }] } }));
    const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM staff WHERE full_name IN ('Nguyễn Thị Lan', 'Hồ Văn Minh') AND home_desk_id = (SELECT one_stop_desk_id FROM pilot_site WHERE id = (SELECT site_id FROM personnel_handover WHERE id = $1))`, [draft.id]);
    expect(n).toBe(2);
    expect(again.version).toBe(3);
    expect(summary(await refused(MUTATION.update('Personnel'), { id: draft.id, version: 1, note: 'Cũ' })).code).toBe('CONFLICT');
    expect(summary(await refused(MUTATION.update('Personnel'), { id: draft.id, version: 3, tasks: [] }))).toEqual({ code: 'BAD_USER_INPUT', fields: ['tasks'] });

    const signed = await sign('Personnel', again);
    const result2 = await refused(MUTATION.update('Personnel'), { id: signed.id, version: signed.version, note: 'Sau khi ký' });
    expect(failure(result2)).toMatchObject({ extensions: { code: 'CONFLICT' }, message: 'Chỉ sửa được biên bản ở trạng thái dự thảo.' });
    expect(failure(await t.gql(MUTATION.update('Personnel'), { input: { id: signed.id, version: signed.version, note: 'x' } }, { lang: 'en' })).message).toBe('Only a DRAFT handover can be changed.');
  });

  it('is signed with the record number, a day not in the future, at least two signatories, and someone taking over', async () => {
    const draft = await personnel();
    const input = (extra: Record<string, unknown>) => ({ id: draft.id, version: 1, recordNumber: '12/BB-UBND-BĐ', signedOn: daysAgo(2), signatories: SIGNATORIES, ...extra });
    expect(summary(await refused(MUTATION.sign('Personnel'), input({ recordNumber: '   ' })))).toEqual({ code: 'BAD_USER_INPUT', fields: ['recordNumber'] });
    expect(summary(await refused(MUTATION.sign('Personnel'), input({ signedOn: daysAhead(1) })))).toEqual({ code: 'BAD_USER_INPUT', fields: ['signedOn'] });
    expect(summary(await refused(MUTATION.sign('Personnel'), input({ signatories: [SIGNATORIES[0]] })))).toEqual({ code: 'BAD_USER_INPUT', fields: ['signatories'] });
    expect(summary(await refused(MUTATION.sign('Personnel'), input({ signatories: [SIGNATORIES[0], { ...SIGNATORIES[1], position: '' }] })))).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['signatories.1.position'],
    });
    expect(summary(await refused(MUTATION.sign('Personnel'), input({ signatories: [SIGNATORIES[0], { ...SIGNATORIES[1], organisation: '  ' }] })))).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['signatories.1.organisation'],
    });

    // Nobody from the post office takes over: not a record that can be signed.
    const nobody = await personnel({ deployed: [] });
    const refusal = failure(await refused(MUTATION.sign('Personnel'), { ...input({}), id: nobody.id }));
    expect(refusal).toMatchObject({
      message: 'Biên bản cần ít nhất một nhân viên bưu điện tiếp nhận nhiệm vụ.',
      extensions: { code: 'ILLEGAL_TRANSITION', from: 'DRAFT', to: 'SIGNED', allowed: ['SIGNED', 'REVERSED'] },
    });
    expect(failure(await t.gql(MUTATION.sign('Personnel'), { input: { ...input({}), id: nobody.id } }, { lang: 'en' })).message).toBe(
      'A personnel handover needs at least one postal employee taking over.',
    );

    const { result, entries } = await audited(t, () => t.gql(MUTATION.sign('Personnel'), { input: input({ recordNumber: ' 12/BB-UBND-BĐ ', signatories: [{ ...SIGNATORIES[0], fullName: ' Phạm Văn Hùng ' }, SIGNATORIES[1]] }) }));
    expect(answer(result)).toMatchObject({ status: 'SIGNED', statusSince: daysAgo(2), recordNumber: '12/BB-UBND-BĐ', recordSignedOn: daysAgo(2), signatories: SIGNATORIES, version: 2 });
    expect(entries).toEqual([expect.objectContaining({ action: 'personnelHandover.sign', entityId: draft.id })]);
  });

  it('takes effect on the day given, else the planned day once it has come, else today; never before it was signed nor in the future', async () => {
    const planned = await sign('Personnel', await personnel({ effectiveOn: daysAgo(1) }));
    expect(await makeEffective('Personnel', planned)).toMatchObject({ status: 'EFFECTIVE', effectiveOn: daysAgo(1), statusSince: daysAgo(1), version: 3 });

    const later = await sign('Personnel', await personnel({ effectiveOn: daysAhead(20) }));
    expect(await makeEffective('Personnel', later)).toMatchObject({ status: 'EFFECTIVE', effectiveOn: today });

    const signed = await sign('Personnel', await personnel(), { signedOn: daysAgo(3) });
    expect(summary(await refused(MUTATION.effective('Personnel'), { id: signed.id, version: signed.version, effectiveOn: daysAgo(4) }))).toEqual({ code: 'BAD_USER_INPUT', fields: ['effectiveOn'] });
    expect(summary(await refused(MUTATION.effective('Personnel'), { id: signed.id, version: signed.version, effectiveOn: daysAhead(1) }))).toEqual({ code: 'BAD_USER_INPUT', fields: ['effectiveOn'] });
    const { result, entries } = await audited(t, () => t.gql(MUTATION.effective('Personnel'), { input: { id: signed.id, version: signed.version, effectiveOn: daysAgo(3) } }));
    expect(answer(result)).toMatchObject({ status: 'EFFECTIVE', effectiveOn: daysAgo(3) });
    // Its postal employee is deployed to the site's desk from that day, in the same write.
    expect(entries).toHaveLength(2);
    expect(entries).toEqual(expect.arrayContaining([
      expect.objectContaining({ action: 'staffAssignment.create', after: expect.objectContaining({ startsOn: daysAgo(3), endsOn: null }) }),
      expect.objectContaining({ action: 'personnelHandover.effective', entityId: signed.id }),
    ]));
  });

  it('is planned, signed and put into effect no earlier than the programme’s first document (19/10/2016), for both kinds', async () => {
    // The phase's programme rests on 2459/QĐ-UBND (23/07/2019) and 45/2016/QĐ-TTg (19/10/2016), its start.
    const before = (field: string, what: string) => ({ code: 'BAD_USER_INPUT', fields: [{ field, message: `${what} trước văn bản đầu tiên của đề án (ký ngày 19/10/2016).` }] });
    for (const kind of ['Personnel', 'Facility'] as const) {
      const site = await f.site(phase.id, {}, undefined, kind === 'Personnel' ? HT_COMMUNE : undefined);
      const base = kind === 'Personnel' ? { siteId: site.id, tasks: ['RECEIVING'], relieved: CIVIL_SERVANTS, deployed: POSTAL_STAFF } : { siteId: site.id, equipment: EQUIPMENT, constructionCost: 0 };
      expect(failure(await refused(MUTATION.create(kind), { ...base, effectiveOn: '2016-10-18' })).extensions).toMatchObject(before('effectiveOn', 'Ngày có hiệu lực không thể'));
      const draft = await run('create', kind, { ...base, effectiveOn: '2016-10-19' });
      expect(draft.effectiveOn).toBe('2016-10-19');
      const edit = await refused(MUTATION.update(kind), { id: draft.id, version: draft.version, effectiveOn: '2015-06-30' }, { lang: 'en' });
      expect(failure(edit).extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'effectiveOn', message: "It cannot take effect before the programme's first document (signed on 19/10/2016)." }] });
      const early = await refused(MUTATION.sign(kind), { id: draft.id, version: draft.version, recordNumber: '01/BB-BĐ', signedOn: '2016-10-18', signatories: SIGNATORIES });
      expect(failure(early).extensions).toMatchObject(before('signedOn', 'Ngày ký biên bản không thể'));
      const signed = await sign(kind, draft, { signedOn: '2016-10-19' });
      expect(signed).toMatchObject({ status: 'SIGNED', recordSignedOn: '2016-10-19' });
      expect(await makeEffective(kind, signed)).toMatchObject({ status: 'EFFECTIVE', effectiveOn: '2016-10-19' });
    }
  });

  it('is reversed from draft, signed or in effect, always with a reason', async () => {
    for (const status of ['DRAFT', 'SIGNED', 'EFFECTIVE']) {
      const h = await inStatus('Personnel', status);
      expect(summary(await refused(MUTATION.reverse('Personnel'), { id: h.id, version: h.version, reason: '   ' }))).toEqual({ code: 'BAD_USER_INPUT', fields: ['reason'] });
      const { result, entries } = await audited(t, () => t.gql(MUTATION.reverse('Personnel'), { input: { id: h.id, version: h.version, reason: ' Bưu điện chưa bố trí được nhân viên ' } }));
      expect({ status, ...answer(result) }).toMatchObject({ status: 'REVERSED', statusSince: today, reversalReason: 'Bưu điện chưa bố trí được nhân viên', version: h.version + 1 });
      expect(entries).toEqual([expect.objectContaining({ action: 'personnelHandover.reverse', entityId: h.id })]);
    }
  });

  it('every move the machine does not list is an ILLEGAL_TRANSITION naming the allowed ones, for both kinds', async () => {
    const legal: Record<string, string[]> = { DRAFT: ['SIGNED', 'REVERSED'], SIGNED: ['EFFECTIVE', 'REVERSED'], EFFECTIVE: ['REVERSED'], REVERSED: [] };
    const action: Record<string, (kind: Kind, h: any) => Promise<GraphQLResult>> = {
      SIGNED: (kind, h) => refused(MUTATION.sign(kind), { id: h.id, version: h.version, recordNumber: '02/BB', signedOn: today, signatories: SIGNATORIES }),
      EFFECTIVE: (kind, h) => refused(MUTATION.effective(kind), { id: h.id, version: h.version }),
      REVERSED: (kind, h) => refused(MUTATION.reverse(kind), { id: h.id, version: h.version, reason: 'Thử' }),
    };
    const site = await f.site(phase.id);
    let count = 0;
    for (const kind of ['Personnel', 'Facility'] as Kind[]) {
      for (const [from, allowed] of Object.entries(legal)) {
        const h = await inStatus(kind, from, site.id);
        for (const to of Object.keys(action).filter((s) => !allowed.includes(s))) {
          const error = failure(await action[to](kind, h));
          expect({ kind, from, to, ...error.extensions }).toEqual({ kind, from, to, code: 'ILLEGAL_TRANSITION', allowed });
          count++;
        }
      }
    }
    expect(count).toBe(2 * 7);
  });

  it('a version read before someone else’s change is a CONFLICT, whatever the change', async () => {
    const draft = await personnel();
    await sign('Personnel', draft);
    for (const [action, extra] of [
      ['sign', { recordNumber: '03/BB', signedOn: today, signatories: SIGNATORIES }],
      ['effective', {}],
      ['reverse', { reason: 'Thử' }],
      ['update', { note: 'Thử' }],
    ] as const) {
      const result = await refused(MUTATION[action]('Personnel'), { id: draft.id, version: 1, ...extra });
      expect({ action, ...summary(result) }).toEqual({ action, code: 'CONFLICT', fields: [] });
    }
  });

  it('needs a site of the province that has not been withdrawn', async () => {
    const withdrawn = await f.siteIn(phase.id, 'WITHDRAWN');
    const input = { siteId: withdrawn.id, tasks: ['ON_DUTY'], deployed: POSTAL_STAFF };
    expect(summary(await refused(MUTATION.create('Personnel'), input))).toEqual({ code: 'CONFLICT', fields: [] });
    expect(summary(await refused(MUTATION.create('Personnel'), { ...input, siteId: UNKNOWN_ID }))).toEqual({ code: 'BAD_USER_INPUT', fields: ['siteId'] });
    expect(summary(await refused(MUTATION.create('Personnel'), { ...input, siteId: (await f.site(phase.id)).id, tasks: [] }))).toEqual({ code: 'BAD_USER_INPUT', fields: ['tasks'] });
  });
});

// ---------------------------------------------------------------------------------------------

describe('facility handovers', () => {
  it('records the premises before and after, the equipment lines and the investment (construction plus equipment)', async () => {
    const site = await f.site(phase.id, { handoverModel: 'AT_POST_OFFICE', postOfficeId: f.offices['BDVHX-18760'] });
    const premisesBefore = { address: 'Trụ sở UBND xã Kỳ Xuân', owner: 'UBND xã Kỳ Xuân' };
    const premisesAfter = { address: 'Bưu điện văn hóa xã Kỳ Xuân', owner: 'Bưu điện tỉnh Hà Tĩnh' };
    const { result, entries } = await audited(t, () =>
      t.gql(MUTATION.create('Facility'), {
        input: { siteId: site.id, premisesBefore, premisesAfter, equipment: [{ ...EQUIPMENT[0], type: ' Máy tính ' }, EQUIPMENT[1]], constructionCost: 120_000_000, relocationOn: daysAgo(5), conditionNotes: ' Đã sửa mái ' },
      }),
    );
    const draft = answer(result);
    expect(draft).toMatchObject({
      premisesBefore,
      premisesAfter,
      equipment: EQUIPMENT,
      constructionCost: 120_000_000,
      investmentTotal: 158_500_000,
      relocationOn: daysAgo(5),
      conditionNotes: 'Đã sửa mái',
      status: 'DRAFT',
      version: 1,
      site: { id: site.id },
    });
    expect(entries).toEqual([expect.objectContaining({ action: 'facilityHandover.create', entityType: 'FacilityHandover', entityId: draft.id })]);

    const updated = await run('update', 'Facility', { id: draft.id, version: 1, equipment: [{ type: 'Hệ thống xếp hàng tự động', quantity: 1, value: 45_000_000, fundedBy: 'Bưu điện tỉnh' }] });
    expect(updated).toMatchObject({ version: 2, constructionCost: 120_000_000, investmentTotal: 165_000_000, premisesAfter });
    const noBuilding = await run('update', 'Facility', { id: draft.id, version: 2, constructionCost: 0, premisesBefore: null });
    expect(noBuilding).toMatchObject({ investmentTotal: 45_000_000, premisesBefore: null });

    const effective = await makeEffective('Facility', await sign('Facility', noBuilding));
    expect(effective).toMatchObject({ status: 'EFFECTIVE', recordNumber: '01/BB-BĐ', effectiveOn: today });
    const read = ok(await t.gql(`query($id: ID!) { facilityHandover(id: $id) { id investmentTotal } pilotSite(id: "${site.id}") { facilityHandovers { id status } } }`, { id: draft.id }, { as: 'hatinh.quay' }));
    expect(read).toEqual({ facilityHandover: { id: draft.id, investmentTotal: 45_000_000 }, pilotSite: { facilityHandovers: [{ id: draft.id, status: 'EFFECTIVE' }] } });
  });

  it('names the nested field that is wrong', async () => {
    const site = await f.site(phase.id);
    const input = (extra: Record<string, unknown>) => ({ siteId: site.id, equipment: EQUIPMENT, ...extra });
    expect(summary(await refused(MUTATION.create('Facility'), input({ equipment: [{ ...EQUIPMENT[0], quantity: 0 }] })))).toEqual({ code: 'BAD_USER_INPUT', fields: ['equipment.0.quantity'] });
    expect(summary(await refused(MUTATION.create('Facility'), input({ equipment: [EQUIPMENT[0], { ...EQUIPMENT[1], type: '   ' }] })))).toEqual({ code: 'BAD_USER_INPUT', fields: ['equipment.1.type'] });
    expect(summary(await refused(MUTATION.create('Facility'), input({ equipment: [{ ...EQUIPMENT[0], value: -1 }] })))).toEqual({ code: 'BAD_USER_INPUT', fields: ['equipment.0.value'] });
    expect(summary(await refused(MUTATION.create('Facility'), input({ premisesAfter: { address: '', owner: 'Bưu điện' } })))).toEqual({ code: 'BAD_USER_INPUT', fields: ['premisesAfter.address'] });
    expect(summary(await refused(MUTATION.create('Facility'), input({ constructionCost: -5 })))).toEqual({ code: 'BAD_USER_INPUT', fields: ['constructionCost'] });
  });
});

// ---------------------------------------------------------------------------------------------

describe('totals of what took effect', () => {
  const TOTALS = 'civilServantsRelieved postalStaffDeployed personnelHandovers facilityHandovers investmentTotal';
  const totals = (relieved: number, deployed: number, personnelCount: number, facilityCount: number, investment: number) => ({
    civilServantsRelieved: relieved,
    postalStaffDeployed: deployed,
    personnelHandovers: personnelCount,
    facilityHandovers: facilityCount,
    investmentTotal: investment,
  });
  const province = async (as: string, code?: string) =>
    ok(await t.gql(`query($code: String) { provinceHandoverTotals(provinceCode: $code) { ${TOTALS} } }`, { code }, { as })).provinceHandoverTotals;
  const minus = (a: any, b: any) => Object.fromEntries(Object.keys(a).map((k) => [k, a[k] - b[k]]));

  it('count only handovers in effect, per site, phase, programme and province', async () => {
    const beforeHaTinh = await province('hatinh.bcd');
    const beforeDongNai = await province('dongnai.bcd');
    const { programme: own, phase: first } = await f.startedPhase();
    const second = await f.phaseTo(await f.phase(own.id), 'IN_PROGRESS');
    const [a, b, c] = [await f.site(first.id), await f.site(first.id), await f.site(second.id)];
    const three = [...POSTAL_STAFF, { fullName: 'Hồ Văn Minh', employer: 'Bưu điện huyện' }, { fullName: 'Võ Thị Mai', employer: 'Bưu điện huyện' }];

    await inStatus('Personnel', 'EFFECTIVE', a.id, { relieved: CIVIL_SERVANTS, deployed: three });
    await inStatus('Personnel', 'SIGNED', a.id);
    await inStatus('Personnel', 'DRAFT', a.id);
    await reverse('Personnel', await inStatus('Personnel', 'EFFECTIVE', a.id, { relieved: [...CIVIL_SERVANTS, ...CIVIL_SERVANTS], deployed: three }));
    await inStatus('Facility', 'EFFECTIVE', a.id); // 120 000 000 + 38 500 000
    await inStatus('Facility', 'SIGNED', a.id, { constructionCost: 900_000_000 });
    await inStatus('Personnel', 'EFFECTIVE', b.id, { relieved: [CIVIL_SERVANTS[0]], deployed: [...POSTAL_STAFF, three[1]] });
    await inStatus('Facility', 'EFFECTIVE', b.id, { equipment: [], constructionCost: 50_000_000 });
    await inStatus('Personnel', 'EFFECTIVE', c.id, { relieved: [CIVIL_SERVANTS[1]], deployed: POSTAL_STAFF });

    const data = ok(
      await t.gql(
        `query($a: ID!, $b: ID!, $c: ID!, $programme: ID!) {
          a: pilotSite(id: $a) { handoverTotals { ${TOTALS} } }
          b: pilotSite(id: $b) { handoverTotals { ${TOTALS} } }
          c: pilotSite(id: $c) { handoverTotals { ${TOTALS} } }
          pilotProgramme(id: $programme) { handoverTotals { ${TOTALS} } phases { handoverTotals { ${TOTALS} } } }
        }`,
        { a: a.id, b: b.id, c: c.id, programme: own.id },
        { as: 'hatinh.quay' },
      ),
    );
    expect(data.a.handoverTotals).toEqual(totals(2, 3, 1, 1, 158_500_000));
    expect(data.b.handoverTotals).toEqual(totals(1, 2, 1, 1, 50_000_000));
    expect(data.c.handoverTotals).toEqual(totals(1, 1, 1, 0, 0));
    expect(data.pilotProgramme.phases.map((p: any) => p.handoverTotals)).toEqual([totals(3, 5, 2, 2, 208_500_000), totals(1, 1, 1, 0, 0)]);
    expect(data.pilotProgramme.handoverTotals).toEqual(totals(4, 6, 3, 2, 208_500_000));

    // The province's totals grew by the programme's (there may be other programmes of Hà Tĩnh); Đồng Nai's did not move.
    expect(minus(await province('hatinh.bcd'), beforeHaTinh)).toEqual(totals(4, 6, 3, 2, 208_500_000) as any);
    expect(minus(await province('admin', HT), beforeHaTinh)).toEqual(totals(4, 6, 3, 2, 208_500_000) as any);
    expect(await province('dongnai.bcd')).toEqual(beforeDongNai);
    expect(await province('hatinh.bcd', '75')).toEqual(totals(0, 0, 0, 0, 0));
  });
});

// ---------------------------------------------------------------------------------------------

describe('who may do what', () => {
  const MOVE = M.move;

  it('the post office manager records handovers and ticks the checklist, but neither moves sites nor plans phases', async () => {
    const site = await f.site(phase.id);
    const ticked = await f.tick(site, 'ready', true, {}, 'hatinh.buudien');
    expect(ticked.readiness[0]).toMatchObject({ done: true, doneBy: 'hatinh.buudien' });
    expect((await inStatus('Personnel', 'EFFECTIVE', site.id)).status).toBe('EFFECTIVE');
    expect((await inStatus('Facility', 'REVERSED', site.id)).status).toBe('REVERSED');

    const as = { as: 'hatinh.buudien' };
    const forbidden = async (query: string, input: Record<string, unknown>) => expect(summary(await refused(query, input, as))).toEqual({ code: 'FORBIDDEN', fields: [] });
    await forbidden(MOVE, { id: ticked.id, version: ticked.version, to: 'PREPARING' });
    await forbidden(M.addPhase, { programmeId: programme.id, name: 'Giai đoạn 2', plannedStart: today, plannedEnd: today, targets: { province: 0, district: 0, commune: 1 } });
    await forbidden(M.replan, { id: phase.id, version: phase.version, plannedStart: today, plannedEnd: today, reason: 'Bưu điện đề nghị' });
    await forbidden(M.phaseStatus, { id: phase.id, version: phase.version, status: 'CLOSED' });
    await forbidden(M.enrol, { phaseId: phase.id, sites: [{ oneStopDeskId: await f.desk(), handoverModel: 'AT_AGENCY' }] });
    await forbidden(M.updateSite, { id: ticked.id, version: ticked.version, note: 'Bưu điện' });
    await forbidden(M.createProgramme, { code: 'BD-DE-AN', name: 'Đề án', provinceCode: HT, legalBasis: [] });
    await forbidden(M.updateProgramme, { id: programme.id, version: programme.version, name: 'Đề án' });
    const forbiddenMessage = failure(await t.gql(MOVE, { input: { id: ticked.id, version: ticked.version, to: 'PREPARING' } }, { as: 'hatinh.buudien', lang: 'en' }));
    expect(forbiddenMessage.message).toBe('You are not allowed to do this.');
  });

  it('a counter clerk and an agency officer read the handovers and change nothing', async () => {
    const site = await f.site(phase.id);
    const draft = await personnel({}, site.id);
    const equipment = await facility({}, site.id);
    for (const as of ['hatinh.quay', 'hatinh.stttt']) {
      const read = ok(
        await t.gql(
          `query($site: ID!) { pilotSite(id: $site) { personnelHandovers { id } facilityHandovers { id } handoverTotals { personnelHandovers } }
            facilityHandovers(first: 10, filter: { siteId: $site }) { edges { node { id } } } }`,
          { site: site.id },
          { as },
        ),
      );
      expect(read).toEqual({ pilotSite: { personnelHandovers: [{ id: draft.id }], facilityHandovers: [{ id: equipment.id }], handoverTotals: { personnelHandovers: 0 } }, facilityHandovers: { edges: [{ node: { id: equipment.id } }] } });
      const forbidden = async (query: string, input: Record<string, unknown>) => expect({ as, ...summary(await refused(query, input, { as })) }).toEqual({ as, code: 'FORBIDDEN', fields: [] });
      await forbidden(MUTATION.create('Personnel'), { siteId: site.id, tasks: ['GUIDANCE'], deployed: POSTAL_STAFF });
      await forbidden(MUTATION.update('Personnel'), { id: draft.id, version: draft.version, note: 'x' });
      await forbidden(MUTATION.sign('Personnel'), { id: draft.id, version: draft.version, recordNumber: '1/BB', signedOn: today, signatories: SIGNATORIES });
      await forbidden(MUTATION.create('Facility'), { siteId: site.id, equipment: EQUIPMENT });
      await forbidden(MUTATION.reverse('Facility'), { id: equipment.id, version: equipment.version, reason: 'x' });
      await forbidden(M.readiness, { id: site.id, version: site.version, key: 'ready', done: true });
      await forbidden(MOVE, { id: site.id, version: site.version, to: 'PREPARING' });
    }
  });

  it('who may not act is told so before their input is looked at', async () => {
    const draft = await personnel();
    const badSign = { id: draft.id, version: draft.version, recordNumber: '  ', signedOn: daysAhead(3), signatories: SIGNATORIES };
    expect(summary(await refused(MUTATION.sign('Personnel'), badSign, { as: 'hatinh.quay' })).code).toBe('FORBIDDEN');
    expect(summary(await refused(MUTATION.reverse('Personnel'), { id: draft.id, version: draft.version, reason: '  ' }, { as: 'hatinh.quay' })).code).toBe('FORBIDDEN');
    expect(summary(await refused(MUTATION.create('Personnel'), { siteId: draft.site.id, tasks: ['GUIDANCE'], relieved: [{ fullName: ' ', employer: 'UBND' }] }, { as: 'hatinh.quay' })).code).toBe('FORBIDDEN');
    expect(summary(await refused(MUTATION.sign('Personnel'), badSign, { as: null })).code).toBe('UNAUTHENTICATED');
  });

  it('Đồng Nai’s post office neither sees nor touches Hà Tĩnh’s handovers', async () => {
    const draft = await personnel();
    const equipment = await facility();
    const as = 'binhphuoc.buudien';
    const read = ok(
      await t.gql(
        `query($p: ID!, $f: ID!, $site: ID!) {
          personnelHandover(id: $p) { id } facilityHandover(id: $f) { id } pilotSite(id: $site) { id }
          personnelHandovers(first: 100, filter: { siteId: $site }) { totalCount }
          facilityHandovers(first: 100) { edges { node { id } } }
        }`,
        { p: draft.id, f: equipment.id, site: draft.site.id },
        { as },
      ),
    );
    expect(read).toMatchObject({ personnelHandover: null, facilityHandover: null, pilotSite: null, personnelHandovers: { totalCount: 0 } });
    expect(read.facilityHandovers.edges.map((e: any) => e.node.id)).not.toContain(equipment.id);
    const sign = await refused(MUTATION.sign('Personnel'), { id: draft.id, version: 1, recordNumber: '1/BB', signedOn: today, signatories: SIGNATORIES }, { as });
    const unknown = failure(await t.gql(MUTATION.sign('Personnel'), { input: { id: UNKNOWN_ID, version: 1, recordNumber: '1/BB', signedOn: today, signatories: SIGNATORIES } }, { as }));
    expect(failure(sign).extensions.code).toBe('NOT_FOUND');
    expect(failure(sign).message.replace(draft.id, '<id>')).toBe(unknown.message.replace(UNKNOWN_ID, '<id>'));
    expect(summary(await refused(MUTATION.create('Personnel'), { siteId: draft.site.id, tasks: ['GUIDANCE'], deployed: POSTAL_STAFF }, { as }))).toEqual({ code: 'BAD_USER_INPUT', fields: ['siteId'] });
    expect(summary(await refused(MUTATION.update('Facility'), { id: equipment.id, version: 1, constructionCost: 1 }, { as })).code).toBe('NOT_FOUND');
  });
});

// ---------------------------------------------------------------------------------------------

describe('messages in Vietnamese and English', () => {
  it('a refused move, a field error and a conflict each speak the request’s language', async () => {
    const draft = await personnel();
    const move = { input: { id: draft.id, version: 1 } };
    const vi = failure(await t.gql(MUTATION.effective('Personnel'), move, { lang: 'vi' }));
    const en = failure(await t.gql(MUTATION.effective('Personnel'), move, { lang: 'en' }));
    expect(vi.message).toBe('Không thể chuyển biên bản chuyển giao nhân lực từ "Dự thảo" sang "Có hiệu lực".');
    expect(en.message).toBe('The personnel handover cannot move from draft to in effect.');
    expect(vi.extensions).toEqual(en.extensions);

    const nested = { input: { siteId: draft.site.id, tasks: ['GUIDANCE'], relieved: [{ fullName: '   ', employer: 'UBND xã' }], deployed: POSTAL_STAFF } };
    expect(failure(await t.gql(MUTATION.create('Personnel'), nested, { lang: 'vi' })).extensions.fields).toEqual([{ field: 'relieved.0.fullName', message: 'Họ tên không được để trống.' }]);
    expect(failure(await t.gql(MUTATION.create('Personnel'), nested, { lang: 'en' })).extensions.fields).toEqual([{ field: 'relieved.0.fullName', message: 'The name must not be empty.' }]);
    const empty = { input: { ...nested.input, relieved: [{ fullName: '', employer: 'UBND xã' }] } };
    expect(failure(await t.gql(MUTATION.create('Personnel'), empty, { lang: 'en' })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'relieved.0.fullName' }] });

    const stale = { input: { id: draft.id, version: 7, note: 'x' } };
    expect(failure(await t.gql(MUTATION.update('Personnel'), stale, { lang: 'vi' })).message).toMatch(/^biên bản chuyển giao nhân lực vừa được người khác thay đổi\. Hãy tải lại và thử lại\.$/i);
    expect(failure(await t.gql(MUTATION.update('Personnel'), stale, { lang: 'en' })).message).toBe('The personnel handover was changed by someone else in the meantime. Reload it and try again.');
  });

  it('a Vietnamese message begins its sentence with a capital letter', async () => {
    const draft = await personnel();
    const stale = failure(await t.gql(MUTATION.update('Personnel'), { input: { id: draft.id, version: 7, note: 'x' } }, { lang: 'vi' }));
    expect(stale.message).toBe('Biên bản chuyển giao nhân lực vừa được người khác thay đổi. Hãy tải lại và thử lại.');
  });
});
