import Holidays from 'date-holidays';
import { DataSource, type EntityManager } from 'typeorm';
import { forbidden, isNational, requireRole, requireSignedIn } from '../../platform/authz';
import { Injectable } from '../../platform/container';
import { staleVersion } from '../../platform/database/versioned';
import { badInput, notFound, sqlState, type Bilingual } from '../../platform/errors';
import type { Actor } from '../../platform/graphql/context';
import { addDays, isIsoDate, shownDay } from '../../platform/graphql/scalars';
import { currentRequest, type Lang } from '../../platform/request-context';
import { requiredText } from '../../platform/text';
import { AuditService } from '../audit/audit.service';
import { CalendarAdjustment, CalendarAdjustmentKind, CalendarDayKind, OFFICE_HOURS, type CalendarDay } from './working-day.entity';
import type { CreateCalendarAdjustmentInput, DeleteCalendarAdjustmentInput, UpdateCalendarAdjustmentInput } from './working-day.inputs';

/** The years the calendar is kept for: adjustments are seeded from 2019, and no date of the product lies past 2100. */
export const FIRST_CALENDAR_YEAR = 2019;
export const LAST_CALENDAR_YEAR = 2100;

const LABEL: Bilingual = { vi: 'điều chỉnh lịch làm việc', en: 'calendar adjustment' };

const VIETNAM_OFFSET_MS = 7 * 3600_000;
const MINUTE_MS = 60_000;

interface Holiday {
  vi: string;
  en: string;
}

const vietnameseHolidays = new Holidays('VN', { languages: ['vi'] });
const englishHolidays = new Holidays('VN', { languages: ['en'] });

/** Vietnam's public holidays of a year (Labour Code: Tết and the Hùng Kings' day by the lunar calendar), by day. Pure: computed once a year and kept. */
const holidaysOfYear = new Map<number, ReadonlyMap<string, Holiday>>();
function publicHolidays(year: number): ReadonlyMap<string, Holiday> {
  let days = holidaysOfYear.get(year);
  if (!days) {
    const en = new Map(englishHolidays.getHolidays(year).filter((h) => h.type === 'public').map((h) => [h.date.slice(0, 10), h.name]));
    const map = new Map<string, Holiday>();
    for (const h of vietnameseHolidays.getHolidays(year)) {
      if (h.type !== 'public') continue;
      const day = h.date.slice(0, 10);
      map.set(day, { vi: h.name, en: en.get(day) ?? h.name });
    }
    days = map;
    holidaysOfYear.set(year, days);
  }
  return days;
}

const weekdayOf = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();
const isWeekend = (day: string) => {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
};
const yearOf = (day: string) => Number(day.slice(0, 4));

/** Off in the plain calendar: a Saturday, a Sunday or a public holiday (before any adjustment). */
function offByDefault(day: string): boolean {
  return isWeekend(day) || publicHolidays(yearOf(day)).has(day);
}

function assertDay(day: string, name = 'day'): void {
  if (typeof day !== 'string' || !isIsoDate(day)) throw new RangeError(`${name} must be a yyyy-MM-dd date, got ${String(day)}`);
}

/**
 * The working-day calendar of Vietnam's civil service: Monday to Friday, less the public holidays
 * (`date-holidays`, type public only), with the adjustments the government announces each year (the
 * table `calendar_adjustment`: extra days off, substitute days, swapped working Saturdays).
 *
 * Dossier due dates are counted with it (`addWorkingDays`, `addWorkingHours`). Every method takes an
 * optional `manager`: inside a transaction, pass it, and every statement runs on it (the embedded
 * database has ONE connection: a statement outside the transaction would wait for it forever).
 *
 * A year's adjustments are cached in this process's memory and dropped when an adjustment is written
 * through this service (after the commit). The API runs as one process; several instances would each
 * see another's edit only after their restart (or if this cache gains a notification, as sessions have).
 */
@Injectable()
export class WorkingDayService {
  private readonly adjustmentsOfYear = new Map<number, ReadonlyMap<string, CalendarAdjustment>>();
  /** Bumped by every write: a load that began before it does not fill the cache with what it read. */
  private generation = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  // --- The calendar, for other modules -----------------------------------------------------------

  /** True when `day` (yyyy-MM-dd) is a working day of the civil service. */
  async isWorkingDay(day: string, manager?: EntityManager): Promise<boolean> {
    assertDay(day);
    const adjustment = (await this.adjustments(yearOf(day), manager)).get(day);
    if (adjustment) return adjustment.kind === CalendarAdjustmentKind.WORKING_DAY;
    return !offByDefault(day);
  }

  /**
   * The due day of something received on `from` with `days` working days to run.
   *
   * The rule (Decree 61/2018/NĐ-CP on the one-stop mechanism, as desks apply it with Circular
   * 01/2018/TT-VPCP's receipt, Form 01): the time limit runs from the working day after the reception,
   * so the reception day itself is not counted, whether or not it is a working day, and the due day is
   * the `days`-th working day after `from` (days off in between are skipped; a due day never falls on a
   * day off). Received on Friday with 1 working day: due on Monday. `days` = 0 answers `from` itself
   * (a same-day procedure; its hours are counted by `addWorkingHours`).
   */
  async addWorkingDays(from: string, days: number, manager?: EntityManager): Promise<string> {
    assertDay(from, 'from');
    if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be a whole number of 0 or more, got ${days}`);
    let day = from;
    let left = days;
    while (left > 0) {
      day = addDays(day, 1);
      if (yearOf(day) > LAST_CALENDAR_YEAR) throw new RangeError(`no due day before the end of ${LAST_CALENDAR_YEAR}`);
      if (await this.isWorkingDay(day, manager)) left -= 1;
    }
    return day;
  }

  /**
   * The moment `hours` office hours after `from`: office hours are 07:30–11:30 and 13:30–17:00 in
   * Vietnam (UTC+7, no daylight saving) on working days only. From outside office hours (the lunch
   * break, the evening, a day off) the count starts at the next opening; a count that ends exactly at
   * a closing answers the closing (11:30, 17:00). `hours` may be fractional; 0 answers `from`.
   */
  async addWorkingHours(from: Date, hours: number, manager?: EntityManager): Promise<Date> {
    if (!(from instanceof Date) || Number.isNaN(from.getTime())) throw new RangeError('from must be a valid Date');
    if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`hours must be 0 or more, got ${hours}`);
    if (hours === 0) return new Date(from.getTime());
    let left = hours * 60 * MINUTE_MS;
    // Vietnam's wall clock as if it were UTC: the day and the time of day are read with getUTC*.
    const local = from.getTime() + VIETNAM_OFFSET_MS;
    let day = new Date(local).toISOString().slice(0, 10);
    let cursor = local - Date.parse(`${day}T00:00:00Z`);
    for (;;) {
      if (yearOf(day) > LAST_CALENDAR_YEAR) throw new RangeError(`no end before the end of ${LAST_CALENDAR_YEAR}`);
      if (await this.isWorkingDay(day, manager)) {
        for (const [opens, closes] of OFFICE_HOURS) {
          const start = Math.max(cursor, opens * MINUTE_MS);
          const end = closes * MINUTE_MS;
          if (start >= end) continue;
          if (left <= end - start) return new Date(Date.parse(`${day}T00:00:00Z`) + start + left - VIETNAM_OFFSET_MS);
          left -= end - start;
          cursor = end;
        }
      }
      day = addDays(day, 1);
      cursor = 0;
    }
  }

  /**
   * Working days after `from` up to and including `to` (the count `addWorkingDays` uses:
   * `workingDaysBetween(d, await addWorkingDays(d, n)) === n`); negative when `to` is before `from`,
   * 0 when they are the same day.
   */
  async workingDaysBetween(from: string, to: string, manager?: EntityManager): Promise<number> {
    assertDay(from, 'from');
    assertDay(to, 'to');
    if (to < from) return -(await this.workingDaysBetween(to, from, manager));
    let count = 0;
    for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
      if (await this.isWorkingDay(day, manager)) count += 1;
    }
    return count;
  }

  /**
   * The days from `from` to `to` the civil service is off for something other than a plain weekend:
   * public holidays and the government's extra days off (adjustments of kind DAY_OFF), by day with
   * their Vietnamese name. A weekend that is a working day by adjustment is not listed.
   */
  async daysOff(from: string, to: string, manager?: EntityManager): Promise<Map<string, string>> {
    assertDay(from, 'from');
    assertDay(to, 'to');
    const out = new Map<string, string>();
    for (let year = yearOf(from); year <= yearOf(to); year += 1) {
      const adjustments = await this.adjustments(year, manager);
      for (const [day, holiday] of publicHolidays(year)) if (day >= from && day <= to && adjustments.get(day)?.kind !== CalendarAdjustmentKind.WORKING_DAY) out.set(day, holiday.vi);
      for (const a of adjustments.values()) if (a.date >= from && a.date <= to && a.kind === CalendarAdjustmentKind.DAY_OFF) out.set(a.date, a.name);
    }
    return out;
  }

  // --- The calendar, for people ------------------------------------------------------------------

  /** The days of `year` that differ from the plain week, in order: public holidays (even on a weekend) and the adjustments. */
  async calendar(actor: Actor, year: number): Promise<CalendarDay[]> {
    requireSignedIn(actor);
    if (!Number.isInteger(year) || year < FIRST_CALENDAR_YEAR || year > LAST_CALENDAR_YEAR) {
      throw badInput('year', { vi: `Năm phải từ ${FIRST_CALENDAR_YEAR} đến ${LAST_CALENDAR_YEAR}.`, en: `The year must be from ${FIRST_CALENDAR_YEAR} to ${LAST_CALENDAR_YEAR}.` });
    }
    const lang: Lang = currentRequest()?.lang ?? 'vi';
    const days = new Map<string, CalendarDay>();
    for (const [date, holiday] of publicHolidays(year)) {
      days.set(date, { date, kind: CalendarDayKind.PUBLIC_HOLIDAY, name: holiday[lang], id: null, legalBasis: null, version: null });
    }
    for (const a of (await this.adjustments(year)).values()) {
      days.set(a.date, { date: a.date, kind: a.kind === CalendarAdjustmentKind.DAY_OFF ? CalendarDayKind.DAY_OFF : CalendarDayKind.WORKING_DAY, name: a.name, id: a.id, legalBasis: a.legalBasis, version: a.version });
    }
    return [...days.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
  }

  /** The calendar is national: only a national administrator keeps it. */
  private requireKeeper(actor: Actor): void {
    requireRole(actor, ['SYSTEM_ADMIN']);
    if (!isNational(actor)) throw forbidden();
  }

  create(actor: Actor, input: CreateCalendarAdjustmentInput): Promise<CalendarAdjustment> {
    this.requireKeeper(actor);
    const name = requiredText(input.name, 'name');
    const legalBasis = input.legalBasis?.trim() || null;
    checkAdjustment(input.date, input.kind);
    return this.writing(async (m) => {
      await this.assertDateFree(m, input.date, null);
      const repo = m.getRepository(CalendarAdjustment);
      const row = repo.create({ date: input.date, kind: input.kind, name, legalBasis, version: 1 });
      await repo.insert(row);
      const saved = await repo.findOneByOrFail({ id: row.id });
      await this.audit.record(m, actor, { action: 'calendarAdjustment.create', entityType: 'CalendarAdjustment', entityId: saved.id, after: saved });
      return saved;
    });
  }

  update(actor: Actor, input: UpdateCalendarAdjustmentInput): Promise<CalendarAdjustment> {
    this.requireKeeper(actor);
    const name = input.name != null ? requiredText(input.name, 'name') : undefined;
    return this.writing(async (m) => {
      const repo = m.getRepository(CalendarAdjustment);
      const before = await repo.createQueryBuilder('a').setLock('pessimistic_write').where('a.id = :id', { id: input.id }).getOne();
      if (!before) throw notFound(LABEL, input.id);
      if (before.version !== input.version) throw staleVersion(LABEL);
      const date = input.date ?? before.date;
      const kind = input.kind ?? before.kind;
      checkAdjustment(date, kind);
      if (date !== before.date) await this.assertDateFree(m, date, before.id);
      const patch: Partial<CalendarAdjustment> = {};
      if (date !== before.date) patch.date = date;
      if (kind !== before.kind) patch.kind = kind;
      if (name !== undefined && name !== before.name) patch.name = name;
      if (input.legalBasis !== undefined && input.legalBasis !== null && (input.legalBasis.trim() || null) !== before.legalBasis) patch.legalBasis = input.legalBasis.trim() || null;
      if (Object.keys(patch).length === 0) return before;
      await m
        .createQueryBuilder()
        .update(CalendarAdjustment)
        .set({ ...patch, version: () => 'version + 1', updatedAt: () => 'now()' } as never)
        .where('id = :id AND version = :version', { id: before.id, version: input.version })
        .execute();
      const after = await repo.findOneByOrFail({ id: before.id });
      await this.audit.record(m, actor, { action: 'calendarAdjustment.update', entityType: 'CalendarAdjustment', entityId: after.id, before, after });
      return after;
    });
  }

  delete(actor: Actor, input: DeleteCalendarAdjustmentInput): Promise<string> {
    this.requireKeeper(actor);
    return this.writing(async (m) => {
      const repo = m.getRepository(CalendarAdjustment);
      const before = await repo.createQueryBuilder('a').setLock('pessimistic_write').where('a.id = :id', { id: input.id }).getOne();
      if (!before) throw notFound(LABEL, input.id);
      if (before.version !== input.version) throw staleVersion(LABEL);
      await repo.delete({ id: before.id });
      await this.audit.record(m, actor, { action: 'calendarAdjustment.delete', entityType: 'CalendarAdjustment', entityId: before.id, before });
      return before.id;
    });
  }

  // --- Inside ------------------------------------------------------------------------------------

  /** A write in its transaction; the cache is dropped once it has committed (or failed), and a duplicate day is the day's fault. */
  private async writing<T>(write: (m: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(write);
    } catch (error) {
      if (sqlState(error) === '23505') throw dateTaken();
      throw error;
    } finally {
      this.forget();
    }
  }

  /** Drops the cached adjustments (every year): the next question reads them again. */
  forget(): void {
    this.generation += 1;
    this.adjustmentsOfYear.clear();
  }

  private async assertDateFree(m: EntityManager, date: string, except: string | null): Promise<void> {
    const [taken] = await m.query(`SELECT id FROM calendar_adjustment WHERE day = $1 AND ($2::uuid IS NULL OR id <> $2::uuid)`, [date, except]);
    if (taken) throw dateTaken(date);
  }

  /** A year's adjustments by day, from the cache or read (on `manager` when given). */
  private async adjustments(year: number, manager?: EntityManager): Promise<ReadonlyMap<string, CalendarAdjustment>> {
    const cached = this.adjustmentsOfYear.get(year);
    if (cached) return cached;
    const generation = this.generation;
    const rows = await (manager ?? this.dataSource.manager)
      .getRepository(CalendarAdjustment)
      .createQueryBuilder('a')
      .where('a.day BETWEEN :from AND :to', { from: `${year}-01-01`, to: `${year}-12-31` })
      .orderBy('a.day')
      .getMany();
    const map = new Map(rows.map((r) => [r.date, r]));
    if (generation === this.generation) this.adjustmentsOfYear.set(year, map);
    return map;
  }
}

const dateTaken = (date?: string) =>
  badInput('date', date ? { vi: `Ngày ${shownDay(date)} đã có điều chỉnh: hãy sửa điều chỉnh đó.`, en: `${shownDay(date)} already has an adjustment: edit that one.` } : { vi: 'Ngày này đã có điều chỉnh.', en: 'This day already has an adjustment.' });

/** The rules of an adjustment's day and kind, against the plain calendar (weekends and public holidays). */
function checkAdjustment(date: string, kind: CalendarAdjustmentKind): void {
  if (yearOf(date) < FIRST_CALENDAR_YEAR || yearOf(date) > LAST_CALENDAR_YEAR) {
    throw badInput('date', { vi: `Ngày phải từ 01/01/${FIRST_CALENDAR_YEAR} đến 31/12/${LAST_CALENDAR_YEAR}.`, en: `The day must be from 01/01/${FIRST_CALENDAR_YEAR} to 31/12/${LAST_CALENDAR_YEAR}.` });
  }
  const holiday = publicHolidays(yearOf(date)).get(date);
  if (kind === CalendarAdjustmentKind.DAY_OFF && offByDefault(date)) {
    throw badInput(
      'date',
      holiday
        ? { vi: `Ngày ${shownDay(date)} đã là ngày lễ (${holiday.vi}).`, en: `${shownDay(date)} is already a public holiday (${holiday.en}).` }
        : { vi: `Ngày ${shownDay(date)} đã là ngày nghỉ cuối tuần.`, en: `${shownDay(date)} is already a weekend day.` },
    );
  }
  if (kind === CalendarAdjustmentKind.WORKING_DAY && !offByDefault(date)) {
    throw badInput('date', { vi: `Ngày ${shownDay(date)} đã là ngày làm việc.`, en: `${shownDay(date)} is already a working day.` });
  }
}
