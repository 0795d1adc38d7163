import { AppError } from './errors';
import { parsePostalItemNumber, postalItemNumber, s10CheckDigit } from './postal-item';

describe('UPU S10 postal item numbers', () => {
  it('computes the check digit as the standard does', () => {
    // The standard's own worked example: 47312482, weighted sum 200, 200 mod 11 = 2, C = 11 − 2 = 9.
    expect(s10CheckDigit('47312482')).toBe(9);
    // 12345678: sum 204, mod 11 = 6, C = 5.
    expect(s10CheckDigit('12345678')).toBe(5);
    // 47326578: sum 252, mod 11 = 10, C = 1.
    expect(s10CheckDigit('47326578')).toBe(1);
    // C = 10 is written 0 (00000008: sum 56, mod 11 = 1) and C = 11 is written 5 (00000015: sum 44, mod 11 = 0).
    expect(s10CheckDigit('00000008')).toBe(0);
    expect(s10CheckDigit('00000015')).toBe(5);
    expect(s10CheckDigit('00000000')).toBe(5);
  });

  it('refuses a serial number that is not eight digits', () => {
    expect(() => s10CheckDigit('1234567')).toThrow(RangeError);
    expect(() => s10CheckDigit('1234567a')).toThrow(RangeError);
    expect(() => s10CheckDigit('123456789')).toThrow(RangeError);
  });

  it('accepts valid numbers and gives their canonical form', () => {
    expect(parsePostalItemNumber('RR473124829CH')).toBe('RR473124829CH');
    expect(parsePostalItemNumber('EE123456785VN')).toBe('EE123456785VN');
    expect(parsePostalItemNumber('CP000000080VN')).toBe('CP000000080VN');
    expect(parsePostalItemNumber('RB000000155VN')).toBe('RB000000155VN');
    // As clerks type them and scanners read them: spaces, lower case, a trailing newline.
    expect(parsePostalItemNumber(' ee 1234 5678 5 vn\r\n')).toBe('EE123456785VN');
    expect(parsePostalItemNumber('Rr 47312482 9 cH')).toBe('RR473124829CH');
  });

  it('refuses a wrong check digit or a wrong shape', () => {
    expect(parsePostalItemNumber('EE123456784VN')).toBeNull(); // check digit off by one
    expect(parsePostalItemNumber('RR473265785CH')).toBeNull(); // 47326578 has check digit 1, not 5
    expect(parsePostalItemNumber('EE12345678VN')).toBeNull(); // no check digit
    expect(parsePostalItemNumber('EE1234567855VN')).toBeNull(); // a digit too many
    expect(parsePostalItemNumber('E1123456785VN')).toBeNull(); // one letter in the service indicator
    expect(parsePostalItemNumber('EE123456785V')).toBeNull(); // one-letter country
    expect(parsePostalItemNumber('EE123456785VNM')).toBeNull();
    expect(parsePostalItemNumber('EE-12345678-5-VN')).toBeNull();
    expect(parsePostalItemNumber('')).toBeNull();
  });

  it('turns an invalid number into a field error for a service', () => {
    expect(postalItemNumber('ee123456785vn', 'postalItemNumber')).toBe('EE123456785VN');
    try {
      postalItemNumber('EE123456784VN', 'postalItemNumber');
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('BAD_USER_INPUT');
      expect((error as AppError).fields[0].field).toBe('postalItemNumber');
    }
  });
});
