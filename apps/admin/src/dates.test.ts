import { describe, expect, it } from '@jest/globals';
import { addDays, formatDate, formatDateTime, isoWeekday, todayIso } from './dates';

describe('dates', () => {
  it('shows a time of day in Vietnam time (UTC+7) as dd/MM/yyyy HH:mm, whatever the machine’s zone', () => {
    expect(formatDateTime('2026-01-06T03:04:00.000Z')).toBe('06/01/2026 10:04');
    // Late in the UTC evening is already the next day in Vietnam.
    expect(formatDateTime('2025-12-31T17:30:00Z')).toBe('01/01/2026 00:30');
    expect(formatDateTime('2026-01-06T10:04:00+07:00')).toBe('06/01/2026 10:04');
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime('not a time')).toBe('');
  });

  it('shows a day as dd/MM/yyyy', () => {
    expect(formatDate('2019-06-01')).toBe('01/06/2019');
    expect(formatDate(null)).toBe('');
  });

  it('shows the day of a time as it was in Vietnam (a client registered at 01:44 there is not shown the day before)', () => {
    expect(formatDate('2026-12-05T18:44:00.000Z')).toBe('06/12/2026');
    expect(formatDate('2026-12-05T16:59:00Z')).toBe('05/12/2026');
    expect(formatDate('not a time at all')).toBe('');
  });

  it('today is Vietnam’s, whatever the browser’s clock: 20:00 UTC on 4 December is already the 5th', () => {
    expect(todayIso(new Date('2026-12-04T16:59:00Z'))).toBe('2026-12-04');
    expect(todayIso(new Date('2026-12-04T20:00:00Z'))).toBe('2026-12-05');
  });

  it('counts days and weekdays on the calendar (1 = Thứ Hai … 7 = Chủ nhật)', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(isoWeekday('2026-12-07')).toBe(1);
    expect(isoWeekday('2026-12-06')).toBe(7);
  });
});
