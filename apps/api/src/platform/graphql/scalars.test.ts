import { Kind } from 'graphql';
import { addDays, DateScalar, isIsoDate, todayInVietnam } from './scalars';

describe('the Date scalar', () => {
  it('accepts real calendar days only', () => {
    expect(isIsoDate('2025-07-01')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-7-1')).toBe(false);
    expect(isIsoDate('2025-07-01T00:00:00Z')).toBe(false);
  });

  it('parses variables and literals to the same string and refuses anything else', () => {
    expect(DateScalar.parseValue('2019-07-23')).toBe('2019-07-23');
    expect(DateScalar.parseLiteral({ kind: Kind.STRING, value: '2019-07-23' }, {})).toBe('2019-07-23');
    expect(() => DateScalar.parseValue('23/07/2019')).toThrow();
    expect(() => DateScalar.parseLiteral({ kind: Kind.INT, value: '20190723' }, {})).toThrow();
  });

  it('counts days across month and year ends', () => {
    expect(addDays('2025-06-30', 1)).toBe('2025-07-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
  });

  it('“today” is the date in Vietnam (UTC+7)', () => {
    expect(todayInVietnam(new Date('2026-11-20T16:59:59Z'))).toBe('2026-11-20');
    expect(todayInVietnam(new Date('2026-11-20T17:00:00Z'))).toBe('2026-11-21');
  });
});
