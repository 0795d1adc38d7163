/**
 * The scope matrix of the rollout and handover operations (run by test/scope.test.ts).
 *
 * The story: Hà Tĩnh's steering committee runs its programme; Bình Phước's programme (decided in
 * 2017, Đồng Nai's since the 2025 merge) is run from Đồng Nai. Neither province's users see or touch
 * the other's programme, phases, sites, meetings, action items or handovers: hidden on reads, NOT_FOUND
 * on a write by id, BAD_USER_INPUT where a record of the other province is named as a reference
 * (exactly the answer for an id that does not exist), FORBIDDEN where the role lacks the right. The
 * rollout plan is written by the steering committee and administrators; handovers and the readiness
 * checklist also by the post office's managers; counter clerks and agency officers only read.
 *
 * Records are made by the national administrator: two worlds made once (a programme per province with
 * a phase under way, a site, handovers in effect, a meeting with an action item) for the reads, and a
 * record of its own for every write.
 */
import type { TestApp } from '../harness';
import { DN_COMMUNE, HT_COMMUNE, ONE_ITEM, RolloutFixtures, daysAgo, today } from '../rollout-fixtures';
import {
  forbiddenToReaders,
  forEachHaTinhUser,
  sameErrorApartFromIds,
  UNKNOWN_ID,
  type Outcome,
  type Row,
  type Scenario,
  type Scenarios,
  type ScopeContext,
  type Who,
} from './matrix';

// --- The rows ---------------------------------------------------------------------------------

const HT_READERS: Who[] = ['hatinh.bcd', 'hatinh.buudien', 'hatinh.quay'];
/** Signed in to Hà Tĩnh, with no right to record handovers or tick the checklist. */
const NOT_HANDOVER_WRITERS: Who[] = ['hatinh.quay', 'hatinh.stttt'];

/** A record read by id: its province's users see it, the other province's do not, the anonymous are refused. */
const recordRead = (op: string, ht: string, bp: string): Row[] => [
  [op, 'anonymous', 'UNAUTHENTICATED', ht],
  [op, 'revoked', 'UNAUTHENTICATED', ht],
  ...HT_READERS.map((who): Row => [op, who, 'ALLOWED', ht]),
  [op, 'admin', 'ALLOWED', bp],
  [op, 'dongnai.bcd', 'ALLOWED', bp],
  [op, 'binhphuoc.buudien', 'ALLOWED', bp],
  [op, 'dongnai.bcd', 'HIDDEN', ht],
  [op, 'binhphuoc.buudien', 'HIDDEN', ht],
  [op, 'hatinh.bcd', 'HIDDEN', bp],
  [op, 'hatinh.buudien', 'HIDDEN', bp],
];

/** A list: the caller's province only, whatever the filter names. */
const listRead = (op: string, byHaTinh: string, byBinhPhuoc: string): Row[] => [
  [op, 'anonymous', 'UNAUTHENTICATED', 'all'],
  [op, 'admin', 'ALLOWED', 'all: both provinces'],
  ...forEachHaTinhUser(op, 'all: Hà Tĩnh only'),
  [op, 'dongnai.bcd', 'ALLOWED', 'all: Đồng Nai only'],
  [op, 'binhphuoc.buudien', 'ALLOWED', 'all: Đồng Nai only'],
  [op, 'dongnai.bcd', 'ALLOWED', byBinhPhuoc],
  [op, 'dongnai.bcd', 'HIDDEN', byHaTinh],
  [op, 'binhphuoc.buudien', 'HIDDEN', byHaTinh],
  [op, 'hatinh.bcd', 'HIDDEN', byBinhPhuoc],
];

const exportRead = (op: string, ht: string, bp: string): Row[] => [
  [op, 'anonymous', 'UNAUTHENTICATED', ht],
  ...HT_READERS.map((who): Row => [op, who, 'ALLOWED', ht]),
  [op, 'dongnai.bcd', 'ALLOWED', bp],
  [op, 'dongnai.bcd', 'HIDDEN', ht],
  [op, 'binhphuoc.buudien', 'HIDDEN', ht],
  [op, 'hatinh.bcd', 'HIDDEN', bp],
];

/** A change to the rollout plan by id: the steering committee and administrators of its province. */
const planWrite = (op: string, ht: string, bp: string): Row[] => [
  [op, 'anonymous', 'UNAUTHENTICATED', ht],
  [op, 'hatinh.bcd', 'ALLOWED', ht],
  [op, 'hatinh.quantri', 'ALLOWED', ht],
  [op, 'dongnai.bcd', 'ALLOWED', bp],
  [op, 'dongnai.bcd', 'NOT_FOUND', ht],
  [op, 'hatinh.bcd', 'NOT_FOUND', bp],
  ...forbiddenToReaders(op, ht),
];

/** A rollout write that names a record of the other province as a reference: as if it did not exist. */
const planReference = (op: string, ht: string, bp: string): Row[] => [
  [op, 'anonymous', 'UNAUTHENTICATED', ht],
  [op, 'hatinh.bcd', 'ALLOWED', ht],
  [op, 'hatinh.quantri', 'ALLOWED', ht],
  [op, 'dongnai.bcd', 'ALLOWED', bp],
  [op, 'dongnai.bcd', 'BAD_USER_INPUT', ht],
  [op, 'hatinh.bcd', 'BAD_USER_INPUT', bp],
  ...forbiddenToReaders(op, ht),
];

/** A handover (or checklist) write by id: also the post office's managers; clerks and officers never. */
const handoverWrite = (op: string, ht: string, bp: string, elsewhere: Outcome = 'NOT_FOUND'): Row[] => [
  [op, 'anonymous', 'UNAUTHENTICATED', ht],
  [op, 'hatinh.buudien', 'ALLOWED', ht],
  [op, 'hatinh.bcd', 'ALLOWED', ht],
  [op, 'binhphuoc.buudien', 'ALLOWED', bp],
  [op, 'binhphuoc.buudien', elsewhere, ht],
  [op, 'dongnai.bcd', elsewhere, ht],
  [op, 'hatinh.buudien', elsewhere, bp],
  ...NOT_HANDOVER_WRITERS.map((who): Row => [op, who, 'FORBIDDEN', ht]),
];

// prettier-ignore
export const ROLLOUT_ROWS: Row[] = [
  // Reads.
  ...listRead('pilotProgrammes', 'provinceCode 42', 'provinceCode 70'),
  ...recordRead('pilotProgramme', 'the Hà Tĩnh programme', 'the Bình Phước programme'),
  ...recordRead('rolloutPhase', 'the Hà Tĩnh phase', 'the Bình Phước phase'),
  ...listRead('pilotSites', 'phaseId of the Hà Tĩnh phase', 'programmeId of the Bình Phước programme'),
  ['pilotSites', 'binhphuoc.buudien', 'HIDDEN', 'search the code of the Hà Tĩnh desk'],
  ...recordRead('pilotSite', 'the Hà Tĩnh site', 'the Bình Phước site'),
  ...listRead('actionItems', 'programmeId of the Hà Tĩnh programme', 'programmeId of the Bình Phước programme'),
  ...listRead('personnelHandovers', 'siteId of the Hà Tĩnh site', 'siteId of the Bình Phước site'),
  ...recordRead('personnelHandover', 'the Hà Tĩnh handover', 'the Bình Phước handover'),
  ...listRead('facilityHandovers', 'siteId of the Hà Tĩnh site', 'siteId of the Bình Phước site'),
  ...recordRead('facilityHandover', 'the Hà Tĩnh handover', 'the Bình Phước handover'),
  ...exportRead('exportPhaseSites', 'the Hà Tĩnh phase', 'the Bình Phước phase'),
  ...exportRead('exportRolloutProgress', 'the Hà Tĩnh programme', 'the Bình Phước programme'),
  ['provinceHandoverTotals', 'anonymous', 'UNAUTHENTICATED', 'own province'],
  ...forEachHaTinhUser('provinceHandoverTotals', 'own province'),
  ['provinceHandoverTotals', 'dongnai.bcd', 'ALLOWED', 'own province'],
  ['provinceHandoverTotals', 'binhphuoc.buudien', 'ALLOWED', 'own province'],
  ['provinceHandoverTotals', 'admin', 'ALLOWED', 'provinceCode 42'],
  ['provinceHandoverTotals', 'dongnai.bcd', 'HIDDEN', 'provinceCode 42'],
  ['provinceHandoverTotals', 'binhphuoc.buudien', 'HIDDEN', 'provinceCode 42'],
  ['provinceHandoverTotals', 'hatinh.bcd', 'HIDDEN', 'provinceCode 75'],

  // The plan: programmes, phases, sites, meetings.
  ['createPilotProgramme', 'anonymous', 'UNAUTHENTICATED', 'in 42'],
  ['createPilotProgramme', 'hatinh.bcd', 'ALLOWED', 'in 42'],
  ['createPilotProgramme', 'hatinh.quantri', 'ALLOWED', 'in 42'],
  ['createPilotProgramme', 'admin', 'ALLOWED', 'in 75'],
  ['createPilotProgramme', 'dongnai.bcd', 'ALLOWED', 'in 75'],
  ['createPilotProgramme', 'hatinh.bcd', 'FORBIDDEN', 'in 75'],
  ['createPilotProgramme', 'dongnai.bcd', 'FORBIDDEN', 'in 42'],
  ...forbiddenToReaders('createPilotProgramme', 'in 42'),
  ...planWrite('updatePilotProgramme', 'a Hà Tĩnh programme', 'a Bình Phước programme'),
  ...planWrite('changePilotProgrammeStatus', 'a Hà Tĩnh programme', 'a Bình Phước programme'),
  ...planReference('addRolloutPhase', 'to the Hà Tĩnh programme', 'to the Bình Phước programme'),
  ...planWrite('replanRolloutPhase', 'a Hà Tĩnh phase', 'a Bình Phước phase'),
  ...planWrite('changeRolloutPhaseStatus', 'a Hà Tĩnh phase', 'a Bình Phước phase'),
  ...planReference('enrolPilotSites', 'a Hà Tĩnh desk in the Hà Tĩnh phase', 'a Đồng Nai desk in the Bình Phước phase'),
  ['enrolPilotSites', 'hatinh.bcd', 'BAD_USER_INPUT', 'a Đồng Nai desk in the Hà Tĩnh phase'],
  ['enrolPilotSites', 'admin', 'BAD_USER_INPUT', 'a Đồng Nai desk in the Hà Tĩnh phase'],
  ...planWrite('updatePilotSite', 'a Hà Tĩnh site', 'a Bình Phước site'),
  ...planWrite('movePilotSite', 'a Hà Tĩnh site', 'a Bình Phước site'),
  ...handoverWrite('setPilotSiteReadiness', 'a Hà Tĩnh site', 'a Bình Phước site'),
  ...planReference('recordSteeringMeeting', 'for the Hà Tĩnh programme', 'for the Bình Phước programme'),
  ['recordSteeringMeeting', 'dongnai.bcd', 'BAD_USER_INPUT', 'for the Bình Phước programme, touching the Hà Tĩnh site'],
  ...planWrite('changeActionItemState', 'a Hà Tĩnh action item', 'a Bình Phước action item'),

  // Handovers: the post office records them too.
  ...handoverWrite('createPersonnelHandover', 'for the Hà Tĩnh site', 'for the Bình Phước site', 'BAD_USER_INPUT'),
  ...handoverWrite('updatePersonnelHandover', 'a Hà Tĩnh draft', 'a Bình Phước draft'),
  ...handoverWrite('signPersonnelHandover', 'a Hà Tĩnh draft', 'a Bình Phước draft'),
  ...handoverWrite('makePersonnelHandoverEffective', 'a Hà Tĩnh signed handover', 'a Bình Phước signed handover'),
  ...handoverWrite('reversePersonnelHandover', 'a Hà Tĩnh draft', 'a Bình Phước draft'),
  ...handoverWrite('createFacilityHandover', 'for the Hà Tĩnh site', 'for the Bình Phước site', 'BAD_USER_INPUT'),
  ...handoverWrite('updateFacilityHandover', 'a Hà Tĩnh draft', 'a Bình Phước draft'),
  ...handoverWrite('signFacilityHandover', 'a Hà Tĩnh draft', 'a Bình Phước draft'),
  ...handoverWrite('makeFacilityHandoverEffective', 'a Hà Tĩnh signed handover', 'a Bình Phước signed handover'),
  ...handoverWrite('reverseFacilityHandover', 'a Hà Tĩnh draft', 'a Bình Phước draft'),
];

// --- The two worlds -------------------------------------------------------------------------------

type Side = 'HT' | 'BP';
type Kind = 'Personnel' | 'Facility';

const SIDES = {
  HT: { province: '42', unit: HT_COMMUNE, agency: '42-STTTT', office: 'BD-42', programme: { readinessItems: ONE_ITEM } },
  BP: {
    province: '75',
    unit: DN_COMMUNE,
    agency: '70-TTPVHCC',
    office: 'BD-70',
    programme: {
      provinceCode: '70',
      readinessItems: ONE_ITEM,
      committee: [],
      legalBasis: [{ number: '1024/QĐ-UBND', signedOn: '2017-05-10', issuer: 'UBND tỉnh Bình Phước', title: 'Phê duyệt Đề án thí điểm chuyển giao qua bưu điện' }],
    },
  },
} as const;

interface World {
  programme: any;
  phase: any;
  site: any;
  deskCode: string;
  personnel: any;
  facility: any;
  actionItem: any;
}

const SIGNATORIES = [
  { fullName: 'Phạm Văn Hùng', position: 'Chủ tịch UBND', organisation: 'UBND' },
  { fullName: 'Nguyễn Văn Sơn', position: 'Giám đốc', organisation: 'Bưu điện tỉnh' },
];
const POSTAL_STAFF = [{ fullName: 'Nguyễn Thị Lan', employer: 'Bưu điện tỉnh' }];
const EQUIPMENT = [{ type: 'Máy tính', quantity: 1, value: 15_000_000, fundedBy: 'Bưu điện tỉnh' }];

const HANDOVER_MUTATION = (verb: string, kind: Kind, inputType = `${verb.charAt(0).toUpperCase()}${verb.slice(1)}${kind}HandoverInput`) =>
  `mutation($input: ${inputType}!) { ${verb}${kind}Handover(input: $input) { ${kind.toLowerCase()}Handover { id version status } } }`;
const HANDOVER = {
  create: (kind: Kind) => HANDOVER_MUTATION('create', kind),
  update: (kind: Kind) => HANDOVER_MUTATION('update', kind),
  sign: (kind: Kind) => HANDOVER_MUTATION('sign', kind, 'SignHandoverInput'),
  effective: (kind: Kind) => `mutation($input: MakeHandoverEffectiveInput!) { make${kind}HandoverEffective(input: $input) { ${kind.toLowerCase()}Handover { id version status } } }`,
  reverse: (kind: Kind) => HANDOVER_MUTATION('reverse', kind, 'ReverseHandoverInput'),
};
/** The record inside a mutation's payload. */
const unwrap = (data: any) => Object.values(Object.values(data)[0] as object)[0] as any;
const MEETING = `mutation($input: RecordSteeringMeetingInput!) { recordSteeringMeeting(input: $input) { steeringMeeting { id actionItems { id version } } } }`;

export function rolloutScenarios(ctx: ScopeContext): Scenarios {
  const t = (): TestApp => ctx.app();
  let fixtures: Promise<RolloutFixtures> | null = null;
  let worlds: Promise<Record<Side, World>> | null = null;
  let counter = 0;
  const unique = (prefix: string) => `${prefix}-${++counter}`;

  /** Fixtures made by the national administrator. */
  const fx = () => (fixtures ??= new RolloutFixtures(t(), 'admin').init());
  const world = async (side: Side) => (await (worlds ??= (async () => ({ HT: await build('HT'), BP: await build('BP') }))()))[side];

  const newProgramme = async (side: Side) => (await fx()).programme(SIDES[side].programme);
  const newDesk = async (side: Side) => (await fx()).desk(SIDES[side].unit, SIDES[side].agency);
  const newSite = async (side: Side) => {
    const f = await fx();
    return f.site((await world(side)).phase.id, { oneStopDeskId: await newDesk(side), handoverModel: 'AT_POST_OFFICE', postOfficeId: f.offices[SIDES[side].office] }, daysAgo(3));
  };
  const newHandover = async (kind: Kind, side: Side, siteId?: string) => {
    const f = await fx();
    const input = kind === 'Personnel' ? { tasks: ['RECEIVING'], relieved: [{ fullName: 'Trần Thị Hoa', employer: 'UBND' }], deployed: POSTAL_STAFF } : { equipment: EQUIPMENT, constructionCost: 10_000_000 };
    return unwrap(await f.run(HANDOVER.create(kind), { input: { siteId: siteId ?? (await world(side)).site.id, ...input } }));
  };
  const handoverTo = async (kind: Kind, handover: any, status: 'SIGNED' | 'EFFECTIVE') => {
    const f = await fx();
    let current = unwrap(await f.run(HANDOVER.sign(kind), { input: { id: handover.id, version: handover.version, recordNumber: '01/BB', signedOn: today, signatories: SIGNATORIES } }));
    if (status === 'EFFECTIVE') current = unwrap(await f.run(HANDOVER.effective(kind), { input: { id: current.id, version: current.version } }));
    return current;
  };
  const newActionItem = async (side: Side, siteId?: string) => {
    const f = await fx();
    const input = { programmeId: (await world(side)).programme.id, kind: 'QUARTERLY_REVIEW', heldOn: today, title: unique('Giao ban quý'), decisions: ['Đẩy nhanh tiến độ'], siteIds: siteId ? [siteId] : [], actionItems: [{ title: 'Bố trí nhân viên', owner: 'Bưu điện tỉnh', dueOn: today, siteId }] };
    return (await f.run(MEETING, { input })).recordSteeringMeeting.steeringMeeting.actionItems[0];
  };

  /** A side's world: an active programme, a phase under way, a site preparing (late), handovers in effect, a meeting with an action item. */
  async function build(side: Side): Promise<World> {
    const f = await fx();
    const programme = await f.programmeTo(await f.programme(SIDES[side].programme), 'ACTIVE');
    const phase = await f.phaseTo(await f.phase(programme.id), 'IN_PROGRESS', daysAgo(30));
    const entry = { oneStopDeskId: await newDesk(side), handoverModel: 'AT_POST_OFFICE' as const, postOfficeId: f.offices[SIDES[side].office], plannedLaunch: daysAgo(1) };
    const site = await f.move(await f.site(phase.id, entry, daysAgo(5)), 'PREPARING', { on: daysAgo(4) });
    const personnel = await handoverTo('Personnel', await newHandover('Personnel', side, site.id), 'EFFECTIVE');
    const facility = await handoverTo('Facility', await newHandover('Facility', side, site.id), 'EFFECTIVE');
    const meeting = {
      programmeId: programme.id,
      kind: 'PRELIMINARY_REVIEW',
      heldOn: today,
      title: unique('Sơ kết'),
      siteIds: [site.id],
      actionItems: [{ title: 'Báo cáo kết quả', owner: 'Sở Nội vụ', dueOn: today, siteId: site.id }],
    };
    const actionItem = (await f.run(MEETING, { input: meeting })).recordSteeringMeeting.steeringMeeting.actionItems[0];
    return { programme, phase, site, deskCode: site.oneStopDesk.code, personnel, facility, actionItem };
  }

  const sideOf = (scenario: string): Side => (/Bình Phước|Đồng Nai|\b7[05]\b/.test(scenario) ? 'BP' : 'HT');

  // --- Reads -------------------------------------------------------------------------------------

  const provinceCodeOf = (node: any): string | undefined => node?.province?.code ?? node?.programme?.province?.code ?? node?.meeting?.programme?.province?.code ?? node?.site?.programme?.province?.code;

  /** The scenarios of a list: all of it (checked against the rows of the caller's province), or filtered by a record of either side. */
  function listScenarios(op: string, filterType: string, nodeFields: string, table: string, filters: Record<string, (w: Record<Side, World>) => Record<string, unknown>>, where = ''): Record<string, Scenario> {
    const query = `query($filter: ${filterType}) { ${op}(first: 100, filter: $filter) { totalCount edges { node { id ${nodeFields} } } } }`;
    const onlyProvince = (code: '42' | '75'): Scenario => async (caller) => {
      await world('HT');
      const res = await t().gql(query, { filter: null }, caller);
      return {
        res,
        async verify(data) {
          expect(data.edges.map((e: any) => provinceCodeOf(e.node))).toEqual(data.edges.map(() => code));
          const rows = await t().sql(`SELECT x.id FROM ${table} x JOIN administrative_unit p ON p.id = x.province_id WHERE p.code = $1 AND p.level = 'PROVINCE' ${where}`, [code]);
          expect(data.totalCount).toBe(rows.length);
          const ids = new Set(rows.map((r) => r.id));
          expect(data.edges.filter((e: any) => !ids.has(e.node.id))).toEqual([]);
        },
      };
    };
    const scenarios: Record<string, Scenario> = {
      all: async (caller) => ({ res: await t().gql(query, { filter: null }, caller) }),
      'all: both provinces': async (caller) => {
        await world('HT');
        return { res: await t().gql(query, { filter: null }, caller), verify: (data) => expect(new Set(data.edges.map((e: any) => provinceCodeOf(e.node)))).toEqual(new Set(['42', '75'])) };
      },
      'all: Hà Tĩnh only': onlyProvince('42'),
      'all: Đồng Nai only': onlyProvince('75'),
    };
    for (const [name, filter] of Object.entries(filters)) {
      scenarios[name] = async (caller) => {
        const worldsNow = { HT: await world('HT'), BP: await world('BP') };
        const res = await t().gql(query, { filter: filter(worldsNow) }, caller);
        return { res, verify: (data) => expect(new Set(data.edges.map((e: any) => provinceCodeOf(e.node)))).toEqual(new Set([sideOf(name) === 'HT' ? '42' : '75'])) };
      };
    }
    return scenarios;
  }

  /** A record read by id, of either side: what the caller sees of it, every relation within its province. */
  function recordScenarios(op: string, fields: string, pick: (w: World) => any, check: (data: any, w: World, side: Side) => void, names: [string, string]): Record<string, Scenario> {
    const query = `query($id: ID!) { ${op}(id: $id) { id ${fields} } }`;
    const read = (side: Side): Scenario => async (caller) => {
      const w = await world(side);
      const res = await t().gql(query, { id: pick(w).id }, caller);
      return { res, verify: (data) => check(data, w, side) };
    };
    return { [names[0]]: read('HT'), [names[1]]: read('BP') };
  }
  const code = (side: Side) => SIDES[side].province;

  function exportScenarios(op: string, arg: string, pick: (w: World) => any, table: string, column: string, names: [string, string]): Record<string, Scenario> {
    const query = `query($id: ID!) { ${op}(${arg}: $id) { fileName contentType rowCount } }`;
    const read = (side: Side): Scenario => async (caller) => {
      const w = await world(side);
      const res = await t().gql(query, { id: pick(w).id }, caller);
      return {
        res,
        async verify(data) {
          const rows = await t().sql(`SELECT count(*)::int AS n FROM ${table} WHERE ${column} = $1`, [pick(w).id]);
          expect(data).toMatchObject({ fileName: expect.stringMatching(/\.xlsx$/), rowCount: op === 'exportPhaseSites' ? rows[0].n : rows[0].n * 4 });
        },
      };
    };
    return { [names[0]]: read('HT'), [names[1]]: read('BP') };
  }

  const TOTALS = `query($code: String) { provinceHandoverTotals(provinceCode: $code) { civilServantsRelieved postalStaffDeployed personnelHandovers facilityHandovers investmentTotal } }`;
  const PROVINCE_OF: Partial<Record<Who, string>> = { 'dongnai.bcd': '75', 'binhphuoc.buudien': '75' };

  // --- Writes ------------------------------------------------------------------------------------

  interface WriteCase {
    /** Makes the record the write is about (of the side named by the scenario). */
    make: (side: Side) => Promise<any>;
    table: string;
    mutation: string;
    input: (record: any) => Record<string, unknown>;
    /** The row after an allowed write. */
    expectAfter: (row: any) => void;
  }

  /** A write to a record made for the case: allowed, it changed as asked; refused, not at all; not found, like an id that does not exist. */
  function recordWrite(c: WriteCase, names: [string, string]): Record<string, Scenario> {
    const write = (side: Side): Scenario => async (caller) => {
      const record = await c.make(side);
      const read = async () => (await t().sql(`SELECT * FROM ${c.table} WHERE id = $1`, [record.id]))[0];
      const before = await read();
      const res = await t().gql(c.mutation, { input: c.input(record) }, caller);
      return {
        res,
        async verify(_data, outcome) {
          const after = await read();
          if (outcome === 'ALLOWED') c.expectAfter(after);
          else expect(after).toEqual(before);
          if (outcome === 'NOT_FOUND') expect(sameErrorApartFromIds(res, await t().gql(c.mutation, { input: c.input({ ...record, id: UNKNOWN_ID }) }, caller))).toBe(true);
        },
      };
    };
    return { [names[0]]: write('HT'), [names[1]]: write('BP') };
  }

  interface CreateCase {
    mutation: string;
    /** The input, marked so that what it made can be found; and the same input naming an unknown record instead. */
    input: (marker: string, side: Side) => Promise<Record<string, unknown>>;
    unknown?: (input: Record<string, unknown>) => Record<string, unknown>;
    /** What the marker found after the write (the allowed write's record, else nothing). */
    found: (marker: string) => Promise<unknown[]>;
    expected: (marker: string, side: Side) => Promise<unknown[]>;
  }

  /** A record created for the case: allowed, it is there; refused, nothing is; a reference of the other side, refused like an unknown one. */
  function recordCreate(c: CreateCase, sideOfCase: (scenario: string) => Side, names: string[]): Record<string, Scenario> {
    const create = (name: string): Scenario => async (caller) => {
      const marker = unique('SC-RO');
      const side = sideOfCase(name);
      const input = await c.input(marker, side);
      const res = await t().gql(c.mutation, { input }, caller);
      return {
        res,
        async verify(_data, outcome) {
          expect(await c.found(marker)).toEqual(outcome === 'ALLOWED' ? await c.expected(marker, side) : []);
          if (outcome === 'BAD_USER_INPUT' && c.unknown) expect(sameErrorApartFromIds(res, await t().gql(c.mutation, { input: c.unknown(input) }, caller))).toBe(true);
        },
      };
    };
    return Object.fromEntries(names.map((name) => [name, create(name)]));
  }

  const handoverWrites = (kind: Kind): Scenarios => {
    const table = `${kind.toLowerCase()}_handover`;
    const draft = (side: Side) => newHandover(kind, side);
    const signed = async (side: Side) => handoverTo(kind, await draft(side), 'SIGNED');
    const drafts: [string, string] = ['a Hà Tĩnh draft', 'a Bình Phước draft'];
    return {
      [`create${kind}Handover`]: recordCreate(
        {
          mutation: HANDOVER.create(kind),
          input: async (marker, side) => ({
            siteId: (await world(side)).site.id,
            note: marker,
            ...(kind === 'Personnel' ? { tasks: ['GUIDANCE'], deployed: POSTAL_STAFF } : { equipment: EQUIPMENT }),
          }),
          unknown: (input) => ({ ...input, siteId: UNKNOWN_ID }),
          found: async (marker) => (await t().sql(`SELECT site_id FROM ${table} WHERE note = $1`, [marker])).map((r) => r.site_id),
          expected: async (_marker, side) => [(await world(side)).site.id],
        },
        sideOf,
        ['for the Hà Tĩnh site', 'for the Bình Phước site'],
      ),
      [`update${kind}Handover`]: recordWrite(
        { make: draft, table, mutation: HANDOVER.update(kind), input: (h) => ({ id: h.id, version: h.version, note: 'Đã rà soát' }), expectAfter: (row) => expect(row.note).toBe('Đã rà soát') },
        drafts,
      ),
      [`sign${kind}Handover`]: recordWrite(
        {
          make: draft,
          table,
          mutation: HANDOVER.sign(kind),
          input: (h) => ({ id: h.id, version: h.version, recordNumber: '07/BB', signedOn: today, signatories: SIGNATORIES }),
          expectAfter: (row) => expect([row.status, row.record_number]).toEqual(['SIGNED', '07/BB']),
        },
        drafts,
      ),
      [`make${kind}HandoverEffective`]: recordWrite(
        { make: signed, table, mutation: HANDOVER.effective(kind), input: (h) => ({ id: h.id, version: h.version }), expectAfter: (row) => expect([row.status, row.effective_on]).toEqual(['EFFECTIVE', today]) },
        ['a Hà Tĩnh signed handover', 'a Bình Phước signed handover'],
      ),
      [`reverse${kind}Handover`]: recordWrite(
        { make: draft, table, mutation: HANDOVER.reverse(kind), input: (h) => ({ id: h.id, version: h.version, reason: 'Lập nhầm' }), expectAfter: (row) => expect([row.status, row.reversal_reason]).toEqual(['REVERSED', 'Lập nhầm']) },
        drafts,
      ),
    };
  };

  const PROGRAMME_FIELDS = 'code province { code } administrativeUnit { code } phases { id } lateSites { id } meetings { id sites { id } actionItems { id site { id } } } progress { level enrolled } handoverTotals { personnelHandovers }';
  const SITE_FIELDS = `phase { id } programme { province { code } } oneStopDesk { code province { code } } postOffice { code province { code } }
    history { toStatus } meetings { id } personnelHandovers { id } facilityHandovers { id } handoverTotals { personnelHandovers }`;
  const HANDOVER_FIELDS = 'status site { id programme { province { code } } }';

  return {
    pilotProgrammes: listScenarios('pilotProgrammes', 'PilotProgrammeFilter', 'province { code }', 'pilot_programme', {
      'provinceCode 42': () => ({ provinceCode: '42' }),
      'provinceCode 70': () => ({ provinceCode: '70' }),
    }),
    pilotProgramme: recordScenarios(
      'pilotProgramme',
      PROGRAMME_FIELDS,
      (w) => w.programme,
      (data, w, side) => {
        expect(data).toMatchObject({ id: w.programme.id, province: { code: code(side) }, administrativeUnit: { code: side === 'HT' ? '42' : '70' }, phases: [{ id: w.phase.id }], lateSites: [{ id: w.site.id }] });
        expect(data.meetings[0].sites).toEqual([{ id: w.site.id }]);
        expect(data.meetings[0].actionItems[0].site).toEqual({ id: w.site.id });
        expect(data.handoverTotals.personnelHandovers).toBe(1);
      },
      ['the Hà Tĩnh programme', 'the Bình Phước programme'],
    ),
    rolloutPhase: recordScenarios(
      'rolloutPhase',
      'programme { id province { code } } sites(first: 100) { totalCount edges { node { id } } } progress { level enrolled } handoverTotals { postalStaffDeployed }',
      (w) => w.phase,
      (data, w, side) => {
        expect(data).toMatchObject({ programme: { id: w.programme.id, province: { code: code(side) } }, handoverTotals: { postalStaffDeployed: 1 } });
        expect(data.sites.edges.map((e: any) => e.node.id)).toContain(w.site.id);
      },
      ['the Hà Tĩnh phase', 'the Bình Phước phase'],
    ),
    pilotSites: {
      ...listScenarios('pilotSites', 'PilotSiteFilter', 'programme { province { code } } oneStopDesk { province { code } }', 'pilot_site', {
        'phaseId of the Hà Tĩnh phase': (w) => ({ phaseId: w.HT.phase.id }),
        'programmeId of the Bình Phước programme': (w) => ({ programmeId: w.BP.programme.id }),
        'search the code of the Hà Tĩnh desk': (w) => ({ search: w.HT.deskCode }),
      }),
    },
    pilotSite: recordScenarios(
      'pilotSite',
      SITE_FIELDS,
      (w) => w.site,
      (data, w, side) => {
        expect(data).toMatchObject({ phase: { id: w.phase.id }, programme: { province: { code: code(side) } }, oneStopDesk: { province: { code: code(side) } }, postOffice: { province: { code: code(side) } } });
        expect(data.history.map((h: any) => h.toStatus)).toEqual(['PLANNED', 'PREPARING']);
        expect([data.meetings.length, data.personnelHandovers.length, data.facilityHandovers.length]).toEqual([1, 1, 1]);
      },
      ['the Hà Tĩnh site', 'the Bình Phước site'],
    ),
    actionItems: listScenarios(
      'actionItems',
      'ActionItemFilter',
      'meeting { programme { province { code } } } site { id }',
      'action_item',
      { 'programmeId of the Hà Tĩnh programme': (w) => ({ programmeId: w.HT.programme.id }), 'programmeId of the Bình Phước programme': (w) => ({ programmeId: w.BP.programme.id }) },
      `AND x.state IN ('OPEN', 'IN_PROGRESS')`,
    ),
    personnelHandovers: listScenarios('personnelHandovers', 'HandoverFilter', HANDOVER_FIELDS, 'personnel_handover', {
      'siteId of the Hà Tĩnh site': (w) => ({ siteId: w.HT.site.id }),
      'siteId of the Bình Phước site': (w) => ({ siteId: w.BP.site.id }),
    }),
    facilityHandovers: listScenarios('facilityHandovers', 'HandoverFilter', HANDOVER_FIELDS, 'facility_handover', {
      'siteId of the Hà Tĩnh site': (w) => ({ siteId: w.HT.site.id }),
      'siteId of the Bình Phước site': (w) => ({ siteId: w.BP.site.id }),
    }),
    personnelHandover: recordScenarios(
      'personnelHandover',
      `${HANDOVER_FIELDS} deployed { fullName }`,
      (w) => w.personnel,
      (data, w, side) => expect(data).toMatchObject({ status: 'EFFECTIVE', site: { id: w.site.id, programme: { province: { code: code(side) } } }, deployed: POSTAL_STAFF.map(({ fullName }) => ({ fullName })) }),
      ['the Hà Tĩnh handover', 'the Bình Phước handover'],
    ),
    facilityHandover: recordScenarios(
      'facilityHandover',
      `${HANDOVER_FIELDS} investmentTotal`,
      (w) => w.facility,
      (data, w, side) => expect(data).toMatchObject({ status: 'EFFECTIVE', investmentTotal: 25_000_000, site: { id: w.site.id, programme: { province: { code: code(side) } } } }),
      ['the Hà Tĩnh handover', 'the Bình Phước handover'],
    ),
    exportPhaseSites: exportScenarios('exportPhaseSites', 'phaseId', (w) => w.phase, 'pilot_site', 'phase_id', ['the Hà Tĩnh phase', 'the Bình Phước phase']),
    exportRolloutProgress: exportScenarios('exportRolloutProgress', 'programmeId', (w) => w.programme, 'rollout_phase', 'programme_id', ['the Hà Tĩnh programme', 'the Bình Phước programme']),
    provinceHandoverTotals: {
      'own province': async (caller, who) => {
        await world('HT');
        const res = await t().gql(TOTALS, { code: null }, caller);
        return {
          res,
          async verify(data) {
            const national = await t().gql(TOTALS, { code: PROVINCE_OF[who] ?? '42' }, { as: 'admin' });
            expect(data).toEqual(national.data.provinceHandoverTotals);
          },
        };
      },
      'provinceCode 42': async (caller) => (await world('HT'), { res: await t().gql(TOTALS, { code: '42' }, caller) }),
      'provinceCode 75': async (caller) => (await world('BP'), { res: await t().gql(TOTALS, { code: '75' }, caller) }),
    },

    createPilotProgramme: recordCreate(
      {
        mutation: `mutation($input: CreatePilotProgrammeInput!) { createPilotProgramme(input: $input) { pilotProgramme { id } } }`,
        input: async (marker, side) => ({ code: marker, name: 'Đề án thí điểm', provinceCode: SIDES[side].province, legalBasis: [{ number: '1/QĐ-UBND', signedOn: '2026-01-05', issuer: 'UBND tỉnh', title: 'Đề án' }] }),
        found: async (marker) => (await t().sql(`SELECT p.code FROM pilot_programme x JOIN administrative_unit p ON p.id = x.province_id WHERE x.code = $1`, [marker])).map((r) => r.code),
        expected: async (_marker, side) => [SIDES[side].province],
      },
      (name) => (name === 'in 75' ? 'BP' : 'HT'),
      ['in 42', 'in 75'],
    ),
    updatePilotProgramme: recordWrite(
      { make: newProgramme, table: 'pilot_programme', mutation: `mutation($input: UpdatePilotProgrammeInput!) { updatePilotProgramme(input: $input) { pilotProgramme { id } } }`, input: (p) => ({ id: p.id, version: p.version, name: 'Đề án (sửa đổi)' }), expectAfter: (row) => expect(row.name).toBe('Đề án (sửa đổi)') },
      ['a Hà Tĩnh programme', 'a Bình Phước programme'],
    ),
    changePilotProgrammeStatus: recordWrite(
      {
        make: newProgramme,
        table: 'pilot_programme',
        mutation: `mutation($input: ChangePilotProgrammeStatusInput!) { changePilotProgrammeStatus(input: $input) { pilotProgramme { id } } }`,
        input: (p) => ({ id: p.id, version: p.version, status: 'ACTIVE' }),
        expectAfter: (row) => expect(row.status).toBe('ACTIVE'),
      },
      ['a Hà Tĩnh programme', 'a Bình Phước programme'],
    ),
    addRolloutPhase: recordCreate(
      {
        mutation: `mutation($input: AddRolloutPhaseInput!) { addRolloutPhase(input: $input) { rolloutPhase { id } } }`,
        input: async (marker, side) => ({ programmeId: (await world(side)).programme.id, name: marker, plannedStart: today, plannedEnd: today, targets: { province: 1, district: 0, commune: 2 } }),
        unknown: (input) => ({ ...input, programmeId: UNKNOWN_ID }),
        found: async (marker) => (await t().sql(`SELECT programme_id FROM rollout_phase WHERE name = $1`, [marker])).map((r) => r.programme_id),
        expected: async (_marker, side) => [(await world(side)).programme.id],
      },
      sideOf,
      ['to the Hà Tĩnh programme', 'to the Bình Phước programme'],
    ),
    replanRolloutPhase: recordWrite(
      {
        make: async (side) => (await fx()).phase((await world(side)).programme.id),
        table: 'rollout_phase',
        mutation: `mutation($input: ReplanRolloutPhaseInput!) { replanRolloutPhase(input: $input) { rolloutPhase { id } } }`,
        input: (p) => ({ id: p.id, version: p.version, plannedStart: daysAgo(10), plannedEnd: today, reason: 'Điều chỉnh kế hoạch' }),
        expectAfter: (row) => expect([row.planned_start, row.planned_end, row.version]).toEqual([daysAgo(10), today, 2]),
      },
      ['a Hà Tĩnh phase', 'a Bình Phước phase'],
    ),
    changeRolloutPhaseStatus: recordWrite(
      {
        make: async (side) => (await fx()).phase((await world(side)).programme.id),
        table: 'rollout_phase',
        mutation: `mutation($input: ChangeRolloutPhaseStatusInput!) { changeRolloutPhaseStatus(input: $input) { rolloutPhase { id } } }`,
        input: (p) => ({ id: p.id, version: p.version, status: 'IN_PROGRESS' }),
        expectAfter: (row) => expect([row.status, row.actual_start]).toEqual(['IN_PROGRESS', today]),
      },
      ['a Hà Tĩnh phase', 'a Bình Phước phase'],
    ),
    enrolPilotSites: (() => {
      const ENROL = `mutation($input: EnrolPilotSitesInput!) { enrolPilotSites(input: $input) { pilotSites { id } } }`;
      // A desk of one side in the phase of a side: the marker is the desk's id.
      const enrol = (deskSide: Side, phaseSide: Side): Scenario => async (caller) => {
        const deskId = await newDesk(deskSide);
        const phaseId = (await world(phaseSide)).phase.id;
        const input = { phaseId, sites: [{ oneStopDeskId: deskId, handoverModel: 'AT_AGENCY' }] };
        const res = await t().gql(ENROL, { input }, caller);
        return {
          res,
          async verify(_data, outcome) {
            const found = (await t().sql(`SELECT phase_id FROM pilot_site WHERE one_stop_desk_id = $1`, [deskId])).map((r) => r.phase_id);
            expect(found).toEqual(outcome === 'ALLOWED' ? [phaseId] : []);
            if (outcome === 'BAD_USER_INPUT') {
              // The other side's record named here is answered like one that does not exist.
              const unknown = deskSide === phaseSide ? { ...input, phaseId: UNKNOWN_ID } : { ...input, sites: [{ oneStopDeskId: UNKNOWN_ID, handoverModel: 'AT_AGENCY' }] };
              if (caller.as !== 'admin') expect(sameErrorApartFromIds(res, await t().gql(ENROL, { input: unknown }, caller))).toBe(true);
            }
          },
        };
      };
      return {
        'a Hà Tĩnh desk in the Hà Tĩnh phase': enrol('HT', 'HT'),
        'a Đồng Nai desk in the Bình Phước phase': enrol('BP', 'BP'),
        'a Đồng Nai desk in the Hà Tĩnh phase': enrol('BP', 'HT'),
      };
    })(),
    updatePilotSite: recordWrite(
      {
        make: newSite,
        table: 'pilot_site',
        mutation: `mutation($input: UpdatePilotSiteInput!) { updatePilotSite(input: $input) { pilotSite { id } } }`,
        input: (s) => ({ id: s.id, version: s.version, note: 'Đã khảo sát mặt bằng' }),
        expectAfter: (row) => expect(row.note).toBe('Đã khảo sát mặt bằng'),
      },
      ['a Hà Tĩnh site', 'a Bình Phước site'],
    ),
    movePilotSite: recordWrite(
      {
        make: newSite,
        table: 'pilot_site',
        mutation: `mutation($input: MovePilotSiteInput!) { movePilotSite(input: $input) { pilotSite { id } } }`,
        input: (s) => ({ id: s.id, version: s.version, to: 'PREPARING' }),
        expectAfter: (row) => expect([row.status, row.status_since]).toEqual(['PREPARING', today]),
      },
      ['a Hà Tĩnh site', 'a Bình Phước site'],
    ),
    setPilotSiteReadiness: recordWrite(
      {
        make: newSite,
        table: 'pilot_site',
        mutation: `mutation($input: SetReadinessInput!) { setPilotSiteReadiness(input: $input) { pilotSite { id } } }`,
        input: (s) => ({ id: s.id, version: s.version, key: 'ready', done: true }),
        expectAfter: (row) => expect(row.readiness.ready).toMatchObject({ doneOn: today }),
      },
      ['a Hà Tĩnh site', 'a Bình Phước site'],
    ),
    recordSteeringMeeting: (() => {
      const RECORD = `mutation($input: RecordSteeringMeetingInput!) { recordSteeringMeeting(input: $input) { steeringMeeting { id } } }`;
      const found = async (marker: string) => (await t().sql(`SELECT programme_id FROM steering_meeting WHERE title = $1`, [marker])).map((r) => r.programme_id);
      return {
        ...recordCreate(
          {
            mutation: RECORD,
            input: async (marker, side) => ({ programmeId: (await world(side)).programme.id, kind: 'INSPECTION', heldOn: today, title: marker, decisions: ['Tiếp tục thí điểm'] }),
            unknown: (input) => ({ ...input, programmeId: UNKNOWN_ID }),
            found,
            expected: async (_marker, side) => [(await world(side)).programme.id],
          },
          sideOf,
          ['for the Hà Tĩnh programme', 'for the Bình Phước programme'],
        ),
        // Its own programme, but a site of the other province: as if the site did not exist.
        ...recordCreate(
          {
            mutation: RECORD,
            input: async (marker) => ({ programmeId: (await world('BP')).programme.id, kind: 'INSPECTION', heldOn: today, title: marker, siteIds: [(await world('HT')).site.id] }),
            unknown: (input) => ({ ...input, siteIds: [UNKNOWN_ID] }),
            found,
            expected: async () => [],
          },
          () => 'BP',
          ['for the Bình Phước programme, touching the Hà Tĩnh site'],
        ),
      };
    })(),
    changeActionItemState: recordWrite(
      {
        make: (side) => newActionItem(side),
        table: 'action_item',
        mutation: `mutation($input: ChangeActionItemStateInput!) { changeActionItemState(input: $input) { actionItem { id } } }`,
        input: (a) => ({ id: a.id, version: a.version, state: 'IN_PROGRESS' }),
        expectAfter: (row) => expect(row.state).toBe('IN_PROGRESS'),
      },
      ['a Hà Tĩnh action item', 'a Bình Phước action item'],
    ),
    ...handoverWrites('Personnel'),
    ...handoverWrites('Facility'),
  };
}

