/**
 * The demand forecast of a desk (issue 13): what the model in dossier-forecast.model.ts says about the
 * coming weeks' arrivals, with its error on the last four weeks, and the counters it asks the roster's
 * auto-fill to staff (RosterAutoFillService with demandSource FORECAST).
 *
 * Who: the steering committee, the administrators and the post office managers (REPORT_READERS), for a
 * desk of their province (national administrators: any desk), the way the roster is scoped: a desk of
 * another province is "not found".
 *
 * Reads, bounded: one desk, one statement over its dossiers received in at most 60 weeks (the 52 weeks
 * of seasonality before the oldest backtest week, the 4 backtest weeks and up to 8 weeks back when the
 * caller asks for a past week), through the index dossier_desk_received (desk_id, received_at DESC);
 * the desk's first dossier through the same index; its hours, exceptions and counters; the calendar.
 */
import { DataSource, type EntityManager } from 'typeorm';
import { requireRole } from '../../platform/authz';
import { Injectable } from '../../platform/container';
import { badInput } from '../../platform/errors';
import type { Actor } from '../../platform/graphql/context';
import { addDays, isIsoDate, todayInVietnam } from '../../platform/graphql/scalars';
import { CounterStatus } from '../counters/counter.entity';
import { CounterService, isoWeekday, mondayOf } from '../counters/counter.service';
import { WorkingDayService } from '../working-days/working-day.service';
import { vietnamDaySql } from './dossier-rollup.service';
import {
  BACKTEST_WEEKS,
  DEFAULT_DOSSIERS_PER_COUNTER_HOUR,
  SEASON_DAYS,
  countersFor,
  errors,
  monthFactors,
  predictSlot,
  round2,
  type ForecastHistory,
} from './dossier-forecast.model';
import { ForecastDayStatus, type DossierForecast, type DossierForecastInput, type ForecastBacktestWeek, type ForecastDay } from './dossier-forecast.types';
import { REPORT_READERS } from './report.service';

/** How far back a caller may place the forecast (to see how it would have looked), and ahead. */
const MAX_WEEKS_BACK = 8;
const MAX_WEEKS_AHEAD = 52;

interface DeskData {
  deskId: string;
  history: ForecastHistory;
  openCounters: number;
  hours: Array<{ weekday: number; opensAt: number; closesAt: number }>;
  daysOff: Map<string, string>;
  exceptionDays: Map<string, string>;
}

@Injectable()
export class DossierForecastService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly counters: CounterService,
    private readonly workingDays: WorkingDayService,
  ) {}

  /** The forecast page's answer (read-only). */
  async forecast(actor: Actor, input: DossierForecastInput, today = todayInVietnam()): Promise<DossierForecast> {
    requireRole(actor, REPORT_READERS);
    const weeks = input.weeks ?? 4;
    if (!Number.isInteger(weeks) || weeks < 1 || weeks > 8) throw badInput('weeks', { vi: 'Số tuần dự báo từ 1 đến 8.', en: 'Forecast 1 to 8 weeks.' });
    const rate = this.rate(input.dossiersPerCounterHour);
    const thisMonday = mondayOf(today);
    if (input.from != null && !isIsoDate(input.from)) throw badInput('from', { vi: 'Ngày không hợp lệ.', en: 'Not a valid day.' });
    const from = mondayOf(input.from ?? addDays(thisMonday, 7));
    if (from < addDays(thisMonday, -7 * MAX_WEEKS_BACK) || from > addDays(thisMonday, 7 * MAX_WEEKS_AHEAD)) {
      throw badInput('from', { vi: `Chỉ dự báo từ ${MAX_WEEKS_BACK} tuần trước đến ${MAX_WEEKS_AHEAD} tuần tới.`, en: `Forecasts start from ${MAX_WEEKS_BACK} weeks back to ${MAX_WEEKS_AHEAD} weeks ahead.` });
    }
    const to = addDays(from, 7 * weeks - 1);
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const desk = await this.counters.desk(m, actor, input.deskId);
      const origin = from < today ? from : today;
      const data = await this.read(m, desk.id, origin, to);
      const days = await this.days(m, data, from, to, origin, rate);
      const backtest = this.backtest(data, mondayOf(origin));
      const overall = errors(backtest.flatMap((w) => w.pairs));
      return {
        desk,
        from,
        to,
        historyFrom: data.history.firstDay,
        historyTo: addDays(origin, -1),
        historyDays: [...data.history.days.keys()].filter((d) => d < origin).length,
        enoughHistory: days.every((d) => d.slots.every((s) => s.expected !== null)),
        seasonal: monthFactors(data.history, origin) !== null,
        dossiersPerCounterHour: rate,
        openCounters: data.openCounters,
        days,
        backtest: backtest.map((w) => w.week),
        backtestMae: overall.mae,
        backtestWape: overall.wape,
      };
    });
  }

  /**
   * Counters to staff per roster slot of a desk from one day to another, as the forecast says (for the
   * auto-fill; the desk was read within the actor's scope). Keyed `${day}|${opensAt}`; a slot without a
   * forecast (too little history) is absent: the auto-fill keeps the slot's own demand there.
   */
  async demand(m: EntityManager, deskId: string, from: string, to: string, perCounterHour?: number | null, today = todayInVietnam()): Promise<Map<string, number>> {
    const rate = this.rate(perCounterHour);
    const origin = from < today ? from : today;
    const data = await this.read(m, deskId, origin, to);
    const out = new Map<string, number>();
    for (const day of await this.days(m, data, from, to, origin, rate)) {
      if (day.status !== ForecastDayStatus.OPEN) {
        // A holiday the desk's weekly hours would open: nobody to staff.
        for (const h of data.hours.filter((x) => x.weekday === day.weekday)) out.set(`${day.day}|${h.opensAt}`, 0);
        continue;
      }
      for (const s of day.slots) if (s.counters !== null) out.set(`${day.day}|${s.opensAt}`, s.counters);
    }
    return out;
  }

  private rate(value: number | null | undefined): number {
    if (value == null) return DEFAULT_DOSSIERS_PER_COUNTER_HOUR;
    if (!(value >= 0.5 && value <= 60)) throw badInput('dossiersPerCounterHour', { vi: 'Số hồ sơ một quầy tiếp nhận mỗi giờ từ 0,5 đến 60.', en: 'Dossiers per counter-hour: 0.5 to 60.' });
    return value;
  }

  /** The desk's data from the oldest backtest week's season on, up to the day before `origin`. */
  private async read(m: EntityManager, deskId: string, origin: string, to: string): Promise<DeskData> {
    const readFrom = addDays(mondayOf(origin), -7 * BACKTEST_WEEKS - SEASON_DAYS);
    const hours = (await this.counters.hoursOf([deskId], m))[0].map((h) => ({ weekday: h.weekday, opensAt: h.opensAt, closesAt: h.closesAt }));
    const openCounters = (await this.counters.countersOf([deskId], m))[0].filter((c) => c.status === CounterStatus.OPEN).length;
    const exceptionDays = new Map((await this.counters.exceptionsOf([deskId], readFrom, to, m))[0].map((e) => [e.day, e.note]));
    const daysOff = await this.workingDays.daysOff(readFrom, to, m);
    // Arrivals per Vietnam day and slot of the desk's weekly hours: one statement over one desk's window (dossier_desk_received).
    const rows: Array<{ day: string; opens_at: number; n: number }> = await m.query(
      `SELECT a.day::text AS day, h.opens_at, count(*)::int AS n
         FROM (SELECT ${vietnamDaySql('d.received_at')} AS day,
                      (extract(hour FROM (d.received_at AT TIME ZONE 'UTC') + interval '7 hours') * 60
                       + extract(minute FROM (d.received_at AT TIME ZONE 'UTC') + interval '7 hours'))::int AS minute
                 FROM dossier d
                WHERE d.desk_id = $1 AND d.received_at >= ($2::date - interval '7 hours') AND d.received_at < ($3::date - interval '7 hours')) a
         JOIN opening_hours h ON h.desk_id = $1 AND h.weekday = extract(isodow FROM a.day)::int AND a.minute >= h.opens_at AND a.minute < h.closes_at
        GROUP BY a.day, h.opens_at`,
      [deskId, readFrom, origin],
    );
    const [first]: Array<{ day: string | null }> = await m.query(`SELECT ${vietnamDaySql('min(received_at)')}::text AS day FROM dossier WHERE desk_id = $1`, [deskId]);
    const firstDay = first?.day && first.day > readFrom ? first.day : readFrom;
    const counts = new Map<string, number>(rows.map((r) => [`${r.day}|${r.opens_at}`, r.n]));
    const days = new Map<string, Map<number, number>>();
    // Normal open days only: the weekday has hours, no holiday or extra day off, no opening exception.
    if (first?.day) {
      for (let d = firstDay; d < origin; d = addDays(d, 1)) {
        const slots = hours.filter((h) => h.weekday === isoWeekday(d));
        if (!slots.length || daysOff.has(d) || exceptionDays.has(d)) continue;
        days.set(d, new Map(slots.map((h) => [h.opensAt, counts.get(`${d}|${h.opensAt}`) ?? 0])));
      }
    }
    return { deskId, history: { firstDay: first?.day ? firstDay : origin, days }, openCounters, hours, daysOff, exceptionDays };
  }

  /** The forecast days: the roster's slots (CounterService.slots), 0 on the calendar's days off. */
  private async days(m: EntityManager, data: DeskData, from: string, to: string, origin: string, rate: number): Promise<ForecastDay[]> {
    const slots = await this.counters.slots(m, [data.deskId], from, to);
    const factors = monthFactors(data.history, origin);
    const out: ForecastDay[] = [];
    for (let day = from; day <= to; day = addDays(day, 1)) {
      const weekday = isoWeekday(day);
      const own = slots.filter((s) => s.day === day);
      const holiday = data.daysOff.get(day);
      if (holiday !== undefined && !(data.exceptionDays.has(day) && own.length)) {
        out.push({ day, weekday, status: ForecastDayStatus.HOLIDAY, note: holiday, expected: 0, slots: [] });
        continue;
      }
      if (!own.length) {
        out.push({ day, weekday, status: ForecastDayStatus.CLOSED, note: data.exceptionDays.get(day) ?? null, expected: 0, slots: [] });
        continue;
      }
      const daySlots = own.map((s) => {
        const p = predictSlot(data.history, factors, day, s.opensAt, origin);
        return {
          opensAt: s.opensAt,
          closesAt: s.closesAt,
          expected: p?.expected ?? null,
          low: p?.low ?? null,
          high: p?.high ?? null,
          basis: p?.basis ?? 0,
          counters: countersFor(p?.expected ?? null, s.closesAt - s.opensAt, rate, data.openCounters),
        };
      });
      const expected = daySlots.every((s) => s.expected !== null) ? Math.round(daySlots.reduce((a, s) => a + (s.expected as number), 0) * 10) / 10 : null;
      out.push({ day, weekday, status: ForecastDayStatus.OPEN, note: data.exceptionDays.get(day) ?? null, expected, slots: daySlots });
    }
    return out;
  }

  /** The last BACKTEST_WEEKS full weeks before `monday`, each forecast from the data before its own Monday. */
  private backtest(data: DeskData, monday: string): Array<{ week: ForecastBacktestWeek; pairs: Array<{ forecast: number; actual: number }> }> {
    const out: Array<{ week: ForecastBacktestWeek; pairs: Array<{ forecast: number; actual: number }> }> = [];
    for (let w = BACKTEST_WEEKS; w >= 1; w -= 1) {
      const start = addDays(monday, -7 * w);
      const factors = monthFactors(data.history, start);
      const pairs: Array<{ forecast: number; actual: number }> = [];
      const days: ForecastBacktestWeek['days'] = [];
      for (let i = 0; i < 7; i += 1) {
        const day = addDays(start, i);
        const holiday = data.daysOff.get(day);
        const actual = data.history.days.get(day);
        if (holiday !== undefined) {
          days.push({ day, status: ForecastDayStatus.HOLIDAY, note: holiday, forecast: 0, actual: null });
          continue;
        }
        if (!actual) {
          const open = data.hours.some((h) => h.weekday === isoWeekday(day));
          days.push({ day, status: open && !data.exceptionDays.has(day) ? ForecastDayStatus.OPEN : ForecastDayStatus.CLOSED, note: data.exceptionDays.get(day) ?? null, forecast: null, actual: null });
          continue;
        }
        const dayPairs: Array<{ forecast: number; actual: number }> = [];
        for (const [opensAt, n] of actual) {
          const p = predictSlot(data.history, factors, day, opensAt, start);
          if (p) dayPairs.push({ forecast: p.expected, actual: n });
        }
        pairs.push(...dayPairs);
        days.push({
          day,
          status: ForecastDayStatus.OPEN,
          note: null,
          forecast: dayPairs.length ? round2(dayPairs.reduce((a, p) => a + p.forecast, 0)) : null,
          actual: dayPairs.length ? dayPairs.reduce((a, p) => a + p.actual, 0) : null,
        });
      }
      const e = errors(pairs);
      out.push({
        week: {
          from: start,
          to: addDays(start, 6),
          forecast: pairs.length ? round2(pairs.reduce((a, p) => a + p.forecast, 0)) : null,
          actual: pairs.length ? pairs.reduce((a, p) => a + p.actual, 0) : null,
          slotsCompared: pairs.length,
          mae: e.mae,
          wape: e.wape,
          days,
        },
        pairs,
      });
    }
    return out;
  }
}
