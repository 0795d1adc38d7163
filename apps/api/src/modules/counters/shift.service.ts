import { DataSource, type EntityManager } from 'typeorm';
import { requireRole, requireSignedIn } from '../../platform/authz';
import { staleVersion } from '../../platform/database/versioned';
import { AppError, badInput, conflict, sqlState, type Bilingual } from '../../platform/errors';
import type { Actor } from '../../platform/graphql/context';
import { addDays, shownDay, timeOfDay } from '../../platform/graphql/scalars';
import { Injectable } from '../../platform/container';
import { currentRequest } from '../../platform/request-context';
import { requiredText } from '../../platform/text';
import { AuditService } from '../audit/audit.service';
import { findInScope } from '../rollout/rollout-access';
import { Staff, StaffStatus } from '../staff/staff.entity';
import { STAFF_LABEL, STAFF_READERS, STAFF_WRITERS, StaffService } from '../staff/staff.service';
import { Counter, CounterStatus, Shift, ShiftRevision, ShiftStatus } from './counter.entity';
import type { CancelShiftInput, CopyWeekInput, CreateShiftInput, DeskWeekInput, MoveShiftInput, SwapShiftsInput } from './counter.inputs';
import { COUNTER_LABEL, CounterService, mondayOf } from './counter.service';

export const SHIFT_LABEL = { vi: 'ca trực', en: 'shift' };

/** The Labour Code's normal hours (Article 105 of Law 45/2019/QH14): 8 a day, 48 a week. */
export const MAX_MINUTES_PER_DAY = 8 * 60;
export const MAX_MINUTES_PER_WEEK = 48 * 60;

/** The hard rules of a roster; a refusal names one (extensions.rule) and what it collides with. */
export type ShiftRule =
  | 'PERSON_DOUBLE_BOOKED'
  | 'COUNTER_DOUBLE_BOOKED'
  | 'NOT_QUALIFIED'
  | 'ABSENT'
  | 'NOT_ASSIGNED'
  | 'OUTSIDE_OPENING_HOURS'
  | 'DAILY_HOURS'
  | 'WEEKLY_HOURS'
  | 'STAFF_NOT_ACTIVE'
  | 'COUNTER_NOT_OPEN';

/** A refusal by a hard rule: CONFLICT, `extensions.rule`, and the shift or absence it collides with. */
export function ruleBroken(rule: ShiftRule, message: Bilingual, collidesWith: { shiftId?: string; absenceId?: string } = {}): AppError {
  return new AppError('CONFLICT', message, [], { rule, ...collidesWith });
}

interface Placement {
  staffId: string;
  counterId: string;
  day: string;
  startsAt: number;
  endsAt: number;
}

const span = (p: { day: string; startsAt: number; endsAt: number }) => `${shownDay(p.day)} ${timeOfDay(p.startsAt)}–${timeOfDay(p.endsAt)}`;

@Injectable()
export class ShiftService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly staff: StaffService,
    private readonly counters: CounterService,
  ) {}

  /**
   * Every hard rule for one placement, inside the write's transaction (the person's row is locked by
   * the caller, so their hours cannot change meanwhile). `ignore`: shifts being replaced (a move, a swap).
   * The two overlap rules are also exclusion constraints: see `constraintRefusal`.
   */
  async check(m: EntityManager, person: Staff, counter: Counter, p: Placement, ignore: readonly string[] = []): Promise<void> {
    const name = person.fullName;
    if (person.status !== StaffStatus.ACTIVE) {
      throw ruleBroken('STAFF_NOT_ACTIVE', { vi: `${name} không ở trạng thái đang làm việc.`, en: `${name} is not active.` });
    }
    if (counter.status !== CounterStatus.OPEN) {
      throw ruleBroken('COUNTER_NOT_OPEN', { vi: `Quầy số ${counter.number} không hoạt động.`, en: `Counter ${counter.number} is not open.` });
    }
    if (p.endsAt <= p.startsAt) throw badInput('endsAt', { vi: 'Giờ kết thúc phải sau giờ bắt đầu.', en: 'The end must come after the start.' });
    const [assigned] = await m.query(
      `SELECT 1 FROM staff_assignment WHERE staff_id = $1 AND desk_id = $2 AND starts_on <= $3 AND (ends_on IS NULL OR ends_on >= $3)`,
      [person.id, counter.deskId, p.day],
    );
    if (!assigned) {
      throw ruleBroken('NOT_ASSIGNED', { vi: `${name} không được phân công tới bộ phận này ngày ${shownDay(p.day)}.`, en: `${name} is not assigned to this desk on ${shownDay(p.day)}.` });
    }
    const [absence] = await m.query(`SELECT id, starts_on, ends_on FROM absence WHERE staff_id = $1 AND starts_on <= $2 AND ends_on >= $2 ORDER BY starts_on LIMIT 1`, [person.id, p.day]);
    if (absence) {
      throw ruleBroken(
        'ABSENT',
        { vi: `${name} vắng mặt từ ${shownDay(absence.starts_on)} đến ${shownDay(absence.ends_on)}.`, en: `${name} is away from ${shownDay(absence.starts_on)} to ${shownDay(absence.ends_on)}.` },
        { absenceId: absence.id },
      );
    }
    if (counter.fieldIds.length) {
      const missing: Array<{ name: string }> = await m.query(
        `SELECT f.name FROM procedure_field f WHERE f.id = ANY($1::uuid[]) AND NOT EXISTS (
           SELECT 1 FROM qualification q WHERE q.staff_id = $2 AND q.field_id = f.id AND q.trained_on <= $3 AND (q.expires_on IS NULL OR q.expires_on >= $3))
         ORDER BY osp_sort_key(f.name)`,
        [counter.fieldIds, person.id, p.day],
      );
      if (missing.length) {
        const fields = missing.map((f) => f.name).join(', ');
        throw ruleBroken('NOT_QUALIFIED', {
          vi: `${name} chưa có chứng nhận còn hiệu lực ngày ${shownDay(p.day)} cho lĩnh vực: ${fields} (quầy số ${counter.number}).`,
          en: `${name} holds no valid qualification on ${shownDay(p.day)} for: ${fields} (counter ${counter.number}).`,
        });
      }
    }
    const slots = await this.counters.slots(m, [counter.deskId], p.day, p.day);
    if (!slots.some((s) => s.opensAt <= p.startsAt && p.endsAt <= s.closesAt)) {
      const hours = slots.map((s) => `${timeOfDay(s.opensAt)}–${timeOfDay(s.closesAt)}`).join(', ');
      throw ruleBroken('OUTSIDE_OPENING_HOURS', {
        vi: hours ? `${span(p)} nằm ngoài giờ làm việc của bộ phận (${hours}).` : `Bộ phận không làm việc ngày ${shownDay(p.day)}.`,
        en: hours ? `${span(p)} is outside the desk's opening hours (${hours}).` : `The desk is closed on ${shownDay(p.day)}.`,
      });
    }
    const [personClash] = await m.query(
      `SELECT id, day, starts_at, ends_at FROM shift WHERE staff_id = $1 AND day = $2 AND starts_at < $4 AND ends_at > $3 AND status <> 'CANCELLED' AND NOT (id = ANY($5::uuid[])) LIMIT 1`,
      [person.id, p.day, p.startsAt, p.endsAt, ignore],
    );
    if (personClash) throw this.personClash(name, personClash);
    const [counterClash] = await m.query(
      `SELECT s.id, s.day, s.starts_at, s.ends_at, st.full_name FROM shift s JOIN staff st ON st.id = s.staff_id
        WHERE s.counter_id = $1 AND s.day = $2 AND s.starts_at < $4 AND s.ends_at > $3 AND s.status <> 'CANCELLED' AND NOT (s.id = ANY($5::uuid[])) LIMIT 1`,
      [counter.id, p.day, p.startsAt, p.endsAt, ignore],
    );
    if (counterClash) throw this.counterClash(counter, counterClash);
    const minutes = p.endsAt - p.startsAt;
    const monday = mondayOf(p.day);
    const [load] = await m.query(
      `SELECT coalesce(sum(ends_at - starts_at) FILTER (WHERE day = $2), 0)::int AS day, coalesce(sum(ends_at - starts_at), 0)::int AS week
         FROM shift WHERE staff_id = $1 AND day BETWEEN $3 AND $4 AND status <> 'CANCELLED' AND NOT (id = ANY($5::uuid[]))`,
      [person.id, p.day, monday, addDays(monday, 6), ignore],
    );
    if (load.day + minutes > MAX_MINUTES_PER_DAY) {
      throw ruleBroken('DAILY_HOURS', {
        vi: `${name} đã có ${hoursText(load.day)} giờ ngày ${shownDay(p.day)}; thêm ca này vượt 8 giờ/ngày.`,
        en: `${name} already works ${hoursText(load.day)} h on ${shownDay(p.day)}; this shift goes over 8 hours a day.`,
      });
    }
    if (load.week + minutes > MAX_MINUTES_PER_WEEK) {
      throw ruleBroken('WEEKLY_HOURS', {
        vi: `${name} đã có ${hoursText(load.week)} giờ trong tuần từ ${shownDay(monday)}; thêm ca này vượt 48 giờ/tuần.`,
        en: `${name} already works ${hoursText(load.week)} h in the week of ${shownDay(monday)}; this shift goes over 48 hours a week.`,
      });
    }
  }

  private personClash(name: string, other: { id: string; day: string; starts_at: number; ends_at: number }) {
    return ruleBroken(
      'PERSON_DOUBLE_BOOKED',
      { vi: `${name} đã có ca trực ${span({ day: other.day, startsAt: other.starts_at, endsAt: other.ends_at })}.`, en: `${name} already has a shift on ${span({ day: other.day, startsAt: other.starts_at, endsAt: other.ends_at })}.` },
      { shiftId: other.id },
    );
  }

  private counterClash(counter: Counter, other: { id: string; day: string; starts_at: number; ends_at: number; full_name: string }) {
    const when = span({ day: other.day, startsAt: other.starts_at, endsAt: other.ends_at });
    return ruleBroken(
      'COUNTER_DOUBLE_BOOKED',
      { vi: `Quầy số ${counter.number} đã có ${other.full_name} trực ${when}.`, en: `Counter ${counter.number} is already staffed by ${other.full_name} on ${when}.` },
      { shiftId: other.id },
    );
  }

  /**
   * A write that lost a race to the exclusion constraints (two writers passed `check` at once): the
   * same CONFLICT `check` gives, naming the shift that won, read after the failed transaction.
   */
  private async constraintRefusal(error: unknown, p: Placement): Promise<never> {
    const constraint = (error as { driverError?: { constraint?: string }; constraint?: string }).driverError?.constraint ?? (error as { constraint?: string }).constraint;
    if (sqlState(error) === '23P01' && constraint === 'shift_person_one_place') {
      const [other] = await this.dataSource.query(
        `SELECT s.id, s.day::text AS day, s.starts_at, s.ends_at, st.full_name FROM shift s JOIN staff st ON st.id = s.staff_id WHERE s.staff_id = $1 AND s.day = $2 AND s.starts_at < $4 AND s.ends_at > $3 AND s.status <> 'CANCELLED' LIMIT 1`,
        [p.staffId, p.day, p.startsAt, p.endsAt],
      );
      throw this.personClash(other?.full_name ?? '', other ?? { id: undefined, day: p.day, starts_at: p.startsAt, ends_at: p.endsAt });
    }
    if (sqlState(error) === '23P01' && constraint === 'shift_counter_one_person') {
      const [other] = await this.dataSource.query(
        `SELECT s.id, s.day::text AS day, s.starts_at, s.ends_at, st.full_name FROM shift s JOIN staff st ON st.id = s.staff_id WHERE s.counter_id = $1 AND s.day = $2 AND s.starts_at < $4 AND s.ends_at > $3 AND s.status <> 'CANCELLED' LIMIT 1`,
        [p.counterId, p.day, p.startsAt, p.endsAt],
      );
      const [counter] = await this.dataSource.query('SELECT number FROM counter WHERE id = $1', [p.counterId]);
      throw this.counterClash({ number: counter?.number } as Counter, other ?? { id: undefined, day: p.day, starts_at: p.startsAt, ends_at: p.endsAt, full_name: '' });
    }
    throw error;
  }

  private async write<T>(p: Placement, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      return this.constraintRefusal(error, p);
    }
  }

  create(actor: Actor, input: CreateShiftInput): Promise<Shift> {
    requireRole(actor, STAFF_WRITERS);
    return this.write(input, () =>
      this.dataSource.transaction(async (m) => {
        const person = await this.staff.lockStaff(m, actor, input.staffId);
        const counter = await findInScope(m, actor, Counter, input.counterId, COUNTER_LABEL, 'counterId');
        await this.check(m, person, counter, input);
        const repo = m.getRepository(Shift);
        const row = repo.create({ ...input, deskId: counter.deskId, status: ShiftStatus.PLANNED, cancelReason: null, provinceId: counter.provinceId, version: 1 });
        await repo.insert(row);
        const saved = await repo.findOneByOrFail({ id: row.id });
        await this.audit.record(m, actor, { action: 'shift.create', entityType: 'Shift', entityId: saved.id, after: saved, provinceId: saved.provinceId });
        return saved;
      }),
    );
  }

  private async revision(m: EntityManager, actor: Actor, before: Shift, change: 'MOVED' | 'SWAPPED' | 'CANCELLED', reason: string | null) {
    if (before.status !== ShiftStatus.PUBLISHED) return;
    await m.insert(ShiftRevision, {
      shiftId: before.id, staffId: before.staffId, counterId: before.counterId, day: before.day, startsAt: before.startsAt, endsAt: before.endsAt,
      status: before.status, change, reason, changedBy: actor.label, changedAt: new Date(),
    });
  }

  private async lockShift(m: EntityManager, actor: Actor, id: string, version?: number, field?: string): Promise<Shift> {
    const shift = await findInScope(m, actor, Shift, id, SHIFT_LABEL, field);
    await m.query('SELECT 1 FROM shift WHERE id = $1 FOR UPDATE', [shift.id]);
    const current = await m.getRepository(Shift).findOneByOrFail({ id: shift.id });
    if (version !== undefined && current.version !== version) throw staleVersion(SHIFT_LABEL);
    if (current.status === ShiftStatus.CANCELLED) throw conflict({ vi: 'Ca trực đã bị hủy.', en: 'The shift was cancelled.' });
    return current;
  }

  move(actor: Actor, input: MoveShiftInput): Promise<Shift> {
    requireRole(actor, STAFF_WRITERS);
    let target: Placement | null = null;
    const run = () =>
      this.dataSource.transaction(async (m) => {
        const before = await this.lockShift(m, actor, input.id, input.version);
        target = {
          staffId: input.staffId ?? before.staffId,
          counterId: input.counterId ?? before.counterId,
          day: input.day ?? before.day,
          startsAt: input.startsAt ?? before.startsAt,
          endsAt: input.endsAt ?? before.endsAt,
        };
        const person = await this.staff.lockStaff(m, actor, target.staffId);
        const counter = await findInScope(m, actor, Counter, target.counterId, COUNTER_LABEL, 'counterId');
        if (counter.provinceId !== before.provinceId) throw badInput('counterId', { vi: 'Quầy phải cùng tỉnh.', en: 'The counter must be in the same province.' });
        await this.check(m, person, counter, target, [before.id]);
        await this.revision(m, actor, before, 'MOVED', input.reason?.trim() || null);
        await m.update(Shift, { id: before.id }, { ...target, deskId: counter.deskId, version: before.version + 1 });
        const after = await m.getRepository(Shift).findOneByOrFail({ id: before.id });
        await this.audit.record(m, actor, { action: 'shift.move', entityType: 'Shift', entityId: after.id, before, after, provinceId: after.provinceId });
        return after;
      });
    return run().catch((error) => (target ? this.constraintRefusal(error, target) : Promise.reject(error)));
  }

  cancel(actor: Actor, input: CancelShiftInput): Promise<Shift> {
    requireRole(actor, STAFF_WRITERS);
    const reason = requiredText(input.reason, 'reason', { vi: 'Lý do', en: 'The reason' });
    return this.dataSource.transaction(async (m) => {
      const before = await this.lockShift(m, actor, input.id, input.version);
      await this.revision(m, actor, before, 'CANCELLED', reason);
      await m.update(Shift, { id: before.id }, { status: ShiftStatus.CANCELLED, cancelReason: reason, version: before.version + 1 });
      const after = await m.getRepository(Shift).findOneByOrFail({ id: before.id });
      await this.audit.record(m, actor, { action: 'shift.cancel', entityType: 'Shift', entityId: after.id, before, after, provinceId: after.provinceId });
      return after;
    });
  }

  /** Two people exchange shifts: each is checked in the other's place, as the roster will be after the swap. */
  swap(actor: Actor, input: SwapShiftsInput): Promise<Shift[]> {
    requireRole(actor, STAFF_WRITERS);
    if (input.firstId === input.secondId) throw badInput('secondId', { vi: 'Chọn hai ca trực khác nhau.', en: 'Choose two different shifts.' });
    return this.dataSource.transaction(async (m) => {
      const first = await this.lockShift(m, actor, input.firstId, undefined, 'firstId');
      const second = await this.lockShift(m, actor, input.secondId, undefined, 'secondId');
      if (first.staffId === second.staffId) throw badInput('secondId', { vi: 'Hai ca trực của cùng một người.', en: 'Both shifts are the same person’s.' });
      const [a, b] = [await this.staff.lockStaff(m, actor, first.staffId), await this.staff.lockStaff(m, actor, second.staffId)];
      const counters = await m.getRepository(Counter).findBy([{ id: first.counterId }, { id: second.counterId }]);
      const counterOf = (id: string) => counters.find((c) => c.id === id) as Counter;
      const ignore = [first.id, second.id];
      await this.check(m, b, counterOf(first.counterId), { ...first, staffId: b.id }, ignore);
      await this.check(m, a, counterOf(second.counterId), { ...second, staffId: a.id }, ignore);
      const reason = input.reason?.trim() || null;
      await this.revision(m, actor, first, 'SWAPPED', reason);
      await this.revision(m, actor, second, 'SWAPPED', reason);
      // The two rows change in one step: the overlap constraints see the end state.
      await m.query('SET CONSTRAINTS shift_person_one_place DEFERRED');
      await m.update(Shift, { id: first.id }, { staffId: b.id, version: first.version + 1 });
      await m.update(Shift, { id: second.id }, { staffId: a.id, version: second.version + 1 });
      await m.query('SET CONSTRAINTS shift_person_one_place IMMEDIATE');
      const after = await m.getRepository(Shift).findBy([{ id: first.id }, { id: second.id }]);
      for (const [before, now] of [[first, after.find((s) => s.id === first.id)], [second, after.find((s) => s.id === second.id)]] as const) {
        await this.audit.record(m, actor, { action: 'shift.swap', entityType: 'Shift', entityId: before.id, before, after: now, provinceId: before.provinceId });
      }
      return [first.id, second.id].map((id) => after.find((s) => s.id === id) as Shift);
    });
  }

  /** Publishes every PLANNED shift of a desk's week, checking each again: all or nothing. */
  publishWeek(actor: Actor, input: DeskWeekInput): Promise<Shift[]> {
    requireRole(actor, STAFF_WRITERS);
    const monday = mondayOf(input.week);
    return this.dataSource.transaction(async (m) => {
      const desk = await this.counters.desk(m, actor, input.deskId);
      const planned = await m.getRepository(Shift).createQueryBuilder('s')
        .where('s.desk_id = :desk AND s.day BETWEEN :from AND :to AND s.status = :planned', { desk: desk.id, from: monday, to: addDays(monday, 6), planned: ShiftStatus.PLANNED })
        .orderBy('s.day').addOrderBy('s.starts_at').setLock('pessimistic_write').getMany();
      if (planned.length === 0) throw conflict({ vi: `Tuần từ ${shownDay(monday)} không có ca trực dự kiến nào để công bố.`, en: `The week of ${shownDay(monday)} has no planned shift to publish.` });
      const counters = await m.getRepository(Counter).findBy(planned.map((s) => ({ id: s.counterId })));
      for (const shift of planned) {
        const person = await this.staff.lockStaff(m, actor, shift.staffId);
        await this.check(m, person, counters.find((c) => c.id === shift.counterId) as Counter, shift, [shift.id]);
      }
      await m.createQueryBuilder().update(Shift).set({ status: ShiftStatus.PUBLISHED, version: () => 'version + 1', updatedAt: () => 'now()' }).where('id = ANY(:ids)', { ids: planned.map((s) => s.id) }).execute();
      await this.audit.record(m, actor, {
        action: 'shift.publishWeek', entityType: 'OneStopDesk', entityId: desk.id,
        after: { week: monday, published: planned.length, shiftIds: planned.map((s) => s.id) }, provinceId: desk.provinceId,
      });
      return m.getRepository(Shift).createQueryBuilder('s').where('s.id = ANY(:ids)', { ids: planned.map((s) => s.id) }).orderBy('s.day').addOrderBy('s.starts_at').getMany();
    });
  }

  /**
   * Copies a desk's week (shifts not cancelled) to another week as PLANNED shifts, on the same
   * weekdays. A copy that would break a rule (an absence, an expired qualification, a holiday) is
   * skipped and listed with its rule; the others are written together.
   */
  copyWeek(actor: Actor, input: CopyWeekInput): Promise<{ shifts: Shift[]; skipped: Array<{ shift: Shift; rule: string; message: string }> }> {
    requireRole(actor, STAFF_WRITERS);
    const from = mondayOf(input.fromWeek);
    const to = mondayOf(input.toWeek);
    if (from === to) throw badInput('toWeek', { vi: 'Chọn một tuần khác tuần được sao chép.', en: 'Choose another week than the one copied.' });
    const lang = currentRequest()?.lang ?? 'vi';
    return this.dataSource.transaction(async (m) => {
      const desk = await this.counters.desk(m, actor, input.deskId);
      const source = await m.getRepository(Shift).createQueryBuilder('s')
        .where('s.desk_id = :desk AND s.day BETWEEN :from AND :to AND s.status <> :cancelled', { desk: desk.id, from, to: addDays(from, 6), cancelled: ShiftStatus.CANCELLED })
        .orderBy('s.day').addOrderBy('s.starts_at').getMany();
      const counters = await m.getRepository(Counter).findBy(source.map((s) => ({ id: s.counterId })));
      const shifts: Shift[] = [];
      const skipped: Array<{ shift: Shift; rule: string; message: string }> = [];
      const offset = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
      for (const original of source) {
        const p = { staffId: original.staffId, counterId: original.counterId, day: addDays(original.day, offset), startsAt: original.startsAt, endsAt: original.endsAt };
        const person = await this.staff.lockStaff(m, actor, p.staffId);
        await m.query('SAVEPOINT copy_shift');
        try {
          await this.check(m, person, counters.find((c) => c.id === p.counterId) as Counter, p);
          const row = m.getRepository(Shift).create({ ...p, deskId: desk.id, status: ShiftStatus.PLANNED, cancelReason: null, provinceId: desk.provinceId, version: 1 });
          await m.getRepository(Shift).insert(row);
          await m.query('RELEASE SAVEPOINT copy_shift');
          shifts.push(await m.getRepository(Shift).findOneByOrFail({ id: row.id }));
        } catch (error) {
          await m.query('ROLLBACK TO SAVEPOINT copy_shift');
          if (!(error instanceof AppError) || error.code !== 'CONFLICT') throw error;
          skipped.push({ shift: original, rule: String(error.details.rule ?? 'CONFLICT'), message: error.bilingual[lang] });
        }
      }
      await this.audit.record(m, actor, {
        action: 'shift.copyWeek', entityType: 'OneStopDesk', entityId: desk.id,
        after: { fromWeek: from, toWeek: to, copied: shifts.length, skipped: skipped.length }, provinceId: desk.provinceId,
      });
      return { shifts, skipped };
    });
  }

  // ---- reads ----

  /** Shifts of a desk (within the actor's province) between two days, cancelled ones included when asked. */
  async ofDesk(actor: Actor, deskId: string, from: string, to: string, includeCancelled = false): Promise<Shift[]> {
    requireRole(actor, STAFF_READERS);
    const desk = await this.counters.desk(this.dataSource.manager, actor, deskId);
    return this.query({ desk: desk.id, from, to, includeCancelled });
  }

  async ofStaff(actor: Actor, staffId: string, from: string, to: string): Promise<Shift[]> {
    requireRole(actor, STAFF_READERS);
    const person = await findInScope(this.dataSource.manager, actor, Staff, staffId, STAFF_LABEL, 'staffId');
    return this.query({ staff: person.id, from, to, includeCancelled: false });
  }

  /** "Lịch trực của tôi": the signed-in person's published shifts. */
  async mine(actor: Actor, from: string, to: string): Promise<Shift[]> {
    requireSignedIn(actor);
    const me = await this.staff.ofUser(actor);
    if (!me) return [];
    return this.query({ staff: me.id, from, to, includeCancelled: false, publishedOnly: true });
  }

  private query(where: { desk?: string; staff?: string; from: string; to: string; includeCancelled: boolean; publishedOnly?: boolean }): Promise<Shift[]> {
    if (where.to < where.from) throw badInput('to', { vi: 'Ngày kết thúc phải từ ngày bắt đầu trở đi.', en: 'The end cannot be before the start.' });
    if (Date.parse(where.to) - Date.parse(where.from) > 92 * 86_400_000) throw badInput('to', { vi: 'Tối đa 93 ngày mỗi lần xem.', en: 'At most 93 days at a time.' });
    const qb = this.dataSource.getRepository(Shift).createQueryBuilder('s').where('s.day BETWEEN :from AND :to', where);
    if (where.desk) qb.andWhere('s.desk_id = :desk', where);
    if (where.staff) qb.andWhere('s.staff_id = :staff', where);
    if (where.publishedOnly) qb.andWhere(`s.status = 'PUBLISHED'`);
    else if (!where.includeCancelled) qb.andWhere(`s.status <> 'CANCELLED'`);
    return qb.orderBy('s.day').addOrderBy('s.starts_at').addOrderBy('s.seq').getMany();
  }

  /** The published shifts of each absent person during their absence (absences read within the actor's scope). */
  async publishedDuring(absences: ReadonlyArray<{ staffId: string; startsOn: string; endsOn: string }>): Promise<Shift[][]> {
    const rows = await this.dataSource.getRepository(Shift).createQueryBuilder('s')
      .where(`s.status = 'PUBLISHED' AND s.staff_id = ANY(:staff)`, { staff: [...new Set(absences.map((a) => a.staffId))] })
      .andWhere('s.day BETWEEN :from AND :to', { from: absences.reduce((d, a) => (a.startsOn < d ? a.startsOn : d), absences[0].startsOn), to: absences.reduce((d, a) => (a.endsOn > d ? a.endsOn : d), absences[0].endsOn) })
      .orderBy('s.day').addOrderBy('s.starts_at').getMany();
    return absences.map((a) => rows.filter((s) => s.staffId === a.staffId && s.day >= a.startsOn && s.day <= a.endsOn));
  }

  async revisionsOf(shiftIds: readonly string[]): Promise<ShiftRevision[][]> {
    const rows = await this.dataSource.getRepository(ShiftRevision).createQueryBuilder('r').where('r.shift_id = ANY(:ids)', { ids: [...shiftIds] }).orderBy('r.changed_at').getMany();
    return shiftIds.map((id) => rows.filter((r) => r.shiftId === id));
  }

  /** Staffed vs demanded counters per opening slot of a desk (a counter counts when one shift covers the whole slot). */
  async coverage(actor: Actor, deskId: string, from: string, to: string) {
    requireRole(actor, STAFF_READERS);
    if (Date.parse(to) - Date.parse(from) > 92 * 86_400_000 || to < from) throw badInput('to', { vi: 'Tối đa 93 ngày mỗi lần xem.', en: 'At most 93 days at a time.' });
    const m = this.dataSource.manager;
    const desk = await this.counters.desk(m, actor, deskId);
    const slots = await this.counters.slots(m, [desk.id], from, to);
    const shifts = await this.query({ desk: desk.id, from, to, includeCancelled: false });
    const rows = slots.map((slot) => {
      const covering = shifts.filter((s) => s.day === slot.day && s.startsAt <= slot.opensAt && s.endsAt >= slot.closesAt);
      const staffed = new Set(covering.map((s) => s.counterId)).size;
      const published = new Set(covering.filter((s) => s.status === ShiftStatus.PUBLISHED).map((s) => s.counterId)).size;
      return { day: slot.day, opensAt: slot.opensAt, closesAt: slot.closesAt, demanded: slot.demanded, staffed, published, gap: Math.max(0, slot.demanded - staffed) };
    });
    return {
      from, to, slots: rows,
      demanded: rows.reduce((n, r) => n + r.demanded, 0),
      staffed: rows.reduce((n, r) => n + Math.min(r.staffed, r.demanded), 0),
      gaps: rows.reduce((n, r) => n + r.gap, 0),
    };
  }
}

const hoursText = (minutes: number) => (minutes / 60).toLocaleString('vi-VN', { maximumFractionDigits: 2 });
