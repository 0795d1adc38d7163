import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { requireRole, scopeProvince } from '../../platform/authz';
import { AppError, badInput, conflict } from '../../platform/errors';
import type { Actor } from '../../platform/graphql/context';
import { addDays, shownDay } from '../../platform/graphql/scalars';
import { Injectable } from '../../platform/container';
import { AuditService } from '../audit/audit.service';
import { STAFF_WRITERS, StaffService } from '../staff/staff.service';
import { Counter, CounterStatus, Shift, ShiftStatus } from './counter.entity';
import { CounterService, mondayOf } from './counter.service';
import { MAX_MINUTES_PER_DAY, MAX_MINUTES_PER_WEEK, ShiftService } from './shift.service';
import { AutoFillStage, AutoFillStatus, ProposalQuality, RosterDemandSource, UnmetReason, type RosterAutoFillJob } from './autofill.types';
import { DossierForecastService } from '../reports/dossier-forecast.service';
import type { RosterProblem, RosterProgress, RosterProposal } from './solver/roster-problem';
import { solveRoster } from './solver/solve';

/**
 * Auto-fill: the manager asks for a proposal for one desk or the whole province over some days; the
 * solver (HiGHS, in a worker thread: the API's event loop stays free) proposes shifts within every hard
 * rule; the manager sees the proposal and its score, then accepts it (one transaction, PLANNED shifts,
 * every shift checked again against the roster as it is then) or discards it.
 *
 * Jobs live in this process's memory for an hour (the product runs one API process per province
 * deployment; a restart loses proposals not yet accepted, and the manager asks again). One solve runs at
 * a time (the machine's cores serve requests too); others wait their turn as QUEUED.
 */

export interface AutoFillJob {
  id: string;
  provinceId: string;
  createdBy: string;
  deskIds: string[];
  from: string;
  to: string;
  /** OPENING_HOURS, or FORECAST: the demand forecast's counters per slot (DossierForecastService.demand). */
  demandSource: RosterDemandSource;
  dossiersPerCounterHour: number | null;
  status: AutoFillStatus;
  progress: RosterProgress | null;
  proposal: RosterProposal | null;
  /** What the proposal's slot ids stand for. */
  slots: Map<string, { deskId: string; day: string; opensAt: number; closesAt: number }>;
  error: string | null;
  createdAt: number;
  startedAt: number | null;
}

/** Longest range one auto-fill covers (a month and a day, e.g. 1–31 and the first day of the next). */
export const AUTOFILL_MAX_DAYS = 32;
/** The solver's wall-clock budget for one proposal. */
export const AUTOFILL_SECONDS = 45;
const JOB_TTL_MS = 60 * 60 * 1000;

@Injectable()
export class RosterAutoFillService {
  private readonly jobs = new Map<string, AutoFillJob>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly counters: CounterService,
    private readonly shifts: ShiftService,
    private readonly staff: StaffService,
    private readonly forecasts: DossierForecastService,
  ) {}

  async start(actor: Actor, input: { deskId?: string | null; from: string; to: string; demandSource?: RosterDemandSource | null; dossiersPerCounterHour?: number | null }): Promise<AutoFillJob> {
    requireRole(actor, STAFF_WRITERS);
    if (input.to < input.from) throw badInput('to', { vi: 'Ngày kết thúc phải từ ngày bắt đầu trở đi.', en: 'The end cannot be before the start.' });
    if (Date.parse(input.to) - Date.parse(input.from) >= AUTOFILL_MAX_DAYS * 86_400_000) {
      throw badInput('to', { vi: `Mỗi lần tự xếp lịch tối đa ${AUTOFILL_MAX_DAYS} ngày.`, en: `At most ${AUTOFILL_MAX_DAYS} days at a time.` });
    }
    const demandSource = input.demandSource ?? RosterDemandSource.OPENING_HOURS;
    if (demandSource === RosterDemandSource.FORECAST && !input.deskId) {
      throw badInput('deskId', { vi: 'Nhu cầu theo dự báo cần chọn một bộ phận một cửa.', en: 'A forecast demand needs one desk.' });
    }
    const m = this.dataSource.manager;
    let deskIds: string[];
    let provinceId: string;
    if (input.deskId) {
      const desk = await this.counters.desk(m, actor, input.deskId);
      deskIds = [desk.id];
      provinceId = desk.provinceId;
    } else {
      const scope = scopeProvince(actor);
      if (!scope) throw badInput('deskId', { vi: 'Quản trị toàn quốc cần chọn một bộ phận một cửa.', en: 'A national administrator must choose a desk.' });
      provinceId = scope;
      const rows: Array<{ desk_id: string }> = await m.query(`SELECT DISTINCT desk_id FROM counter WHERE province_id = $1 AND status = 'OPEN'`, [scope]);
      deskIds = rows.map((r) => r.desk_id);
    }
    this.forgetOld();
    const job: AutoFillJob = {
      id: randomUUID(), provinceId, createdBy: actor.label, deskIds, from: input.from, to: input.to,
      demandSource, dossiersPerCounterHour: input.dossiersPerCounterHour ?? null,
      status: AutoFillStatus.QUEUED, progress: null, proposal: null, slots: new Map(), error: null, createdAt: Date.now(), startedAt: null,
    };
    this.jobs.set(job.id, job);
    this.queue = this.queue.then(() => this.run(job)).catch(() => undefined);
    return job;
  }

  /** A job of the actor's province (null otherwise: another province's job is as unknown as none). */
  find(actor: Actor, id: string): AutoFillJob | null {
    requireRole(actor, STAFF_WRITERS);
    const job = this.jobs.get(id);
    const scope = scopeProvince(actor);
    return job && (scope === null || job.provinceId === scope) ? job : null;
  }

  private require(actor: Actor, id: string): AutoFillJob {
    const job = this.find(actor, id);
    if (!job) throw badInput('jobId', { vi: 'Không tìm thấy đề xuất lịch trực (đề xuất chỉ được giữ trong 1 giờ).', en: 'No such roster proposal (proposals are kept for an hour).' });
    return job;
  }

  discard(actor: Actor, id: string): AutoFillJob {
    const job = this.require(actor, id);
    if (job.status === AutoFillStatus.ACCEPTED) throw conflict({ vi: 'Đề xuất đã được chấp nhận.', en: 'The proposal was already accepted.' });
    job.status = AutoFillStatus.DISCARDED;
    return job;
  }

  /** Saves the proposal as PLANNED shifts in one transaction, each checked against the roster as it is now. */
  async accept(actor: Actor, id: string): Promise<Shift[]> {
    const job = this.require(actor, id);
    if (job.status !== AutoFillStatus.DONE || !job.proposal) {
      throw conflict({ vi: 'Đề xuất chưa sẵn sàng hoặc đã được xử lý.', en: 'The proposal is not ready, or was already dealt with.' });
    }
    const proposal = job.proposal;
    const saved = await this.dataSource.transaction(async (m) => {
      const counters = await m.getRepository(Counter).findBy(proposal.shifts.map((s) => ({ id: s.counterId })));
      const rows: Shift[] = [];
      for (const p of proposal.shifts) {
        const slot = job.slots.get(p.slotId);
        const counter = counters.find((c) => c.id === p.counterId);
        if (!slot || !counter) throw conflict({ vi: 'Quầy trong đề xuất không còn.', en: 'A counter of the proposal is gone.' });
        const person = await this.staff.lockStaff(m, actor, p.staffId);
        const placement = { staffId: p.staffId, counterId: p.counterId, day: slot.day, startsAt: slot.opensAt, endsAt: slot.closesAt };
        try {
          await this.shifts.check(m, person, counter, placement);
        } catch (error) {
          if (error instanceof AppError && error.code === 'CONFLICT') {
            // The roster changed since the proposal: nothing is saved; the manager asks for a new one.
            throw new AppError('CONFLICT', {
              vi: `Lịch trực đã thay đổi sau khi đề xuất (${shownDay(slot.day)}): ${error.bilingual.vi} Hãy tự xếp lịch lại.`,
              en: `The roster changed after the proposal (${shownDay(slot.day)}): ${error.bilingual.en} Run auto-fill again.`,
            }, [], error.details);
          }
          throw error;
        }
        const row = m.getRepository(Shift).create({ ...placement, deskId: counter.deskId, status: ShiftStatus.PLANNED, cancelReason: null, provinceId: counter.provinceId, version: 1 });
        await m.getRepository(Shift).insert(row);
        rows.push(row);
      }
      for (const deskId of job.deskIds) {
        const count = rows.filter((r) => r.deskId === deskId).length;
        await this.audit.record(m, actor, {
          action: 'shift.autoFill', entityType: 'OneStopDesk', entityId: deskId,
          after: { from: job.from, to: job.to, planned: count, unfilled: proposal.unfilled, demanded: proposal.demanded, demandFromForecast: job.demandSource === RosterDemandSource.FORECAST }, provinceId: job.provinceId,
        });
      }
      return rows;
    });
    job.status = AutoFillStatus.ACCEPTED;
    return this.dataSource.getRepository(Shift).createQueryBuilder('s').where('s.id = ANY(:ids)', { ids: saved.map((s) => s.id) }).orderBy('s.day').addOrderBy('s.starts_at').getMany();
  }

  /** The job as the API shows it: slots named by desk, day and times. */
  view(job: AutoFillJob): RosterAutoFillJob {
    const p = job.proposal;
    const slot = (id: string) => job.slots.get(id) as { deskId: string; day: string; opensAt: number; closesAt: number };
    return {
      id: job.id,
      status: job.status,
      stage: job.progress ? (job.progress.stage.toUpperCase() as AutoFillStage) : job.status === AutoFillStatus.RUNNING ? AutoFillStage.PREPARE : null,
      seconds: job.startedAt ? Math.round((Date.now() - job.startedAt) / 100) / 10 : 0,
      from: job.from,
      to: job.to,
      deskIds: job.deskIds,
      demandSource: job.demandSource,
      error: job.error,
      proposal: p && {
        shifts: p.shifts.map((s) => ({ staffId: s.staffId, counterId: s.counterId, deskId: slot(s.slotId).deskId, day: slot(s.slotId).day, startsAt: slot(s.slotId).opensAt, endsAt: slot(s.slotId).closesAt })),
        demanded: p.demanded,
        unfilled: p.unfilled,
        bound: p.bound,
        gapPct: p.gapPct,
        spreadHours: p.spreadHours,
        awayFromHome: p.awayFromHome,
        quality: p.status as ProposalQuality,
        unmet: p.unmet.map((u) => ({ ...slot(u.slotId), missing: u.missing, reason: u.reason as UnmetReason })),
        seconds: p.seconds,
      },
    };
  }

  private forgetOld() {
    const now = Date.now();
    for (const [id, job] of this.jobs) if (now - job.createdAt > JOB_TTL_MS && job.status !== AutoFillStatus.RUNNING) this.jobs.delete(id);
  }

  private async run(job: AutoFillJob): Promise<void> {
    job.status = AutoFillStatus.RUNNING;
    job.startedAt = Date.now();
    try {
      const problem = await this.problem(job);
      job.proposal = await solveRoster(problem, { timeLimitSeconds: AUTOFILL_SECONDS, onProgress: (p) => (job.progress = p) });
      job.status = AutoFillStatus.DONE;
    } catch (error) {
      job.status = AutoFillStatus.FAILED;
      // Shown to the manager as a failed proposal (the message stays in the job, not in a log line:
      // services have no logger; an unexpected solver failure is reproducible from the same data).
      job.error = String((error as Error)?.message ?? error);
    }
  }

  /** What the solver needs, read in one snapshot of the roster. */
  async problem(job: Pick<AutoFillJob, 'deskIds' | 'from' | 'to' | 'slots'> & Partial<Pick<AutoFillJob, 'demandSource' | 'dossiersPerCounterHour'>>): Promise<RosterProblem> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const slots = await this.counters.slots(m, job.deskIds, job.from, job.to);
      if (job.demandSource === RosterDemandSource.FORECAST) {
        // The forecast's counters replace the slots' demand (one desk; a slot without a forecast keeps its own).
        const demand = await this.forecasts.demand(m, job.deskIds[0], job.from, job.to, job.dossiersPerCounterHour);
        for (const s of slots) s.demanded = demand.get(`${s.day}|${s.opensAt}`) ?? s.demanded;
      }
      job.slots.clear();
      const problemSlots = slots.map((s) => {
        const id = `${s.deskId}|${s.day}|${s.opensAt}`;
        job.slots.set(id, { deskId: s.deskId, day: s.day, opensAt: s.opensAt, closesAt: s.closesAt });
        return { id, deskId: s.deskId, day: s.day, start: s.opensAt, end: s.closesAt, demand: s.demanded };
      });
      const counters = (await this.counters.countersOf(job.deskIds, m)).flat().filter((c) => c.status === CounterStatus.OPEN);
      const people: Array<{ id: string; home_desk_id: string | null }> = await m.query(
        `SELECT DISTINCT s.id, s.home_desk_id FROM staff s JOIN staff_assignment a ON a.staff_id = s.id
          WHERE a.desk_id = ANY($1::uuid[]) AND a.starts_on <= $3 AND (a.ends_on IS NULL OR a.ends_on >= $2) AND s.status = 'ACTIVE'`,
        [job.deskIds, job.from, job.to],
      );
      const ids = people.map((p) => p.id);
      const [assignments, qualifications, absences] = [
        await this.staff.assignmentsOf(ids, m),
        await this.staff.qualificationsOf(ids, m),
        await this.staff.absencesOf(ids, m),
      ];
      // Everything that already takes the people's time or the counters in the weeks concerned (the 48-hour week).
      const weekStart = mondayOf(job.from);
      const weekEnd = addDays(mondayOf(job.to), 6);
      const existing: Shift[] = await m.getRepository(Shift).createQueryBuilder('s')
        .where(`s.status <> 'CANCELLED' AND s.day BETWEEN :from AND :to`, { from: weekStart, to: weekEnd })
        .andWhere('(s.staff_id = ANY(:ids) OR s.counter_id = ANY(:counters))', { ids, counters: counters.map((c) => c.id) })
        .getMany();
      return {
        slots: problemSlots,
        counters: counters.map((c) => ({ id: c.id, deskId: c.deskId, fields: c.fieldIds })),
        staff: people.map((p, i) => ({
          id: p.id,
          homeDeskId: p.home_desk_id,
          assignments: assignments[i].map((a) => ({ deskId: a.deskId, from: a.startsOn, to: a.endsOn })),
          qualifications: qualifications[i].map((q) => ({ fieldId: q.fieldId, trainedOn: q.trainedOn, expiresOn: q.expiresOn })),
          absences: absences[i].map((a) => ({ from: a.startsOn, to: a.endsOn })),
        })),
        existing: existing.map((s) => ({ staffId: s.staffId, counterId: s.counterId, day: s.day, start: s.startsAt, end: s.endsAt })),
        limits: { maxMinutesPerDay: MAX_MINUTES_PER_DAY, maxMinutesPerWeek: MAX_MINUTES_PER_WEEK },
      };
    });
  }
}
