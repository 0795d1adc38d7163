import { TIME_ZONE } from '../../dates';

/** Today in Vietnam as YYYY-MM-DD (the API's day), whatever the browser's time zone. */
export function todayInVietnam(now: Date = new Date()): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now).map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** A YYYY-MM-DD day `days` later (earlier when negative). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** ISO weekday of a YYYY-MM-DD day: 1 = Monday … 7 = Sunday (the API's `weekday`). */
export function isoWeekday(day: string): number {
  return ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

/** The weekdays in the order a Vietnamese week is written: Thứ Hai … Chủ nhật. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const TIME = /^([01]?\d|2[0-3])(?:[:hH.]?([0-5]\d)|[hH]?)$/;

/** "7:30", "0730", "7h30" → "07:30", "11" or "11h" → "11:00"; null when it is not a time of day. */
export function normaliseTime(text: string): string | null {
  const match = TIME.exec(text.trim());
  return match ? `${match[1].padStart(2, '0')}:${match[2] ?? '00'}` : null;
}

/** "07:30–11:30". */
export function timeRange(from: string, to: string): string {
  return `${from}–${to}`;
}
