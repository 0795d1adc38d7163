import { describe, expect, it } from '@jest/globals';
import { pickupWindow, proposedWindow } from './PickupQueuePage';

describe('the pickup window', () => {
  it('proposes two hours that have not begun, in Vietnam time whatever the browser’s zone, and tomorrow morning after office hours', () => {
    // 09:55 in Vietnam is 02:55 UTC.
    expect(proposedWindow(new Date('2026-12-05T02:55:00Z'))).toEqual({ day: '2026-12-05', from: '11:00', to: '13:00' });
    // 05:10 in Vietnam: this morning from 08:00.
    expect(proposedWindow(new Date('2026-12-04T22:10:00Z'))).toEqual({ day: '2026-12-05', from: '08:00', to: '10:00' });
    // 15:20 in Vietnam: too late for two hours before 17:00, so tomorrow.
    expect(proposedWindow(new Date('2026-12-05T08:20:00Z'))).toEqual({ day: '2026-12-06', from: '08:00', to: '10:00' });
    // 23:30 on 31 December in Vietnam (16:30 UTC): the next day is in the next year.
    expect(proposedWindow(new Date('2026-12-31T16:30:00Z'))).toEqual({ day: '2027-01-01', from: '08:00', to: '10:00' });
  });

  it('reads an agreed window as one phrase in Vietnam time', () => {
    expect(pickupWindow({ windowFrom: '2026-12-05T01:00:00Z', windowTo: '2026-12-05T03:00:00Z' })).toBe('05/12/2026 08:00–10:00');
    expect(pickupWindow({ windowFrom: null, windowTo: null })).toBe('');
  });
});
