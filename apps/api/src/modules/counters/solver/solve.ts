/**
 * Auto-fill of a roster with HiGHS (the `highs` package: the HiGHS MIP solver in WebAssembly).
 *
 * The model (./model.ts, built in this thread): one binary column per eligible (person, counter, slot): the person
 * is assigned to the slot's desk that day, not absent, qualified for every field of the counter that day, free of
 * existing shifts overlapping the slot, and the slot fits their day and week minutes left; the counter is free of
 * existing shifts during the slot. Rows: per slot Σx ≤ need (demand − counters staffed by existing shifts, at most
 * the free counters); per counter and set of overlapping slots Σx ≤ 1; per person and set of overlapping slots
 * (across desks) Σx ≤ 1; per person and day Σ minutes·x ≤ day limit − existing minutes, and the same per ISO
 * week. Every hard rule is a row or a column that does not exist; the demand is soft.
 *
 * Goals, in order: (1) fewest unfilled counter-slots; (2) smallest spread of planned hours (Hmax − Hmin) among
 * available people; (3) fewest shifts away from home desks. Two stages:
 *  1. fill: minimise unfilled = Σ max(0, demand − staffed by existing) − Σx. No row joins two ISO weeks (day, week
 *     and overlap rows stay within one) and only people deployed to two desks join desks, so the columns fall into
 *     independent components, packed into parts of ≤ 25,000 columns and solved one after another. No row crosses
 *     parts: the parts' optima add up to the optimum, and the parts' MIP dual bounds (each rounded down: a part's
 *     fill is an integer) add up to a proven bound. mip_abs_gap 0.999 stops a part the moment it is proven optimal.
 *  2. balance: one model of the whole range (the spread couples everyone), started from stage 1's solution:
 *       minimise −F·Σx + 1000·(Hmax − Hmin) + Σ_p evenness_p + ε·(shifts away from home),
 *     Hmax ≥ H_p ≥ Hmin for every available person (H_p: existing minutes in the range + Σ minutes·x). F exceeds the
 *     largest possible balance cost, so the fill can only grow from stage 1's; ε = 1/(Σ need + 1), so all away
 *     shifts together weigh less than one unit of evenness. Evenness is Σ_p k_p² (k_p: the person's shifts, existing
 *     ones counted in slot lengths) as convex steps y_pj ∈ [0, 1] costing 2j − 1 with Σ_j y_pj = Σx_p.
 *     It stops when proven optimal to within ε/2 (an absolute gap: a relative one would be eaten by F), or at the
 *     time limit with the best solution found (stage 1's at worst).
 *
 * Measured on the bench's province-month (src/scripts/bench-roster.ts: 300 staff, 120 counters, 44 slots, ≈25,000
 * columns, ≈15,000 rows; this 2-core machine):
 *  - stage 1 proves the fill optimal in 1.5–3.5 s (one or two parts; 6 s while other work loaded the machine),
 *    stage 2 proves the balance optimal in 2–4 s (8 s loaded): 5–16 s in all with a 45 s budget.
 *  - why evenness: Hmax − Hmin is decided by two people. A person who is the only one trained for a counter works
 *    nearly every slot (151 h of 165) while a person whose only useful qualification expired on the 1st can work
 *    two slots, so the spread is ≥ 143.5 h there whatever happens between them. With the spread alone (and a row
 *    Σx ≥ fill) HiGHS had not proven its optimum after 40 s (146 h, bound 143.5 h) and everyone between the two
 *    extremes kept what stage 1 gave them: p10 15 h,
 *    median 53.5 h, p90 149 h, standard deviation 42 h. Spread + evenness: 143.5 h proven optimal in 17 s, p10 53 h,
 *    median 64 h, p90 73.5 h, standard deviation 12 h — the spread's weight, 1000 per minute, lost nothing to
 *    evenness there. Evenness moves people deployed to two desks between them (138 shifts away from home instead
 *    of 1): balancing hours comes before home desks in the issue's order of goals.
 *  - why the fill is weighted in stage 2, not fixed by a row Σx ≥ fill: with that dense row stage 2 took 10–17 s
 *    (and HiGHS's presolve alone spent > 30 s on it); weighted: 2–3 s. Presolve off in stage 2: 6.5 s with it.
 *  - why two stages and not that weighted model alone: from scratch it reached the same fill and balance in 2.6 s,
 *    but its dual bound mixes fill and balance, its relative gap is meaningless (the fill term is ~10⁷ times the
 *    balance term: a 10⁻⁴ gap hides all of the balance), and after a timeout nothing about the fill is proven.
 *    Stage 1 has an integral objective, independent parts, and the clean bound the proposal reports.
 *  - the month is not cut by weeks: it solves whole within the minute; the parts only split what is independent.
 *
 * HiGHS runs in a worker thread (./solver.worker.js, plain CommonJS so it loads the same from src under jest
 * and from dist), started first so that compiling the WebAssembly overlaps the model building; `run()` blocks only
 * that thread. The main thread's own loops (model, greedy start, reading the result) pause about every 20 ms, so the
 * event loop keeps serving requests (bench: worst delay 80–220 ms at load average 8 on 2 cores, mostly waiting for a core).
 * Each solve gets a time limit from the caller's budget (stage 1: up to 60 % of it, split over the parts by size;
 * stage 2: what is left, or `balanceSeconds`); a greedy start means a timeout still leaves a proposal, and a part
 * without a dual bound is bounded by per-slot matchings. Each HiGHS model is disposed after its solve and the worker
 * ends with solveRoster.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { buildRosterModel, fillCap, greedyFill, independentParts, maxMatching, overlapCliques, pacer, toModelData, weekNumber, type ModelData, type RosterModel, type Row } from './model';
import type { RosterProblem, RosterProgress, RosterProposal, RosterUnmet, UnmetReason } from './roster-problem';

export interface SolveRosterOptions {
  /** Wall-clock budget of the whole call; the solves stop at it and report the gap reached. */
  timeLimitSeconds: number;
  /** Called when a stage starts or ends and about every second while HiGHS works. */
  onProgress?: (progress: RosterProgress) => void;
  /** Aborting ends the worker and rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Largest stage-1 part, in columns (tests lower it to exercise the decomposition). */
  maxPartColumns?: number;
  /** Share of the budget stage 1 may use (default 0.6). */
  fillShare?: number;
  /** At most this many seconds for stage 2 (default: whatever the budget has left). */
  balanceSeconds?: number;
}

interface WorkerResult {
  modelStatus: number;
  statusName: string;
  objective: number | null;
  dualBound: number | null;
  gap: number | null;
  colValue: Float64Array | null;
  seconds: number;
  nodes: number;
  wasmBytes: number;
}

interface SolveRequest {
  options: Record<string, number | boolean | string>;
  /** A feasible start (MIP start), one value per column. */
  start?: Float64Array;
  /** Seconds the solve may take: HiGHS's time_limit, the worker's own interrupt, and a hard stop 15 s later. */
  seconds: number;
  onProgress?: (m: { incumbent?: number; bound?: number }) => void;
}

/**
 * One worker thread running HiGHS, one solve at a time. The worker interrupts HiGHS itself at the deadline
 * (HiGHS's time_limit is not checked inside every phase); should HiGHS still not return 15 s later (a long presolve
 * has no callback), the worker is terminated and the solve ends with the last incumbent it streamed and the last
 * bound it reported. The next solve then starts a fresh worker.
 */
class HighsWorker {
  private worker: Worker | null = null;
  private nextId = 1;
  private failure: unknown = null;
  private pending: { id: number; resolve: (r: WorkerResult) => void; reject: (e: unknown) => void; request: SolveRequest; incumbent: { colValue: Float64Array; objective: number } | null; bound: number | null; timer: NodeJS.Timeout } | null = null;

  private spawn(): Worker {
    const worker = new Worker(join(__dirname, 'solver.worker.js'));
    worker.on('message', (m: { id: number; kind: string } & Record<string, unknown>) => {
      const pending = this.pending;
      if (!pending || m.id !== pending.id) return;
      if (typeof m.bound === 'number' && Number.isFinite(m.bound)) pending.bound = m.bound;
      if (m.kind === 'progress') pending.request.onProgress?.(m as { incumbent?: number; bound?: number });
      else if (m.kind === 'incumbent') pending.incumbent = { colValue: m.colValue as Float64Array, objective: m.objective as number };
      else if (m.kind === 'result') this.settle(null, m as unknown as WorkerResult);
      else this.settle(new Error(`HiGHS worker: ${String(m.message)}`));
    });
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = null;
      this.settle(new Error(`HiGHS worker exited (code ${code})`));
    });
    return worker;
  }

  private settle(error: unknown, result?: WorkerResult) {
    const pending = this.pending;
    this.pending = null;
    if (!pending) return;
    clearTimeout(pending.timer);
    if (error) pending.reject(error);
    else pending.resolve(result!);
  }

  /** Ends the current solve with an error (abort) and refuses later ones. */
  fail(error: unknown) {
    this.failure ??= error;
    this.settle(error);
    void this.close();
  }

  /** Starts the thread (it loads HiGHS at once) so that the load overlaps the model building. */
  warmUp() {
    this.worker ??= this.spawn();
  }

  solve(model: ModelData, request: SolveRequest): Promise<WorkerResult> {
    if (this.failure) return Promise.reject(this.failure);
    const worker = (this.worker ??= this.spawn());
    const id = this.nextId++;
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        // HiGHS did not come back: stop the thread, keep what it streamed.
        const pending = this.pending;
        if (!pending || pending.id !== id) return;
        this.pending = null;
        this.worker = null;
        worker.removeAllListeners('exit');
        void worker.terminate();
        resolve({
          modelStatus: 13,
          statusName: 'timeLimit',
          objective: pending.incumbent?.objective ?? null,
          dualBound: pending.bound,
          gap: null,
          colValue: pending.incumbent?.colValue ?? null,
          seconds: (performance.now() - started) / 1000,
          nodes: 0,
          wasmBytes: 0,
        });
      }, (request.seconds + 15) * 1000);
      this.pending = { id, resolve, reject, request, incumbent: null, bound: null, timer };
      const arrays = [model.colCost, model.colLower, model.colUpper, model.rowLower, model.rowUpper, model.integrality, model.matrix.starts, model.matrix.indices, model.matrix.values];
      if (request.start) arrays.push(request.start);
      worker.postMessage(
        { id, model, options: { ...request.options, time_limit: request.seconds }, start: request.start, seconds: request.seconds },
        arrays.map((a) => a.buffer as ArrayBuffer),
      );
    });
  }

  async close() {
    const worker = this.worker;
    this.worker = null;
    if (worker) {
      worker.removeAllListeners('exit');
      await worker.terminate();
    }
  }
}

const DEFAULT_PART_COLUMNS = 25_000;

export async function solveRoster(problem: RosterProblem, options: SolveRosterOptions): Promise<RosterProposal> {
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  const budget = options.timeLimitSeconds;
  const report = (p: Omit<RosterProgress, 'seconds'>) => options.onProgress?.({ ...p, seconds: round(elapsed(), 2) });
  options.signal?.throwIfAborted();

  // The worker starts loading HiGHS now, while this thread builds the model.
  const worker = problem.staff.length > 0 && problem.slots.some((s) => s.demand > 0) ? new HighsWorker() : null;
  worker?.warmUp();
  const onAbort = () => worker?.fail(options.signal?.reason ?? new Error('aborted'));
  options.signal?.addEventListener('abort', onAbort);
  const stages: RosterProposal['stages'] = [];
  let fillUpper = 0; // proven: Σx ≤ fillUpper
  let fillProven = true;
  let balanceStatus: RosterProposal['balanceStatus'] = 'SKIPPED';
  let model: RosterModel;
  let x: Uint8Array;
  try {
    report({ stage: 'prepare', message: `building the model: ${problem.slots.length} slots, ${problem.counters.length} counters, ${problem.staff.length} staff` });
    model = await buildRosterModel(problem);
    await breathe();
    const n = model.vars.length;
    const parts = await independentParts(model, options.maxPartColumns ?? DEFAULT_PART_COLUMNS);
    await breathe();
    const greedy = await greedyFill(model, problem.staff.length);
    report({ stage: 'prepare', message: `model built: ${n} columns, ${model.rows.length} rows, ${parts.length} independent part(s); greedy start ${greedy.reduce((s, v) => s + v, 0)} shifts` });
    x = new Uint8Array(n);
    options.signal?.throwIfAborted();

    // Stage 1: fill, part by part.
    const fillStarted = elapsed();
    const fillBudget = Math.max(0.5, (budget - fillStarted) * (options.fillShare ?? 0.6));
    let colsLeft = n;
    let statusWorst = 'optimal';
    for (const [i, part] of parts.entries()) {
      const label = { part: i + 1, parts: parts.length };
      if (part.rows.length === 0) {
        // Nothing constrains these columns: all of them are taken.
        for (const k of part.cols) x[k] = 1;
        fillUpper += part.cols.length;
        colsLeft -= part.cols.length;
        continue;
      }
      const timeLimit = Math.max(0.2, ((fillBudget - (elapsed() - fillStarted)) * part.cols.length) / colsLeft);
      colsLeft -= part.cols.length;
      report({ stage: 'fill', ...label, message: `fill part ${i + 1}/${parts.length} started: ${part.cols.length} columns, ${part.rows.length} rows, ${round(timeLimit, 1)} s at most` });
      await breathe();
      const data = await toModelData(part.rows.map((r) => model.rows[r]), part.cols, () => -1);
      await breathe();
      const result = await worker!.solve(data, {
        options: { mip_rel_gap: 0, mip_abs_gap: 0.999 },
        start: Float64Array.from(part.cols, (k) => greedy[k]),
        seconds: timeLimit,
        onProgress: (m) => report({ stage: 'fill', ...label, message: `fill part ${i + 1}/${parts.length}: best ${fmt(m.incumbent)} bound ${fmt(m.bound)}`, incumbent: m.incumbent, bound: m.bound }),
      });
      let fill = 0;
      // No solution back (the worker was stopped before HiGHS took the start): the greedy start stands.
      part.cols.forEach((k, j) => (fill += x[k] = (result.colValue ? result.colValue[j] > 0.5 : greedy[k]) ? 1 : 0));
      const optimal = result.statusName === 'optimal';
      // The part's objective is −fill: its dual bound L proves fill ≤ −L, and fill is an integer. Without a finite
      // bound from HiGHS, the per-slot matchings bound it.
      const cap = optimal ? fill : await fillCap(model, part.cols);
      const upper = optimal ? fill : result.dualBound !== null && Number.isFinite(result.dualBound) ? Math.min(cap, Math.floor(-result.dualBound + 1e-6)) : cap;
      fillUpper += Math.max(fill, upper);
      if (!optimal) {
        fillProven = false;
        statusWorst = result.statusName;
      }
      report({ stage: 'fill', ...label, message: `fill part ${i + 1}/${parts.length} ${result.statusName} in ${round(result.seconds, 2)} s: ${fill} shifts, at most ${upper}` });
    }
    const fillRows = parts.reduce((s, p) => s + p.rows.length, 0);
    stages.push({ stage: 'fill', seconds: round(elapsed() - fillStarted, 2), status: statusWorst, columns: n, rows: fillRows, parts: parts.length });

    // Stage 2: balance hours, then home desks, without losing a filled counter-slot.
    const filled = x.reduce((s, v) => s + v, 0);
    const timeLeft = Math.min(budget - elapsed() - 0.5, options.balanceSeconds ?? Infinity);
    if (worker && filled > 0 && timeLeft >= 0.5) {
      const balanceStarted = elapsed();
      const { data, start, startBalance, fillWeight, epsilon } = await balanceModel(problem, model, x);
      await breathe();
      report({ stage: 'balance', message: `balance started: ${data.numCols} columns, ${data.numRows} rows, cost ${fmt(startBalance)}, ${round(timeLeft, 1)} s at most` });
      const rows = data.numRows;
      // Balance cost of an objective value, with the fill of stage 1.
      const balanceCost = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? undefined : v + fillWeight * filled);
      const result = await worker.solve(data, {
        // Presolve off: measured on the bench's month, stage 2 took 6.5 s with HiGHS's presolve, 2–3 s without.
        options: { mip_rel_gap: 0, mip_abs_gap: epsilon / 2, presolve: 'off' },
        start,
        seconds: timeLeft,
        onProgress: (m) => {
          const [incumbent, bound] = [balanceCost(m.incumbent), balanceCost(m.bound)];
          report({ stage: 'balance', message: `balance: cost ${fmt(incumbent)}, bound ${fmt(bound)}`, incumbent, bound });
        },
      });
      if (result.colValue) {
        const candidate = Uint8Array.from({ length: n }, (_, k) => (result.colValue![k] > 0.5 ? 1 : 0));
        // The fill's weight keeps it from dropping; should rounding ever cost a filled slot, stage 1's solution stays.
        if (candidate.reduce((s, v) => s + v, 0) >= filled) x.set(candidate);
      }
      balanceStatus = result.statusName === 'optimal' ? 'OPTIMAL' : 'TIME_LIMIT';
      stages.push({ stage: 'balance', seconds: round(elapsed() - balanceStarted, 2), status: result.statusName, columns: data.numCols, rows, parts: 1 });
      report({ stage: 'balance', message: `balance ${result.statusName} in ${round(result.seconds, 2)} s` });
    }
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await worker?.close();
  }
  options.signal?.throwIfAborted();

  await breathe();
  const proposal = await describe(problem, model, x, model.baseUnfilled - fillUpper, fillProven);
  const result: RosterProposal = { ...proposal, balanceStatus, stages, seconds: round(elapsed(), 2) };
  report({ stage: 'done', message: `done: ${result.shifts.length} shifts, ${result.unfilled} unfilled (bound ${result.bound}), spread ${result.spreadHours} h` });
  return result;
}

/** Weight of one minute of spread against one unit of evenness (see the top of this file). */
const SPREAD_WEIGHT = 1000;

/**
 * Stage 2 over every column: cost −FILL per shift (FILL above any balance cost: fill stays first), Hmax ≥ H_p ≥ Hmin
 * for available people, the evenness steps y_pj, and the start from stage 1. Extra columns: Hmax (−1), Hmin (−2),
 * then each person's steps.
 */
async function balanceModel(problem: RosterProblem, model: RosterModel, x: Uint8Array): Promise<{ data: ModelData; start: Float64Array; startBalance: number; fillWeight: number; epsilon: number }> {
  const n = model.vars.length;
  const all = Array.from({ length: n }, (_, k) => k);
  const byStaff = problem.staff.map(() => [] as number[]);
  model.vars.forEach((v, k) => byStaff[v.staff].push(k));
  const rows: Row[] = [...model.rows];
  const extra = { count: 2, cost: [SPREAD_WEIGHT, -SPREAD_WEIGHT], lower: [0, 0], upper: [Infinity, Infinity] };
  const startExtra: number[] = [0, 0];
  const loads: number[] = [];
  const slotMinutes = problem.slots.reduce((s, slot) => s + slot.end - slot.start, 0) / Math.max(1, problem.slots.length);
  let mostLoad = 0; // ≥ Hmax − Hmin of any solution
  let mostEvenness = 0; // ≥ Σ evenness cost of any solution
  problem.staff.forEach((_, p) => {
    if (!model.available[p]) return;
    const cols = byStaff[p];
    const base = model.existingMinutesInRange[p];
    const vals = cols.map((k) => model.vars[k].minutes);
    rows.push({ cols: [...cols, -1], vals: [...vals, -1], lower: -Infinity, upper: -base });
    rows.push({ cols: [...cols, -2], vals: [...vals, -1], lower: -base, upper: Infinity });
    loads.push(base + cols.reduce((s, k) => s + x[k] * model.vars[k].minutes, 0));
    const slotsOf = new Set(cols.map((k) => model.vars[k].slot));
    mostLoad = Math.max(mostLoad, base + [...slotsOf].reduce((s, si) => s + problem.slots[si].end - problem.slots[si].start, 0));
    if (cols.length === 0) return;
    // Evenness: the j-th shift of a person costs 2(e + j) − 1 (e: existing shifts, in slot lengths), a convex
    // cost of k²: Σx_p = Σ_j y_pj with 0 ≤ y_pj ≤ 1; the LP takes the cheap steps first.
    const already = base / slotMinutes;
    const taken = cols.reduce((s, k) => s + x[k], 0);
    const steps: number[] = [];
    for (let j = 1; j <= slotsOf.size; j++) {
      steps.push(-(extra.count + 1));
      extra.count++;
      extra.cost.push(2 * (already + j) - 1);
      extra.lower.push(0);
      extra.upper.push(1);
      startExtra.push(j <= taken ? 1 : 0);
      mostEvenness += 2 * (already + j) - 1;
    }
    rows.push({ cols: [...cols, ...steps], vals: [...cols.map(() => 1), ...steps.map(() => -1)], lower: 0, upper: 0 });
  });
  startExtra[0] = loads.length ? Math.max(...loads) : 0;
  startExtra[1] = loads.length ? Math.min(...loads) : 0;
  const epsilon = 1 / (model.need.reduce((s, v) => s + v, 0) + 1);
  // One more shift outweighs every balance and home-desk cost together: the fill can only grow.
  const fill = Math.ceil(SPREAD_WEIGHT * mostLoad + mostEvenness + 2);
  const data = await toModelData(rows, all, (k) => -fill + (model.vars[k].away ? epsilon : 0), extra);
  const start = new Float64Array(n + extra.count);
  x.forEach((v, k) => (start[k] = v));
  startExtra.forEach((v, e) => (start[n + e] = v));
  // The start's balance cost (spread, evenness, away), for the progress reports.
  const startBalance = startExtra.reduce((s, v, e) => s + v * extra.cost[e], 0) + x.reduce((s, v, k) => s + (v && model.vars[k].away ? epsilon : 0), 0);
  return { data, start, startBalance, fillWeight: fill, epsilon };
}

/** Shifts, unfilled, bound, spread and the unmet reasons of a solution. */
async function describe(problem: RosterProblem, model: RosterModel, x: Uint8Array, bound: number, fillProven: boolean) {
  const { slots, staff, counters } = problem;
  const shifts: RosterProposal['shifts'] = [];
  const proposedAt = slots.map(() => [] as number[]); // columns taken per slot
  const minutes = staff.map((_, p) => model.existingMinutesInRange[p]);
  let away = 0;
  model.vars.forEach((v, k) => {
    if (!x[k]) return;
    shifts.push({ staffId: staff[v.staff].id, counterId: counters[v.counter].id, slotId: slots[v.slot].id });
    proposedAt[v.slot].push(k);
    minutes[v.staff] += v.minutes;
    if (v.away) away++;
  });
  const demanded = slots.reduce((s, slot) => s + slot.demand, 0);
  const unfilled = model.baseUnfilled - shifts.length;
  bound = Math.max(0, Math.min(bound, unfilled));
  const loads = minutes.filter((_, p) => model.available[p]);
  const spreadHours = loads.length ? round((Math.max(...loads) - Math.min(...loads)) / 60, 2) : 0;
  const unmet = await explainUnmet(problem, model, x, proposedAt, fillProven);
  const status: RosterProposal['status'] = unfilled > bound ? 'TIME_LIMIT' : unfilled > 0 ? 'INFEASIBLE_DEMAND' : 'OPTIMAL';
  return {
    shifts,
    demanded,
    unfilled,
    bound,
    gapPct: demanded ? round((100 * (unfilled - bound)) / demanded, 3) : 0,
    spreadHours,
    awayFromHome: away,
    status,
    unmet,
  };
}

/**
 * For every slot left short: how many counters are missing and why. The candidates of the slot's desk pass
 * stricter and stricter filters; after each filter, the most counters they could staff (a bipartite matching
 * people × free counters) is computed; the counters lost at a filter are attributed to its reason. A slot may
 * thus list several reasons; their `missing` add up to the slot's shortfall.
 */
async function explainUnmet(problem: RosterProblem, model: RosterModel, x: Uint8Array, proposedAt: number[][], fillProven: boolean): Promise<RosterUnmet[]> {
  const pace = pacer();
  const { slots, limits } = problem;
  // Proposed shifts per person: [slot] list, for the dynamic filters.
  const proposedByStaff = problem.staff.map(() => [] as number[]);
  model.vars.forEach((v, k) => x[k] && proposedByStaff[v.staff].push(v.slot));
  const unmet: RosterUnmet[] = [];
  for (const [si, s] of slots.entries()) {
    const target = Math.max(0, s.demand - model.staffedByExisting[si]);
    const staffed = proposedAt[si].length;
    if (target <= staffed) continue;
    if (pace.due()) await pace.pause();
    const d = model.slotDay[si];
    const week = weekNumber(d);
    const len = s.end - s.start;
    const free = model.freeCounters[si];
    const here = new Set(proposedAt[si].map((k) => model.vars[k].staff));
    let people = model.staffByDesk.get(s.deskId) ?? [];
    const levels: Array<[UnmetReason, number]> = [['NOT_ENOUGH_COUNTERS', free.length]];
    const step = (reason: UnmetReason, keep: (p: number) => boolean, qualified = true) => {
      people = people.filter(keep);
      levels.push([reason, qualified ? maxMatching(people, free, (p, c) => model.isQualified(p, c, d)) : Math.min(free.length, people.length)]);
    };
    step('NO_ASSIGNED_STAFF', (p) => model.isAssigned(p, s.deskId, d), false);
    step('NO_QUALIFIED_STAFF', () => true);
    step('ALL_ABSENT', (p) => !model.isAbsent(p, d));
    step('BUSY_IN_EXISTING_SHIFTS', (p) => !model.existingBusy[p].some(([bd, b0, b1]) => bd === d && b0 < s.end && s.start < b1));
    const existingDay = (p: number) => model.existingDayMinutes[p].get(d) ?? 0;
    const existingWeek = (p: number) => model.existingWeekMinutes[p].get(week) ?? 0;
    step('HOURS_LIMIT', (p) => existingDay(p) + len <= limits.maxMinutesPerDay && existingWeek(p) + len <= limits.maxMinutesPerWeek);
    const others = (p: number) => proposedByStaff[p].filter((o) => o !== si);
    step('STAFF_BUSY_ELSEWHERE', (p) => here.has(p) || !others(p).some((o) => slots[o].day === s.day && slots[o].start < s.end && s.start < slots[o].end));
    step('HOURS_LIMIT', (p) => {
      if (here.has(p)) return true;
      const mine = others(p);
      const day = mine.filter((o) => model.slotDay[o] === d).reduce((t, o) => t + slots[o].end - slots[o].start, 0);
      const wk = mine.filter((o) => weekNumber(model.slotDay[o]) === week).reduce((t, o) => t + slots[o].end - slots[o].start, 0);
      return existingDay(p) + day + len <= limits.maxMinutesPerDay && existingWeek(p) + wk + len <= limits.maxMinutesPerWeek;
    });
    const byReason = new Map<UnmetReason, number>();
    let reachable = target;
    for (const [reason, cap] of levels) {
      const next = Math.max(staffed, Math.min(reachable, cap));
      if (next < reachable) byReason.set(reason, (byReason.get(reason) ?? 0) + reachable - next);
      reachable = next;
    }
    // What no filter explains: the solver stopped before it could staff it or prove it cannot. (With stage 1
    // proven optimal, only a counter held by a proposed shift of an overlapping slot of the same desk is left.)
    const rest: UnmetReason = fillProven ? 'NOT_ENOUGH_COUNTERS' : 'SOLVER_TIME_LIMIT';
    if (reachable > staffed) byReason.set(rest, (byReason.get(rest) ?? 0) + reachable - staffed);
    for (const [reason, missing] of byReason) unmet.push({ slotId: s.id, missing, reason });
  }
  return unmet;
}

/** Lets the event loop run between the synchronous steps done in this thread (model building, reading the result). */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));
const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;
const fmt = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '–' : String(round(v, 2)));
// Re-exported for the tests that check the interval cliques.
export { overlapCliques };
