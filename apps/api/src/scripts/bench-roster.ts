/**
 * `npm run bench:roster`: auto-fills a generated province-month with the roster solver, as the product does
 * (solveRoster: model in this thread, HiGHS in a worker thread), and judges the result with the independent
 * checker (modules/counters/solver/checker.ts).
 *
 * The province (seeded PRNG, deterministic): 30 desks with 2–6 counters each (120 in all), ~300 postal staff,
 * the 22 working days (Monday–Friday) of September 2025, two opening slots a day (07:30–11:30, 13:30–17:00).
 * Counters serve 1–3 procedure fields; most staff are trained in 2–5 fields, mostly those their desk needs;
 * some qualifications expire mid-month, some are gained mid-month. Most people work at one desk; some also
 * at a neighbouring desk, a few only from mid-month. Absences (annual leave, sickness, training) cover a few %
 * of person-days. Demand: every counter in every slot, a little less on some afternoons.
 *
 * Prints the generation parameters, the solver's progress and stage timings, the event loop's worst delay
 * during the solve, memory, the unmet reasons, and last:
 *   roster: staff=<n> counters=<n> days=<n> demanded=<n> seconds=<s> hard_violations=<n> unfilled=<n> bound=<n> gap_pct=<x> spread_h=<x>
 * `hard_violations`, `unfilled`, `demanded` and `spread_h` are the checker's; `bound` is the solver's proven
 * lower bound on unfilled; `gap_pct` = 100 × (unfilled − bound) / demanded; `seconds` is solveRoster's wall time.
 *
 * BENCH_ROSTER_SEED (default 20250901), BENCH_ROSTER_SECONDS (the solver's time limit, default 45),
 * BENCH_ROSTER_STAFF (default 300) change the run.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { checkRoster, rosterStats } from '../modules/counters/solver/checker';
import type { RosterCounter, RosterProblem, RosterSlot, RosterStaff } from '../modules/counters/solver/roster-problem';
import { solveRoster } from '../modules/counters/solver/solve';

const SEED = Number(process.env.BENCH_ROSTER_SEED ?? 20250901);
const TIME_LIMIT = Number(process.env.BENCH_ROSTER_SECONDS ?? 45);
const STAFF = Number(process.env.BENCH_ROSTER_STAFF ?? 300);
const DESKS = 30;
const COUNTERS = 120;
const log = (line = '') => console.log(line);

/** mulberry32: a small seeded PRNG, the same sequence on every machine. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)];
  /** One of the items, by weight. */
  const weighted = <T>(items: Array<[T, number]>) => {
    let r = next() * items.reduce((s, [, w]) => s + w, 0);
    for (const [item, w] of items) if ((r -= w) < 0) return item;
    return items[items.length - 1][0];
  };
  return { next, int, pick, weighted };
}

/** Procedure fields (lĩnh vực) with how often a counter serves them. */
const FIELDS: Array<[string, number]> = [
  ['ho-tich', 10],
  ['dat-dai', 9],
  ['tu-phap', 7],
  ['lao-dong-tbxh', 6],
  ['kinh-doanh', 5],
  ['xay-dung', 4],
  ['tai-nguyen-moi-truong', 4],
  ['giao-duc', 3],
  ['y-te', 3],
  ['giao-thong', 2],
  ['nong-nghiep', 2],
  ['van-hoa', 1],
];

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (day: string, n: number) => iso(new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000));

export function generateProvinceMonth(seed: number, staffCount: number) {
  const r = prng(seed);
  // The 22 working days of September 2025 (the 1st is a Monday).
  const days: string[] = [];
  for (let d = 1; d <= 30; d++) {
    const day = `2025-09-${String(d).padStart(2, '0')}`;
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday >= 1 && weekday <= 5) days.push(day);
  }
  const first = days[0];
  const last = days[days.length - 1];

  // Desk sizes 2–6 adding up to 120.
  const sizes = Array.from({ length: DESKS }, () => r.int(2, 6));
  while (sizes.reduce((s, v) => s + v, 0) !== COUNTERS) {
    const i = r.int(0, DESKS - 1);
    const total = sizes.reduce((s, v) => s + v, 0);
    if (total > COUNTERS && sizes[i] > 2) sizes[i]--;
    if (total < COUNTERS && sizes[i] < 6) sizes[i]++;
  }
  const deskIds = sizes.map((_, i) => `desk-${String(i + 1).padStart(2, '0')}`);
  const counters: RosterCounter[] = [];
  const deskFields = new Map<string, Set<string>>();
  deskIds.forEach((deskId, i) => {
    const fieldsHere = new Set<string>();
    for (let j = 0; j < sizes[i]; j++) {
      const n = r.weighted([
        [1, 50],
        [2, 35],
        [3, 15],
      ]);
      const fields = new Set<string>();
      while (fields.size < n) fields.add(r.weighted(FIELDS));
      fields.forEach((f) => fieldsHere.add(f));
      counters.push({ id: `${deskId}-q${j + 1}`, deskId, fields: [...fields] });
    }
    deskFields.set(deskId, fieldsHere);
  });

  // Staff: per desk in proportion to its counters (about 2.5 a counter), the rest spread at random.
  const staff: RosterStaff[] = [];
  const homeOf: string[] = [];
  deskIds.forEach((deskId, i) => {
    const n = Math.round((sizes[i] * staffCount) / COUNTERS);
    for (let k = 0; k < n && homeOf.length < staffCount; k++) homeOf.push(deskId);
  });
  while (homeOf.length < staffCount) homeOf.push(r.pick(deskIds));
  let twoDesks = 0;
  let lateStart = 0;
  let expiring = 0;
  let gained = 0;
  let absentDays = 0;
  homeOf.forEach((home, i) => {
    const id = `staff-${String(i + 1).padStart(3, '0')}`;
    const assignments: RosterStaff['assignments'] = [];
    const homeIndex = deskIds.indexOf(home);
    if (r.next() < 0.05) {
      // Joins the desk mid-month (a new deployment).
      const from = r.pick(days.slice(5, 15));
      assignments.push({ deskId: home, from, to: null });
      lateStart++;
    } else {
      assignments.push({ deskId: home, from: '2025-01-01', to: null });
    }
    let second: string | null = null;
    if (r.next() < 0.18) {
      // Also covers a neighbouring desk (the desks are numbered along the province's roads).
      second = deskIds[(homeIndex + (r.next() < 0.5 ? 1 : DESKS - 1)) % DESKS];
      const from = r.next() < 0.7 ? '2025-06-01' : r.pick(days);
      assignments.push({ deskId: second, from, to: r.next() < 0.2 ? r.pick(days.filter((d) => d >= from)) : null });
      twoDesks++;
    }
    // Trained in 2–5 fields, mostly those of their desks' counters.
    const wanted = r.weighted([
      [1, 5],
      [2, 25],
      [3, 30],
      [4, 25],
      [5, 15],
    ]);
    const local = [...deskFields.get(home)!, ...(second ? deskFields.get(second)! : [])];
    // Deployed to a desk after training for one of its counters: all of that counter's fields, then more. Two in
    // three follow the desk's plan (its counters in turn); the others trained for whichever counter, so some counters
    // end up with one trained person at home, or none.
    const homeCounters = counters.filter((c) => c.deskId === home);
    const planned = homeCounters[homeOf.slice(0, i).filter((h) => h === home).length % homeCounters.length];
    const fields = new Set<string>((r.next() < 0.67 ? planned : r.pick(homeCounters)).fields);
    while (fields.size < wanted) fields.add(r.next() < 0.75 && local.length ? r.pick(local) : r.weighted(FIELDS));
    const qualifications: RosterStaff['qualifications'] = [...fields].map((fieldId) => {
      const roll = r.next();
      if (roll < 0.06) {
        expiring++;
        return { fieldId, trainedOn: '2023-03-15', expiresOn: r.pick(days) };
      }
      if (roll < 0.09) {
        gained++;
        return { fieldId, trainedOn: r.pick(days), expiresOn: null };
      }
      return { fieldId, trainedOn: r.pick(['2022-05-10', '2023-09-20', '2024-04-02', '2025-02-17']), expiresOn: r.next() < 0.3 ? '2027-12-31' : null };
    });
    // Absences: annual leave, sickness, training courses (weekends inside a range are harmless).
    const absences: RosterStaff['absences'] = [];
    const range = (length: number) => {
      const from = r.pick(days);
      absences.push({ from, to: addDays(from, length - 1) });
    };
    if (r.next() < 0.25) range(r.int(1, 5));
    if (r.next() < 0.12) range(r.int(1, 3));
    if (r.next() < 0.08) range(r.int(2, 3));
    absentDays += days.filter((d) => absences.some((a) => a.from <= d && d <= a.to)).length;
    staff.push({ id, homeDeskId: home, assignments, qualifications, absences });
  });

  // Slots: two a day; every counter in the morning, a counter less on ~20 % of the afternoons.
  const slots: RosterSlot[] = [];
  deskIds.forEach((deskId, i) => {
    for (const day of days) {
      slots.push({ id: `${deskId}/${day}/am`, deskId, day, start: 450, end: 690, demand: sizes[i] });
      slots.push({ id: `${deskId}/${day}/pm`, deskId, day, start: 810, end: 1020, demand: sizes[i] - (r.next() < 0.2 ? 1 : 0) });
    }
  });

  const problem: RosterProblem = { slots, counters, staff, existing: [], limits: { maxMinutesPerDay: 480, maxMinutesPerWeek: 2880 } };
  const stats = { desks: DESKS, first, last, days: days.length, twoDesks, lateStart, expiring, gained, absentPct: (100 * absentDays) / (staff.length * days.length) };
  return { problem, stats };
}

async function main() {
  const genStarted = performance.now();
  const { problem, stats } = generateProvinceMonth(SEED, STAFF);
  const quals = problem.staff.reduce((s, p) => s + p.qualifications.length, 0);
  const fieldsPerCounter = problem.counters.reduce((s, c) => s + c.fields.length, 0) / problem.counters.length;
  log(`generated (seed ${SEED}) in ${Math.round(performance.now() - genStarted)} ms: ${stats.desks} desks, ${problem.counters.length} counters (${fieldsPerCounter.toFixed(2)} fields each), ${problem.staff.length} staff`);
  log(`  ${stats.days} working days ${stats.first}…${stats.last}, ${problem.slots.length} slots (07:30–11:30, 13:30–17:00), demand ${problem.slots.reduce((s, x) => s + x.demand, 0)} counter-slots`);
  log(`  ${quals} qualifications (${(quals / problem.staff.length).toFixed(1)} a person; ${stats.expiring} expire this month, ${stats.gained} gained this month)`);
  log(`  ${stats.twoDesks} people at two desks, ${stats.lateStart} deployed mid-month, absences ${stats.absentPct.toFixed(1)} % of person-days`);
  log(`  time limit ${TIME_LIMIT} s`);

  const delay = monitorEventLoopDelay({ resolution: 10 });
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  delay.enable();
  const solveStarted = performance.now();
  const proposal = await solveRoster(problem, {
    timeLimitSeconds: TIME_LIMIT,
    onProgress: (p) => {
      if (p.stage !== 'fill' || !p.message.includes(': best')) log(`  [${p.seconds.toFixed(1)} s] ${p.message}`);
    },
  });
  const seconds = (performance.now() - solveStarted) / 1000;
  delay.disable();
  clearInterval(sampler);

  const check = checkRoster(problem, proposal.shifts);
  const measured = rosterStats(problem, proposal.shifts);
  for (const s of proposal.stages) log(`stage ${s.stage}: ${s.seconds} s, ${s.status}, ${s.columns} columns, ${s.rows} rows, ${s.parts} part(s)`);
  log(`event loop during the solve: max delay ${(delay.max / 1e6).toFixed(0)} ms, p99 ${(delay.percentile(99) / 1e6).toFixed(0)} ms (model building runs in this thread, HiGHS in the worker)`);
  log(`memory: peak rss ${(peakRss / 2 ** 20).toFixed(0)} MB (this process, worker included)`);
  log(`proposal: ${proposal.shifts.length} shifts, status ${proposal.status}, balance ${proposal.balanceStatus}, ${proposal.awayFromHome} away from home, ${measured.available} people available`);
  const h = measured.hours;
  log(`planned hours of available people: min ${h.min}, p10 ${h.p10}, median ${h.median}, p90 ${h.p90}, max ${h.max}`);
  const reasons = new Map<string, number>();
  for (const u of proposal.unmet) reasons.set(u.reason, (reasons.get(u.reason) ?? 0) + u.missing);
  log(`unmet: ${[...reasons].map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`);
  if (measured.unfilled !== proposal.unfilled || measured.spreadHours !== proposal.spreadHours) {
    log(`note: the solver counted unfilled=${proposal.unfilled} spread_h=${proposal.spreadHours}, the checker ${measured.unfilled} and ${measured.spreadHours} (the checker's are printed)`);
  }
  for (const v of check.violations.slice(0, 10)) log(`violation ${v.rule}: ${v.detail}`);
  const gap = measured.demanded ? (100 * (measured.unfilled - proposal.bound)) / measured.demanded : 0;
  log(
    `roster: staff=${problem.staff.length} counters=${problem.counters.length} days=${stats.days} demanded=${measured.demanded} seconds=${seconds.toFixed(1)} ` +
      `hard_violations=${check.count} unfilled=${measured.unfilled} bound=${proposal.bound} gap_pct=${gap.toFixed(2)} spread_h=${measured.spreadHours.toFixed(1)}`,
  );
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
