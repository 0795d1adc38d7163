import { compareVietnamese, vietnameseSortKey } from './vietnamese-order';

// The order an official expects in every list: the Vietnamese alphabet, tones after the base letter.
describe('Vietnamese alphabetical order', () => {
  const sorted = (names: string[]) => [...names].sort(compareVietnamese);

  it('orders letters as the Vietnamese alphabet does (a ă â b c d đ e ê … o ô ơ … u ư …)', () => {
    expect(sorted(['Ê', 'Đ', 'E', 'D', 'Â', 'Ă', 'A', 'Ư', 'U', 'Ơ', 'Ô', 'O', 'B', 'C', 'Y', 'X', 'V'])).toEqual([
      'A', 'Ă', 'Â', 'B', 'C', 'D', 'Đ', 'E', 'Ê', 'O', 'Ô', 'Ơ', 'U', 'Ư', 'V', 'X', 'Y',
    ]);
  });

  it('puts a letter with a mark after every word with the bare letter there', () => {
    expect(sorted(['ăa', 'az', 'âa', 'ăz', 'b'])).toEqual(['az', 'ăa', 'ăz', 'âa', 'b']);
    expect(sorted(['Đa', 'dz', 'Dương', 'đà', 'e'])).toEqual(['Dương', 'dz', 'Đa', 'đà', 'e']);
    expect(sorted(['ưa', 'uz', 'ơn', 'ôz', 'oz'])).toEqual(['oz', 'ôz', 'ơn', 'uz', 'ưa']);
  });

  it('puts the provinces of the outside review in order', () => {
    expect(sorted(['Tỉnh Đồng Nai', 'Tỉnh Bình Thuận', 'Tỉnh Bắc Kạn', 'Tỉnh Điện Biên', 'Tỉnh Đắk Lắk', 'Tỉnh Gia Lai', 'Tỉnh Bà Rịa - Vũng Tàu'])).toEqual([
      'Tỉnh Bà Rịa - Vũng Tàu', 'Tỉnh Bắc Kạn', 'Tỉnh Bình Thuận', 'Tỉnh Đắk Lắk', 'Tỉnh Điện Biên', 'Tỉnh Đồng Nai', 'Tỉnh Gia Lai',
    ]);
    expect(sorted(['Đồng Nai', 'Tỉnh Hà Tĩnh', 'Bình Thuận', 'Bắc Kạn'])).toEqual(['Bắc Kạn', 'Bình Thuận', 'Đồng Nai', 'Tỉnh Hà Tĩnh']);
  });

  it('lets tones decide only between names equal without them, in the order ngang, huyền, hỏi, ngã, sắc, nặng', () => {
    expect(sorted(['mạ', 'má', 'mã', 'mả', 'mà', 'ma'])).toEqual(['ma', 'mà', 'mả', 'mã', 'má', 'mạ']);
    // The letters of the whole name decide first (l before t), the tones only after.
    expect(sorted(['Hạ Long', 'Hà Tĩnh'])).toEqual(['Hạ Long', 'Hà Tĩnh']);
    expect(sorted(['Bá', 'Ba Vì'])).toEqual(['Bá', 'Ba Vì']);
  });

  it('puts a shorter name first, digits before letters, and ignores nothing else', () => {
    expect(sorted(['Phường 10', 'Phường 2', 'Phường Bến Thành', 'Phường'])).toEqual(['Phường', 'Phường 10', 'Phường 2', 'Phường Bến Thành']);
    expect(sorted(['an', 'An', 'AN'])).toEqual(['AN', 'An', 'an']);
    expect(vietnameseSortKey('Kỳ Bắc')).not.toBe(vietnameseSortKey('Ky Bac'));
  });
});
