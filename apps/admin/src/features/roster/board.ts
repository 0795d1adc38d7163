import type { RosterBoardQuery, RosterShiftFragment } from '../../graphql/generated';
import { toMinutes, weekDays } from './week';

export type CoverageSlot = NonNullable<RosterBoardQuery['oneStopDesk']>['coverage']['slots'][number];

/** One opening slot of a day, with its coverage; `closed`: the desk does not open then (shifts left over from before). */
export interface BoardSlot extends CoverageSlot {
  closed: boolean;
}

/** A column of the board: a day and its slots, by time. */
export interface BoardDay {
  day: string;
  slots: BoardSlot[];
}

/** The board of a week: the days shown, how many slot rows each counter has, and what each row is called. */
export interface BoardModel {
  days: BoardDay[];
  /** The greatest number of slots in one day: each counter gets this many rows. */
  rows: number;
  /** Per row, the most common times of that slot over the week ("07:30–11:30"). */
  rowTimes: Array<{ opensAt: string; closesAt: string }>;
  /** Days of the week with neither opening hours nor shifts. */
  closedDays: string[];
}

/**
 * The days of the board: those with opening slots (the API's coverage, exceptions applied) or with
 * shifts. A day with shifts but no slot (closed since they were planned) gets one closed slot spanning
 * them, so they can be moved or cancelled.
 */
export function boardModel(monday: string, slots: readonly CoverageSlot[], shifts: readonly RosterShiftFragment[]): BoardModel {
  const days: BoardDay[] = [];
  const closedDays: string[] = [];
  for (const day of weekDays(monday)) {
    const own = slots.filter((s) => s.day === day).sort((a, b) => a.opensAt.localeCompare(b.opensAt));
    const onDay = shifts.filter((s) => s.day === day);
    if (own.length) days.push({ day, slots: own.map((s) => ({ ...s, closed: false })) });
    else if (onDay.length) {
      const opensAt = onDay.map((s) => s.startsAt).sort()[0];
      const closesAt = onDay
        .map((s) => s.endsAt)
        .sort()
        .at(-1) as string;
      days.push({ day, slots: [{ day, opensAt, closesAt, demanded: 0, staffed: 0, published: 0, gap: 0, closed: true }] });
    } else closedDays.push(day);
  }
  const rows = Math.max(0, ...days.map((d) => d.slots.length));
  const rowTimes = Array.from({ length: rows }, (_, i) => {
    const counts = new Map<string, number>();
    for (const d of days) {
      const s = d.slots[i];
      if (s && !s.closed) counts.set(`${s.opensAt}|${s.closesAt}`, (counts.get(`${s.opensAt}|${s.closesAt}`) ?? 0) + 1);
    }
    const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [
      `${days.find((d) => d.slots[i])?.slots[i].opensAt}|${days.find((d) => d.slots[i])?.slots[i].closesAt}`,
    ];
    const [opensAt, closesAt] = best.split('|');
    return { opensAt, closesAt };
  });
  return { days, rows, rowTimes, closedDays };
}

/**
 * The slot of a day a shift belongs to: the one it overlaps most (a shift lies inside one slot, as the
 * API requires; one left outside after the hours changed goes to the nearest).
 */
export function slotIndexOf(day: BoardDay, shift: { startsAt: string; endsAt: string }): number {
  const [from, to] = [toMinutes(shift.startsAt), toMinutes(shift.endsAt)];
  let best = 0;
  let bestScore = -Infinity;
  day.slots.forEach((slot, i) => {
    const [open, close] = [toMinutes(slot.opensAt), toMinutes(slot.closesAt)];
    const overlap = Math.min(to, close) - Math.max(from, open);
    const score = overlap > 0 ? overlap : -Math.min(Math.abs(from - close), Math.abs(open - to));
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return best;
}

/** The drop target of a cell: a counter, a day and one of its slots. */
export interface CellRef {
  counterId: string;
  day: string;
  slot: number;
}

export const cellId = (c: CellRef) => `cell|${c.counterId}|${c.day}|${c.slot}`;

export function parseCellId(id: string): CellRef | null {
  const [kind, counterId, day, slot] = id.split('|');
  return kind === 'cell' && counterId && day && slot !== undefined ? { counterId, day, slot: Number(slot) } : null;
}

/** The shifts of a cell, by time. */
export function shiftsOfCell(model: BoardModel, shifts: readonly RosterShiftFragment[], cell: CellRef): RosterShiftFragment[] {
  const day = model.days.find((d) => d.day === cell.day);
  if (!day) return [];
  return shifts
    .filter((s) => s.counter?.id === cell.counterId && s.day === cell.day && slotIndexOf(day, s) === cell.slot)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

/**
 * Where a moved shift goes in a cell: its own times when they fit the target slot, else the slot's.
 */
export function timesInSlot(shift: { startsAt: string; endsAt: string }, slot: { opensAt: string; closesAt: string }): { startsAt: string; endsAt: string } {
  const fits = toMinutes(slot.opensAt) <= toMinutes(shift.startsAt) && toMinutes(shift.endsAt) <= toMinutes(slot.closesAt);
  return fits ? { startsAt: shift.startsAt, endsAt: shift.endsAt } : { startsAt: slot.opensAt, endsAt: slot.closesAt };
}
