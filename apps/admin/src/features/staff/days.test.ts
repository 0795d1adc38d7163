import { describe, expect, it } from '@jest/globals';
import { normaliseTime } from './days';

describe('times of the staff pages', () => {
  it('reads a time typed the short ways as HH:mm, and nothing else', () => {
    expect(['7:30', '0730', '7h30', '730', '11', '11h', '17.00'].map(normaliseTime)).toEqual(['07:30', '07:30', '07:30', '07:30', '11:00', '11:00', '17:00']);
    expect(['25:00', '24', '7:75', 'hai', ''].map(normaliseTime)).toEqual([null, null, null, null, null]);
  });
});
