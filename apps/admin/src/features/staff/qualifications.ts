import { addDays } from '../../dates';

/** A qualification expiring within this many days shows amber (the grid's filter uses the same). */
export const EXPIRING_WITHIN_DAYS = 30;

/**
 * Where a qualification stands on a day: valid (with no expiry, or expiring later than 30 days on),
 * expiring (within 30 days), expired, or not yet valid (trained on a later day).
 */
export type QualificationState = 'valid' | 'expiring' | 'expired' | 'notYet';

interface Dated {
  trainedOn: string;
  expiresOn?: string | null;
  field?: { id: string } | null;
}

export function qualificationState(q: Dated, today: string): QualificationState {
  if (q.trainedOn > today) return 'notYet';
  if (!q.expiresOn) return 'valid';
  if (q.expiresOn < today) return 'expired';
  if (q.expiresOn <= addDays(today, EXPIRING_WITHIN_DAYS)) return 'expiring';
  return 'valid';
}

/** Later expiry first; no expiry is the latest of all. */
const expiry = (q: Dated) => q.expiresOn ?? '9999-12-31';

/**
 * The qualification that counts for each field: the one valid longest (a renewed certificate
 * replaces the expired one it renews), in the order the fields first appear.
 */
export function currentQualifications<Q extends Dated>(list: readonly Q[], today: string): Q[] {
  const best = new Map<string, Q>();
  for (const q of list) {
    const key = q.field?.id ?? '';
    const held = best.get(key);
    const usable = (x: Q) => x.trainedOn <= today;
    if (!held || (usable(q) && !usable(held)) || (usable(q) === usable(held) && expiry(q) > expiry(held))) best.set(key, q);
  }
  return [...best.values()];
}
