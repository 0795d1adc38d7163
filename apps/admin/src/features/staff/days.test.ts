import { describe, expect, it } from '@jest/globals';
import { addDays, isoWeekday, normaliseTime, todayInVietnam } from './days';

describe('days and times of the staff pages', () => {
  it('today is Vietnam’s, whatever the browser’s clock: 20:00 UTC on 4 December is already the 5th', () => {
    expect(todayInVietnam(new Date('2026-12-04T16:59:00Z'))).toBe('2026-12-04');
    expect(todayInVietnam(new Date('2026-12-04T20:00:00Z'))).toBe('2026-12-05');
  });

  it('counts days and weekdays on the calendar (1 = Thứ Hai … 7 = Chủ nhật)', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(isoWeekday('2026-12-07')).toBe(1);
    expect(isoWeekday('2026-12-06')).toBe(7);
  });

  it('reads a time typed the short ways as HH:mm, and nothing else', () => {
    expect(['7:30', '0730', '7h30', '730', '11', '11h', '17.00'].map(normaliseTime)).toEqual(['07:30', '07:30', '07:30', '07:30', '11:00', '11:00', '17:00']);
    expect(['25:00', '24', '7:75', 'hai', ''].map(normaliseTime)).toEqual([null, null, null, null, null]);
  });
});
