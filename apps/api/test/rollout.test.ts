/**
 * The rollout, end to end over HTTP, as the provincial steering committee (Ban Chỉ đạo) runs it:
 * a programme on its legal basis, phases planned and re-planned, desks enrolled as pilot sites and
 * moved along their status machine behind the readiness checklist, late sites, progress against the
 * targets, steering meetings with their action items, and the spreadsheets the committee sends on.
 */
import readXlsxFile from 'read-excel-file/node';
import { audited } from './audit-trail';
import { failure, ok, startTestApp, type GraphQLResult, type TestApp } from './harness';
import {
  COMMITTEE,
  DECISION_2459,
  DECISION_45,
  DEFAULT_KEYS,
  DN,
  HT,
  HT_COMMUNE,
  LEGAL_MOVES,
  M,
  ONE_ITEM,
  PATHS,
  Q,
  RolloutFixtures,
  SITE_STATUSES,
  UNKNOWN_ID,
  daysAgo,
  daysAhead,
  rolloutState,
  summary,
  today,
  warmUp,
  type SiteStatus,
} from './rollout-fixtures';

let t: TestApp;
let f: RolloutFixtures;

beforeAll(async () => {
  t = await startTestApp({ signInAs: 'hatinh.bcd' });
  f = await new RolloutFixtures(t).init();
  await warmUp(t, ['admin', 'hatinh.bcd', 'hatinh.quantri', 'hatinh.buudien', 'hatinh.quay', 'dongnai.bcd']);
});
afterAll(() => t.close());

/** A request that must fail and leave every rollout table and the audit trail as they were; answers the result. */
async function refused(query: string, input: Record<string, unknown>, options: { as?: string; lang?: string } = {}): Promise<GraphQLResult> {
  const before = await rolloutState(t);
  const result = await t.gql(query, { input }, options);
  failure(result);
  expect(await rolloutState(t)).toEqual(before);
  return result;
}

const sitesOfPhase = async (phaseId: string) => (await t.sql(`SELECT id FROM pilot_site WHERE phase_id = $1`, [phaseId])).length;

// ---------------------------------------------------------------------------------------------

describe('programmes', () => {
  it('the steering committee drafts a programme on its legal basis, with its committee and the default readiness checklist', async () => {
    const code = f.unique('HT');
    const { result, entries } = await audited(t, () =>
      t.gql(M.createProgramme, {
        input: {
          code,
          name: '  Đề án thí điểm chuyển giao một số nhiệm vụ hành chính công qua dịch vụ bưu chính công ích  ',
          provinceCode: HT,
          legalBasis: [{ ...DECISION_2459, number: ' 2459/QĐ-UBND ', issuer: ' UBND tỉnh Hà Tĩnh ' }, DECISION_45],
          committee: [{ ...COMMITTEE[0], fullName: ' Đặng Quốc Vinh ' }, COMMITTEE[1]],
        },
      }),
    );
    const programme = ok(result).createPilotProgramme.pilotProgramme;
    expect(programme).toEqual({
      id: expect.any(String),
      code,
      name: 'Đề án thí điểm chuyển giao một số nhiệm vụ hành chính công qua dịch vụ bưu chính công ích',
      status: 'DRAFT',
      version: 1,
      province: { code: HT },
      administrativeUnit: { code: HT },
      legalBasis: [DECISION_2459, DECISION_45],
      committee: COMMITTEE,
      readinessItems: DEFAULT_KEYS.map((key) => ({ key, label: expect.any(String) })),
    });
    expect(entries).toEqual([expect.objectContaining({ action: 'pilotProgramme.create', entityType: 'PilotProgramme', entityId: programme.id, actorLabel: 'hatinh.bcd', before: null })]);
    expect(entries[0].after).toMatchObject({ code, status: 'DRAFT' });

    // It is found by the province's users, and by its code of province.
    const listed = ok(await t.gql(`{ pilotProgrammes(first: 100, filter: { provinceCode: "42", status: DRAFT }) { edges { node { id } } } }`, {}, { as: 'hatinh.quay' }));
    expect(listed.pilotProgrammes.edges.map((e: any) => e.node.id)).toContain(programme.id);
    expect(ok(await t.gql(Q.programme, { id: programme.id }, { as: 'hatinh.quay' })).pilotProgramme).toEqual(programme);
  });

  it('a programme Bình Phước decided in 2017 belongs to Đồng Nai today, and is still found under "70"', async () => {
    const programme = await f.programme(
      {
        provinceCode: '70',
        legalBasis: [{ number: '1024/QĐ-UBND', signedOn: '2017-05-10', issuer: 'UBND tỉnh Bình Phước', title: 'Phê duyệt Đề án thí điểm' }],
        committee: [],
      },
      'dongnai.bcd',
    );
    expect(programme).toMatchObject({ province: { code: DN }, administrativeUnit: { code: '70' }, committee: [] });
    const found = ok(await t.gql(`{ pilotProgrammes(first: 100, filter: { provinceCode: "70" }) { edges { node { id } } } }`, {}, { as: 'dongnai.bcd' }));
    expect(found.pilotProgrammes.edges.map((e: any) => e.node.id)).toContain(programme.id);
    // Not Hà Tĩnh's: hidden from its committee.
    expect(ok(await t.gql(Q.programme, { id: programme.id })).pilotProgramme).toBeNull();
  });

  it('refuses a programme that cannot be, naming the field, and writes nothing', async () => {
    const taken = await f.programme();
    const input = (extra: Record<string, unknown>) => ({ code: f.unique('HT'), name: 'Đề án', provinceCode: HT, legalBasis: [DECISION_2459], ...extra });
    expect(summary(await refused(M.createProgramme, input({ code: taken.code })))).toEqual({ code: 'CONFLICT', fields: ['code'] });
    expect(summary(await refused(M.createProgramme, input({ provinceCode: HT_COMMUNE })))).toEqual({ code: 'BAD_USER_INPUT', fields: ['provinceCode'] });
    expect(summary(await refused(M.createProgramme, input({ provinceCode: '99' })))).toEqual({ code: 'BAD_USER_INPUT', fields: ['provinceCode'] });
    expect(summary(await refused(M.createProgramme, input({ name: '   ' })))).toEqual({ code: 'BAD_USER_INPUT', fields: ['name'] });
    expect(summary(await refused(M.createProgramme, input({ readinessItems: [{ key: 'staff_trained', label: 'A' }, { key: 'staff_trained', label: 'B' }] })))).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['readinessItems.1.key'],
    });
    expect(summary(await refused(M.createProgramme, input({ readinessItems: [{ key: 'Staff Trained', label: 'A' }] })))).toEqual({ code: 'BAD_USER_INPUT', fields: ['readinessItems.0.key'] });
    expect(summary(await refused(M.createProgramme, input({ readinessItems: [] })))).toEqual({ code: 'BAD_USER_INPUT', fields: ['readinessItems'] });
    expect(summary(await refused(M.createProgramme, input({ legalBasis: [{ ...DECISION_2459, number: '' }] })))).toEqual({ code: 'BAD_USER_INPUT', fields: ['legalBasis.0.number'] });
    // Another province's programme is not Hà Tĩnh's committee's to make.
    expect(summary(await refused(M.createProgramme, input({ provinceCode: DN })))).toEqual({ code: 'FORBIDDEN', fields: [] });
  });

  it('changes name, legal basis, committee and checklist with the version it read; an older version is a CONFLICT', async () => {
    const programme = await f.programme();
    const { result, entries } = await audited(t, () =>
      t.gql(M.updateProgramme, {
        input: { id: programme.id, version: 1, name: 'Đề án (sửa đổi)', legalBasis: [DECISION_2459], committee: [COMMITTEE[1]], readinessItems: ONE_ITEM },
      }),
    );
    const updated = ok(result).updatePilotProgramme.pilotProgramme;
    expect(updated).toMatchObject({ name: 'Đề án (sửa đổi)', version: 2, legalBasis: [DECISION_2459], committee: [COMMITTEE[1]], readinessItems: ONE_ITEM, status: 'DRAFT' });
    expect(entries).toEqual([expect.objectContaining({ action: 'pilotProgramme.update', entityId: programme.id })]);
    expect(entries[0].before).toMatchObject({ name: programme.name, version: 1 });
    expect(entries[0].after).toMatchObject({ name: 'Đề án (sửa đổi)', version: 2 });

    // Fields left out stay.
    const renamed = (await f.run(M.updateProgramme, { input: { id: programme.id, version: 2, name: 'Đề án mới' } })).updatePilotProgramme.pilotProgramme;
    expect(renamed).toMatchObject({ name: 'Đề án mới', version: 3, legalBasis: [DECISION_2459], readinessItems: ONE_ITEM });

    const stale = await refused(M.updateProgramme, { id: programme.id, version: 2, name: 'Đề án cũ' });
    expect(summary(stale).code).toBe('CONFLICT');
    expect(failure(stale).message).toMatch(/vừa được người khác thay đổi/);
    expect(summary(await refused(M.updateProgramme, { id: UNKNOWN_ID, version: 1, name: 'X' })).code).toBe('NOT_FOUND');
  });

  it('trims the legal basis and committee on a change, as it does on creation', async () => {
    const programme = await f.programme();
    const updated = (
      await f.run(M.updateProgramme, {
        input: { id: programme.id, version: 1, legalBasis: [{ ...DECISION_2459, number: ' 2459/QĐ-UBND ', title: ` ${DECISION_2459.title} ` }], committee: [{ ...COMMITTEE[0], position: ' Phó Chủ tịch UBND tỉnh ' }] },
      })
    ).updatePilotProgramme.pilotProgramme;
    expect(updated.legalBasis).toEqual([DECISION_2459]);
    expect(updated.committee).toEqual([COMMITTEE[0]]);
  });

  it('an active programme keeps a legal basis: a change cannot take it all away', async () => {
    const programme = await f.programmeTo(await f.programme(), 'ACTIVE');
    expect(summary(await refused(M.updateProgramme, { id: programme.id, version: programme.version, legalBasis: [] }))).toEqual({ code: 'BAD_USER_INPUT', fields: ['legalBasis'] });
  });

  it('goes DRAFT → ACTIVE → CLOSED; every other move is an ILLEGAL_TRANSITION naming the moves allowed, and changes nothing', async () => {
    const legal: Record<string, string[]> = { DRAFT: ['ACTIVE'], ACTIVE: ['CLOSED'], CLOSED: [] };
    const inStatus = async (status: string) => {
      const draft = await f.programme();
      if (status === 'DRAFT') return draft;
      const active = await f.programmeTo(draft, 'ACTIVE');
      return status === 'ACTIVE' ? active : f.programmeTo(active, 'CLOSED');
    };
    for (const from of Object.keys(legal)) {
      const programme = await inStatus(from);
      for (const to of Object.keys(legal).filter((s) => !legal[from].includes(s))) {
        const error = failure(await refused(M.programmeStatus, { id: programme.id, version: programme.version, status: to }));
        expect({ from, to, ...error.extensions }).toEqual({ from, to, code: 'ILLEGAL_TRANSITION', allowed: legal[from] });
      }
      for (const to of legal[from]) {
        const fresh = await inStatus(from);
        const { result, entries } = await audited(t, () => t.gql(M.programmeStatus, { input: { id: fresh.id, version: fresh.version, status: to } }));
        expect(ok(result).changePilotProgrammeStatus.pilotProgramme).toMatchObject({ status: to, version: fresh.version + 1 });
        expect(entries).toEqual([expect.objectContaining({ action: 'pilotProgramme.status', entityId: fresh.id })]);
      }
    }
  });

  it('becomes active only with a legal basis', async () => {
    const programme = await f.programme({ legalBasis: [] });
    const result = await refused(M.programmeStatus, { id: programme.id, version: 1, status: 'ACTIVE' });
    expect(failure(result)).toMatchObject({ message: 'Đề án cần ít nhất một văn bản pháp lý trước khi triển khai.', extensions: { code: 'ILLEGAL_TRANSITION', from: 'DRAFT', to: 'ACTIVE' } });
    const en = failure(await t.gql(M.programmeStatus, { input: { id: programme.id, version: 1, status: 'ACTIVE' } }, { lang: 'en' }));
    expect(en.message).toBe('A programme needs at least one legal document before it becomes active.');

    const decided = (await f.run(M.updateProgramme, { input: { id: programme.id, version: 1, legalBasis: [DECISION_2459] } })).updatePilotProgramme.pilotProgramme;
    expect((await f.programmeTo(decided, 'ACTIVE')).status).toBe('ACTIVE');
  });

  it('closes only when every phase is closed; a closed programme takes no more changes or phases', async () => {
    const { programme, phase } = await f.startedPhase();
    const refusal = failure(await refused(M.programmeStatus, { id: programme.id, version: programme.version, status: 'CLOSED' }));
    expect(refusal).toMatchObject({ message: 'Còn 1 giai đoạn chưa kết thúc.', extensions: { code: 'ILLEGAL_TRANSITION', allowed: ['CLOSED'] } });

    await f.phaseTo(phase, 'CLOSED');
    const closed = await f.programmeTo(programme, 'CLOSED');
    expect(closed).toMatchObject({ status: 'CLOSED', version: programme.version + 1 });
    expect(summary(await refused(M.updateProgramme, { id: programme.id, version: closed.version, name: 'Đề án khác' })).code).toBe('CONFLICT');
    const input = { programmeId: programme.id, name: 'Giai đoạn 3', plannedStart: today, plannedEnd: today, targets: { province: 0, district: 0, commune: 1 } };
    expect(summary(await refused(M.addPhase, input)).code).toBe('CONFLICT');
  });
});

// ---------------------------------------------------------------------------------------------

describe('phases', () => {
  it('each phase takes the next ordinal, with its plan, targets by level and go-live gates', async () => {
    const programme = await f.programme();
    const { result, entries } = await audited(t, () =>
      t.gql(M.addPhase, {
        input: {
          programmeId: programme.id,
          name: ' Giai đoạn 1: thí điểm ',
          plannedStart: '2019-09-01',
          plannedEnd: '2019-12-31',
          targets: { province: 8, district: 4, commune: 8 },
          goLiveGates: [' Ký thỏa thuận với Bưu điện tỉnh ', '   ', 'Tập huấn nhân viên bưu điện'],
        },
      }),
    );
    const first = ok(result).addRolloutPhase.rolloutPhase;
    expect(first).toEqual({
      id: expect.any(String),
      ordinal: 1,
      name: 'Giai đoạn 1: thí điểm',
      status: 'PLANNED',
      version: 1,
      plannedStart: '2019-09-01',
      plannedEnd: '2019-12-31',
      actualStart: null,
      actualEnd: null,
      goLiveGates: ['Ký thỏa thuận với Bưu điện tỉnh', 'Tập huấn nhân viên bưu điện'],
      targets: { province: 8, district: 4, commune: 8 },
      planHistory: [],
    });
    expect(entries).toEqual([expect.objectContaining({ action: 'rolloutPhase.create', entityId: first.id })]);
    const second = await f.phase(programme.id);
    const third = await f.phase(programme.id);
    expect([second.ordinal, third.ordinal]).toEqual([2, 3]);
    const phases = ok(await t.gql(`query($id: ID!) { pilotProgramme(id: $id) { phases { id ordinal } } }`, { id: programme.id })).pilotProgramme.phases;
    expect(phases).toEqual([first, second, third].map(({ id, ordinal }) => ({ id, ordinal })));
  });

  it('refuses a plan that ends before it starts, negative targets and an unknown programme', async () => {
    const programme = await f.programme();
    const input = (extra: Record<string, unknown>) => ({ programmeId: programme.id, name: 'Giai đoạn', plannedStart: '2020-01-01', plannedEnd: '2020-06-30', targets: { province: 1, district: 0, commune: 0 }, ...extra });
    expect(summary(await refused(M.addPhase, input({ plannedEnd: '2019-12-31' })))).toEqual({ code: 'BAD_USER_INPUT', fields: ['plannedEnd'] });
    expect(summary(await refused(M.addPhase, input({ targets: { province: -1, district: 0, commune: 0 } })))).toEqual({ code: 'BAD_USER_INPUT', fields: ['targets.province'] });
    expect(summary(await refused(M.addPhase, input({ programmeId: UNKNOWN_ID })))).toEqual({ code: 'BAD_USER_INPUT', fields: ['programmeId'] });
  });

  it('refuses a phase ending 31/12/9999, starting before 1945 or before its programme’s first document, naming the field', async () => {
    const programme = await f.programme();
    const input = (extra: Record<string, unknown>) => ({ programmeId: programme.id, name: 'Giai đoạn', plannedStart: '2020-01-01', plannedEnd: '2020-06-30', targets: { province: 1, district: 0, commune: 0 }, ...extra });
    const farFuture = await refused(M.addPhase, input({ plannedEnd: '9999-12-31' }));
    expect(summary(farFuture)).toEqual({ code: 'BAD_USER_INPUT', fields: ['plannedEnd'] });
    expect(failure(farFuture).extensions.fields?.[0].message).toBe('Ngày 31/12/9999 nằm ngoài khoảng cho phép (01/01/1945 – 31/12/2100).');
    const longAgo = await refused(M.addPhase, input({ plannedStart: '1899-05-01' }), { lang: 'en' });
    expect(summary(longAgo)).toEqual({ code: 'BAD_USER_INPUT', fields: ['plannedStart'] });
    expect(failure(longAgo).extensions.fields?.[0].message).toBe('01/05/1899 is outside the accepted range (01/01/1945 – 31/12/2100).');
    // Within the bounds, a phase starts no earlier than the programme's first document (45/2016/QĐ-TTg, 19/10/2016).
    const early = await refused(M.addPhase, input({ plannedStart: '2016-10-18' }));
    expect(summary(early)).toEqual({ code: 'BAD_USER_INPUT', fields: ['plannedStart'] });
    expect(failure(early).extensions.fields?.[0].message).toBe('Giai đoạn không thể bắt đầu trước văn bản đầu tiên của đề án (ký ngày 19/10/2016).');
    const phase = await f.phase(programme.id, { plannedStart: '2016-10-19', plannedEnd: '2100-12-31', targets: { province: 1, district: 0, commune: 0 } });
    expect(phase).toMatchObject({ plannedStart: '2016-10-19', plannedEnd: '2100-12-31' });
    const replan = failure(await t.gql(M.replan, { input: { id: phase.id, version: phase.version, plannedStart: '2015-01-01', plannedEnd: '2020-01-01', reason: 'Thử' } }));
    expect(replan.extensions.fields?.map((f: { field: string }) => f.field)).toEqual(['plannedStart']);
  });

  it('a re-plan keeps the earlier plan in the plan history, with the reason and who re-planned', async () => {
    const programme = await f.programme();
    const phase = await f.phase(programme.id, { plannedStart: '2019-09-01', plannedEnd: '2019-12-31', targets: { province: 8, district: 4, commune: 8 } });
    const { result, entries } = await audited(t, () =>
      t.gql(M.replan, { input: { id: phase.id, version: 1, plannedStart: '2019-10-01', plannedEnd: '2020-03-31', reason: ' Chậm ký thỏa thuận với Bưu điện tỉnh ' } }),
    );
    const replanned = ok(result).replanRolloutPhase.rolloutPhase;
    expect(replanned).toMatchObject({ version: 2, plannedStart: '2019-10-01', plannedEnd: '2020-03-31', targets: { province: 8, district: 4, commune: 8 } });
    expect(replanned.planHistory).toEqual([
      { revision: 1, plannedStart: '2019-09-01', plannedEnd: '2019-12-31', targets: { province: 8, district: 4, commune: 8 }, reason: 'Chậm ký thỏa thuận với Bưu điện tỉnh', actorLabel: 'hatinh.bcd', replacedAt: expect.any(String) },
    ]);
    expect(entries).toEqual([expect.objectContaining({ action: 'rolloutPhase.replan', entityId: phase.id })]);

    const again = (
      await f.run(M.replan, { input: { id: phase.id, version: 2, plannedStart: '2019-10-01', plannedEnd: '2020-06-30', targets: { province: 9, district: 4, commune: 10 }, goLiveGates: ['Niêm yết thủ tục'], reason: 'Mở rộng thêm hai xã' } }, 'hatinh.quantri')
    ).replanRolloutPhase.rolloutPhase;
    expect(again).toMatchObject({ version: 3, plannedEnd: '2020-06-30', targets: { province: 9, district: 4, commune: 10 }, goLiveGates: ['Niêm yết thủ tục'] });
    expect(again.planHistory.map((r: any) => [r.revision, r.plannedEnd, r.targets.commune, r.reason, r.actorLabel])).toEqual([
      [1, '2019-12-31', 8, 'Chậm ký thỏa thuận với Bưu điện tỉnh', 'hatinh.bcd'],
      [2, '2020-03-31', 8, 'Mở rộng thêm hai xã', 'hatinh.quantri'],
    ]);

    expect(summary(await refused(M.replan, { id: phase.id, version: 3, plannedStart: '2019-10-01', plannedEnd: '2020-06-30', reason: '   ' }))).toEqual({ code: 'BAD_USER_INPUT', fields: ['reason'] });
    expect(summary(await refused(M.replan, { id: phase.id, version: 2, plannedStart: '2019-10-01', plannedEnd: '2020-06-30', reason: 'Cũ' })).code).toBe('CONFLICT');
    expect(summary(await refused(M.replan, { id: phase.id, version: 3, plannedStart: '2020-10-01', plannedEnd: '2020-06-30', reason: 'Sai' }))).toEqual({ code: 'BAD_USER_INPUT', fields: ['plannedEnd'] });
  });

  it('starts only in an active programme, on a day not in the future', async () => {
    const programme = await f.programme();
    const phase = await f.phase(programme.id);
    const refusal = failure(await refused(M.phaseStatus, { id: phase.id, version: 1, status: 'IN_PROGRESS' }));
    expect(refusal).toMatchObject({ message: 'Đề án chưa được triển khai (ACTIVE).', extensions: { code: 'ILLEGAL_TRANSITION', from: 'PLANNED', to: 'IN_PROGRESS', allowed: ['IN_PROGRESS'] } });

    await f.programmeTo(programme, 'ACTIVE');
    expect(summary(await refused(M.phaseStatus, { id: phase.id, version: 1, status: 'IN_PROGRESS', on: daysAhead(1) }))).toEqual({ code: 'BAD_USER_INPUT', fields: ['on'] });
    const started = await f.phaseTo(phase, 'IN_PROGRESS', daysAgo(3));
    expect(started).toMatchObject({ status: 'IN_PROGRESS', actualStart: daysAgo(3), actualEnd: null, version: 2 });
    const byDefault = await f.phaseTo(await f.phase(programme.id), 'IN_PROGRESS');
    expect(byDefault.actualStart).toBe(today);
  });

  it('closes only when no site is left waiting to launch (PLANNED or PREPARING), on a day after it started', async () => {
    const { phase } = await f.startedPhase();
    const planned = await f.site(phase.id);
    const preparing = await f.move(await f.site(phase.id), 'PREPARING');
    const refusal = failure(await refused(M.phaseStatus, { id: phase.id, version: phase.version, status: 'CLOSED' }));
    expect(refusal).toMatchObject({
      message: 'Còn 2 đơn vị chưa khai trương: hãy khai trương hoặc rút chúng khỏi giai đoạn trước.',
      extensions: { code: 'ILLEGAL_TRANSITION', from: 'IN_PROGRESS', to: 'CLOSED', allowed: ['CLOSED'] },
    });
    const en = failure(await t.gql(M.phaseStatus, { input: { id: phase.id, version: phase.version, status: 'CLOSED' } }, { lang: 'en' }));
    expect(en.message).toBe('2 sites have not launched: launch or withdraw them first.');

    await f.move(planned, 'WITHDRAWN');
    await f.move(await f.tickAll(preparing), 'LAUNCHED');
    expect(summary(await refused(M.phaseStatus, { id: phase.id, version: phase.version, status: 'CLOSED', on: daysAgo(31) }))).toEqual({ code: 'BAD_USER_INPUT', fields: ['on'] });
    const closed = await f.phaseTo(phase, 'CLOSED', daysAgo(1));
    expect(closed).toMatchObject({ status: 'CLOSED', actualStart: daysAgo(30), actualEnd: daysAgo(1) });
    expect(summary(await refused(M.replan, { id: phase.id, version: closed.version, plannedStart: today, plannedEnd: today, reason: 'Muộn' })).code).toBe('CONFLICT');
  });

  it('a site suspended before it launched is still waiting to launch: the phase does not close over it', async () => {
    const { phase } = await f.startedPhase();
    await f.siteIn(phase.id, 'SUSPENDED from PREPARING');
    const result = await refused(M.phaseStatus, { id: phase.id, version: phase.version, status: 'CLOSED' });
    expect(failure(result).extensions).toMatchObject({ code: 'ILLEGAL_TRANSITION', from: 'IN_PROGRESS', to: 'CLOSED' });
  });

  it('goes PLANNED → IN_PROGRESS → CLOSED; every other move is an ILLEGAL_TRANSITION naming the moves allowed', async () => {
    const legal: Record<string, string[]> = { PLANNED: ['IN_PROGRESS'], IN_PROGRESS: ['CLOSED'], CLOSED: [] };
    const programme = await f.programmeTo(await f.programme(), 'ACTIVE');
    const inStatus = async (status: string) => {
      const planned = await f.phase(programme.id);
      if (status === 'PLANNED') return planned;
      const started = await f.phaseTo(planned, 'IN_PROGRESS');
      return status === 'IN_PROGRESS' ? started : f.phaseTo(started, 'CLOSED');
    };
    for (const from of Object.keys(legal)) {
      const phase = await inStatus(from);
      for (const to of Object.keys(legal).filter((s) => !legal[from].includes(s))) {
        const error = failure(await refused(M.phaseStatus, { id: phase.id, version: phase.version, status: to }));
        expect({ from, to, ...error.extensions }).toEqual({ from, to, code: 'ILLEGAL_TRANSITION', allowed: legal[from] });
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe('enrolling desks as pilot sites', () => {
  it('enrols desks of every level with their handover model, partner post office and planned launch', async () => {
    const { phase } = await f.startedPhase(undefined, { plannedEnd: daysAhead(90) });
    const [province, district, commune] = [await f.desk(HT), await f.desk('DISTRICT'), await f.desk(HT_COMMUNE)];
    const entries = [
      { oneStopDeskId: province, handoverModel: 'AT_AGENCY' },
      { oneStopDeskId: district, handoverModel: 'AT_POST_OFFICE', postOfficeId: f.offices['BD-446'], plannedLaunch: daysAhead(10) },
      { oneStopDeskId: commune, handoverModel: 'AT_POST_OFFICE', postOfficeId: f.offices['BDVHX-18760'] },
    ];
    const { result, entries: audit } = await audited(t, () => t.gql(M.enrol, { input: { phaseId: phase.id, sites: entries, on: daysAgo(2) } }));
    const sites = ok(result).enrolPilotSites.pilotSites;
    expect(sites.map((s: any) => [s.oneStopDesk.id, s.level, s.handoverModel, s.postOffice?.code ?? null, s.plannedLaunch])).toEqual([
      [province, 'PROVINCE', 'AT_AGENCY', null, daysAhead(90)],
      [district, 'DISTRICT', 'AT_POST_OFFICE', 'BD-446', daysAhead(10)],
      [commune, 'COMMUNE', 'AT_POST_OFFICE', 'BDVHX-18760', daysAhead(90)],
    ]);
    for (const site of sites) {
      expect(site).toMatchObject({ status: 'PLANNED', statusSince: daysAgo(2), version: 1, late: false, launchedOn: null, suspendedFrom: null, allowedMoves: ['PREPARING', 'WITHDRAWN'] });
      expect(site.history).toEqual([{ fromStatus: null, toStatus: 'PLANNED', on: daysAgo(2), actorLabel: 'hatinh.bcd', note: null }]);
      expect(site.readiness).toEqual([{ key: 'ready', label: 'Sẵn sàng', done: false, doneOn: null, doneBy: null, note: null }]);
    }
    expect(audit.map((e) => `${e.action} ${e.entityId}`).sort()).toEqual(sites.map((s: any) => `pilotSite.enrol ${s.id}`).sort());
  });

  it('refuses a planned launch before the programme’s first document (19/10/2016), on enrolment and on change, naming the field', async () => {
    // The programme's legal basis: 2459/QĐ-UBND (23/07/2019) and 45/2016/QĐ-TTg (19/10/2016), its start.
    const { phase } = await f.startedPhase();
    const early = await refused(M.enrol, { phaseId: phase.id, sites: [{ oneStopDeskId: await f.desk(), handoverModel: 'AT_AGENCY' }, { oneStopDeskId: await f.desk(), handoverModel: 'AT_AGENCY', plannedLaunch: '2016-10-18' }] });
    expect(failure(early).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'sites.1.plannedLaunch', message: 'Ngày dự kiến khai trương không thể trước văn bản đầu tiên của đề án (ký ngày 19/10/2016).' }],
    });
    const site = await f.site(phase.id, { plannedLaunch: '2016-10-19' });
    expect(site.plannedLaunch).toBe('2016-10-19');
    const changed = await refused(M.updateSite, { id: site.id, version: site.version, plannedLaunch: '2015-01-01' }, { lang: 'en' });
    expect(failure(changed).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'plannedLaunch', message: "The planned launch cannot be before the programme's first document (signed on 19/10/2016)." }],
    });
  });

  it('all or none: one bad desk in a list of three enrols none, and the error names its place in the list', async () => {
    const { phase } = await f.startedPhase();
    const [a, b] = [await f.desk(), await f.desk()];
    const send = (sites: Record<string, unknown>[]) => refused(M.enrol, { phaseId: phase.id, sites: sites.map((s) => ({ handoverModel: 'AT_AGENCY', ...s })) });

    expect(summary(await send([{ oneStopDeskId: a }, { oneStopDeskId: UNKNOWN_ID }, { oneStopDeskId: b }]))).toEqual({ code: 'BAD_USER_INPUT', fields: ['sites.1.oneStopDeskId'] });
    expect(summary(await send([{ oneStopDeskId: a }, { oneStopDeskId: b }, { oneStopDeskId: await f.desk(), handoverModel: 'AT_POST_OFFICE' }]))).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['sites.2.postOfficeId'],
    });
    expect(summary(await send([{ oneStopDeskId: a }, { oneStopDeskId: a }, { oneStopDeskId: b }]))).toEqual({ code: 'BAD_USER_INPUT', fields: ['sites.1.oneStopDeskId'] });
    expect(summary(await send([{ oneStopDeskId: 'not-an-id' }, { oneStopDeskId: a }]))).toEqual({ code: 'BAD_USER_INPUT', fields: ['sites.0.oneStopDeskId'] });
    // Every problem at once, each at its place.
    const many = await send([{ oneStopDeskId: UNKNOWN_ID }, { oneStopDeskId: a, handoverModel: 'AT_POST_OFFICE' }, { oneStopDeskId: b, postOfficeId: UNKNOWN_ID }]);
    expect(summary(many)).toEqual({ code: 'BAD_USER_INPUT', fields: ['sites.0.oneStopDeskId', 'sites.1.postOfficeId', 'sites.2.postOfficeId'] });
    expect(failure(await t.gql(M.enrol, { input: { phaseId: phase.id, sites: [{ oneStopDeskId: a, handoverModel: 'AT_POST_OFFICE' }] } }, { lang: 'en' })).extensions.fields).toEqual([
      { field: 'sites.0.postOfficeId', message: 'Moving into a post office needs the post office.' },
    ]);
    expect(await sitesOfPhase(phase.id)).toBe(0);
    expect(summary(await refused(M.enrol, { phaseId: UNKNOWN_ID, sites: [{ oneStopDeskId: a, handoverModel: 'AT_AGENCY' }] }))).toEqual({ code: 'BAD_USER_INPUT', fields: ['phaseId'] });
  });

  it('a desk or a post office of another province is refused', async () => {
    const { phase } = await f.startedPhase();
    const own = await f.desk();
    const buDop = f.desks['70-UBND-693-MC'];
    const send = (sites: Record<string, unknown>[], as?: string) => refused(M.enrol, { phaseId: phase.id, sites }, { as });
    // For Hà Tĩnh's committee a Đồng Nai desk does not exist: the same answer as an unknown id.
    const foreign = failure(await send([{ oneStopDeskId: own, handoverModel: 'AT_AGENCY' }, { oneStopDeskId: buDop, handoverModel: 'AT_AGENCY' }]));
    const unknown = failure(await send([{ oneStopDeskId: own, handoverModel: 'AT_AGENCY' }, { oneStopDeskId: UNKNOWN_ID, handoverModel: 'AT_AGENCY' }]));
    expect(foreign.extensions.fields).toEqual([{ field: 'sites.1.oneStopDeskId', message: `Không tìm thấy bộ phận một cửa "${buDop}".` }]);
    expect(JSON.stringify(foreign).replaceAll(buDop, '<id>')).toBe(JSON.stringify(unknown).replaceAll(UNKNOWN_ID, '<id>'));
    // The national administrator sees it, and is told it is not the programme's province.
    const national = failure(await send([{ oneStopDeskId: buDop, handoverModel: 'AT_AGENCY' }], 'admin'));
    expect(national.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'sites.0.oneStopDeskId', message: expect.stringMatching(/không thuộc tỉnh của đề án/) }] });
    expect(summary(await send([{ oneStopDeskId: own, handoverModel: 'AT_POST_OFFICE', postOfficeId: f.offices['BD-693'] }]))).toEqual({ code: 'BAD_USER_INPUT', fields: ['sites.0.postOfficeId'] });
    expect(summary(await send([{ oneStopDeskId: own, handoverModel: 'AT_POST_OFFICE', postOfficeId: f.offices['BD-693'] }], 'admin'))).toEqual({ code: 'BAD_USER_INPUT', fields: ['sites.0.postOfficeId'] });
    expect(await sitesOfPhase(phase.id)).toBe(0);
  });

  it('a desk is in at most one active site; once withdrawn or reviewed it can enrol again', async () => {
    const { programme, phase } = await f.startedPhase();
    const other = await f.phaseTo(await f.phase(programme.id), 'IN_PROGRESS');
    const desk = await f.desk();
    const site = await f.site(phase.id, { oneStopDeskId: desk });

    const taken = failure(await refused(M.enrol, { phaseId: other.id, sites: [{ oneStopDeskId: await f.desk(), handoverModel: 'AT_AGENCY' }, { oneStopDeskId: desk, handoverModel: 'AT_AGENCY' }] }));
    expect(taken.extensions).toMatchObject({ code: 'CONFLICT', fields: [{ field: 'sites.1.oneStopDeskId', message: expect.stringMatching(/đang thuộc một đơn vị thí điểm khác/) }] });
    // Nor twice in the same phase.
    expect(summary(await refused(M.enrol, { phaseId: phase.id, sites: [{ oneStopDeskId: desk, handoverModel: 'AT_AGENCY' }] }))).toEqual({ code: 'CONFLICT', fields: ['sites.0.oneStopDeskId'] });

    await f.move(site, 'WITHDRAWN');
    const again = await f.site(other.id, { oneStopDeskId: desk }, daysAgo(PATHS.REVIEWED.length + 1));
    expect(again).toMatchObject({ status: 'PLANNED', oneStopDesk: { id: desk } });
    await f.walk(again, PATHS.REVIEWED);
    const third = await f.site(phase.id, { oneStopDeskId: desk });
    expect(third.status).toBe('PLANNED');
    const history = await t.sql(`SELECT status FROM pilot_site WHERE one_stop_desk_id = $1 ORDER BY created_at`, [desk]);
    expect(history.map((r) => r.status)).toEqual(['WITHDRAWN', 'REVIEWED', 'PLANNED']);
  });

  it('a closed phase takes no more sites', async () => {
    const { phase } = await f.startedPhase();
    const closed = await f.phaseTo(phase, 'CLOSED');
    expect(summary(await refused(M.enrol, { phaseId: closed.id, sites: [{ oneStopDeskId: await f.desk(), handoverModel: 'AT_AGENCY' }] })).code).toBe('CONFLICT');
  });

  it('a site not launched yet changes its model, partner post office, planned launch and note', async () => {
    const { phase } = await f.startedPhase();
    const site = await f.site(phase.id);
    const { result, entries } = await audited(t, () =>
      t.gql(M.updateSite, { input: { id: site.id, version: 1, handoverModel: 'AT_POST_OFFICE', postOfficeId: f.offices['BDVHX-18760'], plannedLaunch: daysAhead(5), note: ' Chuyển về BĐVHX ' } }),
    );
    expect(ok(result).updatePilotSite.pilotSite).toMatchObject({ version: 2, handoverModel: 'AT_POST_OFFICE', postOffice: { code: 'BDVHX-18760' }, plannedLaunch: daysAhead(5), note: 'Chuyển về BĐVHX' });
    expect(entries).toEqual([expect.objectContaining({ action: 'pilotSite.update', entityId: site.id })]);
    expect(summary(await refused(M.updateSite, { id: site.id, version: 2, postOfficeId: null }))).toEqual({ code: 'BAD_USER_INPUT', fields: ['postOfficeId'] });
    expect(summary(await refused(M.updateSite, { id: site.id, version: 2, postOfficeId: f.offices['BD-70'] }))).toEqual({ code: 'BAD_USER_INPUT', fields: ['postOfficeId'] });
    expect(summary(await refused(M.updateSite, { id: site.id, version: 1, note: 'cũ' })).code).toBe('CONFLICT');
    const back = (await f.run(M.updateSite, { input: { id: site.id, version: 2, handoverModel: 'AT_AGENCY', postOfficeId: null } })).updatePilotSite.pilotSite;
    expect(back).toMatchObject({ handoverModel: 'AT_AGENCY', postOffice: null, note: 'Chuyển về BĐVHX' });

    const launched = await f.siteIn(phase.id, 'LAUNCHED');
    expect(summary(await refused(M.updateSite, { id: launched.id, version: launched.version, note: 'Sau khai trương' })).code).toBe('CONFLICT');
  });

  it('a site suspended after its launch has launched: it cannot be changed either', async () => {
    const { phase } = await f.startedPhase();
    const site = await f.siteIn(phase.id, 'SUSPENDED from LAUNCHED');
    expect(summary(await refused(M.updateSite, { id: site.id, version: site.version, handoverModel: 'AT_POST_OFFICE', postOfficeId: f.offices['BD-42'] })).code).toBe('CONFLICT');
  });
});

// ---------------------------------------------------------------------------------------------

describe('the site status machine', () => {
  it('makes every legal move, each kept in the history with its day, actor and note, and audited in the same transaction', async () => {
    const { phase } = await f.startedPhase();
    // Four walks that between them take every legal move once.
    const walks: SiteStatus[][] = [
      ['PREPARING', 'SUSPENDED', 'PREPARING', 'LAUNCHED', 'SUSPENDED', 'LAUNCHED', 'OPERATING', 'SUSPENDED', 'OPERATING', 'REVIEWED'],
      ['WITHDRAWN'],
      ['PREPARING', 'WITHDRAWN'],
      ['PREPARING', 'SUSPENDED', 'WITHDRAWN'],
    ];
    const taken = new Set<string>();
    for (const walk of walks) {
      let site = await f.site(phase.id, {}, daysAgo(walk.length + 1));
      site = await f.tickAll(site);
      let state = 'PLANNED';
      const expected: object[] = [{ fromStatus: null, toStatus: 'PLANNED', on: daysAgo(walk.length + 1), actorLabel: 'hatinh.bcd', note: null }];
      for (const [i, to] of walk.entries()) {
        expect({ state, allowedMoves: site.allowedMoves }).toEqual({ state, allowedMoves: LEGAL_MOVES[state] });
        const on = daysAgo(walk.length - 1 - i);
        const as = i % 2 ? 'hatinh.quantri' : 'hatinh.bcd';
        const note = `Bước ${i + 1}`;
        const { result, entries } = await audited(t, () => t.gql(M.move, { input: { id: site.id, version: site.version, to, on, note } }, { as }));
        const moved = ok(result).movePilotSite.pilotSite;
        expect(moved).toMatchObject({ status: to, statusSince: on, version: site.version + 1, suspendedFrom: to === 'SUSPENDED' ? site.status : null });
        expect(entries).toEqual([expect.objectContaining({ action: 'pilotSite.move', entityType: 'PilotSite', entityId: site.id, actorLabel: as })]);
        expect(entries[0].before).toMatchObject({ status: site.status, version: site.version });
        expect(entries[0].after).toMatchObject({ status: to, version: site.version + 1 });
        // The move, its history line and its audit entry were written by one transaction.
        const [{ xmin: siteTx }] = await t.sql(`SELECT xmin::text FROM pilot_site WHERE id = $1`, [site.id]);
        const [{ xmin: historyTx }] = await t.sql(`SELECT xmin::text FROM site_status_change WHERE site_id = $1 ORDER BY seq DESC LIMIT 1`, [site.id]);
        const [{ xmin: auditTx }] = await t.sql(`SELECT xmin::text FROM audit_entry WHERE entity_id = $1 ORDER BY seq DESC LIMIT 1`, [site.id]);
        expect([historyTx, auditTx]).toEqual([siteTx, siteTx]);

        expected.push({ fromStatus: site.status, toStatus: to, on, actorLabel: as, note });
        taken.add(`${state} → ${to}`);
        state = to === 'SUSPENDED' ? `SUSPENDED from ${site.status}` : to;
        site = moved;
      }
      expect(site.allowedMoves).toEqual(LEGAL_MOVES[state]);
      expect(site.history).toEqual(expected);
      expect((await f.readSite(site.id)).history).toEqual(expected);
    }
    const every = Object.entries(LEGAL_MOVES).flatMap(([from, tos]) => tos.map((to) => `${from} → ${to}`));
    expect([...taken].sort()).toEqual(every.sort());
  });

  it('refuses every move the machine does not list with ILLEGAL_TRANSITION, and changes nothing', async () => {
    const { phase } = await f.startedPhase();
    const pairs: string[] = [];
    for (const [state, allowed] of Object.entries(LEGAL_MOVES)) {
      const site = await f.siteIn(phase.id, state);
      expect(site.allowedMoves).toEqual(allowed);
      for (const to of SITE_STATUSES.filter((s) => !allowed.includes(s))) {
        const error = failure(await refused(M.move, { id: site.id, version: site.version, to }));
        expect({ state, to, ...error.extensions }).toEqual({ state, to, code: 'ILLEGAL_TRANSITION', from: site.status, allowed });
        pairs.push(`${state} → ${to}`);
      }
      expect(await f.readSite(site.id)).toEqual(site);
    }
    // 9 statuses (SUSPENDED in its three flavours) × 7 targets, less the 13 legal moves.
    expect(pairs).toHaveLength(9 * 7 - 13);
  });

  it('says which move it refused, in the request’s language', async () => {
    const { phase } = await f.startedPhase();
    const site = await f.site(phase.id);
    const vi = failure(await t.gql(M.move, { input: { id: site.id, version: 1, to: 'OPERATING' } }));
    const en = failure(await t.gql(M.move, { input: { id: site.id, version: 1, to: 'OPERATING' } }, { lang: 'en' }));
    expect(vi.message).toBe('Không thể chuyển đơn vị thí điểm từ "Đã đăng ký" sang "Đang vận hành".');
    expect(en.message).toBe('The pilot site cannot move from enrolled to operating.');
  });

  it('resuming a launched site keeps the day it launched', async () => {
    const { phase } = await f.startedPhase();
    const site = await f.site(phase.id, {}, daysAgo(10));
    const launched = await f.move(await f.tickAll(await f.move(site, 'PREPARING', { on: daysAgo(9) })), 'LAUNCHED', { on: daysAgo(8) });
    expect(launched.launchedOn).toBe(daysAgo(8));
    const suspended = await f.move(launched, 'SUSPENDED', { on: daysAgo(5) });
    expect(suspended).toMatchObject({ status: 'SUSPENDED', suspendedFrom: 'LAUNCHED', launchedOn: daysAgo(8) });
    const resumed = await f.move(suspended, 'LAUNCHED', { on: daysAgo(2) });
    expect(resumed).toMatchObject({ status: 'LAUNCHED', statusSince: daysAgo(2), launchedOn: daysAgo(8) });
  });

  it('a launched site that was suspended resumes even if the checklist grew since (it can no longer tick the new item)', async () => {
    const { programme, phase } = await f.startedPhase();
    const paused = await f.siteIn(phase.id, 'SUSPENDED from LAUNCHED');
    await f.run(M.updateProgramme, { input: { id: programme.id, version: programme.version, readinessItems: [...ONE_ITEM, { key: 'signage_installed', label: 'Biển hiệu' }] } });
    expect(summary(await refused(M.readiness, { id: paused.id, version: paused.version, key: 'signage_installed', done: true })).code).toBe('CONFLICT');
    expect((await f.move(paused, 'LAUNCHED')).status).toBe('LAUNCHED');
  });

  it('a launched site that was suspended resumes even after its phase closed (nothing else is open to it)', async () => {
    const { phase } = await f.startedPhase();
    const paused = await f.siteIn(phase.id, 'SUSPENDED from LAUNCHED');
    await f.phaseTo(phase, 'CLOSED');
    expect(paused.allowedMoves).toEqual(['LAUNCHED']);
    expect((await f.move(paused, 'LAUNCHED')).status).toBe('LAUNCHED');
  });

  it('the day of a move is not in the future and not before the site entered its status', async () => {
    const { phase } = await f.startedPhase();
    const site = await f.site(phase.id, {}, daysAgo(3));
    expect(summary(await refused(M.move, { id: site.id, version: 1, to: 'PREPARING', on: daysAhead(1) }))).toEqual({ code: 'BAD_USER_INPUT', fields: ['on'] });
    const early = await refused(M.move, { id: site.id, version: 1, to: 'PREPARING', on: daysAgo(4) });
    // The day in the message as an official writes it (dd/MM/yyyy), in both languages.
    const dmy = daysAgo(3).split('-').reverse().join('/');
    expect(failure(early).extensions.fields).toEqual([{ field: 'on', message: `Ngày phải từ ${dmy} trở đi.` }]);
    expect(failure(await refused(M.move, { id: site.id, version: 1, to: 'PREPARING', on: daysAgo(4) }, { lang: 'en' })).extensions.fields).toEqual([{ field: 'on', message: `The day must be on or after ${dmy}.` }]);
    expect(summary(await refused(M.enrol, { phaseId: phase.id, sites: [{ oneStopDeskId: await f.desk(), handoverModel: 'AT_AGENCY' }], on: daysAhead(1) }))).toEqual({ code: 'BAD_USER_INPUT', fields: ['on'] });
    const sameDay = await f.move(site, 'PREPARING', { on: daysAgo(3) });
    expect(sameDay).toMatchObject({ status: 'PREPARING', statusSince: daysAgo(3) });
    const byDefault = await f.move(sameDay, 'WITHDRAWN');
    expect(byDefault.statusSince).toBe(today);
  });

  it('two people moving the same site at the same time: one wins, the other gets CONFLICT, and the site moved once', async () => {
    const { phase } = await f.startedPhase();
    const site = await f.site(phase.id);
    const send = (to: SiteStatus, as: string) => t.gql(M.move, { input: { id: site.id, version: 1, to, note: `${as}: ${to}` } }, { as });
    const results = await Promise.all([send('PREPARING', 'hatinh.bcd'), send('WITHDRAWN', 'hatinh.quantri')]);
    const won = results.filter((r) => !r.errors);
    const lost = results.filter((r) => r.errors);
    expect([won.length, lost.length]).toEqual([1, 1]);
    expect(failure(lost[0]).extensions.code).toBe('CONFLICT');
    const winner = won[0].data.movePilotSite.pilotSite;
    expect(winner.version).toBe(2);

    const now = await f.readSite(site.id);
    expect(now).toMatchObject({ status: winner.status, version: 2 });
    expect(now.history.map((h: any) => [h.fromStatus, h.toStatus, h.note])).toEqual([
      [null, 'PLANNED', null],
      ['PLANNED', winner.status, winner.history.at(-1).note],
    ]);
    const audit = await t.sql(`SELECT action FROM audit_entry WHERE entity_id = $1 ORDER BY occurred_at`, [site.id]);
    expect(audit.map((a) => a.action)).toEqual(['pilotSite.enrol', 'pilotSite.move']);

    // Someone who read version 1 earlier and sends it later is told the same.
    const stale = await refused(M.move, { id: site.id, version: 1, to: winner.status === 'PREPARING' ? 'WITHDRAWN' : 'PREPARING' });
    expect(failure(stale)).toMatchObject({ extensions: { code: 'CONFLICT' }, message: expect.stringMatching(/vừa được người khác thay đổi/) });
    const en = failure(await t.gql(M.move, { input: { id: site.id, version: 1, to: 'PREPARING' } }, { lang: 'en' }));
    expect(en.message).toBe('The pilot site was changed by someone else in the meantime. Reload it and try again.');
  });
});

// ---------------------------------------------------------------------------------------------

describe('the readiness checklist', () => {
  it('a site launches only when every item is ticked: unmetReadiness lists exactly what is missing', async () => {
    const { phase } = await f.startedPhase({}); // the default checklist of five items
    let site = await f.move(await f.site(phase.id), 'PREPARING');
    expect(site.readiness.map((c: any) => [c.key, c.done])).toEqual(DEFAULT_KEYS.map((key) => [key, false]));
    const launch = () => t.gql(M.move, { input: { id: site.id, version: site.version, to: 'LAUNCHED' } });

    const none = failure(await launch());
    expect(none.extensions).toEqual({ code: 'ILLEGAL_TRANSITION', from: 'PREPARING', to: 'LAUNCHED', allowed: ['LAUNCHED', 'SUSPENDED', 'WITHDRAWN'], unmetReadiness: DEFAULT_KEYS });

    // The post office ticks what it has done, with a note.
    const { result, entries } = await audited(t, () =>
      t.gql(M.readiness, { input: { id: site.id, version: site.version, key: 'staff_trained', done: true, on: daysAgo(1), note: ' 2 nhân viên đã tập huấn ' } }, { as: 'hatinh.buudien' }),
    );
    site = ok(result).setPilotSiteReadiness.pilotSite;
    expect(site.readiness.find((c: any) => c.key === 'staff_trained')).toEqual({
      key: 'staff_trained',
      label: 'Nhân viên bưu điện đã được tập huấn',
      done: true,
      doneOn: daysAgo(1),
      doneBy: 'hatinh.buudien',
      note: '2 nhân viên đã tập huấn',
    });
    expect(entries).toEqual([expect.objectContaining({ action: 'pilotSite.readiness', entityId: site.id, actorLabel: 'hatinh.buudien' })]);
    site = await f.tick(site, 'agreement_signed', true, {}, 'hatinh.buudien');
    site = await f.tick(site, 'signage_installed');

    const some = await refused(M.move, { id: site.id, version: site.version, to: 'LAUNCHED' });
    expect((failure(some).extensions as any).unmetReadiness).toEqual(['equipment_installed', 'procedures_published']);
    expect(failure(some).message).toBe('Chưa hoàn thành danh mục sẵn sàng: Trang thiết bị đã lắp đặt; Đã niêm yết danh mục thủ tục hành chính.');

    // An item unticked is missing again.
    site = await f.tick(site, 'agreement_signed', false);
    expect(site.readiness.find((c: any) => c.key === 'agreement_signed')).toMatchObject({ done: false, doneOn: null, doneBy: null });
    expect((failure(await launch()).extensions as any).unmetReadiness).toEqual(['agreement_signed', 'equipment_installed', 'procedures_published']);

    site = await f.tickAll(site);
    const launched = ok(await launch()).movePilotSite.pilotSite;
    expect(launched).toMatchObject({ status: 'LAUNCHED', launchedOn: today, statusSince: today });
    expect(launched.readiness.every((c: any) => c.done)).toBe(true);
  });

  it('an item the programme’s checklist does not have is a BAD_USER_INPUT', async () => {
    const { phase } = await f.startedPhase();
    const site = await f.site(phase.id);
    const result = await refused(M.readiness, { id: site.id, version: 1, key: 'staff_trained', done: true });
    expect(failure(result).extensions.fields).toEqual([{ field: 'key', message: 'Danh mục của đề án không có mục "staff_trained".' }]);
    expect(summary(await refused(M.readiness, { id: site.id, version: 1, key: 'ready', done: true, on: daysAhead(1) }))).toEqual({ code: 'BAD_USER_INPUT', fields: ['on'] });
  });

  it('the checklist is closed once the site has launched, suspended or not', async () => {
    const { phase } = await f.startedPhase();
    for (const state of ['LAUNCHED', 'OPERATING', 'SUSPENDED from LAUNCHED', 'REVIEWED']) {
      const site = await f.siteIn(phase.id, state);
      const result = await refused(M.readiness, { id: site.id, version: site.version, key: 'ready', done: false });
      expect({ state, ...summary(result) }).toEqual({ state, code: 'CONFLICT', fields: [] });
    }
    // Before launch, even suspended, it is open.
    const paused = await f.siteIn(phase.id, 'SUSPENDED from PREPARING');
    expect((await f.tick(paused, 'ready')).readiness[0].done).toBe(true);
  });

  it('a site launches only while its phase is in progress', async () => {
    const programme = await f.programmeTo(await f.programme({ readinessItems: ONE_ITEM }), 'ACTIVE');
    const phase = await f.phase(programme.id);
    const site = await f.tickAll(await f.move(await f.site(phase.id), 'PREPARING'));
    const refusal = failure(await refused(M.move, { id: site.id, version: site.version, to: 'LAUNCHED' }));
    expect(refusal).toMatchObject({ message: `Giai đoạn "${phase.name}" chưa bắt đầu hoặc đã kết thúc.`, extensions: { code: 'ILLEGAL_TRANSITION', from: 'PREPARING', to: 'LAUNCHED' } });
    await f.phaseTo(phase, 'IN_PROGRESS');
    expect((await f.move(site, 'LAUNCHED')).status).toBe('LAUNCHED');
  });
});

// ---------------------------------------------------------------------------------------------

describe('late sites', () => {
  it('a site past its planned launch and not launched is late: flagged, listed on its programme and counted', async () => {
    const { programme, phase } = await f.startedPhase();
    const overdue = await f.site(phase.id, { plannedLaunch: daysAgo(10) }, daysAgo(20));
    const preparing = await f.move(await f.site(phase.id, { plannedLaunch: daysAgo(3) }, daysAgo(20)), 'PREPARING');
    const pausedBeforeLaunch = await f.siteIn(phase.id, 'SUSPENDED from PREPARING', { plannedLaunch: daysAgo(1) });
    const launchedLate = await f.siteIn(phase.id, 'LAUNCHED', { plannedLaunch: daysAgo(30) });
    const pausedAfterLaunch = await f.siteIn(phase.id, 'SUSPENDED from LAUNCHED', { plannedLaunch: daysAgo(30) });
    const withdrawn = await f.siteIn(phase.id, 'WITHDRAWN', { plannedLaunch: daysAgo(30) });
    const dueToday = await f.site(phase.id, { plannedLaunch: today });

    const late = { [overdue.id]: true, [preparing.id]: true, [pausedBeforeLaunch.id]: true, [launchedLate.id]: false, [pausedAfterLaunch.id]: false, [withdrawn.id]: false, [dueToday.id]: false };
    for (const [id, expected] of Object.entries(late)) expect({ id, late: (await f.readSite(id)).late }).toEqual({ id, late: expected });

    const data = ok(
      await t.gql(
        `query($id: ID!, $phaseId: ID!) {
          pilotProgramme(id: $id) { lateSites { id plannedLaunch } progress { level late } }
          pilotSites(first: 100, filter: { phaseId: $phaseId, late: true }) { totalCount edges { node { id } } }
        }`,
        { id: programme.id, phaseId: phase.id },
        { as: 'hatinh.quay' },
      ),
    );
    // Most overdue first.
    expect(data.pilotProgramme.lateSites.map((s: any) => s.id)).toEqual([overdue.id, preparing.id, pausedBeforeLaunch.id]);
    expect(data.pilotSites.edges.map((e: any) => e.node.id).sort()).toEqual([overdue.id, preparing.id, pausedBeforeLaunch.id].sort());
    expect(data.pilotProgramme.progress.at(-1)).toEqual({ level: null, late: 3 });
  });
});

// ---------------------------------------------------------------------------------------------

describe('progress against the targets', () => {
  it('counts, per phase and level and in total, what is planned, enrolled, preparing, launched, operating, suspended and late', async () => {
    const { programme, phase } = await f.startedPhase(undefined, { targets: { province: 3, district: 2, commune: 4 } });
    await f.siteIn(phase.id, 'PLANNED', {}, HT);
    await f.siteIn(phase.id, 'OPERATING', {}, HT);
    await f.siteIn(phase.id, 'SUSPENDED from OPERATING', {}, HT);
    await f.siteIn(phase.id, 'REVIEWED', {}, 'DISTRICT');
    await f.siteIn(phase.id, 'PREPARING', {}, HT_COMMUNE);
    await f.siteIn(phase.id, 'WITHDRAWN', {}, HT_COMMUNE);
    await f.siteIn(phase.id, 'SUSPENDED from PREPARING', {}, HT_COMMUNE);
    await f.site(phase.id, { plannedLaunch: daysAgo(1) }, daysAgo(5), HT_COMMUNE);
    const second = await f.phaseTo(await f.phase(programme.id, { targets: { province: 1, district: 0, commune: 10 } }), 'IN_PROGRESS');
    await f.siteIn(second.id, 'LAUNCHED', {}, HT_COMMUNE);

    const row = (level: string | null, target: number, enrolled: number, preparing: number, launched: number, operating: number, suspended: number, late: number) => ({
      level,
      target,
      enrolled,
      preparing,
      launched,
      operating,
      suspended,
      late,
    });
    const PROGRESS = 'progress { level target enrolled preparing launched operating suspended late }';
    const data = ok(await t.gql(`query($id: ID!) { pilotProgramme(id: $id) { ${PROGRESS} phases { ordinal ${PROGRESS} } } }`, { id: programme.id }, { as: 'hatinh.stttt' })).pilotProgramme;
    expect(data.phases[0].progress).toEqual([
      row('PROVINCE', 3, 3, 1, 2, 1, 1, 0),
      row('DISTRICT', 2, 1, 0, 1, 0, 0, 0),
      row('COMMUNE', 4, 3, 3, 0, 0, 1, 1),
      row(null, 9, 7, 4, 3, 1, 2, 1),
    ]);
    expect(data.phases[1].progress).toEqual([row('PROVINCE', 1, 0, 0, 0, 0, 0, 0), row('DISTRICT', 0, 0, 0, 0, 0, 0, 0), row('COMMUNE', 10, 1, 0, 1, 0, 0, 0), row(null, 11, 1, 0, 1, 0, 0, 0)]);
    expect(data.progress).toEqual([
      row('PROVINCE', 4, 3, 1, 2, 1, 1, 0),
      row('DISTRICT', 2, 1, 0, 1, 0, 0, 0),
      row('COMMUNE', 14, 4, 3, 1, 0, 1, 1),
      row(null, 20, 8, 4, 4, 1, 2, 1),
    ]);
  });
});

// ---------------------------------------------------------------------------------------------

describe('steering meetings and action items', () => {
  const MEETING = `id kind heldOn title location decisions sites { id } programme { id }
    actionItems { id title owner dueOn state closedOn overdue version site { id } meeting { id } }`;
  const RECORD = `mutation($input: RecordSteeringMeetingInput!) { recordSteeringMeeting(input: $input) { steeringMeeting { ${MEETING} } } }`;
  const CHANGE = `mutation($input: ChangeActionItemStateInput!) { changeActionItemState(input: $input) { actionItem { id state closedOn overdue version } } }`;

  it('records a meeting with its decisions, the sites it touched and the action items it gave; each site shows the meeting', async () => {
    const { programme, phase } = await f.startedPhase();
    const [kyBac, camXuyen] = [await f.site(phase.id), await f.site(phase.id)];
    const input = {
      programmeId: programme.id,
      kind: 'PRELIMINARY_REVIEW',
      heldOn: daysAgo(2),
      title: ' Sơ kết giai đoạn 1 ',
      location: 'UBND tỉnh Hà Tĩnh',
      decisions: ['Nhân rộng mô hình ra các xã còn lại', '  '],
      siteIds: [kyBac.id],
      actionItems: [
        { title: 'Bố trí nhân viên bưu điện tại bộ phận một cửa', owner: 'Bưu điện tỉnh', dueOn: daysAhead(30), siteId: camXuyen.id },
        { title: 'Báo cáo kết quả thí điểm', owner: 'Sở Nội vụ', dueOn: daysAgo(1) },
      ],
    };
    const { result, entries } = await audited(t, () => t.gql(RECORD, { input }));
    const meeting = ok(result).recordSteeringMeeting.steeringMeeting;
    expect(meeting).toMatchObject({ kind: 'PRELIMINARY_REVIEW', heldOn: daysAgo(2), title: 'Sơ kết giai đoạn 1', decisions: ['Nhân rộng mô hình ra các xã còn lại'], programme: { id: programme.id } });
    // A site an action item concerns is touched too.
    expect(meeting.sites.map((s: any) => s.id).sort()).toEqual([kyBac.id, camXuyen.id].sort());
    expect(meeting.actionItems).toEqual([
      expect.objectContaining({ title: 'Báo cáo kết quả thí điểm', owner: 'Sở Nội vụ', dueOn: daysAgo(1), state: 'OPEN', closedOn: null, overdue: true, site: null, meeting: { id: meeting.id } }),
      expect.objectContaining({ title: 'Bố trí nhân viên bưu điện tại bộ phận một cửa', dueOn: daysAhead(30), state: 'OPEN', overdue: false, site: { id: camXuyen.id } }),
    ]);
    expect(entries).toEqual([expect.objectContaining({ action: 'steeringMeeting.create', entityId: meeting.id })]);

    for (const site of [kyBac, camXuyen]) {
      const data = ok(await t.gql(`query($id: ID!) { pilotSite(id: $id) { meetings { id title } } }`, { id: site.id }, { as: 'hatinh.quay' }));
      expect(data.pilotSite.meetings).toEqual([{ id: meeting.id, title: 'Sơ kết giai đoạn 1' }]);
    }
    const meetings = ok(await t.gql(`query($id: ID!) { pilotProgramme(id: $id) { meetings { id } } }`, { id: programme.id })).pilotProgramme.meetings;
    expect(meetings).toEqual([{ id: meeting.id }]);

    const open = ok(await t.gql(`query($p: ID!) { actionItems(first: 100, filter: { programmeId: $p }) { totalCount edges { node { title } } } }`, { p: programme.id }));
    expect(open.actionItems.edges.map((e: any) => e.node.title)).toEqual(['Báo cáo kết quả thí điểm', 'Bố trí nhân viên bưu điện tại bộ phận một cửa']);
    const overdue = ok(await t.gql(`query($p: ID!) { actionItems(first: 100, filter: { programmeId: $p, overdue: true }) { edges { node { title } } } }`, { p: programme.id }));
    expect(overdue.actionItems.edges.map((e: any) => e.node.title)).toEqual(['Báo cáo kết quả thí điểm']);
  });

  it('refuses a meeting in the future, an action item without a due date and a site of another programme', async () => {
    const { programme, phase } = await f.startedPhase();
    const strange = (await f.startedPhase()).phase;
    const elsewhere = await f.site(strange.id);
    const mine = await f.site(phase.id);
    const input = (extra: Record<string, unknown>) => ({ programmeId: programme.id, kind: 'QUARTERLY_REVIEW', heldOn: today, title: 'Giao ban quý', ...extra });
    expect(summary(await refused(RECORD, input({ heldOn: daysAhead(1) })))).toEqual({ code: 'BAD_USER_INPUT', fields: ['heldOn'] });
    expect(summary(await refused(RECORD, input({ actionItems: [{ title: 'Việc', owner: 'Sở Nội vụ' }] }))).code).toBe('BAD_USER_INPUT');
    expect(summary(await refused(RECORD, input({ actionItems: [{ title: 'Việc', owner: '  ', dueOn: today }] })))).toEqual({ code: 'BAD_USER_INPUT', fields: ['actionItems.0.owner'] });
    expect(summary(await refused(RECORD, input({ siteIds: [mine.id, elsewhere.id] })))).toEqual({ code: 'BAD_USER_INPUT', fields: ['siteIds.1'] });
    expect(summary(await refused(RECORD, input({ actionItems: [{ title: 'Việc', owner: 'Bưu điện', dueOn: today, siteId: elsewhere.id }] })))).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['actionItems.0.siteId'],
    });
    expect(summary(await refused(RECORD, input({ programmeId: UNKNOWN_ID })))).toEqual({ code: 'BAD_USER_INPUT', fields: ['programmeId'] });
  });

  it('an action item goes OPEN → IN_PROGRESS → DONE, can be cancelled and reopened; every other move is an ILLEGAL_TRANSITION', async () => {
    const { programme } = await f.startedPhase();
    const legal: Record<string, string[]> = {
      OPEN: ['IN_PROGRESS', 'DONE', 'CANCELLED'],
      IN_PROGRESS: ['OPEN', 'DONE', 'CANCELLED'],
      DONE: ['OPEN'],
      CANCELLED: ['OPEN'],
    };
    const newItem = async () => {
      const data = await f.run(RECORD, { input: { programmeId: programme.id, kind: 'OTHER', heldOn: today, title: 'Họp', actionItems: [{ title: 'Việc', owner: 'Sở Nội vụ', dueOn: daysAhead(5) }] } });
      return data.recordSteeringMeeting.steeringMeeting.actionItems[0];
    };
    const change = async (item: any, state: string, on?: string) => (await f.run(CHANGE, { input: { id: item.id, version: item.version, state, on } })).changeActionItemState.actionItem;
    const inState = async (state: string) => {
      const item = await newItem();
      return state === 'OPEN' ? item : change(item, state);
    };

    // The story: started, done, reopened, cancelled, reopened.
    let item = await newItem();
    item = await change(item, 'IN_PROGRESS');
    expect(item).toMatchObject({ state: 'IN_PROGRESS', closedOn: null, version: 2 });
    item = await change(item, 'DONE', daysAgo(1));
    expect(item).toMatchObject({ state: 'DONE', closedOn: daysAgo(1), overdue: false });
    item = await change(item, 'OPEN');
    expect(item).toMatchObject({ state: 'OPEN', closedOn: null });
    item = await change(item, 'CANCELLED');
    expect(item).toMatchObject({ state: 'CANCELLED', closedOn: today });
    expect((await change(item, 'OPEN')).state).toBe('OPEN');

    for (const [from, allowed] of Object.entries(legal)) {
      const subject = await inState(from);
      for (const to of Object.keys(legal).filter((s) => !allowed.includes(s))) {
        const error = failure(await refused(CHANGE, { id: subject.id, version: subject.version, state: to }));
        expect({ from, to, ...error.extensions }).toEqual({ from, to, code: 'ILLEGAL_TRANSITION', allowed });
      }
      for (const to of allowed) expect((await change(await inState(from), to)).state).toBe(to);
    }
    const stale = await inState('OPEN');
    await change(stale, 'IN_PROGRESS');
    expect(summary(await refused(CHANGE, { id: stale.id, version: stale.version, state: 'DONE' })).code).toBe('CONFLICT');
    expect(summary(await refused(CHANGE, { id: stale.id, version: 2, state: 'DONE', on: daysAhead(1) }))).toEqual({ code: 'BAD_USER_INPUT', fields: ['on'] });
  });
});

// ---------------------------------------------------------------------------------------------

describe('spreadsheets for the steering committee', () => {
  const EXPORT_SITES = `query($id: ID!) { exportPhaseSites(phaseId: $id) { fileName contentType contentBase64 rowCount } }`;
  const EXPORT_PROGRESS = `query($id: ID!) { exportRolloutProgress(programmeId: $id) { fileName contentType contentBase64 rowCount } }`;
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  /** A day as the sheet gives it back: an Excel date (read as midnight UTC), '' when empty. */
  const day = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : '');

  /** The first sheet of an exported file: its name and its rows, empty cells as ''. */
  async function sheetOf(file: { contentBase64: string }) {
    const [sheet] = await readXlsxFile(Buffer.from(file.contentBase64, 'base64'));
    return { name: sheet.sheet, rows: sheet.data.map((row) => row.map((cell) => cell ?? '')) };
  }

  let programme: any;
  let phase: any;
  let sites: any[];
  beforeAll(async () => {
    ({ programme, phase } = await f.startedPhase(undefined, { name: 'Giai đoạn 1: thí điểm', targets: { province: 2, district: 1, commune: 3 } }));
    const late = await f.siteIn(phase.id, 'PLANNED', { plannedLaunch: daysAgo(2) }, HT);
    const launched = await f.siteIn(phase.id, 'LAUNCHED', { handoverModel: 'AT_POST_OFFICE', postOfficeId: f.offices['BDVHX-18760'], plannedLaunch: daysAhead(3) }, HT_COMMUNE);
    const withdrawn = await f.siteIn(phase.id, 'WITHDRAWN', { handoverModel: 'AT_POST_OFFICE', postOfficeId: f.offices['BD-446'] }, 'DISTRICT');
    sites = [];
    for (const site of [late, launched, withdrawn]) {
      sites.push(ok(await t.gql(`query($id: ID!) { pilotSite(id: $id) { ${'id status statusSince launchedOn plannedLaunch late level handoverModel'} oneStopDesk { code name } postOffice { name } } }`, { id: site.id })).pilotSite);
    }
  });

  it('the sites of a phase, one row per site in the order they were enrolled, in Vietnamese', async () => {
    const file = ok(await t.gql(EXPORT_SITES, { id: phase.id }, { as: 'hatinh.bcd', lang: 'vi' })).exportPhaseSites;
    expect(file).toMatchObject({ contentType: XLSX, rowCount: 3, fileName: expect.stringMatching(/^giai-doan-1-thi-diem-don-vi-thi-diem\.xlsx$/) });
    const { name, rows } = await sheetOf(file);
    expect(name).toBe('Đơn vị thí điểm');
    expect(rows[0]).toEqual(['STT', 'Mã bộ phận', 'Bộ phận một cửa', 'Cấp', 'Phương án', 'Bưu điện đối tác', 'Khai trương dự kiến', 'Trạng thái', 'Từ ngày', 'Ngày khai trương', 'Trễ hạn']);
    const level = { PROVINCE: 'Tỉnh', DISTRICT: 'Huyện', COMMUNE: 'Xã' } as Record<string, string>;
    const model = { AT_AGENCY: 'Tại cơ quan', AT_POST_OFFICE: 'Tại bưu điện' } as Record<string, string>;
    const status = { PLANNED: 'Đã đăng ký', LAUNCHED: 'Đã khai trương', WITHDRAWN: 'Đã rút' } as Record<string, string>;
    expect(rows.slice(1)).toEqual(
      sites.map((s, i) => [
        i + 1,
        s.oneStopDesk.code,
        s.oneStopDesk.name,
        level[s.level],
        model[s.handoverModel],
        s.postOffice?.name ?? '',
        day(s.plannedLaunch),
        status[s.status],
        day(s.statusSince),
        day(s.launchedOn),
        s.late ? 'Có' : '',
      ]),
    );
    expect(rows[1][10]).toBe('Có');
    expect(rows[2][9]).toEqual(day(today));
  });

  it('the same in English', async () => {
    const file = ok(await t.gql(EXPORT_SITES, { id: phase.id }, { as: 'hatinh.quay', lang: 'en' })).exportPhaseSites;
    const { name, rows } = await sheetOf(file);
    expect(name).toBe('Pilot sites');
    expect(file.fileName).toBe('giai-doan-1-thi-diem-pilot-sites.xlsx');
    expect(rows[0]).toEqual(['No.', 'Desk code', 'One-stop desk', 'Level', 'Model', 'Partner post office', 'Planned launch', 'Status', 'Since', 'Launched on', 'Late']);
    expect(rows.slice(1).map((r) => [r[3], r[4], r[7], r[10]])).toEqual([
      ['Province', 'At the agency', 'Planned', 'Yes'],
      ['Commune', 'At the post office', 'Launched', ''],
      ['District', 'At the post office', 'Withdrawn', ''],
    ]);
  });

  it('the progress table: one row per phase and level and a total per phase, the numbers of the progress query', async () => {
    const second = await f.phase(programme.id, { name: 'Giai đoạn 2: mở rộng', targets: { province: 0, district: 0, commune: 12 } });
    const PROGRESS = 'level target enrolled preparing launched operating suspended late';
    const data = ok(await t.gql(`query($id: ID!) { pilotProgramme(id: $id) { phases { name progress { ${PROGRESS} } } } }`, { id: programme.id })).pilotProgramme;
    expect(data.phases.map((p: any) => p.name)).toEqual(['Giai đoạn 1: thí điểm', second.name]);

    const vi = ok(await t.gql(EXPORT_PROGRESS, { id: programme.id }, { lang: 'vi' })).exportRolloutProgress;
    expect(vi).toMatchObject({ contentType: XLSX, rowCount: 8, fileName: `${programme.code.toLowerCase()}-tien-do.xlsx` });
    const sheet = await sheetOf(vi);
    expect(sheet.name).toBe('Tiến độ');
    expect(sheet.rows[0]).toEqual(['Giai đoạn', 'Cấp', 'Kế hoạch', 'Đã đăng ký', 'Đang chuẩn bị', 'Đã khai trương', 'Đang vận hành', 'Tạm dừng', 'Trễ hạn']);
    const label = { PROVINCE: 'Tỉnh', DISTRICT: 'Huyện', COMMUNE: 'Xã' } as Record<string, string>;
    expect(sheet.rows.slice(1)).toEqual(
      data.phases.flatMap((p: any) => p.progress.map((r: any) => [p.name, r.level ? label[r.level] : 'Tổng', r.target, r.enrolled, r.preparing, r.launched, r.operating, r.suspended, r.late])),
    );
    expect(sheet.rows[4]).toEqual(['Giai đoạn 1: thí điểm', 'Tổng', 6, 2, 1, 1, 0, 0, 1]);

    const en = await sheetOf(ok(await t.gql(EXPORT_PROGRESS, { id: programme.id }, { lang: 'en' })).exportRolloutProgress);
    expect(en.name).toBe('Progress');
    expect(en.rows[0]).toEqual(['Phase', 'Level', 'Target', 'Enrolled', 'Preparing', 'Launched', 'Operating', 'Suspended', 'Late']);
    expect(en.rows.slice(1).map((r) => r[1])).toEqual(['Province', 'District', 'Commune', 'Total', 'Province', 'District', 'Commune', 'Total']);
  });

  it('another province’s phase or programme has no spreadsheet', async () => {
    expect(ok(await t.gql(EXPORT_SITES, { id: phase.id }, { as: 'dongnai.bcd' })).exportPhaseSites).toBeNull();
    expect(ok(await t.gql(EXPORT_PROGRESS, { id: programme.id }, { as: 'dongnai.bcd' })).exportRolloutProgress).toBeNull();
    expect(ok(await t.gql(EXPORT_SITES, { id: UNKNOWN_ID })).exportPhaseSites).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------

describe('the site grid', () => {
  const LIST = `query($filter: PilotSiteFilter, $first: Int!, $after: String) {
    pilotSites(first: $first, after: $after, filter: $filter) { totalCount edges { node { id status level handoverModel oneStopDesk { code } } } pageInfo { hasNextPage endCursor } }
  }`;
  const list = async (filter: Record<string, unknown>, as = 'hatinh.quay') => ok(await t.gql(LIST, { filter, first: 100 }, { as })).pilotSites.edges.map((e: any) => e.node.id);

  it('filters by status, level, model, and finds a desk by its name without diacritics or by its code', async () => {
    const { programme, phase } = await f.startedPhase();
    const kyXuan = await f.site(phase.id, { oneStopDeskId: await f.desk(HT_COMMUNE, '42-STTTT', 'Bộ phận Tiếp nhận và Trả kết quả xã Kỳ Xuân (thử)') });
    const province = await f.siteIn(phase.id, 'PREPARING', { handoverModel: 'AT_POST_OFFICE', postOfficeId: f.offices['BD-42'] }, HT);
    const withdrawn = await f.siteIn(phase.id, 'WITHDRAWN', {}, HT_COMMUNE);
    const all = [kyXuan.id, province.id, withdrawn.id];
    expect(await list({ phaseId: phase.id })).toEqual(all);
    expect(await list({ programmeId: programme.id })).toEqual(all);
    expect(await list({ phaseId: phase.id, status: ['PLANNED', 'WITHDRAWN'] })).toEqual([kyXuan.id, withdrawn.id]);
    expect(await list({ phaseId: phase.id, level: 'PROVINCE' })).toEqual([province.id]);
    expect(await list({ phaseId: phase.id, handoverModel: 'AT_POST_OFFICE' })).toEqual([province.id]);
    expect(await list({ phaseId: phase.id, search: 'ky xuan (thu)' })).toEqual([kyXuan.id]);
    expect(await list({ search: province.oneStopDesk.code })).toEqual([province.id]);
    expect(await list({ phaseId: phase.id, search: 'không có' })).toEqual([]);
  });

  it('a post office’s sites: those it partners and those of the post offices reporting to it, at any depth (a manager’s home)', async () => {
    const { phase } = await f.startedPhase();
    const o = f.offices;
    const provincial = await f.site(phase.id, { postOfficeId: o['BD-42'] });
    const kyAnh = await f.site(phase.id, { postOfficeId: o['BD-447'] });
    const kyBac = await f.site(phase.id, { postOfficeId: o['BDVHX-18760'] }); // BĐVHX Kỳ Bắc reports to BĐ Kỳ Anh
    const camXuyen = await f.site(phase.id, { postOfficeId: o['BD-446'] });
    await f.site(phase.id); // no partner post office
    const of = (postOfficeId: string, as?: string) => list({ phaseId: phase.id, postOfficeId }, as);
    expect(await of(o['BD-42'], 'hatinh.buudien')).toEqual([provincial.id, kyAnh.id, kyBac.id, camXuyen.id]);
    expect(await of(o['BD-447'])).toEqual([kyAnh.id, kyBac.id]);
    expect(await of(o['BDVHX-18760'])).toEqual([kyBac.id]);
    expect(await of(UNKNOWN_ID)).toEqual([]);
    // Another province's post office answers nothing of Hà Tĩnh, and nothing at all to a Hà Tĩnh user.
    expect(await list({ postOfficeId: o['BD-70'] })).toEqual([]);
    failure(await t.gql(LIST, { filter: { postOfficeId: 'not-an-id' }, first: 10 }, { as: 'hatinh.quay' }));
  });

  it('lists sites in the order they were enrolled, also within one enrolment', async () => {
    const { phase } = await f.startedPhase();
    const desks = [];
    for (let i = 0; i < 6; i++) desks.push(await f.desk());
    const enrolled = await f.enrol(phase.id, desks.map((oneStopDeskId) => ({ oneStopDeskId })));
    expect(enrolled.map((s: any) => s.oneStopDesk.id)).toEqual(desks);
    expect(await list({ phaseId: phase.id })).toEqual(enrolled.map((s: any) => s.id));
  });

  it('walks all the sites of a phase page by page, each once', async () => {
    const { phase } = await f.startedPhase();
    const first = await f.enrol(phase.id, [{ oneStopDeskId: await f.desk() }, { oneStopDeskId: await f.desk() }, { oneStopDeskId: await f.desk() }]);
    const later = [await f.site(phase.id), await f.site(phase.id), await f.site(phase.id)];
    const everything = await list({ phaseId: phase.id });
    expect(everything.sort()).toEqual([...first, ...later].map((s) => s.id).sort());

    const walked: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const data: any = ok(await t.gql(LIST, { filter: { phaseId: phase.id }, first: 2, after })).pilotSites;
      expect(data.totalCount).toBe(6);
      walked.push(...data.edges.map((e: any) => e.node.id));
      if (!data.pageInfo.hasNextPage) break;
      after = data.pageInfo.endCursor;
    }
    expect(walked).toEqual(await list({ phaseId: phase.id }));
  });
});

// ---------------------------------------------------------------------------------------------

describe('no N+1: a phase’s sites with their relations cost the same statements for 5 and for 50', () => {
  it('desk, post office, checklist, history, meetings, handovers and totals load per request, not per site', async () => {
    const { programme, phase } = await f.startedPhase();
    const entries = [];
    for (let i = 0; i < 55; i++) entries.push({ oneStopDeskId: await f.desk(i % 2 ? HT_COMMUNE : HT), handoverModel: 'AT_POST_OFFICE' as const, postOfficeId: f.offices[i % 2 ? 'BDVHX-18760' : 'BD-42'] });
    const sites = await f.enrol(phase.id, entries, daysAgo(5));
    for (const site of sites.slice(0, 8)) await f.move(site, 'PREPARING');
    const handover = `mutation($input: CreatePersonnelHandoverInput!) { createPersonnelHandover(input: $input) { personnelHandover { id } } }`;
    for (const site of sites.slice(0, 6)) {
      await f.run(handover, { input: { siteId: site.id, tasks: ['RECEIVING'], deployed: [{ fullName: 'Nguyễn Thị Lan', employer: 'Bưu điện tỉnh Hà Tĩnh' }] } }, 'hatinh.buudien');
    }
    await f.run(`mutation($input: RecordSteeringMeetingInput!) { recordSteeringMeeting(input: $input) { steeringMeeting { id } } }`, {
      input: { programmeId: programme.id, kind: 'INSPECTION', heldOn: today, title: 'Kiểm tra', siteIds: sites.slice(0, 10).map((s: any) => s.id) },
    });

    const query = `query($id: ID!, $first: Int!) {
      rolloutPhase(id: $id) {
        sites(first: $first) { totalCount edges { node {
          status late allowedMoves level
          oneStopDesk { code name agency { name } } postOffice { name }
          readiness { key done } history { toStatus on actorLabel } meetings { title }
          personnelHandovers { status deployed { fullName } } facilityHandovers { status investmentTotal }
          handoverTotals { postalStaffDeployed investmentTotal }
        } } }
      } }`;
    const counts: Record<number, number> = {};
    for (const first of [5, 50]) {
      const res = await t.gql(query, { id: phase.id, first });
      expect(ok(res).rolloutPhase.sites.edges).toHaveLength(first);
      counts[first] = Number(res.headers['x-sql-statements']);
    }
    expect(counts[5]).toBeGreaterThan(0);
    expect(counts[50]).toBe(counts[5]);
  });
});
