// The roster solver on small cases with a known optimum, an infeasible demand and its reasons, fairness and home
// desks, and the independent checker on hand-made bad rosters (so the judge itself is judged). No database.
import { checkRoster, mondayOf, rosterStats, type HardRule } from './checker';
import type { RosterProblem, RosterProgress, RosterShift, RosterStaff } from './roster-problem';
import { overlapCliques, solveRoster } from './solve';

const MORNING = { start: 450, end: 690 }; // 07:30–11:30, 240 min
const AFTERNOON = { start: 810, end: 1020 }; // 13:30–17:00, 210 min
const MON = '2025-03-03';
const TUE = '2025-03-04';
const WED = '2025-03-05';

function person(id: string, fields: string[], more: Partial<RosterStaff> = {}, desks = ['D1']): RosterStaff {
  return {
    id,
    homeDeskId: desks[0],
    assignments: desks.map((deskId) => ({ deskId, from: '2025-01-01', to: null })),
    qualifications: fields.map((fieldId) => ({ fieldId, trainedOn: '2024-06-01', expiresOn: null })),
    absences: [],
    ...more,
  };
}

function problem(parts: Partial<RosterProblem>): RosterProblem {
  return {
    slots: [],
    counters: [],
    staff: [],
    existing: [],
    limits: { maxMinutesPerDay: 480, maxMinutesPerWeek: 2880 },
    ...parts,
  };
}

const solve = (p: RosterProblem, extra: Partial<Parameters<typeof solveRoster>[1]> = {}) => solveRoster(p, { timeLimitSeconds: 20, ...extra });
const rules = (p: RosterProblem, shifts: RosterShift[]) => checkRoster(p, shifts).violations.map((v) => v.rule).sort();
const sortShifts = (shifts: RosterShift[]) => shifts.map((s) => `${s.staffId}@${s.counterId}/${s.slotId}`).sort();

describe('solveRoster: small cases with a known optimum', () => {
  it('2 counters, 3 people, one unqualified: both counters staffed by the two who can', async () => {
    const p = problem({
      slots: [{ id: 'S1', deskId: 'D1', day: MON, ...MORNING, demand: 2 }],
      counters: [
        { id: 'C1', deskId: 'D1', fields: ['hotich'] },
        { id: 'C2', deskId: 'D1', fields: ['datdai', 'hotich'] },
      ],
      staff: [person('A', ['hotich', 'datdai']), person('B', ['hotich']), person('U', [])],
    });
    const r = await solve(p);
    expect(sortShifts(r.shifts)).toEqual(['A@C2/S1', 'B@C1/S1']);
    expect(r).toMatchObject({ demanded: 2, unfilled: 0, bound: 0, gapPct: 0, status: 'OPTIMAL', unmet: [] });
    expect(checkRoster(p, r.shifts).count).toBe(0);
  });

  it('a counter serving no field needs no qualification', async () => {
    const p = problem({
      slots: [{ id: 'S1', deskId: 'D1', day: MON, ...MORNING, demand: 1 }],
      counters: [{ id: 'C0', deskId: 'D1', fields: [] }],
      staff: [person('U', [])],
    });
    const r = await solve(p);
    expect(sortShifts(r.shifts)).toEqual(['U@C0/S1']);
  });

  it('a person absent that day is not rostered: the other one is', async () => {
    const p = problem({
      slots: [
        { id: 'S1', deskId: 'D1', day: MON, ...MORNING, demand: 1 },
        { id: 'S2', deskId: 'D1', day: TUE, ...MORNING, demand: 1 },
      ],
      counters: [{ id: 'C1', deskId: 'D1', fields: ['hotich'] }],
      staff: [person('A', ['hotich'], { absences: [{ from: MON, to: MON }] }), person('B', ['hotich'], { absences: [{ from: TUE, to: WED }] })],
    });
    const r = await solve(p);
    expect(sortShifts(r.shifts)).toEqual(['A@C1/S2', 'B@C1/S1']);
    expect(r.unfilled).toBe(0);
  });

  it('a qualification valid until Tuesday does not count on Wednesday', async () => {
    const p = problem({
      slots: [
        { id: 'S1', deskId: 'D1', day: TUE, ...MORNING, demand: 1 },
        { id: 'S2', deskId: 'D1', day: WED, ...MORNING, demand: 1 },
      ],
      counters: [{ id: 'C1', deskId: 'D1', fields: ['hotich'] }],
      staff: [person('A', [], { qualifications: [{ fieldId: 'hotich', trainedOn: '2024-01-01', expiresOn: TUE }] })],
    });
    const r = await solve(p);
    expect(sortShifts(r.shifts)).toEqual(['A@C1/S1']);
    expect(r.unmet).toEqual([{ slotId: 'S2', missing: 1, reason: 'NO_QUALIFIED_STAFF' }]);
    expect(r.status).toBe('INFEASIBLE_DEMAND');
  });

  it('week hours already used up force someone else; with nobody else the slot says HOURS_LIMIT', async () => {
    const slots = [{ id: 'S1', deskId: 'D1', day: TUE, ...MORNING, demand: 1 }];
    const counters = [
      { id: 'C1', deskId: 'D1', fields: ['hotich'] },
      { id: 'X9', deskId: 'D2', fields: [] },
    ];
    // A worked 300 min on Monday at another desk; the week limit is 480: a 240-min slot would make 540.
    const existing = [{ staffId: 'A', counterId: 'X9', day: MON, start: 420, end: 720 }];
    const limits = { maxMinutesPerDay: 480, maxMinutesPerWeek: 480 };
    const withB = problem({ slots, counters, existing, limits, staff: [person('A', ['hotich'], { homeDeskId: 'D1' }), person('B', ['hotich'], { homeDeskId: 'D9' })] });
    const r = await solve(withB);
    expect(sortShifts(r.shifts)).toEqual(['B@C1/S1']);
    expect(checkRoster(withB, r.shifts).count).toBe(0);

    const alone = problem({ slots, counters, existing, limits, staff: [person('A', ['hotich'])] });
    const r2 = await solve(alone);
    expect(r2.shifts).toEqual([]);
    expect(r2.unmet).toEqual([{ slotId: 'S1', missing: 1, reason: 'HOURS_LIMIT' }]);
    // The checker agrees: A at the counter would break the week limit, and only that.
    expect(rules(alone, [{ staffId: 'A', counterId: 'C1', slotId: 'S1' }])).toEqual(['WEEK_HOURS']);
  });

  it('the day limit spreads a day over two people', async () => {
    const p = problem({
      slots: [
        { id: 'AM', deskId: 'D1', day: MON, ...MORNING, demand: 1 },
        { id: 'PM', deskId: 'D1', day: MON, ...AFTERNOON, demand: 1 },
      ],
      counters: [{ id: 'C1', deskId: 'D1', fields: [] }],
      staff: [person('A', []), person('B', [])],
      limits: { maxMinutesPerDay: 300, maxMinutesPerWeek: 2880 },
    });
    const r = await solve(p);
    expect(r.unfilled).toBe(0);
    expect(new Set(r.shifts.map((s) => s.staffId)).size).toBe(2);
    expect(checkRoster(p, r.shifts).count).toBe(0);
  });

  it('existing shifts are respected and not duplicated: a covered counter counts as staffed, a busy person is not used', async () => {
    const p = problem({
      slots: [{ id: 'S1', deskId: 'D1', day: MON, ...MORNING, demand: 2 }],
      counters: [
        { id: 'C1', deskId: 'D1', fields: [] },
        { id: 'C2', deskId: 'D1', fields: [] },
      ],
      staff: [person('A', []), person('B', [])],
      existing: [{ staffId: 'A', counterId: 'C1', day: MON, ...MORNING }],
    });
    const r = await solve(p);
    expect(sortShifts(r.shifts)).toEqual(['B@C2/S1']);
    expect(r).toMatchObject({ demanded: 2, unfilled: 0, status: 'OPTIMAL' });
    expect(rosterStats(p, r.shifts)).toMatchObject({ demanded: 2, unfilled: 0, spreadHours: 0 });
  });

  it('a person deployed to two desks is in one place at a time: the other desk says STAFF_BUSY_ELSEWHERE', async () => {
    const p = problem({
      slots: [
        { id: 'D1-AM', deskId: 'D1', day: MON, ...MORNING, demand: 1 },
        { id: 'D2-AM', deskId: 'D2', day: MON, start: 480, end: 660, demand: 1 },
      ],
      counters: [
        { id: 'C1', deskId: 'D1', fields: [] },
        { id: 'C2', deskId: 'D2', fields: [] },
      ],
      staff: [person('X', [], {}, ['D1', 'D2'])],
    });
    const r = await solve(p);
    expect(r.shifts).toEqual([{ staffId: 'X', counterId: 'C1', slotId: 'D1-AM' }]); // at home
    expect(r.unmet).toEqual([{ slotId: 'D2-AM', missing: 1, reason: 'STAFF_BUSY_ELSEWHERE' }]);
    expect(r.bound).toBe(1);
    expect(checkRoster(p, r.shifts).count).toBe(0);
  });
});

describe('solveRoster: infeasible demand', () => {
  it('says which slots cannot be met, by how many and why, with a bound equal to the unfilled count', async () => {
    const p = problem({
      slots: [
        { id: 'TOO-MANY', deskId: 'D1', day: MON, ...MORNING, demand: 3 }, // 2 counters only
        { id: 'NOBODY', deskId: 'D2', day: MON, ...MORNING, demand: 1 }, // nobody deployed there
        { id: 'ABSENT', deskId: 'D3', day: MON, ...MORNING, demand: 1 },
        { id: 'UNTRAINED', deskId: 'D1', day: MON, ...AFTERNOON, demand: 2 },
      ],
      counters: [
        { id: 'C1', deskId: 'D1', fields: ['hotich'] },
        { id: 'C2', deskId: 'D1', fields: ['datdai'] },
        { id: 'C3', deskId: 'D2', fields: [] },
        { id: 'C4', deskId: 'D3', fields: [] },
      ],
      staff: [person('A', ['hotich']), person('B', ['hotich']), person('S', [], { absences: [{ from: MON, to: TUE }] }, ['D3'])],
    });
    const r = await solve(p);
    expect(r.status).toBe('INFEASIBLE_DEMAND');
    expect(r.demanded).toBe(7);
    // TOO-MANY: C1 by A or B, C2 nobody trained (datdai), third counter missing; UNTRAINED: C1 only.
    expect(r.unfilled).toBe(2 + 1 + 1 + 1);
    expect(r.bound).toBe(r.unfilled);
    expect(r.gapPct).toBe(0);
    const unmet = r.unmet.map((u) => `${u.slotId}:${u.missing}:${u.reason}`).sort();
    expect(unmet).toEqual(['ABSENT:1:ALL_ABSENT', 'NOBODY:1:NO_ASSIGNED_STAFF', 'TOO-MANY:1:NOT_ENOUGH_COUNTERS', 'TOO-MANY:1:NO_QUALIFIED_STAFF', 'UNTRAINED:1:NO_QUALIFIED_STAFF']);
    expect(checkRoster(p, r.shifts).count).toBe(0);
    expect(rosterStats(p, r.shifts)).toMatchObject({ demanded: 7, unfilled: 5 });
  });

  it('an existing shift that holds the only qualified person says BUSY_IN_EXISTING_SHIFTS', async () => {
    const p = problem({
      slots: [{ id: 'S1', deskId: 'D1', day: MON, ...MORNING, demand: 1 }],
      counters: [
        { id: 'C1', deskId: 'D1', fields: ['hotich'] },
        { id: 'X', deskId: 'D2', fields: [] },
      ],
      staff: [person('A', ['hotich'])],
      existing: [{ staffId: 'A', counterId: 'X', day: MON, start: 600, end: 700 }],
    });
    const r = await solve(p);
    expect(r.unmet).toEqual([{ slotId: 'S1', missing: 1, reason: 'BUSY_IN_EXISTING_SHIFTS' }]);
  });
});

describe('solveRoster: soft goals', () => {
  it('with spare staff, hours are spread: spread within one slot length', async () => {
    const days = ['2025-03-03', '2025-03-04', '2025-03-05', '2025-03-06', '2025-03-07'];
    const p = problem({
      slots: days.flatMap((day) => [
        { id: `${day}-AM`, deskId: 'D1', day, ...MORNING, demand: 1 },
        { id: `${day}-PM`, deskId: 'D1', day, ...AFTERNOON, demand: 1 },
      ]),
      counters: [{ id: 'C1', deskId: 'D1', fields: [] }],
      staff: ['A', 'B', 'C', 'D'].map((id) => person(id, [])),
    });
    const r = await solve(p);
    expect(r.unfilled).toBe(0);
    expect(r.spreadHours).toBeLessThanOrEqual(4);
    expect(rosterStats(p, r.shifts).spreadHours).toBe(r.spreadHours);
    expect(r.balanceStatus).toBe('OPTIMAL');
    expect(checkRoster(p, r.shifts).count).toBe(0);
  });

  it('keeps people at their home desk when hours allow either', async () => {
    const p = problem({
      slots: [{ id: 'S', deskId: 'D2', day: MON, ...MORNING, demand: 1 }],
      counters: [{ id: 'C', deskId: 'D2', fields: [] }],
      staff: [person('AWAY', [], {}, ['D1', 'D2']), person('HOME', [], {}, ['D2'])],
    });
    const r = await solve(p);
    expect(r.shifts).toEqual([{ staffId: 'HOME', counterId: 'C', slotId: 'S' }]);
    expect(r.awayFromHome).toBe(0);
  });
});

describe('solveRoster: decomposition, progress and the worker', () => {
  /** A seeded little province: 4 desks, 2 weeks, people mostly at one desk, some at two, some absences. */
  function little(seed: number): RosterProblem {
    let state = seed;
    const rand = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const fields = ['hotich', 'datdai', 'tuphap', 'laodong'];
    const desks = ['D1', 'D2', 'D3', 'D4'];
    const counters = desks.flatMap((d, i) => Array.from({ length: 2 + (i % 3) }, (_, j) => ({ id: `${d}-C${j}`, deskId: d, fields: [fields[(i + j) % 4], ...(j === 2 ? [fields[(i + j + 1) % 4]] : [])] })));
    const days = ['03', '04', '05', '06', '07', '10', '11', '12', '13', '14'].map((d) => `2025-03-${d}`);
    const slots = desks.flatMap((d) => days.flatMap((day) => [{ id: `${d}/${day}/AM`, deskId: d, day, ...MORNING, demand: 2 }, { id: `${d}/${day}/PM`, deskId: d, day, ...AFTERNOON, demand: 1 + (rand() < 0.5 ? 1 : 0) }]));
    const staff = Array.from({ length: 14 }, (_, i) => {
      const home = desks[i % 4];
      const second = rand() < 0.3 ? desks[(i + 1) % 4] : null;
      const start = Math.floor(rand() * days.length);
      return person(
        `P${i}`,
        fields.filter(() => rand() < 0.6),
        { absences: rand() < 0.4 ? [{ from: days[start], to: days[Math.min(days.length - 1, start + 2)] }] : [], homeDeskId: home },
        second ? [home, second] : [home],
      );
    });
    return problem({ slots, counters, staff, limits: { maxMinutesPerDay: 480, maxMinutesPerWeek: 1800 } });
  }

  it('parts solved apart reach the same fewest unfilled as the whole, with a sound bound, and no hard violation', async () => {
    for (const seed of [1, 2, 3]) {
      const p = little(seed);
      // Stage 1 takes well under a second here (unless the machine is very busy); stage 2 may use all its time to
      // prove the spread (seed 1 does): it gets a second.
      const whole = await solve(p, { balanceSeconds: 1 });
      const progress: RosterProgress[] = [];
      const split = await solve(p, { balanceSeconds: 1, maxPartColumns: 40, onProgress: (e) => progress.push(e) });
      expect(whole.stages[0].parts).toBe(1);
      expect(split.stages[0].parts).toBeGreaterThanOrEqual(2); // at least one per ISO week
      expect(split.unfilled).toBe(whole.unfilled);
      expect(split.bound).toBe(whole.bound);
      expect(whole.bound).toBe(whole.unfilled);
      for (const r of [whole, split]) {
        expect(checkRoster(p, r.shifts).count).toBe(0);
        expect(rosterStats(p, r.shifts)).toMatchObject({ unfilled: r.unfilled, demanded: r.demanded, spreadHours: r.spreadHours });
        expect(r.unmet.reduce((s, u) => s + u.missing, 0)).toBe(r.unfilled);
      }
      expect(progress.map((e) => e.stage)).toEqual(expect.arrayContaining(['prepare', 'fill', 'balance', 'done']));
      expect(progress.at(-1)!.stage).toBe('done');
    }
  });

  it('with almost no time: still a valid proposal (the greedy start at worst), a sound bound, the gap reported', async () => {
    const p = little(1);
    const best = await solve(p, { balanceSeconds: 1 });
    expect(best.bound).toBe(best.unfilled);
    const rushed = await solve(p, { timeLimitSeconds: 0.01 });
    expect(checkRoster(p, rushed.shifts).count).toBe(0);
    expect(rushed.shifts.length).toBeGreaterThan(0);
    expect(rushed.bound).toBeLessThanOrEqual(best.unfilled);
    expect(rushed.unfilled).toBeGreaterThanOrEqual(best.unfilled);
    expect(rushed.gapPct).toBeCloseTo((100 * (rushed.unfilled - rushed.bound)) / rushed.demanded, 2);
  });

  it('HiGHS works in the worker: the event loop keeps ticking during a solve', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const started = Date.now();
    try {
      await solve(little(1), { timeLimitSeconds: 2 });
    } finally {
      clearInterval(timer);
    }
    const seconds = (Date.now() - started) / 1000;
    expect(seconds).toBeGreaterThan(1);
    // A blocked loop would tick once or twice; a free one about 100 times a second (a loaded machine: fewer).
    expect(ticks).toBeGreaterThan(20 * seconds);
  });

  it('an aborted solve ends its worker and rejects', async () => {
    const controller = new AbortController();
    const pending = solve(little(4), { signal: controller.signal, onProgress: (e) => e.stage === 'fill' && controller.abort(new Error('stop')) });
    await expect(pending).rejects.toThrow('stop');
  });

  it('an empty problem needs no solver', async () => {
    const r = await solve(problem({ slots: [{ id: 'S', deskId: 'D1', day: MON, ...MORNING, demand: 0 }] }));
    expect(r).toMatchObject({ shifts: [], demanded: 0, unfilled: 0, bound: 0, gapPct: 0, status: 'OPTIMAL', balanceStatus: 'SKIPPED' });
  });

  it('overlap cliques cover every overlapping pair once', () => {
    const iv = [
      [450, 690],
      [480, 660],
      [810, 1020],
      [600, 900],
    ];
    const cliques = overlapCliques(iv, (i) => i[0], (i) => i[1]).map((c) => c.map((i) => iv.indexOf(i)).sort());
    expect(cliques).toEqual([
      [0, 1, 3],
      [2, 3],
    ]);
  });
});

describe('checker: catches each hard rule', () => {
  const base = problem({
    slots: [
      { id: 'AM', deskId: 'D1', day: MON, ...MORNING, demand: 2 },
      { id: 'PM', deskId: 'D1', day: MON, ...AFTERNOON, demand: 2 },
      { id: 'D2-AM', deskId: 'D2', day: MON, ...MORNING, demand: 1 },
      { id: 'WED', deskId: 'D1', day: WED, ...MORNING, demand: 1 },
    ],
    counters: [
      { id: 'C1', deskId: 'D1', fields: ['hotich'] },
      { id: 'C2', deskId: 'D1', fields: [] },
      { id: 'E1', deskId: 'D2', fields: [] },
    ],
    staff: [
      person('A', ['hotich'], {}, ['D1', 'D2']),
      person('B', []),
      person('SICK', ['hotich'], { absences: [{ from: MON, to: MON }] }),
      person('LATE', ['hotich'], { assignments: [{ deskId: 'D1', from: TUE, to: null }] }),
      person('EXP', [], { qualifications: [{ fieldId: 'hotich', trainedOn: '2024-01-01', expiresOn: TUE }] }),
    ],
    existing: [{ staffId: 'B', counterId: 'C2', day: MON, ...AFTERNOON }],
  });
  const cases: Array<[string, RosterShift[], HardRule[]]> = [
    ['a valid roster', [{ staffId: 'A', counterId: 'C1', slotId: 'AM' }, { staffId: 'B', counterId: 'C2', slotId: 'AM' }, { staffId: 'EXP', counterId: 'C2', slotId: 'WED' }], []],
    ['unknown ids', [{ staffId: 'NOBODY', counterId: 'C1', slotId: 'AM' }, { staffId: 'A', counterId: 'C1', slotId: 'NOSLOT' }], ['UNKNOWN_REFERENCE', 'UNKNOWN_REFERENCE']],
    ['a counter of another desk', [{ staffId: 'A', counterId: 'E1', slotId: 'AM' }], ['WRONG_DESK']],
    ['two places at once (across desks)', [{ staffId: 'A', counterId: 'C1', slotId: 'AM' }, { staffId: 'A', counterId: 'E1', slotId: 'D2-AM' }], ['PERSON_OVERLAP']],
    ['at a counter and in an existing shift at once', [{ staffId: 'B', counterId: 'C1', slotId: 'PM' }], ['NOT_QUALIFIED', 'PERSON_OVERLAP']],
    ['two people at one counter', [{ staffId: 'A', counterId: 'C2', slotId: 'AM' }, { staffId: 'B', counterId: 'C2', slotId: 'AM' }], ['COUNTER_OVERLAP']],
    ['a counter held by an existing shift', [{ staffId: 'A', counterId: 'C2', slotId: 'PM' }], ['COUNTER_OVERLAP']],
    ['the same shift twice', [{ staffId: 'A', counterId: 'C1', slotId: 'AM' }, { staffId: 'A', counterId: 'C1', slotId: 'AM' }], ['DUPLICATE_SHIFT']],
    ['an existing shift proposed again', [{ staffId: 'B', counterId: 'C2', slotId: 'PM' }], ['DUPLICATE_SHIFT']],
    ['unqualified for a field of the counter', [{ staffId: 'B', counterId: 'C1', slotId: 'AM' }], ['NOT_QUALIFIED']],
    ['a qualification expired the day before', [{ staffId: 'EXP', counterId: 'C1', slotId: 'WED' }], ['NOT_QUALIFIED']],
    ['absent that day', [{ staffId: 'SICK', counterId: 'C1', slotId: 'AM' }], ['ABSENT']],
    ['not assigned to the desk that day', [{ staffId: 'LATE', counterId: 'C1', slotId: 'AM' }], ['NOT_ASSIGNED']],
    ['not assigned to that desk at all', [{ staffId: 'B', counterId: 'E1', slotId: 'D2-AM' }], ['NOT_ASSIGNED']],
  ];
  it.each(cases)('%s', (_name, shifts, expected) => {
    expect(rules(base, shifts)).toEqual([...expected].sort());
  });

  it('over the day limit', () => {
    const p = { ...base, limits: { maxMinutesPerDay: 400, maxMinutesPerWeek: 2880 } };
    const twice = [{ staffId: 'A', counterId: 'C1', slotId: 'AM' }, { staffId: 'A', counterId: 'C1', slotId: 'PM' }];
    expect(rules(p, twice)).toEqual(['DAY_HOURS']);
    expect(rules(base, twice)).toEqual([]);
    // An existing afternoon shift counts: B's morning makes 450 minutes.
    expect(rules(p, [{ staffId: 'B', counterId: 'C2', slotId: 'AM' }])).toEqual(['DAY_HOURS']);
  });

  it('over the week limit, counting existing shifts of other days; each violation names the shifts involved', () => {
    const p = { ...base, limits: { maxMinutesPerDay: 480, maxMinutesPerWeek: 400 } };
    const result = checkRoster(p, [{ staffId: 'B', counterId: 'C2', slotId: 'WED' }]);
    expect(result.count).toBe(1);
    expect(result.violations[0].rule).toBe('WEEK_HOURS');
    expect(result.violations[0].shifts.map((s) => `${s.day}:${s.existing}`).sort()).toEqual([`${MON}:true`, `${WED}:false`]);
  });

  it('ISO weeks run Monday to Sunday', () => {
    expect(mondayOf('2025-03-09')).toBe('2025-03-03'); // Sunday
    expect(mondayOf('2025-03-10')).toBe('2025-03-10'); // Monday
    expect(mondayOf('2025-01-01')).toBe('2024-12-30'); // across a year
  });

  it('stats count existing shifts that cover a slot as staffed and measure the spread among available people', () => {
    const stats = rosterStats(base, [{ staffId: 'A', counterId: 'C1', slotId: 'AM' }]);
    // AM: 1 of 2; PM: existing B at C2 → 1 of 2; D2-AM 0 of 1; WED 0 of 1.
    expect(stats).toMatchObject({ demanded: 6, unfilled: 4 });
    // Available: A (4 h), B (3.5 h existing), LATE (Wednesday: 0 h), EXP (0 h); SICK is absent on Monday but present Wednesday: 0 h.
    expect(stats.available).toBe(5);
    expect(stats.spreadHours).toBe(4);
  });
});
