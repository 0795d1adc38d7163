import { decodeCursor, encodeCursor } from './connection';

describe('cursors', () => {
  it('round-trip the sort value and the id', () => {
    const cursor = encodeCursor(['Xã Kỳ Bắc', '6f1c2c9e-0000-4000-8000-000000000001']);
    expect(decodeCursor(cursor)).toEqual(['Xã Kỳ Bắc', '6f1c2c9e-0000-4000-8000-000000000001']);
  });

  it('refuse anything the server did not issue', () => {
    expect(() => decodeCursor('garbage')).toThrow(/cursor/);
    expect(() => decodeCursor(Buffer.from('{"a":1}').toString('base64url'))).toThrow(/cursor/);
  });
});
