/**
 * An independent judge of a roster: given a RosterProblem and proposed shifts, it lists every hard-rule violation
 * and measures the proposal (demanded, unfilled, hours spread). It shares nothing with the solver's model building
 * (./model.ts) on purpose — its own date arithmetic, its own eligibility tests, written from the rules — so that the
 * benchmark's `hard_violations` and the tests' verdicts do not inherit a bug of the solver.
 *
 * Rules (a proposed shift is the whole slot it names):
 *  UNKNOWN_REFERENCE  the shift names a staff, counter or slot not in the problem
 *  WRONG_DESK         the counter is not at the slot's desk (outside that desk's opening hours)
 *  DUPLICATE_SHIFT    the same person, counter and time twice (proposed twice, or proposing an existing shift)
 *  PERSON_OVERLAP     one person in two overlapping shifts (any desks; existing shifts count)
 *  COUNTER_OVERLAP    two people at one counter at overlapping times (existing shifts count)
 *  NOT_QUALIFIED      the person lacks a valid qualification that day for a field the counter serves
 *  ABSENT             the person is absent that day
 *  NOT_ASSIGNED       the person is not assigned to the slot's desk that day
 *  DAY_HOURS          the person's minutes that day (existing + proposed) exceed limits.maxMinutesPerDay
 *  WEEK_HOURS         the person's minutes in an ISO week (Monday–Sunday) exceed limits.maxMinutesPerWeek
 * Conflicts only among existing shifts are not the proposal's: a violation always involves a proposed shift.
 */
import type { RosterProblem, RosterShift } from './roster-problem';

export type HardRule =
  | 'UNKNOWN_REFERENCE'
  | 'WRONG_DESK'
  | 'DUPLICATE_SHIFT'
  | 'PERSON_OVERLAP'
  | 'COUNTER_OVERLAP'
  | 'NOT_QUALIFIED'
  | 'ABSENT'
  | 'NOT_ASSIGNED'
  | 'DAY_HOURS'
  | 'WEEK_HOURS';

/** A shift as the checker sees it: timed, and either proposed (with its slot) or existing. */
export interface TimedShift {
  staffId: string;
  counterId: string;
  day: string;
  start: number;
  end: number;
  /** The slot of a proposed shift; absent for an existing one. */
  slotId?: string;
  existing: boolean;
}

export interface Violation {
  rule: HardRule;
  /** The shifts involved: the offending proposed shift, and the other shift(s) it collides with. */
  shifts: TimedShift[];
  detail: string;
}

export interface CheckResult {
  /** Number of violations (each listed once in `violations`). */
  count: number;
  violations: Violation[];
}

/** Monday of the ISO week holding a 'YYYY-MM-DD' day, as 'YYYY-MM-DD'. */
export function mondayOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const sinceMonday = (date.getUTCDay() + 6) % 7; // Sunday 0 → 6, Monday 1 → 0
  date.setUTCDate(date.getUTCDate() - sinceMonday);
  return date.toISOString().slice(0, 10);
}

const within = (day: string, from: string, to: string | null) => from <= day && (to === null || day <= to);
const clash = (a: TimedShift, b: TimedShift) => a.day === b.day && a.start < b.end && b.start < a.end;
const same = (a: TimedShift, b: TimedShift) => a.staffId === b.staffId && a.counterId === b.counterId && a.day === b.day && a.start === b.start && a.end === b.end;

export function checkRoster(problem: RosterProblem, proposed: RosterShift[]): CheckResult {
  const violations: Violation[] = [];
  const add = (rule: HardRule, shifts: TimedShift[], detail: string) => violations.push({ rule, shifts, detail });
  const slotById = new Map(problem.slots.map((s) => [s.id, s]));
  const counterById = new Map(problem.counters.map((c) => [c.id, c]));
  const staffById = new Map(problem.staff.map((p) => [p.id, p]));

  const timed: TimedShift[] = [];
  for (const shift of proposed) {
    const slot = slotById.get(shift.slotId);
    const counter = counterById.get(shift.counterId);
    const person = staffById.get(shift.staffId);
    if (!slot || !counter || !person) {
      add('UNKNOWN_REFERENCE', [{ ...shift, day: slot?.day ?? '', start: slot?.start ?? 0, end: slot?.end ?? 0, existing: false }], `unknown ${!slot ? 'slot' : !counter ? 'counter' : 'staff'}`);
      continue;
    }
    const t: TimedShift = { staffId: person.id, counterId: counter.id, day: slot.day, start: slot.start, end: slot.end, slotId: slot.id, existing: false };
    timed.push(t);
    if (counter.deskId !== slot.deskId) add('WRONG_DESK', [t], `counter ${counter.id} is at desk ${counter.deskId}, the slot at ${slot.deskId}`);
    const missing = counter.fields.filter((f) => !person.qualifications.some((q) => q.fieldId === f && within(slot.day, q.trainedOn, q.expiresOn)));
    if (missing.length) add('NOT_QUALIFIED', [t], `no valid qualification on ${slot.day} for ${missing.join(', ')}`);
    const absence = person.absences.find((a) => within(slot.day, a.from, a.to));
    if (absence) add('ABSENT', [t], `absent ${absence.from}…${absence.to}`);
    if (!person.assignments.some((a) => a.deskId === slot.deskId && within(slot.day, a.from, a.to))) add('NOT_ASSIGNED', [t], `not assigned to desk ${slot.deskId} on ${slot.day}`);
  }
  const existing: TimedShift[] = problem.existing.map((e) => ({ ...e, existing: true }));

  // Pairs: proposed × proposed (each pair once) and proposed × existing.
  const pairs = (key: (s: TimedShift) => string, rule: 'PERSON_OVERLAP' | 'COUNTER_OVERLAP') => {
    const groups = new Map<string, { mine: TimedShift[]; theirs: TimedShift[] }>();
    for (const s of [...timed, ...existing]) {
      const k = key(s);
      const g = groups.get(k) ?? { mine: [], theirs: [] };
      (s.existing ? g.theirs : g.mine).push(s);
      groups.set(k, g);
    }
    for (const { mine, theirs } of groups.values()) {
      mine.forEach((a, i) => {
        for (const b of [...mine.slice(i + 1), ...theirs]) {
          if (!clash(a, b)) continue;
          if (same(a, b)) {
            // A duplicate is reported once, by the person pass.
            if (rule === 'PERSON_OVERLAP') add('DUPLICATE_SHIFT', [a, b], `${a.staffId} at ${a.counterId} on ${a.day} ${a.start}–${a.end} twice`);
          } else {
            add(rule, [a, b], rule === 'PERSON_OVERLAP' ? `${a.staffId} at ${a.counterId} and ${b.counterId} at once` : `${a.staffId} and ${b.staffId} at counter ${a.counterId} at once`);
          }
        }
      });
    }
  };
  pairs((s) => `${s.staffId}|${s.day}`, 'PERSON_OVERLAP');
  pairs((s) => `${s.counterId}|${s.day}`, 'COUNTER_OVERLAP');

  // Hours: totals per person and day, per person and ISO week, where a proposed shift takes part.
  const totals = (period: (day: string) => string, limit: number, rule: 'DAY_HOURS' | 'WEEK_HOURS') => {
    const buckets = new Map<string, TimedShift[]>();
    for (const s of [...timed, ...existing]) {
      const k = `${s.staffId}|${period(s.day)}`;
      buckets.set(k, [...(buckets.get(k) ?? []), s]);
    }
    for (const [k, list] of buckets) {
      if (list.every((s) => s.existing)) continue;
      const minutes = list.reduce((m, s) => m + (s.end - s.start), 0);
      if (minutes > limit) add(rule, list, `${k.split('|')[0]}: ${minutes} minutes in ${rule === 'DAY_HOURS' ? 'the day' : 'the week of'} ${k.split('|')[1]} (limit ${limit})`);
    }
  };
  totals((day) => day, problem.limits.maxMinutesPerDay, 'DAY_HOURS');
  totals(mondayOf, problem.limits.maxMinutesPerWeek, 'WEEK_HOURS');

  return { count: violations.length, violations };
}

export interface RosterStats {
  /** Σ slot demand. */
  demanded: number;
  /** Σ per slot max(0, demand − distinct counters of the desk staffed for the whole slot, existing or proposed). */
  unfilled: number;
  /** Most minus least planned hours (existing shifts on the slots' days + proposed) among available people. */
  spreadHours: number;
  /** People available: assigned to the desk of at least one slot on its day and not absent that day. */
  available: number;
  /** Planned hours of the available people: least, 10th percentile, median, 90th percentile, most. */
  hours: { min: number; p10: number; median: number; p90: number; max: number };
}

/** Measures a roster from the problem and the proposed shifts alone (no solver output besides the shifts). */
export function rosterStats(problem: RosterProblem, proposed: RosterShift[]): RosterStats {
  const slotById = new Map(problem.slots.map((s) => [s.id, s]));
  const deskOfCounter = new Map(problem.counters.map((c) => [c.id, c.deskId]));
  const staffedCounters = new Map(problem.slots.map((s) => [s.id, new Set<string>()]));
  for (const shift of proposed) {
    const slot = slotById.get(shift.slotId);
    if (slot && deskOfCounter.get(shift.counterId) === slot.deskId) staffedCounters.get(slot.id)!.add(shift.counterId);
  }
  for (const e of problem.existing) {
    for (const slot of problem.slots) {
      if (slot.day === e.day && e.start <= slot.start && e.end >= slot.end && deskOfCounter.get(e.counterId) === slot.deskId) staffedCounters.get(slot.id)!.add(e.counterId);
    }
  }
  let demanded = 0;
  let unfilled = 0;
  for (const slot of problem.slots) {
    demanded += slot.demand;
    unfilled += Math.max(0, slot.demand - staffedCounters.get(slot.id)!.size);
  }

  const days = problem.slots.map((s) => s.day).sort();
  const first = days[0];
  const last = days[days.length - 1];
  const minutes = new Map<string, number>();
  for (const person of problem.staff) {
    const canWork = problem.slots.some(
      (slot) => person.assignments.some((a) => a.deskId === slot.deskId && within(slot.day, a.from, a.to)) && !person.absences.some((a) => within(slot.day, a.from, a.to)),
    );
    if (canWork) minutes.set(person.id, 0);
  }
  for (const e of problem.existing) if (minutes.has(e.staffId) && first <= e.day && e.day <= last) minutes.set(e.staffId, minutes.get(e.staffId)! + e.end - e.start);
  for (const shift of proposed) {
    const slot = slotById.get(shift.slotId);
    if (slot && minutes.has(shift.staffId)) minutes.set(shift.staffId, minutes.get(shift.staffId)! + slot.end - slot.start);
  }
  const loads = [...minutes.values()].sort((a, b) => a - b);
  const spreadHours = loads.length ? Math.round(((loads[loads.length - 1] - loads[0]) / 60) * 100) / 100 : 0;
  const at = (q: number) => (loads.length ? Math.round((loads[Math.round(q * (loads.length - 1))] / 60) * 100) / 100 : 0);
  return { demanded, unfilled, spreadHours, available: loads.length, hours: { min: at(0), p10: at(0.1), median: at(0.5), p90: at(0.9), max: at(1) } };
}
