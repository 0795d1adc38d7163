/**
 * The demand forecast's model (issue 13), pure: no database, so the tests check it by hand.
 *
 * What it forecasts: the arrivals of a desk, i.e. the dossiers received at that desk, per Vietnam day
 * and opening slot (an interval of the desk's weekly opening hours, the roster's slots). A dossier
 * received outside every slot of its day (an online registration at night) is not an arrival.
 *
 * The method, in words an official can check with a calculator:
 * 1. Comparable days. For a slot of a day (say Monday 07:30–11:30), take the same slot on the same
 *    weekday in the last COMPARABLE_WEEKS (8) weeks before the forecast is made, skipping days the
 *    desk was not normally open: public holidays, the government's extra days off, days with an
 *    opening exception of the desk, and days before the desk's first dossier. With fewer than
 *    MIN_COMPARABLE (3) such days there is no forecast for the slot (too little history).
 * 2. Seasonality by month (only with a year of history before the forecast is made: each of the twelve
 *    months with at least 4 normal open days in the last 364 days): a month's
 *    factor is the mean arrivals per normal open day of that month in the last 364 days over the mean
 *    of every normal open day of those 364 days, kept within 0.5–2. Each comparable day's arrivals are
 *    divided by its month's factor, averaged, then multiplied by the factor of the forecast day's
 *    month: January after a busy December is not forecast at December's level. Without a full year,
 *    every factor is 1 (plain mean) and the forecast says so (`seasonal` false).
 * 3. Closed days: a public holiday or extra day off of the working-day calendar (modules/working-days)
 *    forecasts 0 arrivals, and so do days the desk does not open (no hours, or closed by exception).
 * 4. The band: the mean ± one standard deviation of the comparable days (same scaling), at least 0:
 *    where most weeks fall.
 * 5. Counters: ceil(expected ÷ (dossiers a counter receives per hour × the slot's hours)), at least 1
 *    while the desk is open (someone must be there to receive) and at most its open counters. The rate
 *    is DEFAULT_DOSSIERS_PER_COUNTER_HOUR (4 an hour: about 15 minutes per dossier, guidance and
 *    checking included) unless the caller gives another for the desk.
 * 6. The error on past weeks (backtest): each of the last BACKTEST_WEEKS (4) full weeks is forecast from
 *    the data before its Monday only, then compared slot by slot with what arrived: MAE (mean absolute
 *    error, dossiers per slot) and WAPE (sum of absolute errors over the sum of arrivals, in %), per
 *    week and over the four. Only the slots of normal open days with a forecast count.
 */
import { addDays } from '../../platform/graphql/scalars';

export const COMPARABLE_WEEKS = 8;
export const MIN_COMPARABLE = 3;
export const SEASON_DAYS = 364;
export const BACKTEST_WEEKS = 4;
export const DEFAULT_DOSSIERS_PER_COUNTER_HOUR = 4;
const FACTOR_MIN = 0.5;
const FACTOR_MAX = 2;
/** Every month needs this many normal open days in the year for the factors to be used. */
const MIN_DAYS_PER_MONTH = 4;

/** The history: every normal open day from `firstDay` on, with its arrivals per slot start (minutes; 0 when none came). */
export interface ForecastHistory {
  firstDay: string;
  days: ReadonlyMap<string, ReadonlyMap<number, number>>;
}

export interface SlotPrediction {
  expected: number;
  low: number;
  high: number;
  /** Comparable days used. */
  basis: number;
}

const monthOf = (day: string) => Number(day.slice(5, 7)) - 1;
const round1 = (x: number) => Math.round(x * 10) / 10;
export const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The twelve month factors from the 364 days before `origin`, or null without a year of history: every
 * calendar month needs MIN_DAYS_PER_MONTH normal open days with data in those 364 days.
 */
export function monthFactors(history: ForecastHistory, origin: string): number[] | null {
  const start = addDays(origin, -SEASON_DAYS);
  const sums = new Array<number>(12).fill(0);
  const counts = new Array<number>(12).fill(0);
  let total = 0;
  let n = 0;
  for (const [day, slots] of history.days) {
    if (day < start || day >= origin) continue;
    let daily = 0;
    for (const v of slots.values()) daily += v;
    sums[monthOf(day)] += daily;
    counts[monthOf(day)] += 1;
    total += daily;
    n += 1;
  }
  if (n === 0 || total === 0 || counts.some((c) => c < MIN_DAYS_PER_MONTH)) return null;
  const mean = total / n;
  return sums.map((s, i) => Math.min(FACTOR_MAX, Math.max(FACTOR_MIN, s / counts[i] / mean)));
}

/** The forecast of one slot of `day`, from the data before `origin` only (null: too little history). */
export function predictSlot(history: ForecastHistory, factors: number[] | null, day: string, opensAt: number, origin: string): SlotPrediction | null {
  let d = day;
  while (d >= origin) d = addDays(d, -7);
  const values: number[] = [];
  for (; values.length < COMPARABLE_WEEKS && d >= history.firstDay; d = addDays(d, -7)) {
    const v = history.days.get(d)?.get(opensAt);
    if (v !== undefined) values.push(factors ? v / factors[monthOf(d)] : v);
  }
  if (values.length < MIN_COMPARABLE) return null;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
  const f = factors ? factors[monthOf(day)] : 1;
  return { expected: round1(mean * f), low: round1(Math.max(0, (mean - sd) * f)), high: round1((mean + sd) * f), basis: values.length };
}

/** Counters to staff for `expected` arrivals in a slot of `minutes` (see step 5). */
export function countersFor(expected: number | null, minutes: number, perCounterHour: number, openCounters: number): number | null {
  if (expected === null) return null;
  if (openCounters <= 0) return 0;
  const capacity = (perCounterHour * minutes) / 60;
  return Math.min(openCounters, Math.max(1, Math.ceil(round2(expected / capacity))));
}

/** MAE and WAPE (%) of forecast/actual pairs (null when there is nothing to compare, WAPE null when nothing arrived). */
export function errors(pairs: ReadonlyArray<{ forecast: number; actual: number }>): { mae: number | null; wape: number | null } {
  if (pairs.length === 0) return { mae: null, wape: null };
  const abs = pairs.reduce((a, p) => a + Math.abs(p.forecast - p.actual), 0);
  const actual = pairs.reduce((a, p) => a + p.actual, 0);
  return { mae: round2(abs / pairs.length), wape: actual > 0 ? round2((100 * abs) / actual) : null };
}
