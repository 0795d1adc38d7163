/**
 * The working-day calendar: weekends, the public holidays (date-holidays: Tết and the Hùng Kings' day
 * by the lunar calendar) and the official adjustments seeded for 2019–2027; due dates in working days
 * and office hours (WorkingDayService, which the dossiers call); the calendar of a year over GraphQL;
 * its adjustments kept by national administrators only, each write audited, and seen at once.
 */
import Holidays from 'date-holidays';
import { DataSource } from 'typeorm';
import { CALENDAR_ADJUSTMENTS } from '../src/migrations/1764300000000-working-calendar';
import { WorkingDayService } from '../src/modules/working-days/working-day.service';
import { audited } from './audit-trail';
import { failure, ok, startTestApp, type TestApp } from './harness';

let t: TestApp;
let service: WorkingDayService;

const ADJUSTMENT = 'id date kind name legalBasis version';
const M = {
  create: `mutation($input: CreateCalendarAdjustmentInput!) { createCalendarAdjustment(input: $input) { calendarAdjustment { ${ADJUSTMENT} } } }`,
  update: `mutation($input: UpdateCalendarAdjustmentInput!) { updateCalendarAdjustment(input: $input) { calendarAdjustment { ${ADJUSTMENT} } } }`,
  delete: `mutation($input: DeleteCalendarAdjustmentInput!) { deleteCalendarAdjustment(input: $input) { id } } `,
};
const CALENDAR = `query($year: Int!) { workingCalendar(year: $year) { date kind name id legalBasis version } }`;
type Day = { date: string; kind: string; name: string; id: string | null; legalBasis: string | null; version: number | null };
const calendar = async (year: number, as = 'admin', lang?: string) => ok(await t.gql(CALENDAR, { year }, { as, lang })).workingCalendar as Day[];
const refused = async (query: string, input: Record<string, unknown>, as: string | null = 'admin') => failure(await t.gql(query, { input }, { as }));
const fieldsOf = (error: { extensions: { fields?: Array<{ field: string }> } }) => error.extensions.fields?.map((f) => f.field);
/** A moment given as Vietnam's wall clock (UTC+7). */
const vn = (local: string) => new Date(`${local}:00+07:00`);

beforeAll(async () => {
  t = await startTestApp({ signInAs: 'admin' });
  service = t.app.container.get(WorkingDayService);
});
afterAll(() => t.close());

describe('the calendar', () => {
  const off = async (days: string[]) => Promise.all(days.map((d) => service.isWorkingDay(d)));

  it('Tết 2026: civil servants off from Saturday 14/02 to Sunday 22/02, back on Monday 23/02', async () => {
    const tet = ['2026-02-14', '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22'];
    expect(await off(tet)).toEqual(tet.map(() => false));
    expect(await service.isWorkingDay('2026-02-13')).toBe(true);
    expect(await service.isWorkingDay('2026-02-23')).toBe(true);
  });

  it('the Hùng Kings’ day by the lunar calendar, with its substitute day when it falls on a Sunday', async () => {
    expect(await service.isWorkingDay('2025-04-07')).toBe(false); // a Monday, 10/3 Ất Tỵ
    expect(await service.isWorkingDay('2024-04-18')).toBe(false); // a Thursday, 10/3 Giáp Thìn
    expect(await off(['2026-04-26', '2026-04-27'])).toEqual([false, false]); // Sunday 10/3 Bính Ngọ, and Monday in its place
    expect(await service.isWorkingDay('2026-04-28')).toBe(true);
  });

  it('a swapped Saturday is a working day, the weekday swapped is not', async () => {
    expect(await service.isWorkingDay('2026-01-10')).toBe(true);
    expect(await service.isWorkingDay('2026-01-02')).toBe(false);
    expect(await service.isWorkingDay('2024-05-04')).toBe(true);
    expect(await service.isWorkingDay('2024-04-29')).toBe(false);
    expect(await service.isWorkingDay('2026-01-17')).toBe(false); // an ordinary Saturday
  });

  it('every seeded adjustment obeys the rules an administrator’s would (a day off on a working day, a working day on a day off, one per day)', () => {
    const holidays = new Holidays('VN');
    const plainOff = (day: string) => [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay()) || holidays.getHolidays(Number(day.slice(0, 4))).some((h) => h.type === 'public' && h.date.startsWith(day));
    expect(CALENDAR_ADJUSTMENTS.filter(([day, kind]) => (kind === 'DAY_OFF') === plainOff(day))).toEqual([]);
    expect(new Set(CALENDAR_ADJUSTMENTS.map(([day]) => day)).size).toBe(CALENDAR_ADJUSTMENTS.length);
  });

  it('every seeded year 2019–2027 has its adjustments, and each of them changes the plain calendar', async () => {
    for (let year = 2019; year <= 2027; year += 1) {
      const days = await calendar(year);
      expect(days.filter((d) => d.kind === 'PUBLIC_HOLIDAY').length).toBeGreaterThanOrEqual(7);
      expect(days.filter((d) => d.kind !== 'PUBLIC_HOLIDAY').length).toBeGreaterThan(0);
      for (const d of days.filter((x) => x.kind !== 'PUBLIC_HOLIDAY')) expect(await service.isWorkingDay(d.date)).toBe(d.kind === 'WORKING_DAY');
    }
  });
});

describe('due dates', () => {
  it('counts working days after the reception day: across a weekend, Tết and a swapped working Saturday', async () => {
    expect(await service.addWorkingDays('2026-03-06', 1)).toBe('2026-03-09'); // Friday → Monday
    expect(await service.addWorkingDays('2026-03-06', 5)).toBe('2026-03-13');
    expect(await service.addWorkingDays('2026-03-07', 1)).toBe('2026-03-09'); // received on a Saturday: Monday is the first day
    expect(await service.addWorkingDays('2026-02-12', 3)).toBe('2026-02-24'); // Thursday before Tết: 13/02, 23/02, 24/02
    expect(await service.addWorkingDays('2026-01-08', 2)).toBe('2026-01-10'); // 09/01, then the working Saturday
    expect(await service.addWorkingDays('2026-01-08', 3)).toBe('2026-01-12');
    expect(await service.addWorkingDays('2025-12-31', 1)).toBe('2026-01-05'); // 1/1 holiday, 2/1 swapped off, weekend
    expect(await service.addWorkingDays('2026-03-06', 0)).toBe('2026-03-06');
    await expect(service.addWorkingDays('2026-03-06', -1)).rejects.toThrow(RangeError);
  });

  it('counts working days between two days the same way', async () => {
    expect(await service.workingDaysBetween('2026-02-12', '2026-02-24')).toBe(3);
    expect(await service.workingDaysBetween('2026-02-24', '2026-02-12')).toBe(-3);
    expect(await service.workingDaysBetween('2026-01-08', '2026-01-12')).toBe(3);
    expect(await service.workingDaysBetween('2026-03-06', '2026-03-06')).toBe(0);
    for (const [from, n] of [['2026-02-10', 7], ['2025-12-29', 4], ['2019-04-26', 6]] as const) {
      expect(await service.workingDaysBetween(from, await service.addWorkingDays(from, n))).toBe(n);
    }
  });

  it('counts office hours 07:30–11:30 and 13:30–17:00, Vietnam time, on working days', async () => {
    // Across lunch: Tuesday 10:30 + 2 h = 14:30.
    expect(await service.addWorkingHours(vn('2026-03-10T10:30'), 2)).toEqual(vn('2026-03-10T14:30'));
    // From the lunch break: the count starts at 13:30.
    expect(await service.addWorkingHours(vn('2026-03-10T12:00'), 0.5)).toEqual(vn('2026-03-10T14:00'));
    // Overnight: 16:00 + 2 h = 08:30 the next morning.
    expect(await service.addWorkingHours(vn('2026-03-10T16:00'), 2)).toEqual(vn('2026-03-11T08:30'));
    // Ending at a closing: 17:00 that day, not the next opening.
    expect(await service.addWorkingHours(vn('2026-03-10T16:00'), 1)).toEqual(vn('2026-03-10T17:00'));
    // Over a weekend: Friday 16:30 + 1 h = Monday 08:00; Friday evening + 1 h = Monday 08:30.
    expect(await service.addWorkingHours(vn('2026-03-13T16:30'), 1)).toEqual(vn('2026-03-16T08:00'));
    expect(await service.addWorkingHours(vn('2026-03-13T20:00'), 1)).toEqual(vn('2026-03-16T08:30'));
    // A full working day is 7.5 hours: Monday 07:30 + 7.5 h = 17:00.
    expect(await service.addWorkingHours(vn('2026-03-16T07:30'), 7.5)).toEqual(vn('2026-03-16T17:00'));
    // Over Tết: Friday 13/02 16:00 + 2 h = Monday 23/02 08:30; and on the working Saturday 10/01.
    expect(await service.addWorkingHours(vn('2026-02-13T16:00'), 2)).toEqual(vn('2026-02-23T08:30'));
    expect(await service.addWorkingHours(vn('2026-01-09T16:00'), 2)).toEqual(vn('2026-01-10T08:30'));
  });

  it('runs every query on the transaction it is given (the embedded database has one connection)', async () => {
    service.forget();
    const due = await t.app.container.get(DataSource).transaction(async (m) => {
      await m.query('SELECT 1');
      return [await service.addWorkingDays('2026-02-12', 3, m), await service.isWorkingDay('2027-02-09', m), await service.workingDaysBetween('2026-01-08', '2026-01-12', m)];
    });
    expect(due).toEqual(['2026-02-24', false, 3]);
  });
});

describe('the calendar of a year over GraphQL', () => {
  it('lists the public holidays and the adjustments of the year, in order, to every signed-in user', async () => {
    const days = await calendar(2026, 'hatinh.quay');
    expect(days.map((d) => d.date)).toEqual([...days.map((d) => d.date)].sort());
    expect(days.find((d) => d.date === '2026-02-17')).toEqual({ date: '2026-02-17', kind: 'PUBLIC_HOLIDAY', name: 'Tết Nguyên Đán', id: null, legalBasis: null, version: null });
    expect(days.find((d) => d.date === '2026-04-26')).toMatchObject({ kind: 'PUBLIC_HOLIDAY', name: 'Giỗ tổ Hùng Vương' });
    expect(days.find((d) => d.date === '2026-02-18')).toMatchObject({ kind: 'DAY_OFF', name: 'Nghỉ Tết Nguyên đán', id: expect.any(String), version: 1 });
    expect(days.find((d) => d.date === '2026-01-10')).toMatchObject({ kind: 'WORKING_DAY', legalBasis: expect.stringContaining('12729/VPCP-KGVX'), version: 1 });
    // Only days that differ: no ordinary weekend.
    expect(days.find((d) => d.date === '2026-01-17')).toBeUndefined();
    // In English where date-holidays has the name; adjustments stay Vietnamese.
    const en = await calendar(2026, 'hatinh.quay', 'en');
    expect(en.find((d) => d.date === '2026-02-17')?.name).toBe('Vietnamese New Year');
    expect(en.find((d) => d.date === '2026-02-18')?.name).toBe('Nghỉ Tết Nguyên đán');
  });

  it('refuses a year outside 2019–2100 (BAD_USER_INPUT naming year) and the anonymous', async () => {
    for (const year of [2018, 2101]) {
      const error = failure(await t.gql(CALENDAR, { year }));
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(fieldsOf(error)).toEqual(['year']);
    }
    expect(failure(await t.gql(CALENDAR, { year: 2026 }, { as: null })).extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('the national administrator keeps the adjustments', () => {
  it('adds, changes and removes an adjustment, each write audited, and the due dates see it at once', async () => {
    // Warm the cache of 2030 first: the write must drop it.
    expect(await service.isWorkingDay('2030-03-05')).toBe(true);
    expect(await service.addWorkingDays('2030-03-04', 1)).toBe('2030-03-05');

    const created = await audited(t, async () =>
      ok(await t.gql(M.create, { input: { date: '2030-03-05', kind: 'DAY_OFF', name: '  Nghỉ thử nghiệm ', legalBasis: 'Thông báo thử' } })).createCalendarAdjustment.calendarAdjustment,
    );
    expect(created.result).toMatchObject({ date: '2030-03-05', kind: 'DAY_OFF', name: 'Nghỉ thử nghiệm', legalBasis: 'Thông báo thử', version: 1 });
    expect(created.entries.filter((e) => e.entityType === 'CalendarAdjustment')).toEqual([
      expect.objectContaining({ action: 'calendarAdjustment.create', entityId: created.result.id, after: expect.objectContaining({ date: '2030-03-05', kind: 'DAY_OFF' }) }),
    ]);
    expect(await service.isWorkingDay('2030-03-05')).toBe(false);
    expect(await service.addWorkingDays('2030-03-04', 1)).toBe('2030-03-06');

    // Moved to a Saturday as a working day.
    const updated = await audited(t, async () =>
      ok(await t.gql(M.update, { input: { id: created.result.id, version: 1, date: '2030-03-09', kind: 'WORKING_DAY', name: 'Làm bù thử' } })).updateCalendarAdjustment.calendarAdjustment,
    );
    expect(updated.result).toMatchObject({ date: '2030-03-09', kind: 'WORKING_DAY', name: 'Làm bù thử', version: 2 });
    expect(updated.entries.filter((e) => e.entityType === 'CalendarAdjustment')).toEqual([
      expect.objectContaining({ action: 'calendarAdjustment.update', before: expect.objectContaining({ date: '2030-03-05' }), after: expect.objectContaining({ date: '2030-03-09' }) }),
    ]);
    expect(await service.isWorkingDay('2030-03-05')).toBe(true);
    expect(await service.isWorkingDay('2030-03-09')).toBe(true);
    expect((await calendar(2030)).find((d) => d.date === '2030-03-09')).toMatchObject({ kind: 'WORKING_DAY', id: created.result.id, version: 2 });

    // A stale version: CONFLICT, nothing changed.
    expect((await refused(M.update, { id: created.result.id, version: 1, name: 'Cũ' })).extensions.code).toBe('CONFLICT');
    expect((await refused(M.delete, { id: created.result.id, version: 1 })).extensions.code).toBe('CONFLICT');
    expect((await t.sql(`SELECT name, version FROM calendar_adjustment WHERE id = $1`, [created.result.id]))[0]).toEqual({ name: 'Làm bù thử', version: 2 });

    const removed = await audited(t, async () => ok(await t.gql(M.delete, { input: { id: created.result.id, version: 2 } })).deleteCalendarAdjustment);
    expect(removed.result).toEqual({ id: created.result.id });
    expect(removed.entries.filter((e) => e.entityType === 'CalendarAdjustment')).toEqual([
      expect.objectContaining({ action: 'calendarAdjustment.delete', entityId: created.result.id, before: expect.objectContaining({ date: '2030-03-09' }), after: null }),
    ]);
    expect(await service.isWorkingDay('2030-03-09')).toBe(false);
    expect((await refused(M.delete, { id: created.result.id, version: 2 })).extensions.code).toBe('NOT_FOUND');
  });

  it('refuses what does not make sense, naming the field, and writes nothing', async () => {
    const before = await t.sql(`SELECT count(*)::int AS n FROM calendar_adjustment`);
    const audit = await t.sql(`SELECT count(*)::int AS n FROM audit_entry WHERE entity_type = 'CalendarAdjustment'`);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ date: '2018-06-01', kind: 'DAY_OFF', name: 'Trước 2019' }, 'date'], // before 2019
      [{ date: '2030-03-09', kind: 'DAY_OFF', name: 'Thứ Bảy' }, 'date'], // already off: a Saturday
      [{ date: '2030-09-02', kind: 'DAY_OFF', name: 'Quốc khánh' }, 'date'], // already off: a public holiday
      [{ date: '2030-03-06', kind: 'WORKING_DAY', name: 'Thứ Tư' }, 'date'], // already a working day
      [{ date: '2026-02-18', kind: 'DAY_OFF', name: 'Trùng ngày' }, 'date'], // a day that has an adjustment
      [{ date: '2030-03-06', kind: 'DAY_OFF', name: '   ' }, 'name'],
    ];
    for (const [input, field] of cases) {
      const error = await refused(M.create, input);
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(fieldsOf(error)).toEqual([field]);
    }
    // After 2100, the date itself is refused (the Date scalar's bounds), naming it.
    const late = await refused(M.create, { date: '2101-01-03', kind: 'DAY_OFF', name: 'Sau 2100' });
    expect(late.extensions.code).toBe('BAD_USER_INPUT');
    expect(fieldsOf(late)?.[0]).toMatch(/date$/);

    // An update is held to the same rules: another adjustment's day, a working day made a working day.
    const [tet] = await t.sql(`SELECT id, version FROM calendar_adjustment WHERE day = '2026-02-19'`);
    const moved = await refused(M.update, { id: tet.id, version: tet.version, date: '2026-02-18' });
    expect([moved.extensions.code, fieldsOf(moved)]).toEqual(['BAD_USER_INPUT', ['date']]);
    const kind = await refused(M.update, { id: tet.id, version: tet.version, kind: 'WORKING_DAY' });
    expect([kind.extensions.code, fieldsOf(kind)]).toEqual(['BAD_USER_INPUT', ['date']]);
    // Vietnamese by default.
    expect(kind.extensions.fields?.[0].message).toBe('Ngày 19/02/2026 đã là ngày làm việc.');

    expect(await t.sql(`SELECT count(*)::int AS n FROM calendar_adjustment`)).toEqual(before);
    expect(await t.sql(`SELECT count(*)::int AS n FROM audit_entry WHERE entity_type = 'CalendarAdjustment'`)).toEqual(audit);
  });
});

describe('nobody else keeps them', () => {
  it('refuses a province’s administrator and manager (FORBIDDEN) and the anonymous (UNAUTHENTICATED), changing nothing', async () => {
    const [row] = await t.sql(`SELECT id, version FROM calendar_adjustment WHERE day = '2026-01-10'`);
    const state = async () => t.sql(`SELECT day::text, kind, name, legal_basis, version FROM calendar_adjustment ORDER BY day`);
    const before = await state();
    for (const who of ['hatinh.quantri', 'hatinh.buudien', 'hatinh.bcd']) {
      expect((await refused(M.create, { date: '2030-03-07', kind: 'DAY_OFF', name: 'Riêng Hà Tĩnh' }, who)).extensions.code).toBe('FORBIDDEN');
      expect((await refused(M.update, { id: row.id, version: row.version, name: 'Đổi' }, who)).extensions.code).toBe('FORBIDDEN');
      expect((await refused(M.delete, { id: row.id, version: row.version }, who)).extensions.code).toBe('FORBIDDEN');
    }
    expect((await refused(M.create, { date: '2030-03-07', kind: 'DAY_OFF', name: 'Ẩn danh' }, null)).extensions.code).toBe('UNAUTHENTICATED');
    expect((await refused(M.delete, { id: row.id, version: row.version }, null)).extensions.code).toBe('UNAUTHENTICATED');
    expect(await state()).toEqual(before);
    // They still read the calendar.
    expect((await calendar(2026, 'hatinh.quantri')).length).toBeGreaterThan(10);
  });
});
