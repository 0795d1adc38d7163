import { badInput } from './errors';

/**
 * Số định danh cá nhân (the 12-digit number of the citizen identity card, CCCD), as Circular
 * 07/2016/TT-BCA and its successors write it: 3 digits of the province where the birth was registered
 * (the codes of the 63 provinces before the 2025 mergers, 001–096 with gaps), 1 digit for century and
 * sex (0/1: born in the 1900s, male/female; 2/3: 2000s; 4/5: 2100s; …), 2 digits of the year of birth,
 * 6 random digits.
 */
export const BIRTH_PROVINCE_CODES = new Set([
  '001', '002', '004', '006', '008', '010', '011', '012', '014', '015', '017', '019', '020', '022', '024', '025', '026', '027',
  '030', '031', '033', '034', '035', '036', '037', '038', '040', '042', '044', '045', '046', '048', '049', '051', '052', '054',
  '056', '058', '060', '062', '064', '066', '067', '068', '070', '072', '074', '075', '077', '079', '080', '082', '083', '084',
  '086', '087', '089', '091', '092', '093', '094', '095', '096',
]);

/** The year of birth the number states, or null when it is not a citizen ID number. */
export function citizenIdBirthYear(value: string): number | null {
  if (!/^\d{12}$/.test(value) || !BIRTH_PROVINCE_CODES.has(value.slice(0, 3))) return null;
  const century = 1900 + Math.floor(Number(value[3]) / 2) * 100;
  return century + Number(value.slice(4, 6));
}

/**
 * A citizen ID number a working person can hold on `today`: the format, a known birth province, and a
 * year of birth between 100 and 15 years ago (the minimum working age). Spaces are dropped.
 */
export function citizenId(value: string, field: string, today: string): string {
  const digits = value.replace(/\s+/g, '');
  const year = citizenIdBirthYear(digits);
  const thisYear = Number(today.slice(0, 4));
  if (year === null || year > thisYear - 15 || year < thisYear - 100) {
    throw badInput(field, {
      vi: 'Số định danh cá nhân (CCCD) gồm 12 chữ số: mã tỉnh nơi đăng ký khai sinh, mã thế kỷ và giới tính, năm sinh, 6 số ngẫu nhiên.',
      en: 'A citizen ID number has 12 digits: the birth province code, a century-and-sex digit, the year of birth, 6 random digits.',
    });
  }
  return digits;
}

/** What the audit trail and readers without access see: the last 3 digits only. */
export const maskedCitizenId = (value: string | null) => (value ? `*********${value.slice(-3)}` : null);
