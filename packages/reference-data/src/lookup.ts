import type { UnitRecord } from './types';

/** A single-column key for a unit version: "<code>@<validFrom>", unique in this package. */
export function unitKey(unit: Pick<UnitRecord, 'code' | 'validFrom'>): string {
  return `${unit.code}@${unit.validFrom}`;
}

/** Whether the unit version is in force on the ISO date `day` (bounds inclusive). */
export function isInForce(unit: UnitRecord, day: string): boolean {
  return unit.validFrom <= day && (unit.validTo === null || day <= unit.validTo);
}

/** The version of `code` in force on `day`, if any. */
export function findUnit(units: readonly UnitRecord[], code: string, day: string): UnitRecord | undefined {
  return units.find((u) => u.code === code && isInForce(u, day));
}

/** The day after an ISO date. */
export function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
