/**
 * Builds the roster MIP (see ./solve.ts for the method): one binary column per eligible (person, counter, slot), the
 * hard rules as rows, the independent parts of stage 1, a greedy start and a matching bound; ModelData for HiGHS.
 * Stage 2's extra columns (spread, evenness) are added in ./solve.ts. Runs in the API's thread, pausing every ~20 ms;
 * the solves run in the worker.
 */
import { performance } from 'node:perf_hooks';
import type { RosterProblem } from './roster-problem';

/**
 * Cooperative pauses for the loops that run in the API's thread: `due()` says ~20 ms of work has passed since the
 * last pause, `pause()` lets the event loop run (requests, timers) before the loop goes on.
 */
export function pacer(sliceMs = 20) {
  let since = performance.now();
  return {
    due: () => performance.now() - since >= sliceMs,
    pause: async () => {
      await new Promise<void>((resolve) => setImmediate(resolve));
      since = performance.now();
    },
  };
}

const DAY_MS = 86_400_000;
/** Days since 1970-01-01 of a 'YYYY-MM-DD' day. */
export const dayNumber = (day: string): number => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new Error(`not a day: ${day}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
};
/** Number of the ISO week (Monday–Sunday) holding a day number: 1970-01-01 was a Thursday. */
export const weekNumber = (dayNum: number): number => Math.floor((dayNum + 3) / 7);

/** One binary column: person `staff` staffs `counter` for the whole `slot` (indices into the problem's arrays). */
export interface Candidate {
  staff: number;
  counter: number;
  slot: number;
  minutes: number;
  /** At a desk other than the person's home desk. */
  away: boolean;
}

/** A row lower ≤ Σ vals·x[cols] ≤ upper (vals absent: all 1). */
export interface Row {
  cols: number[];
  vals?: number[];
  lower: number;
  upper: number;
}

/** A plain HiGHS ModelData (structured-clonable: sent to the worker as it is). */
export interface ModelData {
  numCols: number;
  numRows: number;
  offset: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  matrix: { format: 'csr'; numRows: number; numCols: number; starts: Int32Array; indices: Int32Array; values: Float64Array };
  integrality: Int32Array;
}

/** What the eligibility and capacity computations found per slot and person: the model and the reasons share it. */
export interface RosterModel {
  vars: Candidate[];
  /** Stage 1 rows (every hard rule), over x columns only. */
  rows: Row[];
  /** Per slot: counters of the desk staffed by existing shifts covering the whole slot. */
  staffedByExisting: number[];
  /** Per slot: counters of the desk free during the slot (no existing shift overlapping it). */
  freeCounters: number[][];
  /** Per slot: the most proposed shifts it may take: min(demand − staffedByExisting, free counters), at least 0. */
  need: number[];
  /** Σ over slots of max(0, demand − staffedByExisting): unfilled if nothing is proposed. */
  baseUnfilled: number;
  /** Per staff: can work at least one slot (assigned to its desk that day, not absent). */
  available: boolean[];
  /** Per staff: minutes of existing shifts on the days of the slots' range. */
  existingMinutesInRange: number[];
  /** Per staff: existing minutes per day number and per ISO week number (all existing shifts). */
  existingDayMinutes: Array<Map<number, number>>;
  existingWeekMinutes: Array<Map<number, number>>;
  /** Per staff: existing shifts as [day number, start, end]. */
  existingBusy: Array<Array<[number, number, number]>>;
  /** Slot day numbers. */
  slotDay: number[];
  /** Staff indices ever assigned to a desk. */
  staffByDesk: Map<string, number[]>;
  /** Counter indices of a desk. */
  countersByDesk: Map<string, number[]>;
  /** Eligibility tests (the unmet reasons reuse them; the checker has its own). */
  isAssigned(staff: number, deskId: string, dayNum: number): boolean;
  isAbsent(staff: number, dayNum: number): boolean;
  isQualified(staff: number, counter: number, dayNum: number): boolean;
}

const overlaps = (a0: number, a1: number, b0: number, b1: number) => a0 < b1 && b0 < a1;

/**
 * Sets of mutually overlapping intervals that cover every overlapping pair: for each distinct start t, the
 * intervals holding t (an interval graph's maximal cliques are among these). Sets contained in another are dropped.
 */
export function overlapCliques<T>(items: T[], start: (t: T) => number, end: (t: T) => number): T[][] {
  if (items.length <= 1) return items.length ? [items] : [];
  const starts = [...new Set(items.map(start))].sort((a, b) => a - b);
  const sets = starts.map((t) => items.filter((i) => start(i) <= t && t < end(i)));
  return sets.filter((set, i) => !sets.some((other, j) => j !== i && other.length >= set.length && (other.length > set.length || j < i) && set.every((x) => other.includes(x))));
}

export async function buildRosterModel(problem: RosterProblem): Promise<RosterModel> {
  const { slots, counters, staff, existing, limits } = problem;
  const pace = pacer();
  const staffIndex = new Map(staff.map((s, i) => [s.id, i]));
  const counterIndex = new Map(counters.map((c, i) => [c.id, i]));
  const countersByDesk = new Map<string, number[]>();
  counters.forEach((c, i) => countersByDesk.set(c.deskId, [...(countersByDesk.get(c.deskId) ?? []), i]));
  const staffByDesk = new Map<string, number[]>();
  staff.forEach((p, i) => {
    for (const deskId of new Set(p.assignments.map((a) => a.deskId))) staffByDesk.set(deskId, [...(staffByDesk.get(deskId) ?? []), i]);
  });

  // Date ranges as day numbers, once.
  const FAR = Number.MAX_SAFE_INTEGER;
  const assignRanges = staff.map((p) => p.assignments.map((a) => ({ deskId: a.deskId, from: dayNumber(a.from), to: a.to ? dayNumber(a.to) : FAR })));
  const absenceRanges = staff.map((p) => p.absences.map((a) => [dayNumber(a.from), dayNumber(a.to)] as const));
  const qualRanges = staff.map((p) => {
    const byField = new Map<string, Array<readonly [number, number]>>();
    for (const q of p.qualifications) byField.set(q.fieldId, [...(byField.get(q.fieldId) ?? []), [dayNumber(q.trainedOn), q.expiresOn ? dayNumber(q.expiresOn) : FAR] as const]);
    return byField;
  });
  const isAssigned = (p: number, deskId: string, d: number) => assignRanges[p].some((a) => a.deskId === deskId && a.from <= d && d <= a.to);
  const isAbsent = (p: number, d: number) => absenceRanges[p].some(([f, t]) => f <= d && d <= t);
  const isQualified = (p: number, c: number, d: number) =>
    counters[c].fields.every((f) => (qualRanges[p].get(f) ?? []).some(([from, to]) => from <= d && d <= to));

  const slotDay = slots.map((s) => dayNumber(s.day));
  const firstDay = Math.min(...slotDay);
  const lastDay = Math.max(...slotDay);

  // Existing shifts: per person and per counter busy intervals, minutes per day and week.
  const existingBusy = staff.map(() => [] as Array<[number, number, number]>);
  const counterBusy = counters.map(() => [] as Array<[number, number, number]>);
  const existingDayMinutes = staff.map(() => new Map<number, number>());
  const existingWeekMinutes = staff.map(() => new Map<number, number>());
  const existingMinutesInRange = staff.map(() => 0);
  for (const e of existing) {
    const d = dayNumber(e.day);
    const p = staffIndex.get(e.staffId);
    const c = counterIndex.get(e.counterId);
    if (c !== undefined) counterBusy[c].push([d, e.start, e.end]);
    if (p === undefined) continue;
    const minutes = e.end - e.start;
    existingBusy[p].push([d, e.start, e.end]);
    existingDayMinutes[p].set(d, (existingDayMinutes[p].get(d) ?? 0) + minutes);
    existingWeekMinutes[p].set(weekNumber(d), (existingWeekMinutes[p].get(weekNumber(d)) ?? 0) + minutes);
    if (d >= firstDay && d <= lastDay) existingMinutesInRange[p] += minutes;
  }

  const vars: Candidate[] = [];
  const staffedByExisting: number[] = [];
  const freeCounters: number[][] = [];
  const need: number[] = [];
  const available = staff.map(() => false);
  let baseUnfilled = 0;
  for (const [si, s] of slots.entries()) {
    if (pace.due()) await pace.pause();
    const d = slotDay[si];
    const deskCounters = countersByDesk.get(s.deskId) ?? [];
    let covered = 0;
    const free: number[] = [];
    for (const c of deskCounters) {
      const busy = counterBusy[c].filter(([bd, b0, b1]) => bd === d && overlaps(b0, b1, s.start, s.end));
      if (busy.length === 0) free.push(c);
      else if (busy.some(([, b0, b1]) => b0 <= s.start && b1 >= s.end)) covered++;
    }
    staffedByExisting.push(covered);
    freeCounters.push(free);
    const wanted = Math.max(0, s.demand - covered);
    baseUnfilled += wanted;
    need.push(Math.min(wanted, free.length));
    const minutes = s.end - s.start;
    for (const p of staffByDesk.get(s.deskId) ?? []) {
      if (!isAssigned(p, s.deskId, d) || isAbsent(p, d)) continue;
      available[p] = true;
      if (need[si] === 0) continue;
      if (existingBusy[p].some(([bd, b0, b1]) => bd === d && overlaps(b0, b1, s.start, s.end))) continue;
      if ((existingDayMinutes[p].get(d) ?? 0) + minutes > limits.maxMinutesPerDay) continue;
      if ((existingWeekMinutes[p].get(weekNumber(d)) ?? 0) + minutes > limits.maxMinutesPerWeek) continue;
      const away = staff[p].homeDeskId !== null && staff[p].homeDeskId !== s.deskId;
      for (const c of free) if (isQualified(p, c, d)) vars.push({ staff: p, counter: c, slot: si, minutes, away });
    }
  }

  // Rows. Slot: Σ x ≤ need. Counter: one person per overlapping slots. Person: one place at a time; day and week minutes.
  const rows: Row[] = [];
  const group = (key: (v: Candidate) => number) => {
    const groups = new Map<number, number[]>();
    vars.forEach((v, k) => {
      const g = key(v);
      const list = groups.get(g);
      if (list) list.push(k);
      else groups.set(g, [k]);
    });
    return groups.values();
  };
  if (pace.due()) await pace.pause();
  for (const cols of group((v) => v.slot)) if (cols.length > need[vars[cols[0]].slot]) rows.push({ cols, lower: -Infinity, upper: need[vars[cols[0]].slot] });
  const cliqueRows = (cols: number[]) => {
    const bySlot = new Map<number, number[]>();
    for (const k of cols) {
      const list = bySlot.get(vars[k].slot);
      if (list) list.push(k);
      else bySlot.set(vars[k].slot, [k]);
    }
    const slotIds = [...bySlot.keys()];
    for (const clique of overlapCliques(slotIds, (si) => slots[si].start, (si) => slots[si].end)) {
      const rowCols = clique.flatMap((si) => bySlot.get(si)!);
      if (rowCols.length > 1) rows.push({ cols: rowCols, lower: -Infinity, upper: 1 });
    }
  };
  // Numeric group keys (day numbers are below 10⁶ until the year 4700).
  for (const cols of group((v) => v.counter * 1e6 + slotDay[v.slot])) {
    if (pace.due()) await pace.pause();
    cliqueRows(cols);
  }
  for (const cols of group((v) => v.staff * 1e6 + slotDay[v.slot])) {
    if (pace.due()) await pace.pause();
    cliqueRows(cols);
    const p = vars[cols[0]].staff;
    const d = slotDay[vars[cols[0]].slot];
    const cap = limits.maxMinutesPerDay - (existingDayMinutes[p].get(d) ?? 0);
    if (mostMinutes(cols, vars, slots) > cap) rows.push({ cols, vals: cols.map((k) => vars[k].minutes), lower: -Infinity, upper: cap });
  }
  for (const cols of group((v) => v.staff * 1e6 + weekNumber(slotDay[v.slot]))) {
    if (pace.due()) await pace.pause();
    const p = vars[cols[0]].staff;
    const cap = limits.maxMinutesPerWeek - (existingWeekMinutes[p].get(weekNumber(slotDay[vars[cols[0]].slot])) ?? 0);
    if (mostMinutes(cols, vars, slots) > cap) rows.push({ cols, vals: cols.map((k) => vars[k].minutes), lower: -Infinity, upper: cap });
  }

  return {
    vars,
    rows,
    staffedByExisting,
    freeCounters,
    need,
    baseUnfilled,
    available,
    existingMinutesInRange,
    existingDayMinutes,
    existingWeekMinutes,
    existingBusy,
    slotDay,
    staffByDesk,
    countersByDesk,
    isAssigned,
    isAbsent,
    isQualified,
  };
}

/** An upper bound on the minutes a set of columns of one person can add (each slot once). */
function mostMinutes(cols: number[], vars: Candidate[], slots: RosterProblem['slots']): number {
  const seen = new Set<number>();
  let total = 0;
  for (const k of cols) {
    if (seen.has(vars[k].slot)) continue;
    seen.add(vars[k].slot);
    total += slots[vars[k].slot].end - slots[vars[k].slot].start;
  }
  return total;
}

/**
 * Independent parts of stage 1: connected components of the columns (two columns are connected when a row holds
 * both), packed into parts of at most `maxColumns` columns (a big component stays whole). No row crosses parts,
 * so the parts' optima add up to the whole optimum and their lower bounds to a lower bound.
 */
export async function independentParts(model: RosterModel, maxColumns: number): Promise<Array<{ cols: number[]; rows: number[] }>> {
  const pace = pacer();
  const n = model.vars.length;
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  for (const [r, row] of model.rows.entries()) {
    if (r % 1000 === 0 && pace.due()) await pace.pause();
    for (let j = 1; j < row.cols.length; j++) parent[find(row.cols[j])] = find(row.cols[0]);
  }
  const components = new Map<number, number[]>();
  for (let k = 0; k < n; k++) {
    const root = find(k);
    const list = components.get(root);
    if (list) list.push(k);
    else components.set(root, [k]);
  }
  const sorted = [...components.values()].sort((a, b) => b.length - a.length);
  const parts: Array<{ cols: number[]; rows: number[] }> = [];
  const partOfComponent = new Map<number, number>();
  for (const cols of sorted) {
    let part = parts.find((p) => p.cols.length + cols.length <= maxColumns);
    if (!part) parts.push((part = { cols: [], rows: [] }));
    for (const k of cols) part.cols.push(k);
    partOfComponent.set(find(cols[0]), parts.indexOf(part));
  }
  model.rows.forEach((row, r) => parts[partOfComponent.get(find(row.cols[0]))!].rows.push(r));
  for (const part of parts) part.cols.sort((a, b) => a - b);
  return parts;
}

/** HiGHS ModelData (CSR) over the chosen x columns (global indices) plus `extraCols` continuous columns after them. */
export async function toModelData(
  rows: Row[],
  cols: number[],
  cost: (k: number) => number,
  extra: { count: number; cost: number[]; lower: number[]; upper: number[] } = { count: 0, cost: [], lower: [], upper: [] },
): Promise<ModelData> {
  const pace = pacer();
  const local = new Map<number, number>();
  cols.forEach((k, i) => local.set(k, i));
  const numCols = cols.length + extra.count;
  const starts = new Int32Array(rows.length + 1);
  let nnz = 0;
  rows.forEach((r, i) => {
    nnz += r.cols.length;
    starts[i + 1] = nnz;
  });
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  const rowLower = new Float64Array(rows.length);
  const rowUpper = new Float64Array(rows.length);
  for (const [i, r] of rows.entries()) {
    if (i % 1000 === 0 && pace.due()) await pace.pause();
    let at = starts[i];
    r.cols.forEach((k, j) => {
      // Extra columns are addressed as -1, -2, … (after the x columns).
      indices[at] = k < 0 ? cols.length - k - 1 : local.get(k)!;
      values[at++] = r.vals ? r.vals[j] : 1;
    });
    rowLower[i] = r.lower;
    rowUpper[i] = r.upper;
  }
  const colCost = new Float64Array(numCols);
  const colLower = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols).fill(1);
  const integrality = new Int32Array(numCols).fill(1);
  cols.forEach((k, i) => (colCost[i] = cost(k)));
  for (let e = 0; e < extra.count; e++) {
    colCost[cols.length + e] = extra.cost[e];
    colLower[cols.length + e] = extra.lower[e];
    colUpper[cols.length + e] = extra.upper[e];
    integrality[cols.length + e] = 0;
  }
  return {
    numCols,
    numRows: rows.length,
    offset: 0,
    colCost,
    colLower,
    colUpper,
    rowLower,
    rowUpper,
    matrix: { format: 'csr', numRows: rows.length, numCols, starts, indices, values },
    integrality,
  };
}

/**
 * A feasible stage-1 solution built greedily, HiGHS's MIP start (a timeout still leaves a proposal): slots with the
 * fewest candidates per needed counter first, in each slot the least loaded people first, a column taken when every
 * row it is in stays within its upper bound (stage-1 rows have non-negative coefficients and no lower bound).
 */
export async function greedyFill(model: RosterModel, staffCount: number): Promise<Uint8Array> {
  const { vars, rows } = model;
  const pace = pacer();
  const rowsOf: Array<Array<[number, number]>> = vars.map(() => []);
  rows.forEach((r, i) => r.cols.forEach((k, j) => rowsOf[k].push([i, r.vals ? r.vals[j] : 1])));
  const activity = new Float64Array(rows.length);
  const load = new Float64Array(staffCount);
  const bySlot = new Map<number, number[]>();
  vars.forEach((v, k) => {
    const list = bySlot.get(v.slot);
    if (list) list.push(k);
    else bySlot.set(v.slot, [k]);
  });
  const slots = [...bySlot.keys()].sort((a, b) => bySlot.get(a)!.length / model.need[a] - bySlot.get(b)!.length / model.need[b] || a - b);
  const x = new Uint8Array(vars.length);
  for (const slot of slots) {
    if (pace.due()) await pace.pause();
    const cols = bySlot.get(slot)!.sort((a, b) => load[vars[a].staff] - load[vars[b].staff] || a - b);
    for (const k of cols) {
      if (!rowsOf[k].every(([r, coef]) => activity[r] + coef <= rows[r].upper + 1e-9)) continue;
      for (const [r, coef] of rowsOf[k]) activity[r] += coef;
      load[vars[k].staff] += vars[k].minutes;
      x[k] = 1;
    }
  }
  return x;
}

/**
 * An upper bound on the fill of some columns without a solver: per slot, the largest matching of their people to
 * their counters (one person per counter, one counter per person), at most the slot's need. Sound for any set of
 * columns; used when HiGHS returns no bound for a part.
 */
export async function fillCap(model: RosterModel, cols: number[]): Promise<number> {
  const pace = pacer();
  const bySlot = new Map<number, number[]>();
  for (const k of cols) {
    const list = bySlot.get(model.vars[k].slot);
    if (list) list.push(k);
    else bySlot.set(model.vars[k].slot, [k]);
  }
  let cap = 0;
  for (const [slot, list] of bySlot) {
    if (pace.due()) await pace.pause();
    const pairs = new Set(list.map((k) => `${model.vars[k].staff}|${model.vars[k].counter}`));
    const people = [...new Set(list.map((k) => model.vars[k].staff))];
    const counters = [...new Set(list.map((k) => model.vars[k].counter))];
    cap += Math.min(model.need[slot], maxMatching(people, counters, (p, c) => pairs.has(`${p}|${c}`)));
  }
  return cap;
}

/** Size of a maximum matching people × counters (Kuhn's augmenting paths; a desk has a handful of counters). */
export function maxMatching(people: number[], counters: number[], ok: (p: number, c: number) => boolean): number {
  const holder = new Map<number, number>();
  const tryPerson = (p: number, seen: Set<number>): boolean => {
    for (const c of counters) {
      if (seen.has(c) || !ok(p, c)) continue;
      seen.add(c);
      const other = holder.get(c);
      if (other === undefined || tryPerson(other, seen)) {
        holder.set(c, p);
        return true;
      }
    }
    return false;
  };
  let size = 0;
  for (const p of people) {
    if (size === counters.length) break;
    if (tryPerson(p, new Set())) size++;
  }
  return size;
}
