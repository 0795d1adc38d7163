import { GraphQLScalarType, Kind } from 'graphql';
import { badInput, SCALAR_FIELD } from '../errors';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/**
 * The days the product accepts: nothing in its domain (legal documents, plans, validity of units and
 * records, hand-overs, rosters, dossiers) lies before 1945, when the state these units belong to was
 * founded, or after 2100. A phase "ending 31/12/9999" is a typing slip, refused with the field named
 * (the error formatter puts the variable's path in place of `date`), never a timeline that cannot be drawn.
 * A narrower rule of a module (an effective date not before its programme, say) is checked in its service.
 */
export const EARLIEST_DATE = '1945-01-01';
export const LATEST_DATE = '2100-12-31';

function parseDate(value: unknown): string {
  if (typeof value === 'string' && isIsoDate(value)) {
    if (value >= EARLIEST_DATE && value <= LATEST_DATE) return value;
    throw badInput(SCALAR_FIELD, {
      vi: `Ngày ${shownDay(value)} nằm ngoài khoảng cho phép (${shownDay(EARLIEST_DATE)} – ${shownDay(LATEST_DATE)}).`,
      en: `${shownDay(value)} is outside the accepted range (${shownDay(EARLIEST_DATE)} – ${shownDay(LATEST_DATE)}).`,
    });
  }
  throw badInput(SCALAR_FIELD, {
    vi: `"${String(value)}" không phải ngày hợp lệ (YYYY-MM-DD).`,
    en: `"${String(value)}" is not a valid date (YYYY-MM-DD).`,
  });
}

/**
 * A calendar date without time or zone, written `YYYY-MM-DD` (ISO 8601). Legal dates (decisions,
 * validity of administrative units) are days, not instants.
 */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date without time or time zone, `YYYY-MM-DD` (ISO 8601).',
  serialize(value) {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    // What the database holds is written as it is (the bounds are for what comes in).
    if (typeof value === 'string' && ISO_DATE.test(value)) return value;
    return parseDate(value);
  },
  parseValue: parseDate,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw badInput(SCALAR_FIELD, { vi: 'Ngày phải là chuỗi YYYY-MM-DD.', en: 'A date must be a YYYY-MM-DD string.' });
    return parseDate(ast.value);
  },
});

/** A day as officials read it in a message, dd/MM/yyyy (both languages): "2026-01-01" → "01/01/2026". */
export function shownDay(isoDate: string | null | undefined): string {
  if (!isoDate) return '';
  const [y, m, d] = isoDate.split('-');
  return `${d}/${m}/${y}`;
}

/** Today in Vietnam (UTC+7, no daylight saving), the default "as of" day. */
export function todayInVietnam(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

/** "07:30" → 450 (minutes since midnight); what the database keeps for opening hours and shifts. */
export function minutesOf(value: string): number {
  const [h, m] = value.split(':').map(Number);
  return h * 60 + m;
}

/** 450 → "07:30". */
export function timeOfDay(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * Variables are coerced twice (graphql-js, then graphql-jit: platform/graphql/executor.ts), so a
 * scalar's parseValue must take its own result back: minutes already parsed pass through.
 */
function parseTimeOfDay(value: unknown): number {
  if (typeof value === 'string' && TIME_OF_DAY.test(value)) return minutesOf(value);
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 1440) return value;
  throw badInput(SCALAR_FIELD, {
    vi: `"${String(value)}" không phải giờ hợp lệ (HH:mm, từ 00:00 đến 24:00).`,
    en: `"${String(value)}" is not a valid time of day (HH:mm, 00:00 to 24:00).`,
  });
}

/**
 * A time of day in Vietnam, `HH:mm` (24-hour; 24:00 ends a day), as opening hours and shifts are
 * written on a desk's notice board. Resolvers and services see minutes since midnight (a number):
 * Vietnam has no daylight saving time, so a desk's hours never depend on the server's zone.
 */
export const TimeOfDayScalar = new GraphQLScalarType<number, string>({
  name: 'TimeOfDay',
  description: 'A time of day in Vietnam, `HH:mm` (24-hour, 00:00–24:00).',
  serialize(value) {
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 1440) return timeOfDay(value);
    if (typeof value === 'string' && TIME_OF_DAY.test(value)) return value;
    throw new TypeError(`TimeOfDay cannot represent ${String(value)}`);
  },
  parseValue: parseTimeOfDay,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw badInput(SCALAR_FIELD, { vi: 'Giờ phải là chuỗi HH:mm.', en: 'A time of day must be an HH:mm string.' });
    return parseTimeOfDay(ast.value);
  },
});
