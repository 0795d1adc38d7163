import { badInput } from './errors';

/**
 * Postal item numbers as the UPU S10 standard sets them, 13 characters: a two-letter service indicator
 * (EE for EMS, RR for registered letters, CP for parcels…), an eight-digit serial number, a check digit
 * and the two-letter ISO country code of the issuing post (VN for Vietnam Post), e.g. EE123456785VN.
 */

const WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7];
const S10 = /^([A-Z]{2})(\d{8})(\d)([A-Z]{2})$/;

/**
 * The check digit of an eight-digit serial number: the digits weighted 8 6 4 2 3 5 9 7 and summed,
 * C = 11 − (sum mod 11), where 10 becomes 0 and 11 becomes 5. Throws on anything but eight digits.
 */
export function s10CheckDigit(eightDigits: string): number {
  if (!/^\d{8}$/.test(eightDigits)) throw new RangeError(`An S10 serial number has eight digits, not "${eightDigits}"`);
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(eightDigits[i]), 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 0 : check === 11 ? 5 : check;
}

/**
 * The canonical form (upper case, no spaces) of a postal item number as a clerk types or a scanner
 * reads it ("ee 1234 5678 5 vn" → "EE123456785VN"), or null when it is not a valid S10 number: wrong
 * shape or a check digit that does not match.
 */
export function parsePostalItemNumber(value: string): string | null {
  const compact = value.replace(/\s+/g, '').toUpperCase();
  const m = S10.exec(compact);
  if (!m || s10CheckDigit(m[2]) !== Number(m[3])) return null;
  return compact;
}

/** A postal item number for a service's input: the canonical form, or a field error on `field`. */
export function postalItemNumber(value: string, field: string): string {
  const parsed = parsePostalItemNumber(value);
  if (parsed === null) {
    throw badInput(field, {
      vi: 'Số hiệu bưu gửi gồm 13 ký tự theo chuẩn UPU S10: 2 chữ cái, 8 chữ số, 1 số kiểm tra và mã nước (ví dụ EE123456785VN).',
      en: 'A postal item number has 13 characters under UPU S10: 2 letters, 8 digits, a check digit and the country code (e.g. EE123456785VN).',
    });
  }
  return parsed;
}
