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

export function todayIso(): string {
  // The day in Vietnam (UTC+7), as the API counts it, whatever the browser's time zone (a browser in UTC
  // between 17:00 and midnight is already on the next day there).
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}

/** `2019-06-01` → `01/06/2019`; empty for null. */
export function formatDate(value: string | null | undefined): string {
  const date = fromIsoDate(value);
  return date ? format(date, DATE_FORMAT) : '';
}

/** The time zone every time of day is shown in, whatever the browser's: Vietnam (UTC+7). */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

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
