import { maskedCitizenId } from './citizen-id';

/**
 * How personal data reads where its reader may not see it (the audit trail, a steering committee's
 * dossier grid): one set of masks for every module.
 */

/** "Nguyễn Văn An" → "Nguyễn V. A.": the family name and initials. */
export function maskedName(value: string | null | undefined): string | null {
  if (!value) return null;
  const [family, ...rest] = value.trim().split(/\s+/);
  return [family, ...rest.map((part) => `${part.charAt(0)}.`)].join(' ');
}

/** "0912345678" → "*******678". */
export const maskedPhone = (value: string | null | undefined): string | null => (value ? `${'*'.repeat(Math.max(0, value.length - 3))}${value.slice(-3)}` : null);

export { maskedCitizenId };

/**
 * A phone number as dossiers keep and compare it: digits only, a +84 / 84 prefix as 0
 * ("+84 912 345 678" = "0912345678"); null when it is not a Vietnamese phone number (9–10 digits after the 0).
 */
export function normalisedPhone(value: string | null | undefined): string | null {
  if (!value) return null;
  let digits = value.replace(/[\s.\-()]/g, '');
  if (digits.startsWith('+84')) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith('84') && digits.length >= 11) digits = `0${digits.slice(2)}`;
  return /^0\d{9,10}$/.test(digits) ? digits : null;
}
