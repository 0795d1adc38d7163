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
  return toIsoDate(new Date());
}

/** `2019-06-01` → `01/06/2019`; empty for null. */
export function formatDate(value: string | null | undefined): string {
  const date = fromIsoDate(value);
  return date ? format(date, DATE_FORMAT) : '';
}

/** A `DateTimeISO` → `dd/MM/yyyy HH:mm` in local time. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  return isValid(date) ? format(date, `${DATE_FORMAT} HH:mm`) : '';
}

/** A string is a real calendar day in YYYY-MM-DD form. */
export function isIsoDate(value: string | null | undefined): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && fromIsoDate(value) !== null;
}
