import { describe, expect, it } from '@jest/globals';
import { formatDate, formatDateTime } from './dates';

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
  });
});
