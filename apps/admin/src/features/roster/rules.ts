import { addDays } from '../../dates';
import type { RosterCounterFragment, RosterPersonFragment, RosterShiftFragment } from '../../graphql/generated';
import { mondayOf, toMinutes } from './week';

/** The Labour Code's normal hours, as the API checks them: 8 a day, 48 a week. */
export const MAX_MINUTES_PER_DAY = 8 * 60;
export const MAX_MINUTES_PER_WEEK = 48 * 60;

/** A shift as it would be written. Times in minutes. */
export interface Placement {
  staffId: string;
  counterId: string;
  day: string;
  startsAt: number;
  endsAt: number;
}

/** The hard rules the board can check before saving (the API checks them all again). */
export type ClientRule =
  'STAFF_NOT_ACTIVE' | 'COUNTER_NOT_OPEN' | 'ABSENT' | 'NOT_QUALIFIED' | 'PERSON_DOUBLE_BOOKED' | 'COUNTER_DOUBLE_BOOKED' | 'DAILY_HOURS' | 'WEEKLY_HOURS';

/** A rule the placement would break, with what the message names (`roster.rules.<rule>`). */
export interface ClientConflict {
  rule: ClientRule;
  /** Another shift it collides with, when there is one. */
  shiftId?: string;
  params: Record<string, string | number>;
}

interface Timed {
  id: string;
  day: string;
  startsAt: string;
  endsAt: string;
}

const minutesOf = (s: Timed) => toMinutes(s.endsAt) - toMinutes(s.startsAt);
const overlaps = (s: Timed, p: Pick<Placement, 'day' | 'startsAt' | 'endsAt'>) =>
  s.day === p.day && toMinutes(s.startsAt) < p.endsAt && toMinutes(s.endsAt) > p.startsAt;

/** Every shift of a person in the week: their own list (all desks) and the board's, once each. */
export function shiftsOfPerson(
  person: RosterPersonFragment,
  board: readonly RosterShiftFragment[],
): Array<Timed & { deskName?: string; counterNumber?: number }> {
  const byId = new Map<string, Timed & { deskName?: string; counterNumber?: number }>();
  for (const s of person.shifts) {
    if (s.status !== 'CANCELLED') byId.set(s.id, { ...s, deskName: s.desk?.name, counterNumber: s.counter?.number });
  }
  for (const s of board) {
    if (s.staff?.id === person.id && s.status !== 'CANCELLED') byId.set(s.id, { ...s, deskName: byId.get(s.id)?.deskName, counterNumber: s.counter?.number });
  }
  return [...byId.values()];
}

/** The minutes a person works in the week of `day` (all desks), leaving out `ignore`. */
export function weekMinutes(person: RosterPersonFragment, board: readonly RosterShiftFragment[], day: string, ignore?: string): number {
  const monday = mondayOf(day);
  const sunday = addDays(monday, 6);
  return shiftsOfPerson(person, board)
    .filter((s) => s.id !== ignore && s.day >= monday && s.day <= sunday)
    .reduce((sum, s) => sum + minutesOf(s), 0);
}

/** The fields of a counter the person holds no valid qualification for on that day. */
export function missingFields(person: RosterPersonFragment, counter: RosterCounterFragment, day: string): string[] {
  return counter.fields
    .filter((field) => !person.qualifications.some((q) => q.field?.id === field.id && q.trainedOn <= day && (!q.expiresOn || q.expiresOn >= day)))
    .map((field) => field.name);
}

/**
 * What the board knows would be refused, before asking the API: the person's state, absences and
 * qualifications, their other shifts this week (at any desk), the counter's other shifts, and the
 * hours of the day and of the week. `ignore`: the shift being moved.
 */
export function clientConflicts(
  p: Placement,
  { person, counter, board, ignore }: { person: RosterPersonFragment; counter: RosterCounterFragment; board: readonly RosterShiftFragment[]; ignore?: string },
): ClientConflict[] {
  const conflicts: ClientConflict[] = [];
  const name = person.fullName;
  if (person.status !== 'ACTIVE') conflicts.push({ rule: 'STAFF_NOT_ACTIVE', params: { name } });
  if (counter.status !== 'OPEN') conflicts.push({ rule: 'COUNTER_NOT_OPEN', params: { number: counter.number } });
  const absence = person.absences.find((a) => a.startsOn <= p.day && a.endsOn >= p.day);
  if (absence) conflicts.push({ rule: 'ABSENT', params: { name, kind: absence.kind, from: absence.startsOn, to: absence.endsOn } });
  const missing = missingFields(person, counter, p.day);
  if (missing.length) conflicts.push({ rule: 'NOT_QUALIFIED', params: { name, fields: missing.join(', '), number: counter.number } });
  const mine = shiftsOfPerson(person, board).filter((s) => s.id !== ignore);
  const clash = mine.find((s) => overlaps(s, p));
  if (clash) {
    conflicts.push({
      rule: 'PERSON_DOUBLE_BOOKED',
      shiftId: clash.id,
      params: { name, day: clash.day, from: clash.startsAt, to: clash.endsAt, place: clash.deskName ?? '', number: clash.counterNumber ?? '' },
    });
  }
  const taken = board.find((s) => s.id !== ignore && s.status !== 'CANCELLED' && s.counter?.id === p.counterId && s.staff?.id !== p.staffId && overlaps(s, p));
  if (taken) {
    conflicts.push({
      rule: 'COUNTER_DOUBLE_BOOKED',
      shiftId: taken.id,
      params: { number: counter.number, name: taken.staff?.fullName ?? '', from: taken.startsAt, to: taken.endsAt },
    });
  }
  const minutes = p.endsAt - p.startsAt;
  const today = mine.filter((s) => s.day === p.day).reduce((sum, s) => sum + minutesOf(s), 0);
  if (today + minutes > MAX_MINUTES_PER_DAY) conflicts.push({ rule: 'DAILY_HOURS', params: { name, minutes: today, day: p.day } });
  const week = weekMinutes(person, board, p.day, ignore);
  if (week + minutes > MAX_MINUTES_PER_WEEK) conflicts.push({ rule: 'WEEKLY_HOURS', params: { name, minutes: week } });
  return conflicts;
}
