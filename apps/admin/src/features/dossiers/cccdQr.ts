import { isIsoDate } from '../../dates';

/**
 * The QR code on the back of the chip citizen identity card (CCCD), as a handheld scanner types it into
 * the reception screen: seven parts joined by "|",
 *
 *   `038190012345|173456789|Nguyễn Thị Hường|15031990|Nữ|Thôn Yên Thượng, Cẩm Xuyên, Hà Tĩnh|20042021`
 *
 * the 12-digit citizen ID, the old identity card number (CMND, 9 digits, or 12 for those issued
 * 2012–2016; empty when there was none), the full name, the birth date DDMMYYYY, the sex (Nam / Nữ),
 * the permanent address and the issue date DDMMYYYY. The 12-digit number itself states the century
 * and sex (4th digit: 0/1 born in the 1900s male/female, 2/3 in the 2000s, 4/5 in the 2100s) and the
 * last two digits of the birth year (5th and 6th): a number that disagrees with the birth date or the
 * sex on the same card is a misread.
 */

export type Sex = 'MALE' | 'FEMALE';

export interface CccdCard {
  citizenId: string;
  /** The old identity card number, or null when the card has none. */
  oldId: string | null;
  fullName: string;
  /** yyyy-MM-dd. */
  birthDate: string;
  sex: Sex;
  address: string;
  /** yyyy-MM-dd. */
  issuedOn: string;
}

/** What is wrong with a scan; `part` is the 1-based position of the offending part when there is one. */
export type CccdQrErrorKind =
  | 'PARTS'
  | 'CITIZEN_ID'
  | 'CITIZEN_ID_MISMATCH'
  | 'OLD_ID'
  | 'FULL_NAME'
  | 'BIRTH_DATE'
  | 'SEX'
  | 'ADDRESS'
  | 'ISSUED_ON';

export interface CccdQrError {
  kind: CccdQrErrorKind;
  /** Which part of the scan (1–7) is wrong; absent for PARTS. */
  part?: number;
  /** The offending text as scanned (for PARTS, the number of parts found). */
  found: string;
  /** What a clerk reads, in both languages. */
  message: { vi: string; en: string };
}

export type CccdQrResult = { ok: true; card: CccdCard } | { ok: false; error: CccdQrError };

const PART_COUNT = 7;

const MESSAGES: Record<CccdQrErrorKind, { vi: string; en: string }> = {
  PARTS: {
    vi: 'Mã QR trên CCCD gồm 7 phần cách nhau bởi dấu "|"; hãy quét lại.',
    en: 'The ID card QR code has 7 parts separated by "|"; scan it again.',
  },
  CITIZEN_ID: { vi: 'Số định danh cá nhân phải gồm 12 chữ số.', en: 'The citizen ID number must have 12 digits.' },
  CITIZEN_ID_MISMATCH: {
    vi: 'Số định danh cá nhân không khớp với năm sinh hoặc giới tính trên thẻ; hãy quét lại.',
    en: 'The citizen ID number does not match the birth year or sex on the card; scan it again.',
  },
  OLD_ID: { vi: 'Số CMND cũ phải gồm 9 hoặc 12 chữ số, hoặc để trống.', en: 'The old ID number must have 9 or 12 digits, or be empty.' },
  FULL_NAME: { vi: 'Thiếu họ và tên.', en: 'The full name is missing.' },
  BIRTH_DATE: { vi: 'Ngày sinh không phải ngày hợp lệ (ngày, tháng, năm: DDMMYYYY).', en: 'The birth date is not a valid day (DDMMYYYY).' },
  SEX: { vi: 'Giới tính phải là "Nam" hoặc "Nữ".', en: 'The sex must be "Nam" or "Nữ".' },
  ADDRESS: { vi: 'Thiếu nơi thường trú.', en: 'The address is missing.' },
  ISSUED_ON: {
    vi: 'Ngày cấp không phải ngày hợp lệ (DDMMYYYY) hoặc trước ngày sinh.',
    en: 'The issue date is not a valid day (DDMMYYYY) or is before the birth date.',
  },
};

const fail = (kind: CccdQrErrorKind, found: string, part?: number): CccdQrResult => ({
  ok: false,
  error: { kind, found, message: MESSAGES[kind], ...(part === undefined ? {} : { part }) },
});

/** DDMMYYYY → yyyy-MM-dd when it is a real calendar day from 1900 on, else null. */
function day(ddmmyyyy: string): string | null {
  const m = /^(\d{2})(\d{2})(\d{4})$/.exec(ddmmyyyy);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]}-${m[1]}`;
  return isIsoDate(iso) && iso >= '1900-01-01' ? iso : null;
}

/** The card's own words for the sex, whatever the case. */
function sexOf(text: string): Sex | null {
  const word = text.toLocaleLowerCase('vi');
  if (word === 'nam') return 'MALE';
  if (word === 'nữ') return 'FEMALE';
  return null;
}

/** The 4th digit of the citizen ID for a birth year and sex (Decree 137/2015/NĐ-CP, Article 7). */
const centurySexDigit = (year: number, sex: Sex) => (Math.floor(year / 100) - 19) * 2 + (sex === 'FEMALE' ? 1 : 0);

/** Runs of white space (a scanner's doubled spaces, a stray tab) become one space. */
const tidy = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Reads what the scanner typed. Tolerates the Enter the scanner sends after it (CR, LF or both),
 * spaces around the parts, and Vietnamese letters typed decomposed (base letter and combining marks):
 * the text is put in the composed form (NFC) first.
 */
export function parseCccdQr(scanned: string): CccdQrResult {
  const parts = scanned.normalize('NFC').replace(/[\r\n]+$/, '').split('|').map(tidy);
  if (parts.length !== PART_COUNT) return fail('PARTS', String(parts.length));
  const [citizenId, oldId, fullName, birth, sexText, address, issued] = parts;

  if (!/^\d{12}$/.test(citizenId)) return fail('CITIZEN_ID', citizenId, 1);
  if (oldId && !/^(\d{9}|\d{12})$/.test(oldId)) return fail('OLD_ID', oldId, 2);
  if (!fullName) return fail('FULL_NAME', fullName, 3);
  const birthDate = day(birth);
  if (!birthDate) return fail('BIRTH_DATE', birth, 4);
  const sex = sexOf(sexText);
  if (!sex) return fail('SEX', sexText, 5);
  if (!address) return fail('ADDRESS', address, 6);
  const issuedOn = day(issued);
  if (!issuedOn || issuedOn < birthDate) return fail('ISSUED_ON', issued, 7);

  const year = Number(birthDate.slice(0, 4));
  if (Number(citizenId[3]) !== centurySexDigit(year, sex) || citizenId.slice(4, 6) !== birthDate.slice(2, 4)) {
    return fail('CITIZEN_ID_MISMATCH', citizenId, 1);
  }
  return { ok: true, card: { citizenId, oldId: oldId || null, fullName, birthDate, sex, address, issuedOn } };
}
