import { DataSource, type EntityManager } from 'typeorm';
import { requireRole } from '../../platform/authz';
import { staleVersion, updateVersioned } from '../../platform/database/versioned';
import { badInput, uniquely } from '../../platform/errors';
import type { Actor } from '../../platform/graphql/context';
import { addDays, timeOfDay } from '../../platform/graphql/scalars';
import { Injectable } from '../../platform/container';
import { groupFor } from '../../platform/graphql/loaders';
import { requiredText } from '../../platform/text';
import { AuditService } from '../audit/audit.service';
import { OneStopDesk } from '../one-stop-desks/one-stop-desk.entity';
import { findInScope } from '../rollout/rollout-access';
import { STAFF_WRITERS } from '../staff/staff.service';
import { Counter, CounterStatus, OpeningException, OpeningHours } from './counter.entity';
import type { AddOpeningExceptionInput, CreateCounterInput, SetOpeningHoursInput, UpdateCounterInput } from './counter.inputs';

export const COUNTER_LABEL = { vi: 'quầy', en: 'counter' };
export const DESK_LABEL = { vi: 'bộ phận một cửa', en: 'one-stop desk' };

/** An opening slot of a desk on a day: an interval of its hours, with the counters to staff. */
export interface DeskSlot {
  deskId: string;
  day: string;
  opensAt: number;
  closesAt: number;
  /** Counters to staff: the interval's demand, else every open counter of the desk. */
  demanded: number;
}

/** ISO weekday of a YYYY-MM-DD day: 1 = Monday … 7 = Sunday. */
export const isoWeekday = (day: string) => ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
/** The Monday of the ISO week of a day. */
export const mondayOf = (day: string) => addDays(day, 1 - isoWeekday(day));

@Injectable()
export class CounterService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async desk(m: EntityManager, actor: Actor, deskId: string, field = 'deskId'): Promise<OneStopDesk> {
    return findInScope(m, actor, OneStopDesk, deskId, DESK_LABEL, field);
  }

  private async fieldIds(m: EntityManager, ids: readonly string[]): Promise<string[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    const rows: Array<{ id: string }> = await m.query('SELECT id FROM procedure_field WHERE id = ANY($1::uuid[]) AND retired_on IS NULL', [unique.filter((id) => /^[0-9a-f-]{36}$/i.test(id))]);
    const missing = unique.findIndex((id) => !rows.some((r) => r.id === id));
    if (missing >= 0) throw badInput(`fieldIds.${ids.indexOf(unique[missing])}`, { vi: 'Không tìm thấy lĩnh vực.', en: 'No such procedure field.' });
    return unique;
  }

  private numbered<T>(write: () => Promise<T>): Promise<T> {
    return uniquely(write, 'number', { vi: 'Bộ phận đã có quầy mang số này.', en: 'The desk already has a counter with this number.' });
  }

  create(actor: Actor, input: CreateCounterInput): Promise<Counter> {
    requireRole(actor, STAFF_WRITERS);
    const name = requiredText(input.name, 'name');
    return this.numbered(() =>
      this.dataSource.transaction(async (m) => {
        const desk = await this.desk(m, actor, input.deskId);
        const repo = m.getRepository(Counter);
        const row = repo.create({ deskId: desk.id, number: input.number, name, fieldIds: await this.fieldIds(m, input.fieldIds), status: CounterStatus.OPEN, provinceId: desk.provinceId, version: 1 });
        await repo.insert(row);
        const saved = await repo.findOneByOrFail({ id: row.id });
        await this.audit.record(m, actor, { action: 'counter.create', entityType: 'Counter', entityId: saved.id, after: saved, provinceId: saved.provinceId });
        return saved;
      }),
    );
  }

  update(actor: Actor, input: UpdateCounterInput): Promise<Counter> {
    requireRole(actor, STAFF_WRITERS);
    return this.numbered(() =>
      this.dataSource.transaction(async (m) => {
        const before = await findInScope(m, actor, Counter, input.id, COUNTER_LABEL);
        if (before.version !== input.version) throw staleVersion(COUNTER_LABEL);
        const patch: Partial<Counter> = {};
        if (input.number != null) patch.number = input.number;
        if (input.name != null) patch.name = requiredText(input.name, 'name');
        if (input.fieldIds) patch.fieldIds = await this.fieldIds(m, input.fieldIds);
        if (input.status) patch.status = input.status;
        await updateVersioned(m, Counter, before.id, input.version, patch, COUNTER_LABEL);
        const after = await m.getRepository(Counter).findOneByOrFail({ id: before.id });
        await this.audit.record(m, actor, { action: 'counter.update', entityType: 'Counter', entityId: after.id, before, after, provinceId: after.provinceId });
        return after;
      }),
    );
  }

  setOpeningHours(actor: Actor, input: SetOpeningHoursInput): Promise<OpeningHours[]> {
    requireRole(actor, STAFF_WRITERS);
    input.intervals.forEach((interval, i) => {
      if (interval.closesAt <= interval.opensAt) throw badInput(`intervals.${i}.closesAt`, { vi: 'Giờ đóng cửa phải sau giờ mở cửa.', en: 'Closing must come after opening.' });
      const clash = input.intervals.findIndex((o, j) => j < i && o.weekday === interval.weekday && o.opensAt < interval.closesAt && interval.opensAt < o.closesAt);
      if (clash >= 0) {
        throw badInput(`intervals.${i}.opensAt`, {
          vi: `Trùng với khoảng ${timeOfDay(input.intervals[clash].opensAt)}–${timeOfDay(input.intervals[clash].closesAt)} cùng ngày.`,
          en: `Overlaps ${timeOfDay(input.intervals[clash].opensAt)}–${timeOfDay(input.intervals[clash].closesAt)} of the same day.`,
        });
      }
    });
    return this.dataSource.transaction(async (m) => {
      const desk = await this.desk(m, actor, input.deskId);
      const before = await this.hoursOf([desk.id], m).then((r) => r[0]);
      await m.delete(OpeningHours, { deskId: desk.id });
      const rows = input.intervals.map((i) => ({ deskId: desk.id, weekday: i.weekday, opensAt: i.opensAt, closesAt: i.closesAt, demand: i.demand ?? null, provinceId: desk.provinceId }));
      if (rows.length) await m.insert(OpeningHours, rows);
      const after = await this.hoursOf([desk.id], m).then((r) => r[0]);
      await this.audit.record(m, actor, { action: 'openingHours.set', entityType: 'OneStopDesk', entityId: desk.id, before: { openingHours: before }, after: { openingHours: after }, provinceId: desk.provinceId });
      return after;
    });
  }

  addException(actor: Actor, input: AddOpeningExceptionInput): Promise<OpeningException> {
    requireRole(actor, STAFF_WRITERS);
    const note = requiredText(input.note, 'note', { vi: 'Lý do', en: 'The reason' });
    if ((input.opensAt == null) !== (input.closesAt == null)) throw badInput(input.opensAt == null ? 'opensAt' : 'closesAt', { vi: 'Cần cả giờ mở và giờ đóng, hoặc để trống cả hai (đóng cửa cả ngày).', en: 'Give both times, or neither (closed all day).' });
    if (input.opensAt != null && (input.closesAt as number) <= input.opensAt) throw badInput('closesAt', { vi: 'Giờ đóng cửa phải sau giờ mở cửa.', en: 'Closing must come after opening.' });
    return uniquely(
      () =>
        this.dataSource.transaction(async (m) => {
          const desk = await this.desk(m, actor, input.deskId);
          const repo = m.getRepository(OpeningException);
          const row = repo.create({ deskId: desk.id, day: input.day, opensAt: input.opensAt ?? null, closesAt: input.closesAt ?? null, demand: input.demand ?? null, note, provinceId: desk.provinceId });
          await repo.insert(row);
          await this.audit.record(m, actor, { action: 'openingException.create', entityType: 'OpeningException', entityId: row.id, after: row, provinceId: row.provinceId });
          return row;
        }),
      'day',
      { vi: 'Ngày này đã có giờ làm việc riêng trùng khoảng đó.', en: 'This day already has special hours over that time.' },
    );
  }

  // ---- reads (the desk was read within the actor's scope) ----

  async countersOf(deskIds: readonly string[], m: EntityManager = this.dataSource.manager): Promise<Counter[][]> {
    const rows = await m.getRepository(Counter).createQueryBuilder('c').where('c.desk_id = ANY(:ids)', { ids: [...deskIds] }).orderBy('c.number').getMany();
    return groupFor(deskIds, rows, (r) => r.deskId);
  }

  async hoursOf(deskIds: readonly string[], m: EntityManager = this.dataSource.manager): Promise<OpeningHours[][]> {
    const rows = await m.getRepository(OpeningHours).createQueryBuilder('h').where('h.desk_id = ANY(:ids)', { ids: [...deskIds] }).orderBy('h.weekday').addOrderBy('h.opens_at').getMany();
    return groupFor(deskIds, rows, (r) => r.deskId);
  }

  async exceptionsOf(deskIds: readonly string[], from: string, to: string, m: EntityManager = this.dataSource.manager): Promise<OpeningException[][]> {
    const rows = await m.getRepository(OpeningException).createQueryBuilder('e')
      .where('e.desk_id = ANY(:ids) AND e.day BETWEEN :from AND :to', { ids: [...deskIds], from, to })
      .orderBy('e.day').addOrderBy('e.opens_at').getMany();
    return groupFor(deskIds, rows, (r) => r.deskId);
  }

  /**
   * The opening slots of desks from one day to another: each day's exceptions if it has any (none
   * with times: closed), else its weekday's hours. Demand: the interval's, else every open counter.
   */
  async slots(m: EntityManager, deskIds: readonly string[], from: string, to: string): Promise<DeskSlot[]> {
    const [hours, exceptions, counters] = [await this.hoursOf(deskIds, m), await this.exceptionsOf(deskIds, from, to, m), await this.countersOf(deskIds, m)];
    const slots: DeskSlot[] = [];
    deskIds.forEach((deskId, i) => {
      const open = counters[i].filter((c) => c.status === CounterStatus.OPEN).length;
      for (let day = from; day <= to; day = addDays(day, 1)) {
        const special = exceptions[i].filter((e) => e.day === day);
        const intervals = special.length
          ? special.filter((e) => e.opensAt !== null).map((e) => ({ opensAt: e.opensAt as number, closesAt: e.closesAt as number, demand: e.demand }))
          : hours[i].filter((h) => h.weekday === isoWeekday(day));
        for (const h of intervals) slots.push({ deskId, day, opensAt: h.opensAt, closesAt: h.closesAt, demanded: Math.min(h.demand ?? open, open) });
      }
    });
    return slots;
  }
}
