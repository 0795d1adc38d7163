/**
 * The scope matrix of the staff register, the counters and the rosters (run by test/scope.test.ts).
 *
 * The story: Hà Tĩnh's provincial post office (BD-42) staffs a one-stop desk of the province; Bình
 * Phước's (BD-70, Đồng Nai's since the 2025 merge) staffs a desk of Đồng Nai. Each desk has counters
 * and opening hours every day; each side has a postal employee and a civil servant deployed to it,
 * trained for hộ tịch in a class of their own, with a published shift and a planned one; in Hà Tĩnh
 * the demo counter clerk (hatinh.quay) is one of the desk's staff too, with a published shift of their
 * own ("Lịch trực của tôi").
 *
 * Who reads: the steering committee, the post office's managers and the administrators of the
 * province (national administrators everywhere); counter clerks and agency officers are refused the
 * register (FORBIDDEN) but see their own record and published shifts; the procedure fields are for
 * every signed-in user to read and for national administrators only to keep (FORBIDDEN to a province's). Who writes: the post office's managers and the administrators of the province;
 * the steering committee, clerks and officers are FORBIDDEN. Another province's record is hidden on a
 * read, NOT_FOUND on a write naming it by id, BAD_USER_INPUT naming the field where a write names it
 * as a reference (exactly the answer for an id that does not exist), and a refused write changes
 * nothing. The citizen ID number of a person is shown to the province's administrators and to the
 * managers of the post office that employs them; to nobody else.
 *
 * Records are made by the national administrator: the two worlds once, for the reads, and a record of
 * its own for every write (shifts each in a week of their own, so no write meets another's hours).
 *
 * To add an operation: its rows below (writeById / writeNaming give the usual eleven), and its
 * scenarios in staffScenarios, usually one `write({...})` per side.
 */
import { addDays } from '../../src/platform/graphql/scalars';
import { failure, ok, type GqlOptions, type TestApp } from '../harness';
import { DN_COMMUNE, HT_COMMUNE, RolloutFixtures, today } from '../rollout-fixtures';
import { sameErrorApartFromIds, UNKNOWN_ID, type Outcome, type Row, type Scenario, type Scenarios, type ScopeContext, type Who } from './matrix';

// --- The rows ---------------------------------------------------------------------------------

/** Every signed-in caller. */
const SIGNED_IN: Who[] = ['admin', 'hatinh.bcd', 'hatinh.buudien', 'hatinh.quay', 'hatinh.stttt', 'hatinh.quantri', 'dongnai.bcd', 'binhphuoc.buudien', 'dongnai.quantri'];
/** Readers of the register and the rosters, by province. */
const HT_REGISTER_READERS: Who[] = ['hatinh.bcd', 'hatinh.buudien', 'hatinh.quantri'];
const DN_REGISTER_READERS: Who[] = ['dongnai.bcd', 'binhphuoc.buudien', 'dongnai.quantri'];
/** Signed in to Hà Tĩnh, without the right to read the register. */
const NOT_REGISTER_READERS: Who[] = ['hatinh.quay', 'hatinh.stttt'];
/** Signed in to Hà Tĩnh, without the right to write the register or the roster. */
const NOT_WRITERS: Who[] = ['hatinh.bcd', 'hatinh.quay', 'hatinh.stttt'];

/** A list of the register: the caller's province only, whatever the filter names. */
const registerList = (op: string): Row[] => [
  [op, 'anonymous', 'UNAUTHENTICATED', 'all'],
  [op, 'admin', 'ALLOWED', 'all: both provinces'],
  ...HT_REGISTER_READERS.map((who): Row => [op, who, 'ALLOWED', 'all: Hà Tĩnh only']),
  ...DN_REGISTER_READERS.map((who): Row => [op, who, 'ALLOWED', 'all: Đồng Nai only']),
  ...NOT_REGISTER_READERS.map((who): Row => [op, who, 'FORBIDDEN', 'all']),
];

/**
 * A write of the register or the roster: the post office's managers and the administrators of the
 * province; another province's record is `elsewhere` (NOT_FOUND by id, BAD_USER_INPUT as a reference).
 */
const writeRows = (op: string, ht: string, bp: string, elsewhere: Outcome): Row[] => [
  [op, 'anonymous', 'UNAUTHENTICATED', ht],
  [op, 'hatinh.buudien', 'ALLOWED', ht],
  [op, 'hatinh.quantri', 'ALLOWED', ht],
  [op, 'binhphuoc.buudien', 'ALLOWED', bp],
  [op, 'admin', 'ALLOWED', bp],
  [op, 'hatinh.buudien', elsewhere, bp],
  [op, 'binhphuoc.buudien', elsewhere, ht],
  [op, 'dongnai.quantri', elsewhere, ht],
  ...NOT_WRITERS.map((who): Row => [op, who, 'FORBIDDEN', ht]),
];
/** A write that names its record by id. */
const writeById = (op: string, ht: string, bp: string) => writeRows(op, ht, bp, 'NOT_FOUND');
/** A write that names records as references: the first field of another province is named. */
const writeNaming = (op: string, ht: string, bp: string) => writeRows(op, ht, bp, 'BAD_USER_INPUT');

/** A write of the national list of procedure fields: the national administrator only. */
const fieldWriteRows = (op: string, scenario: string): Row[] => [
  [op, 'anonymous', 'UNAUTHENTICATED', scenario],
  [op, 'revoked', 'UNAUTHENTICATED', scenario],
  [op, 'admin', 'ALLOWED', scenario],
  ...(['hatinh.quantri', 'hatinh.buudien', 'hatinh.bcd', 'dongnai.quantri'] as Who[]).map((who): Row => [op, who, 'FORBIDDEN', scenario]),
];

// prettier-ignore
export const STAFF_ROWS: Row[] = [
  // Reads.
  ['procedureFields', 'anonymous', 'UNAUTHENTICATED', 'the fields in use'],
  ['procedureFields', 'revoked', 'UNAUTHENTICATED', 'the fields in use'],
  ...SIGNED_IN.map((who): Row => ['procedureFields', who, 'ALLOWED', 'the fields in use']),
  // The list is national: kept by national administrators only (a province's are FORBIDDEN).
  ...fieldWriteRows('createProcedureField', 'a new field'),
  ...fieldWriteRows('updateProcedureField', 'a field of its own, renamed and retired'),

  ...registerList('staffMembers'),
  ['staffMembers', 'admin', 'ALLOWED', 'search “thử phạm vi”'],
  ['staffMembers', 'hatinh.buudien', 'ALLOWED', 'search “thử phạm vi”'],
  ['staffMembers', 'dongnai.bcd', 'ALLOWED', 'search “thử phạm vi”'],
  ['staffMembers', 'hatinh.buudien', 'ALLOWED', 'postOfficeId BD-42'],
  ['staffMembers', 'binhphuoc.buudien', 'HIDDEN', 'postOfficeId BD-42'],
  ['staffMembers', 'dongnai.bcd', 'ALLOWED', 'deskId of the Đồng Nai desk'],
  ['staffMembers', 'hatinh.buudien', 'HIDDEN', 'deskId of the Đồng Nai desk'],
  ['staffMembers', 'dongnai.bcd', 'HIDDEN', 'search the name of the Hà Tĩnh postal employee'],
  ['staffMembers', 'hatinh.quantri', 'HIDDEN', 'agencyId of the Bình Phước agency'],

  // A person: the citizen ID number shown or not, by who reads (see READS_NATIONAL_ID).
  ['staffMember', 'anonymous', 'UNAUTHENTICATED', 'the Hà Tĩnh postal employee'],
  ['staffMember', 'revoked', 'UNAUTHENTICATED', 'the Hà Tĩnh postal employee'],
  ...HT_REGISTER_READERS.map((who): Row => ['staffMember', who, 'ALLOWED', 'the Hà Tĩnh postal employee']),
  ...HT_REGISTER_READERS.map((who): Row => ['staffMember', who, 'ALLOWED', 'the Hà Tĩnh civil servant']),
  ['staffMember', 'admin', 'ALLOWED', 'the Bình Phước postal employee'],
  ...DN_REGISTER_READERS.map((who): Row => ['staffMember', who, 'ALLOWED', 'the Bình Phước postal employee']),
  ['staffMember', 'binhphuoc.buudien', 'ALLOWED', 'the Bình Phước civil servant'],
  ...NOT_REGISTER_READERS.map((who): Row => ['staffMember', who, 'FORBIDDEN', 'the Hà Tĩnh postal employee']),
  ...DN_REGISTER_READERS.map((who): Row => ['staffMember', who, 'HIDDEN', 'the Hà Tĩnh postal employee']),
  ...HT_REGISTER_READERS.map((who): Row => ['staffMember', who, 'HIDDEN', 'the Bình Phước postal employee']),

  // One's own record and published shifts: every signed-in user (nothing for one without a record).
  ['myStaffRecord', 'anonymous', 'UNAUTHENTICATED', 'the caller’s own'],
  ['myStaffRecord', 'revoked', 'UNAUTHENTICATED', 'the caller’s own'],
  ['myStaffRecord', 'hatinh.quay', 'ALLOWED', 'the caller’s own'],
  ['myShifts', 'anonymous', 'UNAUTHENTICATED', 'the week of the worlds’ shifts'],
  ['myShifts', 'revoked', 'UNAUTHENTICATED', 'the week of the worlds’ shifts'],
  ...(['hatinh.quay', 'hatinh.bcd', 'hatinh.buudien', 'binhphuoc.buudien', 'admin'] as Who[]).map((who): Row => ['myShifts', who, 'ALLOWED', 'the week of the worlds’ shifts']),

  ...registerList('trainingSessions'),

  // The register.
  ...writeNaming('createStaff', 'employed by BD-42', 'employed by BD-70'),
  ['createStaff', 'hatinh.buudien', 'BAD_USER_INPUT', 'employed by BD-42, home desk the Đồng Nai desk'],
  ['createStaff', 'admin', 'BAD_USER_INPUT', 'employed by BD-42, home desk the Đồng Nai desk'],
  ['createStaff', 'hatinh.buudien', 'BAD_USER_INPUT', 'employed by BD-42, signing in as dongnai.bcd'],
  ['createStaff', 'admin', 'BAD_USER_INPUT', 'employed by BD-42, signing in as dongnai.bcd'],
  ...writeById('updateStaff', 'a Hà Tĩnh person', 'a Bình Phước person'),
  ['updateStaff', 'hatinh.buudien', 'BAD_USER_INPUT', 'a Hà Tĩnh person, employed by BD-70 from now on'],
  ['updateStaff', 'admin', 'BAD_USER_INPUT', 'a Hà Tĩnh person, employed by BD-70 from now on'],
  ['updateStaff', 'hatinh.quantri', 'BAD_USER_INPUT', 'a Hà Tĩnh person, signing in as dongnai.bcd'],
  ...writeNaming('assignStaff', 'a Hà Tĩnh person to the Hà Tĩnh desk', 'a Bình Phước person to the Đồng Nai desk'),
  ['assignStaff', 'hatinh.buudien', 'BAD_USER_INPUT', 'a Hà Tĩnh person to the Đồng Nai desk'],
  ['assignStaff', 'admin', 'BAD_USER_INPUT', 'a Hà Tĩnh person to the Đồng Nai desk'],
  ...writeById('endStaffAssignment', 'a Hà Tĩnh assignment', 'a Bình Phước assignment'),
  ...writeNaming('addQualification', 'for a Hà Tĩnh person', 'for a Bình Phước person'),
  ...writeNaming('addAbsence', 'for a Hà Tĩnh person', 'for a Bình Phước person'),
  ...writeNaming('createTrainingSession', 'for the Hà Tĩnh postal employee', 'for the Bình Phước postal employee'),
  ['createTrainingSession', 'hatinh.buudien', 'BAD_USER_INPUT', 'for the Hà Tĩnh and the Bình Phước postal employees'],
  ['createTrainingSession', 'admin', 'BAD_USER_INPUT', 'for the Hà Tĩnh and the Bình Phước postal employees'],

  // Counters and opening hours.
  ...writeNaming('createCounter', 'at the Hà Tĩnh desk', 'at the Đồng Nai desk'),
  ...writeById('updateCounter', 'a Hà Tĩnh counter', 'a Đồng Nai counter'),
  ...writeNaming('setOpeningHours', 'of a Hà Tĩnh desk', 'of a Đồng Nai desk'),
  ...writeNaming('addOpeningException', 'at the Hà Tĩnh desk', 'at the Đồng Nai desk'),

  // The roster.
  ...writeNaming('createShift', 'a Hà Tĩnh person at a Hà Tĩnh counter', 'a Bình Phước person at a Đồng Nai counter'),
  ['createShift', 'hatinh.buudien', 'BAD_USER_INPUT', 'a Hà Tĩnh person at a Đồng Nai counter'],
  ...writeById('moveShift', 'a Hà Tĩnh shift', 'a Bình Phước shift'),
  ['moveShift', 'hatinh.buudien', 'BAD_USER_INPUT', 'a Hà Tĩnh shift to a Đồng Nai counter'],
  ['moveShift', 'admin', 'BAD_USER_INPUT', 'a Hà Tĩnh shift to a Đồng Nai counter'],
  ...writeById('cancelShift', 'a Hà Tĩnh shift', 'a Bình Phước shift'),
  ...writeNaming('swapShifts', 'two Hà Tĩnh shifts', 'two Bình Phước shifts'),
  ['swapShifts', 'hatinh.buudien', 'BAD_USER_INPUT', 'a Hà Tĩnh and a Bình Phước shift'],
  ...writeNaming('publishWeek', 'a week of the Hà Tĩnh desk', 'a week of the Đồng Nai desk'),
  ...writeNaming('copyWeek', 'a week of the Hà Tĩnh desk', 'a week of the Đồng Nai desk'),

  // Auto-fill: a proposal of a province is seen, accepted or dropped by that province's writers only.
  ...writeNaming('startRosterAutoFill', 'a day of the Hà Tĩnh desk', 'a day of the Đồng Nai desk'),
  ['rosterAutoFillJob', 'anonymous', 'UNAUTHENTICATED', 'a Hà Tĩnh proposal'],
  ['rosterAutoFillJob', 'hatinh.buudien', 'ALLOWED', 'a Hà Tĩnh proposal'],
  ['rosterAutoFillJob', 'hatinh.quantri', 'ALLOWED', 'a Hà Tĩnh proposal'],
  ['rosterAutoFillJob', 'admin', 'ALLOWED', 'a Hà Tĩnh proposal'],
  ['rosterAutoFillJob', 'binhphuoc.buudien', 'HIDDEN', 'a Hà Tĩnh proposal'],
  ['rosterAutoFillJob', 'dongnai.quantri', 'HIDDEN', 'a Hà Tĩnh proposal'],
  ...NOT_WRITERS.map((who): Row => ['rosterAutoFillJob', who, 'FORBIDDEN', 'a Hà Tĩnh proposal']),
  ...writeNaming('acceptRosterProposal', 'a Hà Tĩnh proposal', 'a Bình Phước proposal'),
  ...writeNaming('discardRosterProposal', 'a Hà Tĩnh proposal', 'a Bình Phước proposal'),

  // A person's calendar feed: their managers, the province's administrators, or the person themself.
  ...writeNaming('issueCalendarFeed', 'of a Hà Tĩnh person', 'of a Bình Phước person'),
  ['issueCalendarFeed', 'hatinh.quay', 'ALLOWED', 'of the clerk themself'],
  ...writeNaming('revokeCalendarFeed', 'of a Hà Tĩnh person', 'of a Bình Phước person'),
];

// --- The two worlds -------------------------------------------------------------------------------

type Side = 'HT' | 'BP';

const SIDES = {
  HT: { province: '42', unit: HT_COMMUNE, office: 'BD-42', agency: '42-STTTT', birthProvince: '042', postal: 'Trần Thị Lan (thử phạm vi)', civil: 'Lê Văn Hùng (thử phạm vi)' },
  BP: { province: '75', unit: DN_COMMUNE, office: 'BD-70', agency: '70-TTPVHCC', birthProvince: '070', postal: 'Nguyễn Thị Mai (thử phạm vi)', civil: 'Hoàng Văn Nam (thử phạm vi)' },
} as const;
const SEARCH_MARKER = 'thử phạm vi';

const PROVINCE_OF: Partial<Record<Who, '42' | '75'>> = {
  'hatinh.bcd': '42', 'hatinh.buudien': '42', 'hatinh.quay': '42', 'hatinh.stttt': '42', 'hatinh.quantri': '42',
  'dongnai.bcd': '75', 'binhphuoc.buudien': '75', 'dongnai.quantri': '75',
};
/** The sides a caller's reads reach. */
const sidesOf = (who: Who): Side[] => (PROVINCE_OF[who] === '42' ? ['HT'] : PROVINCE_OF[who] === '75' ? ['BP'] : ['HT', 'BP']);

interface Person {
  id: string;
  version: number;
  nationalId: string;
  /** The employer when a post office (its code), else null (an agency). */
  office: string | null;
}

/**
 * Who reads a citizen ID number: the administrators of the province (national ones everywhere), and
 * the managers of the post office that employs the person. Everyone else reads null.
 */
const READS_NATIONAL_ID: Partial<Record<Who, (p: Person) => boolean>> = {
  admin: () => true,
  'hatinh.quantri': () => true,
  'dongnai.quantri': () => true,
  'hatinh.buudien': (p) => p.office === 'BD-42',
  'binhphuoc.buudien': (p) => p.office === 'BD-70',
};

interface World {
  deskId: string;
  /** Counter 1 serves hộ tịch; counter 2 no field in particular. */
  counter: string;
  spareCounter: string;
  postal: Person;
  civil: Person;
  /** The demo counter clerk's record (Hà Tĩnh only). */
  clerk: Person | null;
  session: string;
  /** The postal employee's published and planned shifts of WEEK; the clerk's published one. */
  published: string;
  planned: string;
  clerkPublished: string | null;
}

/** The worlds' week: Monday of the week after next (Vietnam time); each write takes a week after it. */
const weekday = ((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
const WEEK = addDays(today, 15 - weekday);
/** Every day 07:30–11:30 and 13:30–17:00. */
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7].flatMap((day) => [
  { weekday: day, opensAt: '07:30', closesAt: '11:30' },
  { weekday: day, opensAt: '13:30', closesAt: '17:00' },
]);

const Q = {
  createStaff: `mutation($input: CreateStaffInput!) { createStaff(input: $input) { staff { id version } } }`,
  updateStaff: `mutation($input: UpdateStaffInput!) { updateStaff(input: $input) { staff { id version } } }`,
  assignStaff: `mutation($input: AssignStaffInput!) { assignStaff(input: $input) { assignment { id } } }`,
  endStaffAssignment: `mutation($input: EndAssignmentInput!) { endStaffAssignment(input: $input) { assignment { id endsOn } } }`,
  addQualification: `mutation($input: AddQualificationInput!) { addQualification(input: $input) { qualification { id } } }`,
  addAbsence: `mutation($input: AddAbsenceInput!) { addAbsence(input: $input) { absence { id } } }`,
  createTrainingSession: `mutation($input: CreateTrainingSessionInput!) { createTrainingSession(input: $input) { qualified trainingSession { id } } }`,
  createCounter: `mutation($input: CreateCounterInput!) { createCounter(input: $input) { counter { id version } } }`,
  updateCounter: `mutation($input: UpdateCounterInput!) { updateCounter(input: $input) { counter { id name } } }`,
  createProcedureField: `mutation($input: CreateProcedureFieldInput!) { createProcedureField(input: $input) { procedureField { id code name retiredOn } } }`,
  updateProcedureField: `mutation($input: UpdateProcedureFieldInput!) { updateProcedureField(input: $input) { procedureField { id code name retiredOn } } }`,
  setOpeningHours: `mutation($input: SetOpeningHoursInput!) { setOpeningHours(input: $input) { openingHours { weekday opensAt closesAt } } }`,
  addOpeningException: `mutation($input: AddOpeningExceptionInput!) { addOpeningException(input: $input) { openingException { day note } } }`,
  createShift: `mutation($input: CreateShiftInput!) { createShift(input: $input) { shift { id version } } }`,
  moveShift: `mutation($input: MoveShiftInput!) { moveShift(input: $input) { shift { id startsAt } } }`,
  cancelShift: `mutation($input: CancelShiftInput!) { cancelShift(input: $input) { shift { id status } } }`,
  swapShifts: `mutation($input: SwapShiftsInput!) { swapShifts(input: $input) { shifts { id staff { id } } } }`,
  publishWeek: `mutation($input: DeskWeekInput!) { publishWeek(input: $input) { shifts { id status } } }`,
  copyWeek: `mutation($input: CopyWeekInput!) { copyWeek(input: $input) { shifts { id day } skipped { rule } } }`,
  startRosterAutoFill: `mutation($input: StartRosterAutoFillInput!) { startRosterAutoFill(input: $input) { job { id status } } }`,
  rosterAutoFillJob: `query($id: ID!) { rosterAutoFillJob(id: $id) { id status proposal { demanded unfilled } } }`,
  acceptRosterProposal: `mutation($input: RosterProposalInput!) { acceptRosterProposal(input: $input) { job { id status } shifts { id } } }`,
  discardRosterProposal: `mutation($input: RosterProposalInput!) { discardRosterProposal(input: $input) { job { id status } } }`,
  issueCalendarFeed: `mutation($input: CalendarFeedInput!) { issueCalendarFeed(input: $input) { path staff { id } } }`,
  revokeCalendarFeed: `mutation($input: CalendarFeedInput!) { revokeCalendarFeed(input: $input) { staff { id } } }`,
};

/** The record inside a mutation's payload. */
const unwrap = (data: any) => Object.values(Object.values(data)[0] as object).find((v) => typeof v === 'object') as any;

export function staffScenarios(ctx: ScopeContext): Scenarios {
  const t = (): TestApp => ctx.app();
  let fixtures: Promise<RolloutFixtures> | null = null;
  let worlds: Promise<Record<Side, World>> | null = null;
  let fieldIds: Promise<Record<string, string>> | null = null;
  let counter = 0;
  let weeks = 0;
  /** Counter numbers of the writes' counters (1 and 2 are the worlds'). */
  let numbers = 100;
  const unique = (prefix: string) => `${prefix}-${++counter}`;
  /** A week of its own for a write (its Monday). */
  const nextWeek = () => addDays(WEEK, 7 * ++weeks);

  const admin = async (query: string, input: Record<string, unknown>) => ok(await t().gql(query, { input }, { as: 'admin' }));
  const fx = () => (fixtures ??= new RolloutFixtures(t(), 'admin').init());
  const fields = () => (fieldIds ??= t().sql(`SELECT id, code FROM procedure_field`).then((rows) => Object.fromEntries(rows.map((r) => [r.code, r.id]))));
  const userId = async (username: string) => (await t().sql(`SELECT id FROM app_user WHERE username = $1`, [username]))[0].id as string;
  const world = async (side: Side) => (await (worlds ??= (async () => ({ HT: await build('HT'), BP: await build('BP') }))()))[side];

  let nationalIds = 0;
  const nationalIdOf = (side: Side) => `${SIDES[side].birthProvince}190${String(++nationalIds).padStart(6, '0')}`;

  /** A new desk of a side, with a code of its own. */
  const newDesk = async (side: Side): Promise<string> => {
    const f = await fx();
    const code = unique('SC-ST-MC');
    const data = await admin(`mutation($input: CreateOneStopDeskInput!) { createOneStopDesk(input: $input) { oneStopDesk { id } } }`, {
      code, name: `Bộ phận Một cửa thử ${code}`, agencyId: f.agencies[SIDES[side].agency], administrativeUnitCode: SIDES[side].unit,
    });
    return data.createOneStopDesk.oneStopDesk.id;
  };

  /** A person of a side's register: employed by its post office unless told (`agency`: by its agency). */
  const newPerson = async (side: Side, { fullName = unique('Người thử'), agency = false } = {}): Promise<Person> => {
    const f = await fx();
    const nationalId = nationalIdOf(side);
    const employer = agency ? { agencyId: f.agencies[SIDES[side].agency] } : { postOfficeId: f.offices[SIDES[side].office] };
    const staff = unwrap(await admin(Q.createStaff, { fullName, nationalId, ...employer }));
    return { id: staff.id, version: staff.version, nationalId, office: agency ? null : SIDES[side].office };
  };
  const newShift = async (person: Person, counterId: string, day: string, startsAt = '07:30', endsAt = '11:30') =>
    unwrap(await admin(Q.createShift, { staffId: person.id, counterId, day, startsAt, endsAt })) as { id: string; version: number };
  const newCounter = async (deskId: string) => unwrap(await admin(Q.createCounter, { deskId, number: ++numbers, name: unique('Quầy thử'), fieldIds: [] })) as { id: string; version: number };

  /** The demo clerk's staff record: the seed's if it has one (given a citizen ID number), else one made here. */
  async function clerkRecord(): Promise<Person> {
    const nationalId = nationalIdOf('HT');
    const [seeded] = await t().sql(`SELECT s.id, s.version, s.national_id, po.code AS office FROM staff s JOIN app_user u ON u.id = s.user_id LEFT JOIN post_office po ON po.id = s.post_office_id WHERE u.username = 'hatinh.quay'`);
    if (seeded?.national_id) return { id: seeded.id, version: seeded.version, nationalId: seeded.national_id, office: seeded.office };
    if (seeded) {
      const staff = unwrap(await admin(Q.updateStaff, { id: seeded.id, version: seeded.version, nationalId }));
      return { id: staff.id, version: staff.version, nationalId, office: seeded.office };
    }
    const made = await newPerson('HT', { fullName: 'Phan Thị Quầy (thử)' });
    const staff = unwrap(await admin(Q.updateStaff, { id: made.id, version: made.version, userId: await userId('hatinh.quay') }));
    return { ...made, version: staff.version };
  }

  /** A side's world: a desk open every day with two counters, its people deployed and trained, a published and a planned shift. */
  async function build(side: Side): Promise<World> {
    const deskId = await newDesk(side);
    await admin(Q.setOpeningHours, { deskId, intervals: EVERY_DAY });
    const counterId = unwrap(await admin(Q.createCounter, { deskId, number: 1, name: 'Quầy hộ tịch', fieldIds: [(await fields()).HO_TICH] })).id;
    const spareCounter = unwrap(await admin(Q.createCounter, { deskId, number: 2, name: 'Quầy tổng hợp', fieldIds: [] })).id;
    const postal = await newPerson(side, { fullName: SIDES[side].postal });
    const civil = await newPerson(side, { fullName: SIDES[side].civil, agency: true });
    const clerk = side === 'HT' ? await clerkRecord() : null;
    const people = [postal, civil, ...(clerk ? [clerk] : [])];
    for (const p of people) await admin(Q.assignStaff, { staffId: p.id, deskId, startsOn: today });
    const training = await admin(Q.createTrainingSession, { fieldId: (await fields()).HO_TICH, heldOn: today, place: `Hội trường ${SIDES[side].office}`, trainer: 'Sở Tư pháp', attendeeIds: people.map((p) => p.id) });
    const published = await newShift(postal, counterId, WEEK);
    const clerkPublished = clerk ? await newShift(clerk, spareCounter, WEEK, '13:30', '17:00') : null;
    await admin(Q.publishWeek, { deskId, week: WEEK });
    const planned = await newShift(postal, counterId, addDays(WEEK, 1));
    if (clerk) await newShift(clerk, spareCounter, addDays(WEEK, 2), '13:30', '17:00');
    return { deskId, counter: counterId, spareCounter, postal, civil, clerk, session: training.createTrainingSession.trainingSession.id, published: published.id, planned: planned.id, clerkPublished: clerkPublished?.id ?? null };
  }

  const both = async () => ({ HT: await world('HT'), BP: await world('BP') });

  // --- Reads -------------------------------------------------------------------------------------

  const STAFF_LIST = `query($filter: StaffFilter) { staffMembers(first: 100, filter: $filter) { totalCount edges { node { id fullName postOffice { province { code } } agency { province { code } } } } } }`;
  const provinceOfStaff = (node: any): string | undefined => node.postOffice?.province?.code ?? node.agency?.province?.code;
  const provincesOf = (data: any) => new Set(data.edges.map((e: any) => provinceOfStaff(e.node)));
  const countIn = async (table: string, code: string, where = '') =>
    (await t().sql(`SELECT count(*)::int AS n FROM ${table} x JOIN administrative_unit p ON p.id = x.province_id WHERE p.code = $1 AND p.level = 'PROVINCE' ${where}`, [code]))[0].n as number;
  const IN_REGISTER = `AND x.status IN ('ACTIVE', 'ON_LEAVE')`;

  /** The staff list, filtered by something of the worlds: every person it shows is of the province `expected`. */
  const staffList = (filter: (w: Record<Side, World>, f: RolloutFixtures) => Record<string, unknown>, expected: '42' | '75'): Scenario => async (caller) => {
    const res = await t().gql(STAFF_LIST, { filter: filter(await both(), await fx()) }, caller);
    return { res, verify: (data) => expect(provincesOf(data)).toEqual(new Set([expected])) };
  };
  const staffOfProvince = (code: '42' | '75'): Scenario => async (caller) => {
    await both();
    const res = await t().gql(STAFF_LIST, { filter: null }, caller);
    return {
      res,
      async verify(data) {
        expect(provincesOf(data)).toEqual(new Set([code]));
        expect(data.totalCount).toBe(await countIn('staff', code, IN_REGISTER));
      },
    };
  };

  const STAFF_MEMBER = `query($id: ID!, $from: Date!, $to: Date!) { staffMember(id: $id) {
    id nationalId postOffice { code province { code } } agency { code province { code } }
    assignments { desk { id } } qualifications { field { code } trainingSession { id } } shifts(from: $from, to: $to) { id status desk { id } }
  } }`;
  /** A person of a side, as the caller reads them: every relation within the province, the citizen ID number only for those who may. */
  const staffMember = (side: Side, pick: 'postal' | 'civil'): Scenario => async (caller, who) => {
    const w = await world(side);
    const person = w[pick];
    const res = await t().gql(STAFF_MEMBER, { id: person.id, from: WEEK, to: addDays(WEEK, 6) }, caller);
    return {
      res,
      verify(data) {
        expect(data.nationalId).toBe(READS_NATIONAL_ID[who]?.(person) ? person.nationalId : null);
        expect(provinceOfStaff(data)).toBe(SIDES[side].province);
        expect(data.assignments).toEqual([{ desk: { id: w.deskId } }]);
        expect(data.qualifications).toEqual(expect.arrayContaining([{ field: { code: 'HO_TICH' }, trainingSession: { id: w.session } }]));
        const shifts = pick === 'postal' ? [{ id: w.published, status: 'PUBLISHED', desk: { id: w.deskId } }, { id: w.planned, status: 'PLANNED', desk: { id: w.deskId } }] : [];
        expect(data.shifts).toEqual(shifts);
      },
    };
  };

  const SESSIONS = `{ trainingSessions(first: 100) { totalCount edges { node { id attendees { id } } } } }`;
  /** The classes of a province (every one for a national reader): the worlds' among them, the latest made. */
  const sessionsOf = (province: '42' | '75' | null): Scenario => async (caller) => {
    const w = await both();
    const res = await t().gql(SESSIONS, {}, caller);
    return {
      res,
      async verify(data) {
        const rows = await t().sql(`SELECT x.id FROM training_session x JOIN administrative_unit p ON p.id = x.province_id WHERE $1::text IS NULL OR p.code = $1`, [province]);
        expect(data.totalCount).toBe(rows.length);
        const inScope = new Set(rows.map((r) => r.id));
        expect(data.edges.filter((e: any) => !inScope.has(e.node.id))).toEqual([]);
        const sides: Side[] = province === '42' ? ['HT'] : province === '75' ? ['BP'] : ['HT', 'BP'];
        for (const side of sides) {
          const attendees = [w[side].postal, w[side].civil, ...(w[side].clerk ? [w[side].clerk] : [])].map((p) => p.id).sort();
          const node = data.edges.find((e: any) => e.node.id === w[side].session)?.node;
          expect(node?.attendees.map((a: any) => a.id).sort()).toEqual(attendees);
        }
      },
    };
  };

  const MY_RECORD = `{ myStaffRecord { id nationalId assignments { desk { id } } } }`;
  const MY_SHIFTS = `query($from: Date!, $to: Date!) { myShifts(from: $from, to: $to) { id status staff { id } } }`;

  // --- Writes ------------------------------------------------------------------------------------

  interface WriteCase<R> {
    mutation: string;
    /** What the write is about, made by the national administrator for the case (or the side's world). */
    make: (side: Side) => Promise<R>;
    input: (record: R, side: Side) => Record<string, unknown> | Promise<Record<string, unknown>>;
    /** What the write may change, read from the database: after a refusal, as it was before. */
    state: (record: R, input: Record<string, unknown>) => Promise<unknown>;
    /** The state after an allowed write. */
    expectAfter: (after: any, record: R, side: Side) => void;
    /**
     * What a refusal for another province's record names: the field (BAD_USER_INPUT; none for a record
     * named by id, NOT_FOUND), and the same input naming a record that does not exist instead, which
     * must be answered alike (not compared for the national administrator, who is refused for another
     * reason: records of two provinces in one write).
     */
    field?: string;
    unknown: (input: Record<string, unknown>) => Record<string, unknown>;
  }

  function write<R>(c: WriteCase<R>, side: Side): Scenario {
    return async (caller: GqlOptions, who: Who) => {
      const record = await c.make(side);
      const input = await c.input(record, side);
      const before = await c.state(record, input);
      const res = await t().gql(c.mutation, { input }, caller);
      return {
        res,
        async verify(_data, outcome) {
          const after = await c.state(record, input);
          if (outcome === 'ALLOWED') c.expectAfter(after, record, side);
          else expect(after).toEqual(before);
          if (outcome === 'BAD_USER_INPUT') expect(failure(res).extensions.fields?.map((f) => f.field)).toEqual([c.field]);
          if ((outcome === 'BAD_USER_INPUT' || outcome === 'NOT_FOUND') && who !== 'admin') {
            expect(sameErrorApartFromIds(res, await t().gql(c.mutation, { input: c.unknown(input) }, caller))).toBe(true);
          }
        },
      };
    };
  }
  /** One case, for each side: the scenario names of the Hà Tĩnh and the Bình Phước record. */
  const sides = <R>(c: WriteCase<R>, names: [string, string]) => ({ [names[0]]: write(c, 'HT'), [names[1]]: write(c, 'BP') });
  const byId = (input: Record<string, unknown>) => ({ ...input, id: UNKNOWN_ID });

  const staffRow = async (id: string) => (await t().sql(`SELECT * FROM staff WHERE id = $1`, [id]))[0];
  const staffByName = async (_r: unknown, input: Record<string, unknown>) =>
    (await t().sql(`SELECT p.code FROM staff x JOIN administrative_unit p ON p.id = x.province_id WHERE x.full_name = $1`, [input.fullName])).map((r) => r.code);
  const assignmentsOf = async (staffId: string) => (await t().sql(`SELECT desk_id, ends_on::text AS ends_on FROM staff_assignment WHERE staff_id = $1 ORDER BY starts_on`, [staffId]));
  const shiftRow = async (id: string) => (await t().sql(`SELECT staff_id, counter_id, day::text AS day, starts_at, ends_at, status, version, cancel_reason FROM shift WHERE id = $1`, [id]))[0];
  const shiftsAt = async (deskId: string, monday: string) =>
    t().sql(`SELECT staff_id, counter_id, day::text AS day, starts_at, status FROM shift WHERE desk_id = $1 AND day BETWEEN $2 AND $3 ORDER BY day, starts_at`, [deskId, monday, addDays(monday, 6)]);

  /** A finished auto-fill proposal of one day of a side's desk (made by the national administrator). */
  const proposal = async (side: Side): Promise<{ id: string; deskId: string; day: string }> => {
    const deskId = (await world(side)).deskId;
    const day = nextWeek();
    const job = unwrap(await admin(Q.startRosterAutoFill, { deskId, from: day, to: day }));
    for (let i = 0; i < 240; i += 1) {
      const { rosterAutoFillJob } = ok(await t().gql(Q.rosterAutoFillJob, { id: job.id }, { as: 'admin' }));
      if (rosterAutoFillJob.status === 'DONE') return { id: job.id, deskId, day };
      if (rosterAutoFillJob.status === 'FAILED') throw new Error('auto-fill failed');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error('auto-fill did not finish in a minute');
  };

  /** A person employed by BD-42 whose input also names something of Bình Phước (`extra`, the field refused). */
  const createStaffNaming = (field: string, extra: () => Promise<Record<string, unknown>>): Scenario =>
    write(
      {
        mutation: Q.createStaff,
        make: async () => null,
        input: async () => ({ fullName: unique('Người mới'), postOfficeId: (await fx()).offices['BD-42'], ...(await extra()) }),
        state: staffByName,
        expectAfter: () => undefined,
        field,
        unknown: (input) => ({ ...input, fullName: unique('Người mới'), [field]: UNKNOWN_ID }),
      },
      'HT',
    );

  return {
    procedureFields: {
      'the fields in use': async (caller) => ({
        res: await t().gql(`{ procedureFields { id code name retiredOn } }`, {}, caller),
        async verify(data) {
          expect(data.map((f: any) => f.code)).toEqual(expect.arrayContaining(['HO_TICH', 'DAT_DAI', 'TU_PHAP']));
          expect(data.filter((f: any) => f.retiredOn !== null)).toEqual([]);
          expect(data).toHaveLength((await t().sql(`SELECT count(*)::int AS n FROM procedure_field WHERE retired_on IS NULL`))[0].n);
        },
      }),
    },

    createProcedureField: {
      'a new field': write(
        {
          mutation: Q.createProcedureField,
          make: async () => null,
          input: () => ({ code: `SC_PF_${++counter}`, name: 'Lĩnh vực thử phạm vi' }),
          state: (_r, input) => t().sql(`SELECT code, name, retired_on FROM procedure_field WHERE code = $1`, [input.code]),
          expectAfter: (rows) => expect(rows).toEqual([expect.objectContaining({ name: 'Lĩnh vực thử phạm vi', retired_on: null })]),
          unknown: (input) => input,
        },
        'HT',
      ),
    },
    // A field of its own (never one the other scenarios use), made in use by the national administrator.
    updateProcedureField: {
      'a field of its own, renamed and retired': write(
        {
          mutation: Q.updateProcedureField,
          make: async () => unwrap(await admin(Q.createProcedureField, { code: `SC_PF_${++counter}`, name: 'Lĩnh vực thử phạm vi' })) as { id: string },
          input: (f) => ({ id: f.id, name: 'Lĩnh vực đã đổi tên', retired: true }),
          state: async (f) => (await t().sql(`SELECT name, retired_on IS NOT NULL AS retired FROM procedure_field WHERE id = $1`, [f.id]))[0],
          expectAfter: (row) => expect(row).toEqual({ name: 'Lĩnh vực đã đổi tên', retired: true }),
          unknown: byId,
        },
        'HT',
      ),
    },

    staffMembers: {
      all: async (caller) => ({ res: await t().gql(STAFF_LIST, { filter: null }, caller) }),
      'all: both provinces': async (caller) => {
        await both();
        const res = await t().gql(STAFF_LIST, { filter: null }, caller);
        return { res, verify: async (data) => expect(data.totalCount).toBe((await t().sql(`SELECT count(*)::int AS n FROM staff x WHERE true ${IN_REGISTER}`))[0].n) };
      },
      'all: Hà Tĩnh only': staffOfProvince('42'),
      'all: Đồng Nai only': staffOfProvince('75'),
      // The worlds' people (their names carry the marker): those of the sides the caller reaches.
      'search “thử phạm vi”': async (caller, who) => {
        const w = await both();
        const res = await t().gql(STAFF_LIST, { filter: { search: SEARCH_MARKER } }, caller);
        const expected = sidesOf(who).flatMap((s) => [w[s].postal.id, w[s].civil.id]);
        return { res, verify: (data) => expect(data.edges.map((e: any) => e.node.id).sort()).toEqual(expected.sort()) };
      },
      'postOfficeId BD-42': staffList((_w, f) => ({ postOfficeId: f.offices['BD-42'] }), '42'),
      'deskId of the Đồng Nai desk': staffList((w) => ({ deskId: w.BP.deskId }), '75'),
      'search the name of the Hà Tĩnh postal employee': staffList(() => ({ search: SIDES.HT.postal }), '42'),
      'agencyId of the Bình Phước agency': staffList((_w, f) => ({ agencyId: f.agencies[SIDES.BP.agency] }), '75'),
    },
    staffMember: {
      'the Hà Tĩnh postal employee': staffMember('HT', 'postal'),
      'the Hà Tĩnh civil servant': staffMember('HT', 'civil'),
      'the Bình Phước postal employee': staffMember('BP', 'postal'),
      'the Bình Phước civil servant': staffMember('BP', 'civil'),
    },
    myStaffRecord: {
      'the caller’s own': async (caller) => {
        const w = await world('HT');
        const res = await t().gql(MY_RECORD, {}, caller);
        return {
          res,
          async verify(data) {
            // The clerk's record, without the citizen ID number (for managers and administrators only).
            expect(data).toEqual({ id: w.clerk?.id, nationalId: null, assignments: expect.arrayContaining([{ desk: { id: w.deskId } }]) });
            // Those without a record of their own get none (not someone else's).
            for (const as of ['admin', 'hatinh.buudien', 'binhphuoc.buudien'] as const) expect(ok(await t().gql(MY_RECORD, {}, { as })).myStaffRecord).toBeNull();
          },
        };
      },
    },
    myShifts: {
      'the week of the worlds’ shifts': async (caller, who) => {
        const w = await world('HT');
        const res = await t().gql(MY_SHIFTS, { from: WEEK, to: addDays(WEEK, 6) }, caller);
        // The clerk's published shift, not the planned one; nothing for those without a staff record.
        const expected = who === 'hatinh.quay' ? [{ id: w.clerkPublished, status: 'PUBLISHED', staff: { id: w.clerk?.id } }] : [];
        return { res, verify: (data) => expect(data).toEqual(expected) };
      },
    },
    trainingSessions: {
      all: async (caller) => ({ res: await t().gql(SESSIONS, {}, caller) }),
      'all: both provinces': sessionsOf(null),
      'all: Hà Tĩnh only': sessionsOf('42'),
      'all: Đồng Nai only': sessionsOf('75'),
    },

    createStaff: {
      ...sides(
        {
          mutation: Q.createStaff,
          make: async () => null,
          input: async (_r, side) => ({ fullName: unique('Người mới'), postOfficeId: (await fx()).offices[SIDES[side].office], nationalId: nationalIdOf(side), phone: '0912 345 678' }),
          state: staffByName,
          expectAfter: (codes, _r, side) => expect(codes).toEqual([SIDES[side].province]),
          field: 'postOfficeId',
          unknown: (input) => ({ ...input, fullName: unique('Người mới'), nationalId: null, postOfficeId: UNKNOWN_ID }),
        },
        ['employed by BD-42', 'employed by BD-70'],
      ),
      'employed by BD-42, home desk the Đồng Nai desk': createStaffNaming('homeDeskId', async () => ({ homeDeskId: (await world('BP')).deskId })),
      'employed by BD-42, signing in as dongnai.bcd': createStaffNaming('userId', async () => ({ userId: await userId('dongnai.bcd') })),
    },
    updateStaff: {
      ...sides(
        {
          mutation: Q.updateStaff,
          make: (side) => newPerson(side),
          input: (p) => ({ id: p.id, version: p.version, phone: '0987 654 321' }),
          state: (p) => staffRow(p.id),
          expectAfter: (row) => expect([row.phone, row.version]).toEqual(['0987 654 321', 2]),
          unknown: byId,
        },
        ['a Hà Tĩnh person', 'a Bình Phước person'],
      ),
      'a Hà Tĩnh person, employed by BD-70 from now on': write(
        {
          mutation: Q.updateStaff,
          make: () => newPerson('HT'),
          input: async (p) => ({ id: p.id, version: p.version, postOfficeId: (await fx()).offices['BD-70'] }),
          state: (p) => staffRow(p.id),
          expectAfter: () => undefined,
          field: 'postOfficeId',
          unknown: (input) => ({ ...input, postOfficeId: UNKNOWN_ID }),
        },
        'HT',
      ),
      'a Hà Tĩnh person, signing in as dongnai.bcd': write(
        {
          mutation: Q.updateStaff,
          make: () => newPerson('HT'),
          input: async (p) => ({ id: p.id, version: p.version, userId: await userId('dongnai.bcd') }),
          state: (p) => staffRow(p.id),
          expectAfter: () => undefined,
          field: 'userId',
          unknown: (input) => ({ ...input, userId: UNKNOWN_ID }),
        },
        'HT',
      ),
    },
    assignStaff: (() => {
      // A new person of one side, to the desk of the world of a side.
      const assign = (personSide: Side, field: 'staffId' | 'deskId') => (side: Side): WriteCase<{ person: Person; deskId: string }> => ({
        mutation: Q.assignStaff,
        make: async () => ({ person: await newPerson(personSide), deskId: (await world(side)).deskId }),
        input: (r) => ({ staffId: r.person.id, deskId: r.deskId, startsOn: today }),
        state: (r) => assignmentsOf(r.person.id),
        expectAfter: (rows, r) => expect(rows).toEqual([{ desk_id: r.deskId, ends_on: null }]),
        field,
        unknown: (input) => ({ ...input, [field]: UNKNOWN_ID }),
      });
      return {
        'a Hà Tĩnh person to the Hà Tĩnh desk': write(assign('HT', 'staffId')('HT'), 'HT'),
        'a Bình Phước person to the Đồng Nai desk': write(assign('BP', 'staffId')('BP'), 'BP'),
        'a Hà Tĩnh person to the Đồng Nai desk': write(assign('HT', 'deskId')('BP'), 'BP'),
      };
    })(),
    endStaffAssignment: sides(
      {
        mutation: Q.endStaffAssignment,
        make: async (side) => {
          const person = await newPerson(side);
          const assignment = unwrap(await admin(Q.assignStaff, { staffId: person.id, deskId: (await world(side)).deskId, startsOn: today }));
          return { person, assignment: assignment.id as string };
        },
        input: (r) => ({ id: r.assignment, endsOn: today }),
        state: (r) => assignmentsOf(r.person.id),
        expectAfter: (rows) => expect(rows.map((r: any) => r.ends_on)).toEqual([today]),
        unknown: byId,
      },
      ['a Hà Tĩnh assignment', 'a Bình Phước assignment'],
    ),
    addQualification: sides(
      {
        mutation: Q.addQualification,
        make: (side) => newPerson(side),
        input: async (p) => ({ staffId: p.id, fieldId: (await fields()).DAT_DAI, trainedOn: today, certificateNumber: 'CN-01' }),
        state: async (p) => (await t().sql(`SELECT field_id, certificate_number FROM qualification WHERE staff_id = $1`, [p.id])),
        expectAfter: (rows) => expect(rows).toEqual([{ field_id: expect.any(String), certificate_number: 'CN-01' }]),
        field: 'staffId',
        unknown: (input) => ({ ...input, staffId: UNKNOWN_ID }),
      },
      ['for a Hà Tĩnh person', 'for a Bình Phước person'],
    ),
    addAbsence: sides(
      {
        mutation: Q.addAbsence,
        make: (side) => newPerson(side),
        input: (p) => ({ staffId: p.id, kind: 'LEAVE', startsOn: today, endsOn: today, note: 'Nghỉ phép' }),
        state: async (p) => (await t().sql(`SELECT kind, starts_on::text AS starts_on FROM absence WHERE staff_id = $1`, [p.id])),
        expectAfter: (rows) => expect(rows).toEqual([{ kind: 'LEAVE', starts_on: today }]),
        field: 'staffId',
        unknown: (input) => ({ ...input, staffId: UNKNOWN_ID }),
      },
      ['for a Hà Tĩnh person', 'for a Bình Phước person'],
    ),
    createTrainingSession: (() => {
      // A class of tư pháp for the worlds' postal employees of the sides named; the place is the marker.
      const training = (attendeeSides: Side[], field: string): WriteCase<null> => ({
        mutation: Q.createTrainingSession,
        make: async () => null,
        input: async () => ({ fieldId: (await fields()).TU_PHAP, heldOn: today, place: unique('Lớp tập huấn'), trainer: 'Sở Tư pháp', attendeeIds: await Promise.all(attendeeSides.map(async (s) => (await world(s)).postal.id)) }),
        state: async (_r, input) => (await t().sql(`SELECT p.code FROM training_session x JOIN administrative_unit p ON p.id = x.province_id WHERE x.place = $1`, [input.place])).map((r) => r.code),
        expectAfter: (codes) => expect(codes).toHaveLength(1),
        field,
        unknown: (input) => ({ ...input, place: unique('Lớp tập huấn'), attendeeIds: (input.attendeeIds as string[]).map((id, i) => (field === `attendeeIds.${i}` ? UNKNOWN_ID : id)) }),
      });
      return {
        'for the Hà Tĩnh postal employee': write(training(['HT'], 'attendeeIds.0'), 'HT'),
        'for the Bình Phước postal employee': write(training(['BP'], 'attendeeIds.0'), 'BP'),
        'for the Hà Tĩnh and the Bình Phước postal employees': write(training(['HT', 'BP'], 'attendeeIds.1'), 'HT'),
      };
    })(),

    createCounter: sides(
      {
        mutation: Q.createCounter,
        make: async (side) => (await world(side)).deskId,
        input: (deskId) => ({ deskId, number: ++numbers, name: unique('Quầy mới'), fieldIds: [] }),
        state: async (_deskId, input) => (await t().sql(`SELECT desk_id FROM counter WHERE name = $1`, [input.name])).map((r) => r.desk_id),
        expectAfter: (desks, deskId) => expect(desks).toEqual([deskId]),
        field: 'deskId',
        unknown: (input) => ({ ...input, deskId: UNKNOWN_ID }),
      },
      ['at the Hà Tĩnh desk', 'at the Đồng Nai desk'],
    ),
    updateCounter: sides(
      {
        mutation: Q.updateCounter,
        make: async (side) => newCounter((await world(side)).deskId),
        input: (c) => ({ id: c.id, version: c.version, name: 'Quầy đổi tên' }),
        state: async (c) => (await t().sql(`SELECT * FROM counter WHERE id = $1`, [c.id]))[0],
        expectAfter: (row) => expect([row.name, row.version]).toEqual(['Quầy đổi tên', 2]),
        unknown: byId,
      },
      ['a Hà Tĩnh counter', 'a Đồng Nai counter'],
    ),
    // A desk of its own (hours replace hours), open on Mondays to begin with.
    setOpeningHours: sides(
      {
        mutation: Q.setOpeningHours,
        make: async (side) => {
          const deskId = await newDesk(side);
          await admin(Q.setOpeningHours, { deskId, intervals: [{ weekday: 1, opensAt: '07:30', closesAt: '11:30' }] });
          return deskId;
        },
        input: (deskId) => ({ deskId, intervals: [{ weekday: 6, opensAt: '08:00', closesAt: '11:00' }] }),
        state: (deskId) => t().sql(`SELECT weekday, opens_at, closes_at FROM opening_hours WHERE desk_id = $1 ORDER BY weekday, opens_at`, [deskId]),
        expectAfter: (rows) => expect(rows).toEqual([{ weekday: 6, opens_at: 480, closes_at: 660 }]),
        field: 'deskId',
        unknown: (input) => ({ ...input, deskId: UNKNOWN_ID }),
      },
      ['of a Hà Tĩnh desk', 'of a Đồng Nai desk'],
    ),
    // A day of its own, years after any shift a write makes: a holiday of the desk.
    addOpeningException: sides(
      {
        mutation: Q.addOpeningException,
        make: async (side) => ({ deskId: (await world(side)).deskId, day: addDays(WEEK, 3650 + ++counter) }),
        input: (r) => ({ deskId: r.deskId, day: r.day, note: 'Nghỉ lễ' }),
        state: (r) => t().sql(`SELECT note FROM opening_exception WHERE desk_id = $1 AND day = $2`, [r.deskId, r.day]),
        expectAfter: (rows) => expect(rows).toEqual([{ note: 'Nghỉ lễ' }]),
        field: 'deskId',
        unknown: (input) => ({ ...input, deskId: UNKNOWN_ID }),
      },
      ['at the Hà Tĩnh desk', 'at the Đồng Nai desk'],
    ),

    createShift: (() => {
      // The postal employee of one side at counter 1 of a side, the Monday of a week of its own.
      const shift = (personSide: Side, field: 'staffId' | 'counterId') => (side: Side): WriteCase<{ staffId: string; counterId: string; day: string }> => ({
        mutation: Q.createShift,
        make: async () => ({ staffId: (await world(personSide)).postal.id, counterId: (await world(side)).counter, day: nextWeek() }),
        input: (r) => ({ ...r, startsAt: '07:30', endsAt: '11:30' }),
        state: (r) => t().sql(`SELECT counter_id FROM shift WHERE staff_id = $1 AND day = $2`, [r.staffId, r.day]),
        expectAfter: (rows, r) => expect(rows).toEqual([{ counter_id: r.counterId }]),
        field,
        unknown: (input) => ({ ...input, [field]: UNKNOWN_ID }),
      });
      return {
        'a Hà Tĩnh person at a Hà Tĩnh counter': write(shift('HT', 'staffId')('HT'), 'HT'),
        'a Bình Phước person at a Đồng Nai counter': write(shift('BP', 'staffId')('BP'), 'BP'),
        'a Hà Tĩnh person at a Đồng Nai counter': write(shift('HT', 'counterId')('BP'), 'BP'),
      };
    })(),
    moveShift: (() => {
      // A planned shift of the postal employee, the Monday of a week of its own.
      const planned = async (side: Side) => newShift((await world(side)).postal, (await world(side)).counter, nextWeek());
      return {
        ...sides(
          {
            mutation: Q.moveShift,
            make: planned,
            input: (s) => ({ id: s.id, version: s.version, startsAt: '08:00' }),
            state: (s) => shiftRow(s.id),
            expectAfter: (row) => expect([row.starts_at, row.version]).toEqual([480, 2]),
            unknown: byId,
          },
          ['a Hà Tĩnh shift', 'a Bình Phước shift'],
        ),
        'a Hà Tĩnh shift to a Đồng Nai counter': write(
          {
            mutation: Q.moveShift,
            make: async () => ({ shift: await planned('HT'), counterId: (await world('BP')).counter }),
            input: (r) => ({ id: r.shift.id, version: r.shift.version, counterId: r.counterId }),
            state: (r) => shiftRow(r.shift.id),
            expectAfter: () => undefined,
            field: 'counterId',
            unknown: (input) => ({ ...input, counterId: UNKNOWN_ID }),
          },
          'HT',
        ),
      };
    })(),
    cancelShift: sides(
      {
        mutation: Q.cancelShift,
        make: async (side) => newShift((await world(side)).postal, (await world(side)).counter, nextWeek()),
        input: (s) => ({ id: s.id, version: s.version, reason: 'Điều chỉnh lịch' }),
        state: (s) => shiftRow(s.id),
        expectAfter: (row) => expect([row.status, row.cancel_reason]).toEqual(['CANCELLED', 'Điều chỉnh lịch']),
        unknown: byId,
      },
      ['a Hà Tĩnh shift', 'a Bình Phước shift'],
    ),
    swapShifts: (() => {
      // The postal employee's shift on a Monday and the civil servant's on the Tuesday (of the sides given), a week of their own.
      const pair = (firstSide: Side, secondSide: Side, field: 'firstId' | 'secondId'): WriteCase<{ first: string; second: string; staff: string[] }> => ({
        mutation: Q.swapShifts,
        make: async () => {
          const [a, b] = [await world(firstSide), await world(secondSide)];
          const monday = nextWeek();
          const first = await newShift(a.postal, a.counter, monday);
          const second = await newShift(b.civil, b.counter, addDays(monday, 1));
          return { first: first.id, second: second.id, staff: [a.postal.id, b.civil.id] };
        },
        input: (r) => ({ firstId: r.first, secondId: r.second, reason: 'Đổi ca' }),
        state: async (r) => [(await shiftRow(r.first)).staff_id, (await shiftRow(r.second)).staff_id],
        expectAfter: (staff, r) => expect(staff).toEqual([r.staff[1], r.staff[0]]),
        field,
        unknown: (input) => ({ ...input, [field]: UNKNOWN_ID }),
      });
      return {
        'two Hà Tĩnh shifts': write(pair('HT', 'HT', 'firstId'), 'HT'),
        'two Bình Phước shifts': write(pair('BP', 'BP', 'firstId'), 'BP'),
        'a Hà Tĩnh and a Bình Phước shift': write(pair('HT', 'BP', 'secondId'), 'HT'),
      };
    })(),
    publishWeek: sides(
      {
        mutation: Q.publishWeek,
        make: async (side) => {
          const w = await world(side);
          const monday = nextWeek();
          return { deskId: w.deskId, monday, shift: (await newShift(w.postal, w.counter, addDays(monday, 2))).id };
        },
        input: (r) => ({ deskId: r.deskId, week: addDays(r.monday, 4) }),
        state: (r) => shiftsAt(r.deskId, r.monday),
        expectAfter: (rows) => expect(rows.map((r: any) => r.status)).toEqual(['PUBLISHED']),
        field: 'deskId',
        unknown: (input) => ({ ...input, deskId: UNKNOWN_ID }),
      },
      ['a week of the Hà Tĩnh desk', 'a week of the Đồng Nai desk'],
    ),
    copyWeek: sides(
      {
        mutation: Q.copyWeek,
        make: async (side) => {
          const w = await world(side);
          const from = nextWeek();
          await newShift(w.postal, w.counter, addDays(from, 3));
          return { deskId: w.deskId, from, to: nextWeek(), staffId: w.postal.id };
        },
        input: (r) => ({ deskId: r.deskId, fromWeek: r.from, toWeek: r.to }),
        state: (r) => shiftsAt(r.deskId, r.to),
        expectAfter: (rows, r) => expect(rows).toEqual([expect.objectContaining({ staff_id: r.staffId, day: addDays(r.to, 3), status: 'PLANNED' })]),
        field: 'deskId',
        unknown: (input) => ({ ...input, deskId: UNKNOWN_ID }),
      },
      ['a week of the Hà Tĩnh desk', 'a week of the Đồng Nai desk'],
    ),
    startRosterAutoFill: sides(
      {
        mutation: Q.startRosterAutoFill,
        // One day: the solver's part stays small (the matrix is about who, not about the solver).
        make: async (side) => ({ deskId: (await world(side)).deskId, day: nextWeek() }),
        input: (r) => ({ deskId: r.deskId, from: r.day, to: r.day }),
        state: (r) => shiftsAt(r.deskId, r.day),
        // A proposal is computed aside: nothing is written until it is accepted.
        expectAfter: (rows) => expect(rows).toEqual([]),
        field: 'deskId',
        unknown: (input) => ({ ...input, deskId: UNKNOWN_ID }),
      },
      ['a day of the Hà Tĩnh desk', 'a day of the Đồng Nai desk'],
    ),
    rosterAutoFillJob: {
      'a Hà Tĩnh proposal': async (caller) => {
        const job = await proposal('HT');
        const res = await t().gql(Q.rosterAutoFillJob, { id: job.id }, caller);
        return { res, verify: (data) => expect(data === null || data.id === job.id).toBe(true) };
      },
    },
    acceptRosterProposal: sides(
      {
        mutation: Q.acceptRosterProposal,
        make: (side) => proposal(side),
        input: (job) => ({ jobId: job.id }),
        state: (job) => shiftsAt(job.deskId, job.day),
        expectAfter: (rows) => expect(rows.length > 0 && rows.every((r: any) => r.status === 'PLANNED')).toBe(true),
        field: 'jobId',
        unknown: () => ({ jobId: UNKNOWN_ID }),
      },
      ['a Hà Tĩnh proposal', 'a Bình Phước proposal'],
    ),
    discardRosterProposal: sides(
      {
        mutation: Q.discardRosterProposal,
        make: (side) => proposal(side),
        input: (job) => ({ jobId: job.id }),
        state: async (job) => ok(await t().gql(Q.rosterAutoFillJob, { id: job.id }, { as: 'admin' })).rosterAutoFillJob?.status,
        expectAfter: (status) => expect(status).toBe('DISCARDED'),
        field: 'jobId',
        unknown: () => ({ jobId: UNKNOWN_ID }),
      },
      ['a Hà Tĩnh proposal', 'a Bình Phước proposal'],
    ),
    issueCalendarFeed: {
      ...sides(
        {
          mutation: Q.issueCalendarFeed,
          make: (side) => newPerson(side),
          input: (p) => ({ staffId: p.id }),
          state: async (p) => (await staffRow(p.id)).calendar_secret_hash,
          expectAfter: (hash) => expect(hash).toMatch(/^[0-9a-f]{64}$/),
          field: 'staffId',
          unknown: () => ({ staffId: UNKNOWN_ID }),
        },
        ['of a Hà Tĩnh person', 'of a Bình Phước person'],
      ),
      'of the clerk themself': write(
        {
          mutation: Q.issueCalendarFeed,
          make: async () => (await world('HT')).clerk as Person,
          input: (p) => ({ staffId: p.id }),
          state: async (p) => (await staffRow(p.id)).calendar_secret_hash,
          expectAfter: (hash) => expect(hash).toMatch(/^[0-9a-f]{64}$/),
          field: 'staffId',
          unknown: () => ({ staffId: UNKNOWN_ID }),
        },
        'HT',
      ),
    },
    revokeCalendarFeed: sides(
      {
        mutation: Q.revokeCalendarFeed,
        make: async (side) => {
          const p = await newPerson(side);
          await admin(Q.issueCalendarFeed, { staffId: p.id });
          return p;
        },
        input: (p) => ({ staffId: p.id }),
        state: async (p) => (await staffRow(p.id)).calendar_secret_hash,
        expectAfter: (hash) => expect(hash).toBeNull(),
        field: 'staffId',
        unknown: () => ({ staffId: UNKNOWN_ID }),
      },
      ['of a Hà Tĩnh person', 'of a Bình Phước person'],
    ),
  };
}
