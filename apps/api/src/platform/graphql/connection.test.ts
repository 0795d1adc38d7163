import { decodeCursor, encodeCursor } from './connection';

describe('cursors', () => {
  it('round-trip the sort value and the id', () => {
    const cursor = encodeCursor(['Xã Kỳ Bắc', '6f1c2c9e-0000-4000-8000-000000000001']);
    expect(decodeCursor(cursor)).toEqual(['Xã Kỳ Bắc', '6f1c2c9e-0000-4000-8000-000000000001']);
  });

  it('refuse anything the server did not issue, as a field error on `after`', () => {
    for (const bad of ['garbage', Buffer.from('{"a":1}').toString('base64url'), encodeCursor(['only one'] as never)]) {
      expect(() => decodeCursor(bad)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'after' })] }));
    }
  });
});
