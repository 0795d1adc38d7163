/**
 * The longest text the API takes in each kind of field: the same numbers as the API's validators
 * (`@Length`/`@MaxLength` in apps/api/src/modules/**), which limits.test.ts reads to keep them equal.
 * A form states them under its fields (components/FieldHelp.tsx) and counts long texts as they are typed.
 */
export const LIMITS = {
  /** A record's name (NAME_MAX): units, agencies, desks, post offices, programmes, phases; a person's full name, a counter's name. */
  name: 200,
  /** An address of a desk or post office, or of premises handed over. */
  address: 500,
  /** A note on a change (a site's move, a handover's step). */
  note: 2000,
  /** Why a phase is re-planned. */
  replanReason: 1000,
  /** Why a signed handover is reversed. */
  reverseReason: 2000,
  /** Notes on the condition of premises. */
  conditionNotes: 2000,
  /** A person's name, position, employer, owner, funder, equipment type, a trainer: short texts of a record. */
  short: 200,
  /** A record, document or certificate number ("2459/QĐ-UBND"). */
  number: 64,
  /** A document's summary, a meeting's or action item's title. */
  title: 1000,
  /** A meeting's title or place, a go-live gate. */
  meetingTitle: 500,
  /** A meeting's decision. */
  decision: 2000,
  /** A user's display name. */
  displayName: 200,
  /** A sign-in name. */
  username: 64,
  /** Why a desk opens differently on a day (a holiday, a special opening). */
  exceptionReason: 500,
  /** Where a training class was held. */
  trainingPlace: 500,
} as const;

export type LimitKey = keyof typeof LIMITS;
