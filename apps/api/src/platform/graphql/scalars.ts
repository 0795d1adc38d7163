import { GraphQLScalarType, Kind } from 'graphql';
import { badInput } from '../errors';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

function parseDate(value: unknown): string {
  if (typeof value === 'string' && isIsoDate(value)) return value;
  throw badInput('date', {
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
    return parseDate(value);
  },
  parseValue: parseDate,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw badInput('date', { vi: 'Ngày phải là chuỗi YYYY-MM-DD.', en: 'A date must be a YYYY-MM-DD string.' });
    return parseDate(ast.value);
  },
});

/** Today in Vietnam (UTC+7, no daylight saving), the default "as of" day. */
export function todayInVietnam(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
