import { format, isValid, parseISO } from 'date-fns';

/** Dates are shown dd/MM/yyyy in both languages (as Vietnamese documents write them). */
export const DATE_FORMAT = 'dd/MM/yyyy';

/** A Date (local day) → the API's `Date` scalar (YYYY-MM-DD). */
export function toIsoDate(date: Date): string {
  return format(date, 'yyyy-MM-dd');
}

/** The API's `Date` scalar → a local Date, or null when absent or malformed. */
export function fromIsoDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = parseISO(value);
  return isValid(date) ? date : null;
}


/**
 * `2019-06-01` → `01/06/2019`; empty for null. A `DateTimeISO` (a client registered, an endpoint added)
 * shows the day it was in Vietnam: `2026-12-05T18:44:00Z` is 06/12/2026, in a browser set to UTC too.
 */
export function formatDate(value: string | null | undefined): string {
  if (value && value.length > 10) return formatDateTime(value).slice(0, 10);
  const date = fromIsoDate(value);
  return date ? format(date, DATE_FORMAT) : '';
}

/** The time zone every time of day is shown in, whatever the browser's: Vietnam (UTC+7). */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const vietnamDay = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * Today in Vietnam as YYYY-MM-DD, the API's day, whatever the browser's time zone (a browser in UTC
 * between 17:00 and midnight is already on the next day there; an official abroad has the same week).
 */
export function todayIso(now: Date = new Date()): string {
  return vietnamDay.format(now);
}

// Days (the API's `Date`, YYYY-MM-DD) are counted in UTC, so that no browser time zone shifts them.
const DAY_MS = 86_400_000;

/** A YYYY-MM-DD day `days` later (earlier when negative). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday of a YYYY-MM-DD day: 1 = Monday … 7 = Sunday (the API's `weekday`). */
export function isoWeekday(day: string): number {
  return ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

const vietnamParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** A `DateTimeISO` → `dd/MM/yyyy HH:mm` in Vietnam time (an official abroad or a browser set to UTC reads the same). */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  if (!isValid(date)) return '';
  const part = Object.fromEntries(vietnamParts.formatToParts(date).map((p) => [p.type, p.value]));
  return `${part.day}/${part.month}/${part.year} ${part.hour}:${part.minute}`;
}

/** A string is a real calendar day in YYYY-MM-DD form. */
export function isIsoDate(value: string | null | undefined): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && fromIsoDate(value) !== null;
}
