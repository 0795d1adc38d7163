import type { TFunction } from 'i18next';
import { normaliseTime, timeRange, WEEKDAYS, type Weekday } from '../staff/days';

/** One interval of a weekday as the form holds it (texts as typed). */
export interface IntervalRow {
  /** Stable across edits, for React. */
  key: string;
  opensAt: string;
  closesAt: string;
  /** Counters to staff; '' for every open counter. */
  demand: string;
}

export type WeekRows = Record<Weekday, IntervalRow[]>;

let nextKey = 0;
export const newRow = (opensAt = '', closesAt = '', demand = ''): IntervalRow => ({ key: `row-${(nextKey += 1)}`, opensAt, closesAt, demand });

/** Vietnamese administrative hours: Monday to Friday, 07:30–11:30 and 13:30–17:00. */
export function officeHours(): WeekRows {
  return Object.fromEntries(WEEKDAYS.map((d) => [d, d <= 5 ? [newRow('07:30', '11:30'), newRow('13:30', '17:00')] : []])) as unknown as WeekRows;
}

/** A desk's hours (from the API) as the form's rows; office hours when it has none yet. */
export function rowsOf(hours: ReadonlyArray<{ weekday: number; opensAt: string; closesAt: string; demand?: number | null }>): WeekRows {
  if (hours.length === 0) return officeHours();
  return Object.fromEntries(
    WEEKDAYS.map((d) => [d, hours.filter((h) => h.weekday === d).map((h) => newRow(h.opensAt, h.closesAt, h.demand == null ? '' : String(h.demand)))]),
  ) as unknown as WeekRows;
}

/** The place of each row in the API's `intervals` list (weekdays in order, rows in order): its errors come back as `intervals.<i>.<field>`. */
export function flatIndex(rows: WeekRows, weekday: Weekday, index: number): number {
  return WEEKDAYS.filter((d) => d < weekday).reduce((n, d) => n + rows[d].length, 0) + index;
}

export interface OpeningIntervalValue {
  weekday: number;
  opensAt: string;
  closesAt: string;
  demand: number | null;
}

/**
 * The form's own checks of a week, by the API's paths (`intervals.3.closesAt`): times as HH:mm, closing
 * after opening, no overlap with an earlier interval of the same day, demand a whole number 0–999 or
 * empty. With no message, the intervals to send.
 */
export function checkWeek(rows: WeekRows, t: TFunction): { messages: Record<string, string>; intervals: OpeningIntervalValue[] } {
  const messages: Record<string, string> = {};
  const intervals: OpeningIntervalValue[] = [];
  for (const weekday of WEEKDAYS) {
    const seen: Array<{ opensAt: string; closesAt: string }> = [];
    rows[weekday].forEach((row, index) => {
      const path = `intervals.${flatIndex(rows, weekday, index)}`;
      const opensAt = normaliseTime(row.opensAt);
      const closesAt = normaliseTime(row.closesAt);
      if (!opensAt) messages[`${path}.opensAt`] = t('staff.hours.invalidTime');
      if (!closesAt) messages[`${path}.closesAt`] = t('staff.hours.invalidTime');
      else if (opensAt && closesAt <= opensAt) messages[`${path}.closesAt`] = t('staff.hours.closeAfterOpen');
      if (opensAt && closesAt && closesAt > opensAt) {
        const clash = seen.find((o) => o.opensAt < closesAt && opensAt < o.closesAt);
        if (clash) messages[`${path}.opensAt`] = t('staff.hours.overlap', { range: timeRange(clash.opensAt, clash.closesAt) });
        seen.push({ opensAt, closesAt });
      }
      const demand = row.demand.trim();
      const demandOk = demand === '' || (/^\d+$/.test(demand) && Number(demand) <= 999);
      if (!demandOk) messages[`${path}.demand`] = t('staff.hours.demandInvalid');
      intervals.push({ weekday, opensAt: opensAt ?? row.opensAt, closesAt: closesAt ?? row.closesAt, demand: demand === '' || !demandOk ? null : Number(demand) });
    });
  }
  return { messages, intervals };
}
