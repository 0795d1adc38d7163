/**
 * The post office manager's week, end to end over HTTP: the staff register (with the citizen ID as
 * personal data), counters and opening hours, and shifts under every hard rule of the roster, as
 * hatinh.buudien keeps them; publishing all or nothing, swapping, absences that collide, "my roster",
 * and another province's manager who can reach none of it.
 */
import { addDays, todayInVietnam } from '../src/platform/graphql/scalars';
import { failure, ok, startTestApp, type TestApp } from './harness';

let t: TestApp;
const MANAGER = 'hatinh.buudien';
const ids: Record<string, string> = {};

/** Monday of the week after next (Vietnam time): far enough ahead for every rule, whatever today is. */
const today = todayInVietnam();
const weekday = ((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
const MON = addDays(today, 15 - weekday);
const day = (n: number) => addDays(MON, n);

const STAFF = 'id fullName status nationalId phone email version postOffice { code } agency { code } hasUserAccount';
const SHIFT = 'id day startsAt endsAt status version cancelReason staff { id fullName } counter { id number } revisions { change reason startsAt status }';
const M = {
  createStaff: `mutation($input: CreateStaffInput!) { createStaff(input: $input) { staff { ${STAFF} } } }`,
  updateStaff: `mutation($input: UpdateStaffInput!) { updateStaff(input: $input) { staff { ${STAFF} } } }`,
  assign: `mutation($input: AssignStaffInput!) { assignStaff(input: $input) { assignment { id startsOn endsOn desk { code } } } }`,
  qualify: `mutation($input: AddQualificationInput!) { addQualification(input: $input) { qualification { id trainedOn expiresOn field { code name } } } }`,
  absence: `mutation($input: AddAbsenceInput!) { addAbsence(input: $input) { absence { id kind startsOn endsOn collidingShifts { id day startsAt } } } }`,
  counter: `mutation($input: CreateCounterInput!) { createCounter(input: $input) { counter { id number name status fields { code name } } } }`,
  hours: `mutation($input: SetOpeningHoursInput!) { setOpeningHours(input: $input) { openingHours { weekday opensAt closesAt demand } } }`,
  exception: `mutation($input: AddOpeningExceptionInput!) { addOpeningException(input: $input) { openingException { day opensAt closesAt note } } }`,
  shift: `mutation($input: CreateShiftInput!) { createShift(input: $input) { shift { ${SHIFT} } } }`,
  move: `mutation($input: MoveShiftInput!) { moveShift(input: $input) { shift { ${SHIFT} } } }`,
  cancel: `mutation($input: CancelShiftInput!) { cancelShift(input: $input) { shift { ${SHIFT} } } }`,
  swap: `mutation($input: SwapShiftsInput!) { swapShifts(input: $input) { shifts { ${SHIFT} } } }`,
  publish: `mutation($input: DeskWeekInput!) { publishWeek(input: $input) { shifts { id status } } }`,
  copy: `mutation($input: CopyWeekInput!) { copyWeek(input: $input) { shifts { id day startsAt staff { fullName } } skipped { rule message shift { day } } } }`,
  training: `mutation($input: CreateTrainingSessionInput!) { createTrainingSession(input: $input) { qualified trainingSession { id heldOn field { code } attendees { fullName } } } }`,
};

async function run<T = any>(query: string, input: Record<string, unknown>, as = MANAGER): Promise<T> {
  const data = ok(await t.gql(query, { input }, { as })) as Record<string, T>;
  return Object.values(data)[0];
}
const refused = async (query: string, input: Record<string, unknown>, as = MANAGER) => failure(await t.gql(query, { input }, { as }));
/** A refusal by a hard rule: CONFLICT naming the rule. */
async function ruleOf(input: Record<string, unknown>, query = M.shift) {
  const error = await refused(query, input);
  expect(error.extensions?.code).toBe('CONFLICT');
  return error as { message: string; extensions: Record<string, any> };
}

async function person(fullName: string, extra: Record<string, unknown> = {}) {
  return (await run(M.createStaff, { fullName, postOfficeId: ids.office, ...extra })).staff;
}

beforeAll(async () => {
  t = await startTestApp({ signInAs: MANAGER });
  // A desk the demo seed leaves without counters or staff (the seeded pilot desks are checked below).
  const [desk] = await t.sql(`SELECT id FROM one_stop_desk WHERE code = '42-STTTT-MC'`);
  const [otherDesk] = await t.sql(`SELECT d.id FROM one_stop_desk d JOIN administrative_unit p ON p.id = d.province_id WHERE p.code = '42' AND d.code <> '42-STTTT-MC' ORDER BY d.code LIMIT 1`);
  const [office] = await t.sql(`SELECT id FROM post_office WHERE code = 'BD-42'`);
  const [foreignOffice] = await t.sql(`SELECT id FROM post_office WHERE code = 'BD-70'`);
  const fields = await t.sql(`SELECT id, code FROM procedure_field`);
  Object.assign(ids, { desk: desk.id, otherDesk: otherDesk.id, office: office.id, foreignOffice: foreignOffice.id });
  for (const f of fields) ids[f.code] = f.id;
  // Every day 07:00–12:00 and 13:00–17:00, two counters wanted in the morning.
  const intervals = [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => [
    { weekday, opensAt: '07:00', closesAt: '12:00', demand: 2 },
    { weekday, opensAt: '13:00', closesAt: '17:00' },
  ]);
  await run(M.hours, { deskId: ids.desk, intervals });
  ids.counter1 = (await run(M.counter, { deskId: ids.desk, number: 1, name: 'Quầy hộ tịch', fieldIds: [ids.HO_TICH] })).counter.id;
  ids.counter2 = (await run(M.counter, { deskId: ids.desk, number: 2, name: 'Quầy đất đai', fieldIds: [ids.DAT_DAI, ids.HO_TICH] })).counter.id;
  ids.counter3 = (await run(M.counter, { deskId: ids.desk, number: 3, name: 'Quầy tổng hợp', fieldIds: [] })).counter.id;
});
afterAll(() => t.close());

/** A person deployed to the desk from today, trained in hộ tịch. */
async function readyPerson(fullName: string) {
  const p = await person(fullName);
  await run(M.assign, { staffId: p.id, deskId: ids.desk, startsOn: today });
  await run(M.qualify, { staffId: p.id, fieldId: ids.HO_TICH, trainedOn: today });
  return p;
}

describe('the staff register', () => {
  it('lists the procedure fields in Vietnamese order', async () => {
    const { procedureFields } = ok(await t.gql('{ procedureFields { code name } }'));
    const names = procedureFields.map((f: { name: string }) => f.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('vi').compare));
    expect(names).toEqual(expect.arrayContaining(['Hộ tịch', 'Đất đai', 'Tư pháp', 'Giáo dục và Đào tạo', 'Xây dựng']));
  });

  it('checks the citizen ID number and shows it to the managers and administrators only, never in full in the audit trail', async () => {
    const bad = await refused(M.createStaff, { fullName: 'Nguyễn Văn A (demo)', postOfficeId: ids.office, nationalId: '123456789012' });
    expect(bad.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.extensions?.fields?.[0]?.field).toBe('nationalId');
    expect(bad.extensions?.fields?.[0]?.message).toMatch(/12 chữ số/);
    const staff = await person('Trần Thị Bình (demo)', { nationalId: '042 190 012 345', phone: '0912 345 678' });
    expect(staff.nationalId).toBe('042190012345');
    const seen = (as: string) => t.gql(`query($id: ID!) { staffMember(id: $id) { nationalId } }`, { id: staff.id }, { as });
    expect(ok(await seen('hatinh.quantri')).staffMember.nationalId).toBe('042190012345');
    expect(ok(await seen('hatinh.bcd')).staffMember.nationalId).toBeNull();
    const [entry] = await t.sql(`SELECT after FROM audit_entry WHERE entity_id = $1 AND action = 'staff.create'`, [staff.id]);
    expect(entry.after.nationalId).toBe('*********345');
    expect(JSON.stringify(entry.after)).not.toContain('042190012345');
    const again = await refused(M.createStaff, { fullName: 'Người khác', postOfficeId: ids.office, nationalId: '042190012345' });
    expect(again.extensions?.code).toBe('CONFLICT');
  });

  it('needs exactly one employer, within the province', async () => {
    expect((await refused(M.createStaff, { fullName: 'Không đơn vị' })).extensions?.fields?.[0]?.field).toBe('postOfficeId');
    const foreign = await refused(M.createStaff, { fullName: 'Khác tỉnh', postOfficeId: ids.foreignOffice });
    expect(foreign.extensions?.fields?.[0]?.field).toBe('postOfficeId');
  });

  it('finds people by name without diacritics, by desk and by field', async () => {
    await readyPerson('Lê Thị Huyền (demo)');
    const list = (filter: Record<string, unknown>) => t.gql(`query($f: StaffFilter) { staffMembers(first: 50, filter: $f) { totalCount edges { node { fullName } } } }`, { f: filter });
    const byName = ok(await list({ search: 'le thi huyen' })).staffMembers;
    expect(byName.edges.map((e: any) => e.node.fullName)).toEqual(['Lê Thị Huyền (demo)']);
    const atDesk = ok(await list({ deskId: ids.desk, fieldId: ids.HO_TICH })).staffMembers.edges.map((e: any) => e.node.fullName);
    expect(atDesk).toContain('Lê Thị Huyền (demo)');
    expect(atDesk).not.toContain('Trần Thị Bình (demo)');
  });

  it('records a training class: every attendee is qualified for its field from that day', async () => {
    const a = await person('Phạm Văn Cường (demo)');
    const b = await person('Đặng Thị Dung (demo)');
    const result = await run(M.training, { fieldId: ids.TU_PHAP, heldOn: today, place: 'Hội trường Bưu điện tỉnh', trainer: 'Sở Tư pháp', validMonths: 24, attendeeIds: [a.id, b.id] });
    expect(result.qualified).toBe(2);
    expect(result.trainingSession.attendees.map((p: any) => p.fullName)).toEqual(['Đặng Thị Dung (demo)', 'Phạm Văn Cường (demo)']);
    const { staffMember } = ok(await t.gql(`query($id: ID!) { staffMember(id: $id) { qualifications { field { code } expiresOn } } }`, { id: a.id }));
    expect(staffMember.qualifications).toEqual([{ field: { code: 'TU_PHAP' }, expiresOn: addDays(addDays(today, 0).replace(/^(\d{4})/, (y) => String(Number(y) + 2)), -1) }]);
  });
});

describe('shifts under the hard rules', () => {
  it('refuses each broken rule with CONFLICT naming it, and accepts a shift that keeps them all', async () => {
    const p = await person('Võ Thị Hạnh (demo)');
    const shift = { staffId: p.id, counterId: ids.counter1, day: day(0), startsAt: '07:00', endsAt: '12:00' };
    expect((await ruleOf(shift)).extensions.rule).toBe('NOT_ASSIGNED');
    await run(M.assign, { staffId: p.id, deskId: ids.desk, startsOn: today });
    const unqualified = await ruleOf(shift);
    expect(unqualified.extensions.rule).toBe('NOT_QUALIFIED');
    expect(unqualified.message).toMatch(/Hộ tịch/);
    await run(M.qualify, { staffId: p.id, fieldId: ids.HO_TICH, trainedOn: today, expiresOn: day(3) });
    expect((await ruleOf({ ...shift, day: day(4) })).extensions.rule).toBe('NOT_QUALIFIED'); // expired by then
    expect((await ruleOf({ ...shift, counterId: ids.counter2 })).extensions.rule).toBe('NOT_QUALIFIED'); // đất đai too
    const outside = await ruleOf({ ...shift, startsAt: '11:00', endsAt: '13:30' });
    expect(outside.extensions.rule).toBe('OUTSIDE_OPENING_HOURS');
    expect(outside.message).toMatch(/07:00–12:00/);
    const first = (await run(M.shift, shift)).shift;
    expect(first).toMatchObject({ day: day(0), startsAt: '07:00', endsAt: '12:00', status: 'PLANNED' });
    const double = await ruleOf({ ...shift, counterId: ids.counter3, startsAt: '09:00', endsAt: '11:00' });
    expect(double.extensions).toMatchObject({ rule: 'PERSON_DOUBLE_BOOKED', shiftId: first.id });
    const other = await readyPerson('Hoàng Văn Đức (demo)');
    const taken = await ruleOf({ ...shift, staffId: other.id, startsAt: '10:00', endsAt: '11:00' });
    expect(taken.extensions).toMatchObject({ rule: 'COUNTER_DOUBLE_BOOKED', shiftId: first.id });
    expect(taken.message).toMatch(/Võ Thị Hạnh/);
    const daily = await ruleOf({ ...shift, counterId: ids.counter3, startsAt: '13:00', endsAt: '17:00' });
    expect(daily.extensions.rule).toBe('DAILY_HOURS');
    await run(M.absence, { staffId: p.id, kind: 'SICK', startsOn: day(1), endsOn: day(2) });
    const absent = await ruleOf({ ...shift, day: day(1) });
    expect(absent.extensions.rule).toBe('ABSENT');
    expect(absent.extensions.absenceId).toBeTruthy();
    await run(M.exception, { deskId: ids.desk, day: day(3), note: 'Nghỉ lễ (thử nghiệm)' });
    expect((await ruleOf({ ...shift, day: day(3) })).extensions.rule).toBe('OUTSIDE_OPENING_HOURS');
  });

  it('keeps a person within 48 hours a week', async () => {
    const p = await readyPerson('Bùi Thị Giang (demo)');
    const counter = ids.counter3;
    for (let d = 0; d < 6; d += 1) {
      await run(M.shift, { staffId: p.id, counterId: counter, day: day(7 + d), startsAt: '07:00', endsAt: '12:00' });
      await run(M.shift, { staffId: p.id, counterId: counter, day: day(7 + d), startsAt: '13:00', endsAt: '16:00' });
    }
    const weekly = await ruleOf({ staffId: p.id, counterId: counter, day: day(13), startsAt: '13:00', endsAt: '14:00' });
    expect(weekly.extensions.rule).toBe('WEEKLY_HOURS');
    expect(weekly.message).toMatch(/48/);
  });

  it('books one person once when 50 managers try at the same moment: one shift, 49 CONFLICTs naming the rule', async () => {
    const p = await readyPerson('Ngô Văn Hải (demo)');
    // 50 overlapping shifts of one person on 3 counters (counter 1 and 2 need hộ tịch; 2 also đất đai).
    await run(M.qualify, { staffId: p.id, fieldId: ids.DAT_DAI, trainedOn: today });
    const counters = [ids.counter1, ids.counter2, ids.counter3];
    const attempts = Array.from({ length: 50 }, (_, i) =>
      t.gql(M.shift, { input: { staffId: p.id, counterId: counters[i % 3], day: day(20), startsAt: `${String(13 + (i % 3)).padStart(2, '0')}:00`, endsAt: '17:00' } }),
    );
    const results = await Promise.all(attempts);
    const succeeded = results.filter((r) => !r.errors);
    const rules = results.filter((r) => r.errors).map((r) => { const e = r.errors?.[0].extensions as Record<string, unknown>; return `${e.code}:${e.rule}`; });
    expect(succeeded).toHaveLength(1);
    expect(new Set(rules)).toEqual(new Set(['CONFLICT:PERSON_DOUBLE_BOOKED']));
    const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM shift WHERE staff_id = $1 AND day = $2 AND status <> 'CANCELLED'`, [p.id, day(20)]);
    expect(n).toBe(1);
  });

  it('staffs a counter once when ten people are booked onto it at the same moment', async () => {
    const people = [];
    for (let i = 0; i < 10; i += 1) people.push(await readyPerson(`Người thứ ${i + 1} (demo)`));
    const results = await Promise.all(people.map((p) => t.gql(M.shift, { input: { staffId: p.id, counterId: ids.counter1, day: day(50), startsAt: '13:00', endsAt: '17:00' } })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    const refusals = results.filter((r) => r.errors).map((r) => r.errors?.[0].extensions as Record<string, unknown> | undefined);
    expect(refusals.every((e) => e?.code === 'CONFLICT' && e?.rule === 'COUNTER_DOUBLE_BOOKED' && typeof e?.shiftId === 'string')).toBe(true);
  });

  it('holds the overlap rules in the database itself, whoever writes', async () => {
    const [a] = await t.sql(`SELECT staff_id, counter_id, desk_id, province_id, day::text AS day FROM shift WHERE day = $1 AND status <> 'CANCELLED' LIMIT 1`, [day(50)]);
    const insert = (staff: string, counter: string) =>
      t.sql(`INSERT INTO shift (staff_id, counter_id, desk_id, province_id, day, starts_at, ends_at) VALUES ($1, $2, $3, $4, $5, 840, 900)`, [staff, counter, a.desk_id, a.province_id, a.day]);
    await expect(insert(a.staff_id, ids.counter3)).rejects.toMatchObject({ code: '23P01', constraint: 'shift_person_one_place' });
    const [other] = await t.sql(`SELECT id FROM staff WHERE id <> $1 LIMIT 1`, [a.staff_id]);
    await expect(insert(other.id, a.counter_id)).rejects.toMatchObject({ code: '23P01', constraint: 'shift_counter_one_person' });
  });
});

describe('a week of the roster', () => {
  it('publishes all or nothing, shows the collisions of a later absence, swaps and keeps the history of published shifts', async () => {
    const a = await readyPerson('Đinh Thị Lan (demo)');
    const b = await readyPerson('Cao Văn Minh (demo)');
    const week = day(21);
    const s1 = (await run(M.shift, { staffId: a.id, counterId: ids.counter1, day: week, startsAt: '07:00', endsAt: '12:00' })).shift;
    const s2 = (await run(M.shift, { staffId: b.id, counterId: ids.counter3, day: addDays(week, 1), startsAt: '13:00', endsAt: '17:00' })).shift;
    // b is away on a day of the week: the whole week stays planned.
    await run(M.absence, { staffId: b.id, kind: 'LEAVE', startsOn: addDays(week, 1), endsOn: addDays(week, 1) });
    const blocked = await refused(M.publish, { deskId: ids.desk, week });
    expect(blocked.extensions).toMatchObject({ code: 'CONFLICT', rule: 'ABSENT' });
    const [{ published }] = await t.sql(`SELECT count(*)::int AS published FROM shift WHERE id = ANY($1::uuid[]) AND status = 'PUBLISHED'`, [[s1.id, s2.id]]);
    expect(published).toBe(0);
    await run(M.cancel, { id: s2.id, version: s2.version, reason: 'Nghỉ phép' });
    const done = await run(M.publish, { deskId: ids.desk, week });
    expect(done.shifts).toEqual([{ id: s1.id, status: 'PUBLISHED' }]);
    // An absence recorded later says which published shift it collides with.
    const later = await run(M.absence, { staffId: a.id, kind: 'TRAINING', startsOn: week, endsOn: week });
    expect(later.absence.collidingShifts.map((s: any) => s.id)).toEqual([s1.id]);
    // b takes a's published shift over by a swap with a planned one of b.
    const s3 = (await run(M.shift, { staffId: b.id, counterId: ids.counter3, day: addDays(week, 2), startsAt: '07:00', endsAt: '12:00' })).shift;
    const swapped = await run(M.swap, { firstId: s1.id, secondId: s3.id, reason: 'Đổi ca do tập huấn' });
    // a is away on s1's day: the swap is refused as a whole, unless a's new shift is a day a is present
    expect(swapped.shifts.map((s: any) => s.staff.fullName)).toEqual(['Cao Văn Minh (demo)', 'Đinh Thị Lan (demo)']);
    expect(swapped.shifts[0].revisions).toEqual([{ change: 'SWAPPED', reason: 'Đổi ca do tập huấn', startsAt: '07:00', status: 'PUBLISHED' }]);
    const back = await refused(M.swap, { firstId: s1.id, secondId: s3.id });
    expect(back.extensions).toMatchObject({ code: 'CONFLICT', rule: 'ABSENT' });
  });

  it('copies a week, listing what it could not copy and why', async () => {
    const a = await readyPerson('Lý Thị Nga (demo)');
    const from = day(28);
    await run(M.shift, { staffId: a.id, counterId: ids.counter1, day: from, startsAt: '07:00', endsAt: '12:00' });
    await run(M.shift, { staffId: a.id, counterId: ids.counter1, day: addDays(from, 1), startsAt: '07:00', endsAt: '12:00' });
    await run(M.absence, { staffId: a.id, kind: 'LEAVE', startsOn: addDays(from, 8), endsOn: addDays(from, 8) });
    const copied = await run(M.copy, { deskId: ids.desk, fromWeek: from, toWeek: addDays(from, 7) });
    expect(copied.shifts.map((s: any) => s.day)).toEqual([addDays(from, 7)]);
    expect(copied.skipped).toEqual([{ rule: 'ABSENT', message: expect.stringMatching(/vắng mặt/), shift: { day: addDays(from, 1) } }]);
  });

  it('shows the coverage of a week: staffed against demanded counters, gaps listed', async () => {
    const { oneStopDesk } = ok(await t.gql(`query($id: ID!, $from: Date!, $to: Date!) { oneStopDesk(id: $id) { coverage(from: $from, to: $to) { demanded staffed gaps slots { day opensAt demanded staffed gap } } } }`, { id: ids.desk, from: day(28), to: day(28) }));
    const morning = oneStopDesk.coverage.slots.find((s: any) => s.opensAt === '07:00');
    expect(morning).toEqual({ day: day(28), opensAt: '07:00', demanded: 2, staffed: 1, gap: 1 });
    const afternoon = oneStopDesk.coverage.slots.find((s: any) => s.opensAt === '13:00');
    expect(afternoon).toMatchObject({ demanded: 3, staffed: 0, gap: 3 });
  });

  it('shows a clerk their own published shifts', async () => {
    // The demo clerk is one of the provincial centre's staff (demo seed); deployed here too for this test.
    const me = ok(await t.gql('{ myStaffRecord { id fullName } }', {}, { as: 'hatinh.quay' })).myStaffRecord;
    expect(me.fullName).toMatch(/\(demo\)$/);
    await run(M.assign, { staffId: me.id, deskId: ids.desk, startsOn: today });
    const s = (await run(M.shift, { staffId: me.id, counterId: ids.counter3, day: day(35), startsAt: '13:00', endsAt: '17:00' })).shift;
    const mine = () => t.gql(`query($from: Date!, $to: Date!) { myShifts(from: $from, to: $to) { id status } }`, { from: day(35), to: day(41) }, { as: 'hatinh.quay' });
    expect(ok(await mine()).myShifts).toEqual([]); // planned only: not shown yet
    await run(M.publish, { deskId: ids.desk, week: day(35) });
    expect(ok(await mine()).myShifts).toEqual([{ id: s.id, status: 'PUBLISHED' }]);
    const others = ok(await t.gql(`query($from: Date!, $to: Date!) { myShifts(from: $from, to: $to) { id } }`, { from: day(35), to: day(41) }, { as: 'hatinh.bcd' })).myShifts;
    expect(others).toEqual([]); // no staff record: nothing
  });
});

describe('the demo week', () => {
  it('staffs the pilot desks this week within every hard rule', async () => {
    const monday = addDays(today, 1 - weekday);
    const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM shift s JOIN one_stop_desk d ON d.id = s.desk_id WHERE d.code IN ('42-TTPVHCC-MC', '60-UBND-599-MC') AND s.day BETWEEN $1 AND $2 AND s.status = 'PUBLISHED'`, [monday, addDays(monday, 6)]);
    expect(n).toBeGreaterThan(40);
    const broken = await t.sql(`
      WITH seeded AS (SELECT s.* FROM shift s JOIN one_stop_desk d ON d.id = s.desk_id WHERE d.code IN ('42-TTPVHCC-MC', '42-UBND-446-MC', '42-UBND-447-MC', '42-UBND-18760-MC', '60-UBND-599-MC'))
      SELECT s.id, 'not assigned' AS why FROM seeded s WHERE NOT EXISTS (SELECT 1 FROM staff_assignment a WHERE a.staff_id = s.staff_id AND a.desk_id = s.desk_id AND a.starts_on <= s.day AND (a.ends_on IS NULL OR a.ends_on >= s.day))
      UNION ALL SELECT s.id, 'absent' FROM seeded s WHERE EXISTS (SELECT 1 FROM absence b WHERE b.staff_id = s.staff_id AND s.day BETWEEN b.starts_on AND b.ends_on)
      UNION ALL SELECT s.id, 'not qualified' FROM seeded s JOIN counter c ON c.id = s.counter_id, unnest(c.field_ids) f
        WHERE NOT EXISTS (SELECT 1 FROM qualification q WHERE q.staff_id = s.staff_id AND q.field_id = f AND q.trained_on <= s.day AND (q.expires_on IS NULL OR q.expires_on >= s.day))
      UNION ALL SELECT s.id, 'outside hours' FROM seeded s WHERE NOT EXISTS (SELECT 1 FROM opening_hours h WHERE h.desk_id = s.desk_id AND h.weekday = extract(isodow FROM s.day) AND h.opens_at <= s.starts_at AND h.closes_at >= s.ends_at)
      UNION ALL SELECT min(s.id::text)::uuid, 'over 8 h' FROM seeded s GROUP BY s.staff_id, s.day HAVING sum(s.ends_at - s.starts_at) > 480
      UNION ALL SELECT min(s.id::text)::uuid, 'over 48 h' FROM seeded s GROUP BY s.staff_id, date_trunc('week', s.day) HAVING sum(s.ends_at - s.starts_at) > 2880`);
    expect(broken).toEqual([]);
    const [{ classes, attendees }] = await t.sql(`SELECT count(DISTINCT t.id)::int AS classes, count(q.id)::int AS attendees FROM training_session t JOIN qualification q ON q.training_session_id = t.id WHERE t.place LIKE '%Tánh Linh%'`);
    expect({ classes, attendees }).toEqual({ classes: 6, attendees: 400 });
  });
});

describe('another province', () => {
  it('sees none of it and cannot roster, by any path', async () => {
    const p = await readyPerson('Người Hà Tĩnh (demo)');
    const as = 'binhphuoc.buudien';
    expect(ok(await t.gql(`query($id: ID!) { staffMember(id: $id) { id } }`, { id: p.id }, { as })).staffMember).toBeNull();
    const list = ok(await t.gql(`{ staffMembers(first: 100) { edges { node { id } } } }`, {}, { as })).staffMembers.edges;
    expect(list.map((e: any) => e.node.id)).not.toContain(p.id);
    const shift = await refused(M.shift, { staffId: p.id, counterId: ids.counter1, day: day(42), startsAt: '07:00', endsAt: '12:00' }, as);
    expect(shift.extensions?.code).toBe('BAD_USER_INPUT');
    // Another province's desk is not found, as if it did not exist (the field named).
    for (const [mutation, input] of [
      [M.counter, { deskId: ids.desk, number: 9, name: 'Quầy lạ', fieldIds: [] }],
      [M.publish, { deskId: ids.desk, week: day(0) }],
      [M.hours, { deskId: ids.desk, intervals: [] }],
      [M.copy, { deskId: ids.desk, fromWeek: day(0), toWeek: day(7) }],
    ] as const) {
      const error = await refused(mutation, input, as);
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'deskId' })] });
    }
    const hours = await t.gql(`query($id: ID!) { oneStopDesk(id: $id) { openingHours { weekday } } }`, { id: ids.desk }, { as });
    expect(ok(hours).oneStopDesk).toBeNull();
    const desk = ok(await t.gql(`query($id: ID!) { oneStopDesk(id: $id) { id } }`, { id: ids.desk }, { as })).oneStopDesk;
    expect(desk).toBeNull();
    const clerk = await refused(M.shift, { staffId: p.id, counterId: ids.counter1, day: day(42), startsAt: '07:00', endsAt: '12:00' }, 'hatinh.quay');
    expect(clerk.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('auto-fill', () => {
  const JOB = `id status stage seconds error proposal { demanded unfilled bound gapPct spreadHours quality unmet { day missing reason } shifts { staffId counterId deskId day startsAt endsAt } }`;
  async function finished(id: string, as = MANAGER) {
    for (let i = 0; i < 240; i += 1) {
      const { rosterAutoFillJob } = ok(await t.gql(`query($id: ID!) { rosterAutoFillJob(id: $id) { ${JOB} } }`, { id }, { as }));
      if (!['QUEUED', 'RUNNING'].includes(rosterAutoFillJob.status)) return rosterAutoFillJob;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error('auto-fill did not finish in a minute');
  }

  it('proposes a week for a commune desk within every rule, shows its score, and saves it as planned shifts once accepted', async () => {
    const [desk] = await t.sql(`SELECT id FROM one_stop_desk WHERE code = '42-UBND-18760-MC'`);
    const next = day(56); // a Monday with nothing planned yet
    const started = await run(`mutation($input: StartRosterAutoFillInput!) { startRosterAutoFill(input: $input) { job { id status } } }`, { deskId: desk.id, from: next, to: addDays(next, 4) });
    expect(['QUEUED', 'RUNNING']).toContain(started.job.status);
    // Another province's manager cannot see the job, nor accept it.
    expect(ok(await t.gql(`query($id: ID!) { rosterAutoFillJob(id: $id) { id } }`, { id: started.job.id }, { as: 'binhphuoc.buudien' })).rosterAutoFillJob).toBeNull();
    const job = await finished(started.job.id);
    expect(job).toMatchObject({ status: 'DONE', error: null });
    // Kỳ Bắc: one counter (hộ tịch), two slots a day, Monday to Friday; the demo's second person holds an expired certificate.
    expect(job.proposal).toMatchObject({ demanded: 10, unfilled: 0, bound: 0, gapPct: 0, quality: 'OPTIMAL', unmet: [] });
    expect(job.proposal.shifts).toHaveLength(10);
    const foreign = await refused(`mutation($input: RosterProposalInput!) { acceptRosterProposal(input: $input) { shifts { id } } }`, { jobId: job.id }, 'binhphuoc.buudien');
    expect(foreign.extensions?.fields?.[0]?.field).toBe('jobId');
    const accepted = await run(`mutation($input: RosterProposalInput!) { acceptRosterProposal(input: $input) { job { status } shifts { id status day } } }`, { jobId: job.id });
    expect(accepted.job.status).toBe('ACCEPTED');
    expect(accepted.shifts.map((s: any) => s.status)).toEqual(Array(10).fill('PLANNED'));
    const coverage = ok(await t.gql(`query($id: ID!, $from: Date!, $to: Date!) { oneStopDesk(id: $id) { coverage(from: $from, to: $to) { demanded staffed gaps } } }`, { id: desk.id, from: next, to: addDays(next, 4) })).oneStopDesk.coverage;
    expect(coverage).toEqual({ demanded: 10, staffed: 10, gaps: 0 });
    const again = await refused(`mutation($input: RosterProposalInput!) { acceptRosterProposal(input: $input) { shifts { id } } }`, { jobId: job.id });
    expect(again.extensions?.code).toBe('CONFLICT');
  });

  it('says which demand cannot be met and why', async () => {
    const [desk] = await t.sql(`SELECT id FROM one_stop_desk WHERE code = '42-UBND-18760-MC'`);
    // The week after: the only qualified person is away on the Monday.
    const monday = day(63);
    const [{ staff_id: who }] = await t.sql(`SELECT staff_id FROM shift WHERE desk_id = $1 AND day = $2 LIMIT 1`, [desk.id, day(56)]);
    await run(M.absence, { staffId: who, kind: 'SICK', startsOn: monday, endsOn: monday });
    const started = await run(`mutation($input: StartRosterAutoFillInput!) { startRosterAutoFill(input: $input) { job { id } } }`, { deskId: desk.id, from: monday, to: addDays(monday, 1) });
    const job = await finished(started.job.id);
    expect(job.proposal).toMatchObject({ demanded: 4, unfilled: 2, bound: 2, quality: 'INFEASIBLE_DEMAND' });
    expect(job.proposal.unmet.every((u: any) => u.day === monday && ['ALL_ABSENT', 'NO_QUALIFIED_STAFF'].includes(u.reason))).toBe(true);
    await run(`mutation($input: RosterProposalInput!) { discardRosterProposal(input: $input) { job { status } } }`, { jobId: job.id });
  });
});

describe('the calendar feed', () => {
  const ISSUE = `mutation($input: CalendarFeedInput!) { issueCalendarFeed(input: $input) { path staff { hasCalendarFeed } } }`;
  const REVOKE = `mutation($input: CalendarFeedInput!) { revokeCalendarFeed(input: $input) { staff { hasCalendarFeed } } }`;

  it('serves a person’s published shifts as iCalendar at a secret address, for their phone; a new address revokes the old', async () => {
    const me = ok(await t.gql('{ myStaffRecord { id } }', {}, { as: 'hatinh.quay' })).myStaffRecord;
    // The clerk issues their own feed; another clerk's record is not theirs to issue.
    const issued = await run(ISSUE, { staffId: me.id }, 'hatinh.quay');
    expect(issued.path).toMatch(/^\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(issued.staff.hasCalendarFeed).toBe(true);
    const res = await t.http().get(issued.path);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    const ics: string = res.text;
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain('TZID:Asia/Ho_Chi_Minh');
    const [published] = await t.sql(`SELECT s.day::text AS day, s.starts_at, c.number FROM shift s JOIN counter c ON c.id = s.counter_id WHERE s.staff_id = $1 AND s.status = 'PUBLISHED' ORDER BY s.day, s.starts_at LIMIT 1`, [me.id]);
    const hhmm = `${String(Math.floor(published.starts_at / 60)).padStart(2, '0')}${String(published.starts_at % 60).padStart(2, '0')}00`;
    expect(ics).toContain(`DTSTART;TZID=Asia/Ho_Chi_Minh:${published.day.replace(/-/g, '')}T${hhmm}`);
    expect(ics).toContain(`SUMMARY:Ca trực quầy ${published.number}`);
    expect(ics.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    // Planned shifts stay off the phone until published.
    const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM shift WHERE staff_id = $1 AND status = 'PUBLISHED' AND day BETWEEN $2 AND $3`, [me.id, addDays(today, -30), addDays(today, 120)]);
    expect((ics.match(/BEGIN:VEVENT/g) ?? []).length).toBe(n);
    const again = await run(ISSUE, { staffId: me.id }, MANAGER);
    expect((await t.http().get(issued.path)).status).toBe(404);
    expect((await t.http().get(again.path)).status).toBe(200);
    expect((await run(REVOKE, { staffId: me.id })).staff.hasCalendarFeed).toBe(false);
    expect((await t.http().get(again.path)).status).toBe(404);
    const [{ id: other }] = await t.sql(`SELECT id FROM staff WHERE id <> $1 AND province_id = (SELECT province_id FROM staff WHERE id = $1) LIMIT 1`, [me.id]);
    expect((await refused(ISSUE, { staffId: other }, 'hatinh.quay')).extensions?.code).toBe('FORBIDDEN');
    expect((await t.http().get('/calendar/not-a-secret.ics')).status).toBe(404);
  });
});
