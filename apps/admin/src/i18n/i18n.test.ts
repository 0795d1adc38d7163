import { describe, expect, it } from '@jest/globals';
import { en, vi } from './index';

/** Every text of a translation file, by its dotted key. */
function entries(value: unknown, prefix = ''): Array<[string, unknown]> {
  if (typeof value !== 'object' || value === null) return [[prefix, value]];
  return Object.entries(value).flatMap(([k, v]) => entries(v, prefix ? `${prefix}.${k}` : k));
}
const keys = (value: unknown) => entries(value).map(([key]) => key);

describe('translations', () => {
  it('Vietnamese and English have the same keys', () => {
    expect(keys(en).sort()).toEqual(keys(vi).sort());
  });

  it('no text is left empty', () => {
    const empty = [...entries(vi), ...entries(en)].filter(([, text]) => typeof text !== 'string' || text.trim() === '');
    expect(empty).toEqual([]);
  });
});
