import { addDays, isoWeekday, todayIso } from '../../dates';

/**
 * Weeks and times of a roster. Days are the API's `Date` (YYYY-MM-DD, see dates.ts); times of day are
 * the API's `TimeOfDay` ("HH:mm", Vietnam time).
 */

/** The Monday of the week of a day. */
export function mondayOf(day: string): string {
  return addDays(day, 1 - isoWeekday(day));
}

/** Monday to Sunday of the week starting on `monday`. */
export function weekDays(monday: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** "07:30" → 450. */
export function toMinutes(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
}

/** 450 → "07:30". */
export function fromMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** "07:30–11:30". */
export const span = (from: string, to: string) => `${from}–${to}`;

/** Hours from minutes, as the language writes them ("7,5" in Vietnamese, "7.5" in English). */
export function hoursText(minutes: number, language: string): string {
  return (minutes / 60).toLocaleString(language === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 2 });
}

/** A week in the address (`?week=`): any valid day is taken as its Monday; otherwise this week. */
export function weekOfParam(value: string | null): string {
  if (value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))) return mondayOf(value);
  return mondayOf(todayIso());
}
