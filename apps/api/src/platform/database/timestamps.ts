import { types as pgTypes } from 'pg';

/** node-postgres's own parser (postgres-date), for every form but the common one. */
const parseDate = pgTypes.getTypeParser(pgTypes.builtins.TIMESTAMPTZ, 'text') as (value: string) => Date | number | null;

/**
 * node-postgres's parser of `timestamptz` text, with a fast path for the one form PostgreSQL sends
 * under its default ISO DateStyle: 'YYYY-MM-DD HH:MM:SS[.ffffff]±HH[:MM[:SS]]'. postgres-date runs
 * four regular expressions a value; the list pages read two timestamps a row (createdAt, updatedAt),
 * whether asked for or not. Anything else (years past 9999, BC, infinity, another DateStyle) goes to
 * postgres-date unchanged; timestamps.test.ts checks both give the same instant.
 */
export function parseTimestamptz(value: string): Date | number | null {
  const n = value.length;
  if (n < 22 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45 || value.charCodeAt(10) !== 32 || value.charCodeAt(13) !== 58 || value.charCodeAt(16) !== 58) {
    return parseDate(value);
  }
  const digits = (from: number, count: number): number => {
    let v = 0;
    for (let i = from; i < from + count; i++) {
      const c = value.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return NaN;
      v = v * 10 + c;
    }
    return v;
  };
  let i = 19;
  let ms = 0;
  if (value.charCodeAt(i) === 46) {
    let scale = 100;
    for (i = 20; i < n; i++) {
      const c = value.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      ms += c * scale;
      scale /= 10;
    }
  }
  const sign = value.charCodeAt(i);
  if (sign !== 43 && sign !== 45) return parseDate(value);
  let offset = digits(i + 1, 2) * 3600;
  i += 3;
  if (i < n && value.charCodeAt(i) === 58) {
    offset += digits(i + 1, 2) * 60;
    i += 3;
  }
  if (i < n && value.charCodeAt(i) === 58) {
    offset += digits(i + 1, 2);
    i += 3;
  }
  const year = digits(0, 4);
  const utc = Date.UTC(year, digits(5, 2) - 1, digits(8, 2), digits(11, 2), digits(14, 2), digits(17, 2), ms);
  if (i !== n || year < 100 || Number.isNaN(utc) || Number.isNaN(offset)) return parseDate(value);
  return new Date(utc - (sign === 43 ? offset : -offset) * 1000);
}
