import { types as pgTypes } from 'pg';
import { parseTimestamptz } from './timestamps';

const postgresDate = pgTypes.getTypeParser(pgTypes.builtins.TIMESTAMPTZ, 'text') as (value: string) => Date | number | null;

// Every timestamp the API reads from PostgreSQL goes through this parser: it must give the instant
// node-postgres's own parser gives, for every form PostgreSQL writes.
describe('timestamptz parsing', () => {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');

  it('gives the same instant as node-postgres for generated values in every offset and precision', () => {
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const offsets = ['+00', '+07', '-03', '+05:30', '-09:30', '+05:45', '-00:25:21', '+14'];
    for (let k = 0; k < 5000; k++) {
      const fraction = ['', `.${pad(random(10), 1)}`, `.${pad(random(1000), 3)}`, `.${pad(random(1_000_000), 6)}`][random(4)];
      const text =
        `${pad(100 + random(9900), 4)}-${pad(1 + random(12))}-${pad(1 + random(28))} ` +
        `${pad(random(24))}:${pad(random(60))}:${pad(random(60))}${fraction}${offsets[random(offsets.length)]}`;
      const ours = parseTimestamptz(text) as Date;
      expect([text, ours.getTime()]).toEqual([text, (postgresDate(text) as Date).getTime()]);
    }
  });

  it('hands every other form to node-postgres unchanged', () => {
    for (const text of ['infinity', '-infinity', '0044-03-15 12:00:00+00 BC', '12345-01-01 00:00:00+00', '0099-12-31 23:59:59+00', '2026-12-04 17:48:58.5+07 BC']) {
      expect([text, parseTimestamptz(text)]).toEqual([text, postgresDate(text)]);
    }
  });

  it('reads what PostgreSQL writes', () => {
    expect((parseTimestamptz('2026-12-04 17:48:58.123456+07') as Date).toISOString()).toBe('2026-12-04T10:48:58.123Z');
    expect((parseTimestamptz('2025-07-01 00:00:00+00') as Date).toISOString()).toBe('2025-07-01T00:00:00.000Z');
  });
});
