/**
 * The roster solver's plain input and output (no database, no GraphQL): the counters service reads
 * desks, counters, opening hours, staff, qualifications, absences and shifts, builds a RosterProblem,
 * calls solveRoster (./solve.ts) and shows the RosterProposal before the manager accepts it.
 *
 * Days are ISO dates 'YYYY-MM-DD' (the calendar day in Vietnam); times are minutes since midnight,
 * Vietnam time, on that day (07:30 = 450). An interval [start, end) includes its start, not its end:
 * 07:30–11:30 and 11:30–13:00 do not overlap. Date ranges (assignments, qualifications, absences) are
 * inclusive at both ends. An ISO week runs Monday to Sunday.
 */

/** An opening slot: one desk, one day, one opening interval. A proposed shift is exactly one slot. */
export interface RosterSlot {
  /** Caller's identifier, echoed in the proposal's shifts and unmet list. */
  id: string;
  /** The desk (one-stop desk, pilot site) whose opening interval this is. */
  deskId: string;
  /** The day, 'YYYY-MM-DD'. */
  day: string;
  /** Opening time, minutes since midnight (07:30 = 450). */
  start: number;
  /** Closing time, minutes since midnight, after start (11:30 = 690). */
  end: number;
  /** How many counters of the desk must be staffed during the slot (existing shifts that cover the slot count). */
  demand: number;
}

/** A counter at a desk (only the counters that may be staffed: OPEN ones). */
export interface RosterCounter {
  id: string;
  deskId: string;
  /** Procedure field ids the counter serves: its clerk must be qualified for every one (none: no qualification needed). */
  fields: string[];
}

/** A person who may be rostered. */
export interface RosterStaff {
  id: string;
  /** The desk the person normally works at; shifts elsewhere cost a little (the third goal). Null: no preference. */
  homeDeskId: string | null;
  /** Desks the person is deployed to, from `from` to `to` inclusive (`to` null: open-ended). */
  assignments: Array<{ deskId: string; from: string; to: string | null }>;
  /** Trained for a procedure field, valid from `trainedOn` to `expiresOn` inclusive (`expiresOn` null: no expiry). */
  qualifications: Array<{ fieldId: string; trainedOn: string; expiresOn: string | null }>;
  /** Leave, sickness, training: whole days, inclusive. */
  absences: Array<{ from: string; to: string }>;
}

/** A shift already in the roster (published or planned): the proposal respects it and does not duplicate it. */
export interface RosterExistingShift {
  staffId: string;
  counterId: string;
  /** 'YYYY-MM-DD'. */
  day: string;
  /** Minutes since midnight. */
  start: number;
  /** Minutes since midnight, after start. */
  end: number;
}

export interface RosterLimits {
  /** Most working minutes per person and day, existing shifts included (Labour Code: 8 h = 480). */
  maxMinutesPerDay: number;
  /** Most working minutes per person and ISO week (Monday–Sunday), existing shifts included (48 h = 2880). */
  maxMinutesPerWeek: number;
}

export interface RosterProblem {
  /** Opening slots: one per desk, day and opening interval (e.g. 07:30–11:30, 13:30–17:00). */
  slots: RosterSlot[];
  counters: RosterCounter[];
  staff: RosterStaff[];
  /** Shifts already in the roster (published or planned) that the proposal must respect and must not duplicate. */
  existing: RosterExistingShift[];
  limits: RosterLimits;
}

/** One proposed shift: the person staffs the counter for the whole slot. */
export interface RosterShift {
  staffId: string;
  counterId: string;
  slotId: string;
}

/**
 * Why counters of a slot are left unstaffed, computed from the data: the desk's people pass the filters in this
 * order (counters, assignment, qualification, presence, existing shifts, hours, the proposal's other shifts) and
 * the counters lost at each filter (a maximum matching of the remaining people to the free counters) get its reason.
 */
export type UnmetReason =
  /** The demand exceeds the desk's counters free during the slot (not taken by existing shifts). */
  | 'NOT_ENOUGH_COUNTERS'
  /** Too few people are assigned to the desk on that day. */
  | 'NO_ASSIGNED_STAFF'
  /** Too few of the people assigned that day are qualified for every field of the free counters (absent or not). */
  | 'NO_QUALIFIED_STAFF'
  /** Enough qualified people are assigned, but too many of them are absent that day (leave, sickness, training). */
  | 'ALL_ABSENT'
  /** Qualified people exist, but their existing shifts overlap the slot. */
  | 'BUSY_IN_EXISTING_SHIFTS'
  /** Qualified, free people exist, but their daily or weekly hours are used up (by existing or proposed shifts). */
  | 'HOURS_LIMIT'
  /** The qualified people are proposed at another desk at the same time (people shared by desks). */
  | 'STAFF_BUSY_ELSEWHERE'
  /** None of the above: the solver stopped at its time limit before it could prove this slot cannot be filled. */
  | 'SOLVER_TIME_LIMIT';

/** A shortfall of a slot for one reason; a slot short for several reasons appears once per reason. */
export interface RosterUnmet {
  slotId: string;
  /** Counters demanded but left unstaffed for this reason (the slot's entries add up to demand − staffed). */
  missing: number;
  reason: UnmetReason;
}

/** Progress reported while solving (stage started/finished, solver incumbent and bound). */
export interface RosterProgress {
  /** 'prepare': building the model; 'fill': stage 1 (fewest unfilled); 'balance': stage 2 (hours spread, home desks); 'done'. */
  stage: 'prepare' | 'fill' | 'balance' | 'done';
  /** Human-readable line (English), e.g. 'fill part 2/5 started (9,812 columns)'. */
  message: string;
  /** Seconds since solveRoster was called. */
  seconds: number;
  /** Stage 1 part being solved (1-based) and how many parts; absent for other stages. */
  part?: number;
  parts?: number;
  /** The solver's best objective so far and proven bound in the current solve, when it reports them. */
  incumbent?: number;
  bound?: number;
}

export interface RosterProposal {
  /** Proposed shifts (never duplicating an existing shift), to be saved as PLANNED once the manager accepts. */
  shifts: RosterShift[];
  /** Counter-slots the demand asks for: the sum of every slot's demand. */
  demanded: number;
  /** Counter-slots left unstaffed: per slot, demand − (existing shifts covering it + proposed), at least 0; summed. */
  unfilled: number;
  /** A proven lower bound on `unfilled` (stage 1's MIP dual bound, rounded up: the objective is integral). */
  bound: number;
  /** 100 × (unfilled − bound) / demanded: how far the proposal may be from the fewest possible unfilled (0 when demanded is 0). */
  gapPct: number;
  /** Planned hours (existing shifts of the slots' days + proposed) of the most loaded minus the least loaded available person. */
  spreadHours: number;
  /** How many proposed shifts are at a desk other than the person's home desk (the third goal). */
  awayFromHome: number;
  /**
   * OPTIMAL: every demanded counter-slot is staffed. INFEASIBLE_DEMAND: the demand cannot be met in full and the
   * proposal leaves the proven fewest slots unfilled (see `unmet`). TIME_LIMIT: the solver stopped with unfilled > bound.
   */
  status: 'OPTIMAL' | 'INFEASIBLE_DEMAND' | 'TIME_LIMIT';
  /** Stage 2 (balance hours, then home desks): OPTIMAL (within 0.1 %), TIME_LIMIT (the best found when time ran out), SKIPPED (no time or nothing to balance). */
  balanceStatus: 'OPTIMAL' | 'TIME_LIMIT' | 'SKIPPED';
  /** Every slot left short: how many counters are missing and why (see UnmetReason); Σ missing = unfilled. */
  unmet: RosterUnmet[];
  /** Wall-clock seconds of the whole solveRoster call. */
  seconds: number;
  /** Per stage: seconds, the solver's status, and model size, for the bench and logs. */
  stages: Array<{ stage: 'fill' | 'balance'; seconds: number; status: string; columns: number; rows: number; parts: number }>;
}
