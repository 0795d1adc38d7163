import { randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { Injectable } from '../../../platform/container';
import { AppError } from '../../../platform/errors';
import { SYSTEM, type Actor } from '../../../platform/graphql/context';
import { todayInVietnam } from '../../../platform/graphql/scalars';
import { AuditService } from '../../audit/audit.service';
import { AggregateFigure, FIGURE_FIELDS, type FigureField } from '../aggregate-figure.entity';
import { AggregateFigureService, checkFigures } from '../aggregate-figure.service';
import { addDossiersToRollup } from '../dossier-rollup.service';
import { DOSSIER_COLUMNS, FIGURE_COLUMNS, ImportKind, parseChannel, parseCount, parseDay, parseMoment, parseResultDelivery } from './import-format';

/**
 * The import job's work (issue 13, "Import and export"): the staged rows of a job, in batches of
 * `batchSize` in row order, each batch ONE transaction that validates its rows, writes what is valid,
 * records what is not (row, column, reason in Vietnamese) and moves the job's counters and checkpoint
 * (`last_row_no`). A job that stops anywhere (a crash, a restart, a failure injected by a test) goes on
 * after its last committed batch: nothing is written twice and nothing is lost.
 *
 * Dossiers become real dossiers, as if received here: the dossier row, its timeline (received at the
 * desk on the reception day, the result ready, the result returned, as the file says; actor "Dữ liệu
 * nhập từ hệ thống khác", a note naming the file and row) and, in the same transaction, the reports'
 * rollups (`addDossiersToRollup`, the statement DossierService.event runs for each event). So every
 * report counts them like any other. Rules of a dossier row:
 * - the code is new: a code already held (imported before, received here, or earlier in the file) is
 *   skipped, never inserted twice (`skipped_rows`); codes of this province's own units
 *   (`<unit>-YYMMDD-NNNN`) move that unit's day sequence past them, so a reception continues after;
 * - the procedure (its code in the province's catalogue), the receiving desk (its code or its identifier
 *   code) and the post office, when given, are of the job's province; the deciding agency is the
 *   catalogue's, else the desk's (as DossierService routes it); fees are the catalogue's;
 * - dates in Vietnam time (import-format.ts), a day without a time taken at 07:30 for the reception
 *   and 17:00 for the others; received not in the future, due not before received, the result not
 *   before the reception, returned not before the result; returned without a result date: the result
 *   is taken as ready when returned;
 * - the status follows the dates: RESULT_RETURNED, RESULT_READY or RECEIVED;
 * - a result returned by post needs the address it went to.
 * Figures become aggregate figures with the submission form's rules (AggregateFigureService:
 * reportingUnit, checkFigures, the period over); a figure equal to one already held is skipped.
 */

export const IMPORT_ACTOR_LABEL = 'Dữ liệu nhập từ hệ thống khác';

/**
 * Rows per batch (one transaction each). 5,000 since the set-based batch (see `dossierInsert`): a batch's
 * fixed costs (the rollup statement's scan, the checkpoint, the commit) spread over more rows, and a
 * batch still commits within about a second on the benchmark's machine.
 */
export const IMPORT_BATCH = Number(process.env.OSP_IMPORT_BATCH ?? 5000);
/** How long a runner holds a job without committing a batch before another may take it over. */
export const LEASE_SECONDS = Number(process.env.OSP_IMPORT_LEASE_SECONDS ?? 60);

export interface RunOptions {
  batchSize?: number;
  /** Tests: stop as a crash would, right after this many batches committed (the job stays RUNNING). */
  failAfterBatches?: number;
  /** Called after each committed batch (tests and the benchmark). */
  onBatch?: (progress: { processed: number; total: number }) => void;
  /** Asked between batches: true when the process is stopping (the job is handed back, to go on at the next start). */
  stop?: () => boolean;
}

export class InjectedImportFailure extends Error {
  constructor() {
    super('import stopped by an injected failure');
  }
}

/** A batch in flight that must not commit: its turn was refused, or (`takenOver`) the job's checkpoint moved under it. */
class TurnRefused extends Error {
  constructor(readonly takenOver = false) {
    super(takenOver ? 'import: the job was taken over' : 'import: batch abandoned');
  }
}

interface JobRow {
  id: string;
  province_id: string;
  kind: ImportKind;
  file_name: string;
  total_rows: number;
  last_row_no: number;
  created_by_id: string | null;
  created_by_label: string;
}

interface Rejection {
  row_no: number;
  column_name: string | null;
  reason: string;
  value: string | null;
}

type Staged = { row_no: number } & Record<string, string | null>;

const VN_DAY_START = 7 * 60 + 30;
const VN_DAY_END = 17 * 60;

@Injectable()
export class ImportRunner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly figures: AggregateFigureService,
  ) {}

  /**
   * Runs job `jobId` to its end if it can take it (queued, or running with a lapsed lease): answers
   * 'DONE' when it finished (or was finished already), 'BUSY' when another runner holds it.
   */
  async run(jobId: string, options: RunOptions = {}): Promise<'DONE' | 'BUSY'> {
    const [claimed]: JobRow[] = updated(await this.dataSource.query(
      `UPDATE import_job SET status = 'RUNNING', started_at = coalesce(started_at, now()), lease_until = now() + make_interval(secs => $2), updated_at = now()
        WHERE id = $1 AND (status = 'QUEUED' OR (status = 'RUNNING' AND (lease_until IS NULL OR lease_until < now())))
        RETURNING id, province_id, kind, file_name, total_rows, last_row_no, created_by_id, created_by_label`,
      [jobId, LEASE_SECONDS],
    ));
    if (!claimed) {
      const [job] = await this.dataSource.query(`SELECT status FROM import_job WHERE id = $1`, [jobId]);
      return job && (job.status === 'RUNNING' || job.status === 'UPLOADING') ? 'BUSY' : 'DONE';
    }
    const batchSize = options.batchSize ?? IMPORT_BATCH;
    const lookups = claimed.kind === ImportKind.DOSSIERS ? await this.dossierLookups(claimed.province_id) : null;
    let batches = 0;
    // The staged rows after `after`, read (and, dossiers, checked: pure JS, no database) ahead of their
    // transaction. Staged rows never change while the job runs.
    const read = async (after: number): Promise<Batch> => {
      const rows: Staged[] = await this.dataSource.query(
        `SELECT row_no, ${DOSSIER_COLUMNS.length >= FIGURE_COLUMNS.length ? cells(DOSSIER_COLUMNS.length) : cells(FIGURE_COLUMNS.length)}
           FROM import_staging_row WHERE job_id = $1 AND row_no > $2 ORDER BY row_no LIMIT $3`,
        [jobId, after, batchSize],
      );
      return { after, rows, checked: claimed.kind === ImportKind.DOSSIERS && rows.length ? checkDossiers(claimed, rows, lookups!) : null };
    };
    // Two batches in flight, each its own transaction: batch n + 1 inserts its dossiers and events (the bulk of
    // the work, on another connection) while batch n finishes; then it waits for its turn, given once batch n
    // has committed and the loop has taken its outcome, and only then takes the job's lock, compares the
    // checkpoint with the row it starts after, and adds the rollups, the day sequences, the refusals and the
    // checkpoint. A batch whose turn is refused (the batch before failed, the job stops, a test's injected
    // failure) or whose checkpoint no longer matches (the job was taken over) rolls back whole. So the
    // checkpoint still moves one batch at a time, in row order, in the transaction that wrote the batch's
    // rows, and the rollups are only updated by the batch holding the job's lock. With one connection (the
    // embedded database) the two transactions simply run one after the other.
    const start = (batch: Batch): Step => {
      let give!: (go: boolean) => void;
      const turn = new Promise<boolean>((resolve) => (give = resolve));
      const done: Promise<number | 'END'> = this.dataSource.transaction(async (m) => {
        const written = batch.checked?.valid.length ? await this.dossierInsert(m, claimed, batch.checked) : [];
        if (!(await turn)) throw new TurnRefused();
        const [held] = await m.query(`SELECT last_row_no, status FROM import_job WHERE id = $1 FOR UPDATE`, [jobId]);
        if (!held || held.status !== 'RUNNING' || held.last_row_no !== batch.after) throw new TurnRefused(true); // taken over meanwhile
        const rows = batch.rows;
        if (!rows.length) {
          await this.finish(m, claimed);
          return 'END' as const;
        }
        const outcome = batch.checked ? await this.dossierAfter(m, batch.checked, written, lookups!) : await this.figureBatch(m, claimed, rows);
        if (outcome.rejections.length) {
          const r = outcome.rejections;
          await m.query(
            `INSERT INTO import_rejection (job_id, row_no, column_name, reason, value)
             SELECT $1::uuid, x.row_no, x.column_name, x.reason, x.value FROM unnest($2::int[], $3::text[], $4::text[], $5::text[]) AS x(row_no, column_name, reason, value)`,
            [jobId, r.map((x) => x.row_no), r.map((x) => x.column_name), r.map((x) => x.reason), r.map((x) => x.value)],
          );
        }
        const last = rows[rows.length - 1].row_no;
        const rejectedRows = new Set(outcome.rejections.map((r) => r.row_no)).size;
        await m.query(
          `UPDATE import_job SET last_row_no = $2, processed_rows = processed_rows + $3, accepted_rows = accepted_rows + $4, rejected_rows = rejected_rows + $5,
                  skipped_rows = skipped_rows + $6, lease_until = now() + make_interval(secs => $7), updated_at = now()
            WHERE id = $1`,
          [jobId, last, rows.length, outcome.accepted, rejectedRows, outcome.skipped, LEASE_SECONDS],
        );
        return last;
      });
      done.catch(() => undefined); // awaited by the loop; never an unhandled rejection when it leaves early
      return { give, done };
    };
    let ahead: Promise<Batch> | null = read(claimed.last_row_no);
    ahead.catch(() => undefined);
    let inflight: Step | null = null;
    /** Refuses the turn of the batch in flight and waits for its rollback, and for the read ahead. */
    const drop = async () => {
      const step: Step | null = inflight;
      inflight = null;
      step?.give(false);
      await step?.done.catch(() => undefined);
      await ahead?.catch(() => undefined);
      ahead = null;
    };
    try {
      for (;;) {
        const batch: Batch = await ahead!;
        ahead = batch.rows.length ? read(batch.rows[batch.rows.length - 1].row_no) : null;
        ahead?.catch(() => undefined);
        const step = start(batch);
        const before: Step | null = inflight;
        inflight = step;
        if (before) {
          const next = await before.done.catch((error: unknown) => (error instanceof TurnRefused && error.takenOver ? null : Promise.reject(error)));
          if (next === null) {
            await drop();
            return 'BUSY';
          }
          batches += 1;
          if (options.onBatch) {
            const [p] = await this.dataSource.query(`SELECT processed_rows, total_rows FROM import_job WHERE id = $1`, [jobId]);
            options.onBatch({ processed: p.processed_rows, total: p.total_rows });
          }
          if (options.failAfterBatches !== undefined && batches >= options.failAfterBatches) throw new InjectedImportFailure();
          if (options.stop?.()) {
            await drop();
            await this.dataSource.query(`UPDATE import_job SET lease_until = NULL, updated_at = now() WHERE id = $1 AND status = 'RUNNING'`, [jobId]);
            return 'BUSY';
          }
        }
        step.give(true);
        if (!batch.rows.length) {
          inflight = null;
          const end = await step.done.catch((error: unknown) => (error instanceof TurnRefused && error.takenOver ? null : Promise.reject(error)));
          return end === null ? 'BUSY' : 'DONE';
        }
      }
    } catch (error) {
      await drop(); // the batch in flight rolls back before the job is handed back (or the process goes on)
      if (error instanceof InjectedImportFailure) throw error; // as a crash: the job stays RUNNING, its lease lapses
      await this.dataSource.query(
        `UPDATE import_job SET status = 'FAILED', error = $2, lease_until = NULL, finished_at = now(), updated_at = now() WHERE id = $1 AND status = 'RUNNING'`,
        [jobId, 'Lỗi hệ thống khi nhập dữ liệu; các dòng đã nhập được giữ nguyên. Tải lại đúng tệp này để nhập tiếp phần còn lại.'],
      );
      throw error;
    }
  }

  /** The last step, in the last batch's transaction: SUCCEEDED, the staging rows dropped, the audit entry. */
  private async finish(m: EntityManager, job: JobRow): Promise<void> {
    const [after] = updated<Record<string, unknown>>(await m.query(
      `UPDATE import_job SET status = 'SUCCEEDED', lease_until = NULL, finished_at = now(), updated_at = now() WHERE id = $1
       RETURNING id, kind, status, file_name AS "fileName", total_rows AS "totalRows", processed_rows AS "processedRows", accepted_rows AS "acceptedRows",
                 rejected_rows AS "rejectedRows", skipped_rows AS "skippedRows"`,
      [job.id],
    ));
    await m.query(`DELETE FROM import_staging_row WHERE job_id = $1`, [job.id]);
    const actor: Actor = { ...SYSTEM, label: IMPORT_ACTOR_LABEL };
    await this.audit.record(m, actor, { action: 'importJob.finish', entityType: 'ImportJob', entityId: job.id, after, provinceId: job.province_id });
  }

  // --- Dossiers ------------------------------------------------------------------------------------

  private async dossierLookups(provinceId: string) {
    const desks: Array<{ id: string; code: string; identifier: string | null; name: string; agency_id: string }> = await this.dataSource.query(
      `SELECT d.id, d.code, coalesce(d.identifier_code, a.identifier_code) AS identifier, d.name, d.agency_id
         FROM one_stop_desk d JOIN agency a ON a.id = d.agency_id WHERE d.province_id = $1`,
      [provinceId],
    );
    const procedures: Array<{ id: string; code: string; agency_id: string | null; procedure_fee: string }> = await this.dataSource.query(
      `SELECT DISTINCT ON (code) id, code, agency_id, procedure_fee FROM procedure WHERE province_id = $1 ORDER BY code, retired_on IS NULL DESC`,
      [provinceId],
    );
    const offices: Array<{ id: string; code: string }> = await this.dataSource.query(`SELECT id, code FROM post_office WHERE province_id = $1`, [provinceId]);
    const deskBy = new Map<string, (typeof desks)[number]>();
    for (const d of desks) {
      deskBy.set(d.code.toUpperCase(), d);
      if (d.identifier) deskBy.set(d.identifier.toUpperCase(), d);
    }
    return {
      desk: deskBy,
      unitCodes: new Set(desks.map((d) => d.identifier).filter((c): c is string => Boolean(c))),
      procedure: new Map(procedures.map((p) => [p.code.toUpperCase(), p])),
      office: new Map(offices.map((o) => [o.code.toUpperCase(), o.id])),
    };
  }

  /**
   * Writes a checked batch (`checkDossiers`) in the batch's transaction, set-based (see the note above
   * `orderedIds`): ONE statement inserts the dossiers (`ON CONFLICT (code) DO NOTHING`: a code already
   * held, imported before, received here or by an earlier batch of the file, is skipped; one still being
   * written by the batch before waits for it) and, from the rows it inserted, their timeline events. It
   * answers the inserted dossiers; `dossierAfter` adds their rollups and day sequences at the batch's turn.
   */
  private async dossierInsert(m: EntityManager, job: JobRow, checked: CheckedDossiers): Promise<Array<{ id: string; code: string }>> {
    const x = checked.valid;
    // The statement's estimates (unnest, CTEs) pass jit_above_cost: compiling it costs more than it saves.
    await m.query(`SET LOCAL jit = off`);
    const now = new Date().toISOString();
    return m.query(
        `WITH x AS (
           SELECT * FROM unnest($1::int[], $2::uuid[], $3::varchar[], $4::uuid[], $5::uuid[], $6::uuid[], $7::uuid[], $8::dossier_channel[], $9::dossier_status[],
                                $10::text[], $11::varchar[], $12::text[], $13::timestamptz[], $14::timestamptz[], $15::bigint[], $16::result_delivery[],
                                $17::timestamptz[], $18::timestamptz[], $19::int[], $20::text[])
             AS x(row_no, id, code, procedure_id, desk_id, agency_id, post_office_id, channel, status, applicant_name, applicant_phone, applicant_address,
                  received_at, due_at, procedure_fee, result_delivery, result_ready_at, result_returned_at, version, unit_name)
         ), d AS (
           INSERT INTO dossier (id, code, province_id, procedure_id, desk_id, agency_id, post_office_id, channel, status, applicant_name, applicant_phone, applicant_address,
                                received_at, due_at, procedure_fee, postal_fee, result_delivery, delivery_address, result_ready_at, result_returned_at, version, created_at, updated_at)
           SELECT x.id, x.code, $21::uuid, x.procedure_id, x.desk_id, x.agency_id, x.post_office_id, x.channel, x.status, x.applicant_name, x.applicant_phone, x.applicant_address,
                  x.received_at, x.due_at, x.procedure_fee, 0, x.result_delivery, CASE WHEN x.result_delivery = 'BY_POST' THEN x.applicant_address END,
                  x.result_ready_at, x.result_returned_at, x.version, $22::timestamptz, $22::timestamptz
             FROM x ORDER BY x.row_no
           ON CONFLICT (code) DO NOTHING
           RETURNING id, code
         ), e AS (
           INSERT INTO dossier_event (id, dossier_id, at, kind, from_status, to_status, actor_label, unit_name, note, due_at)
           SELECT overlay(x.id::text PLACING v.suffix FROM 35)::uuid, x.id, v.at, v.kind, v.from_status::dossier_status, v.to_status::dossier_status,
                  $23::text, x.unit_name, $24::text || x.row_no, v.due_at
             FROM d JOIN x ON x.id = d.id
            CROSS JOIN LATERAL (VALUES ('01', x.received_at, 'RECEIVED_AT_DESK', NULL, 'RECEIVED', x.due_at),
                                       ('02', x.result_ready_at, 'RESULT_READY', 'RECEIVED', 'RESULT_READY', NULL),
                                       ('03', x.result_returned_at, 'RETURN_RESULT', 'RESULT_READY', 'RESULT_RETURNED', NULL)) AS v(suffix, at, kind, from_status, to_status, due_at)
            WHERE v.at IS NOT NULL
            ORDER BY x.row_no, v.suffix
         )
         SELECT id, code FROM d`,
        [
          x.map((r) => r.rowNo), x.map((r) => r.id), x.map((r) => r.code), x.map((r) => r.procedureId), x.map((r) => r.deskId), x.map((r) => r.agencyId),
          x.map((r) => r.postOfficeId), x.map((r) => r.channel), x.map((r) => r.status), x.map((r) => r.applicantName), x.map((r) => r.applicantPhone),
          x.map((r) => r.applicantAddress), x.map((r) => r.receivedAt), x.map((r) => r.dueAt), x.map((r) => r.procedureFee), x.map((r) => r.resultDelivery),
          x.map((r) => r.readyAt), x.map((r) => r.returnedAt), x.map((r) => r.version), x.map((r) => r.unitName),
          job.province_id, now, IMPORT_ACTOR_LABEL, `Nhập từ tệp ${job.file_name}, dòng `,
        ],
    );
  }

  /** The rest of a checked batch, once its turn came (the job's lock held): the rollups of the inserted dossiers, the units' day sequences. */
  private async dossierAfter(m: EntityManager, checked: CheckedDossiers, inserted: Array<{ id: string; code: string }>, lookups: DossierLookups) {
    if (inserted.length) {
      await addDossiersToRollup(m, inserted.map((r) => r.id));
      // Codes of this province's own units move their day's sequence past them (a reception continues after).
      const lasts = new Map<string, number>();
      for (const { code } of inserted) {
        const parts = /^(.+)-(\d{2})(\d{2})(\d{2})-(\d{4,6})$/.exec(code);
        if (!parts || !lookups.unitCodes.has(parts[1])) continue;
        const key = `${parts[1]}@20${parts[2]}-${parts[3]}-${parts[4]}`;
        lasts.set(key, Math.max(lasts.get(key) ?? 0, Number(parts[5])));
      }
      const moves = [...lasts].filter(([k]) => parseDay(k.split('@')[1])).map(([k, last]) => ({ unit: k.split('@')[0], day: k.split('@')[1], last }));
      if (moves.length) {
        await m.query(
          `INSERT INTO dossier_sequence (unit_code, day, last) SELECT x.unit_code, x.day, x.last FROM unnest($1::varchar[], $2::date[], $3::int[]) AS x(unit_code, day, last)
           ON CONFLICT (unit_code, day) DO UPDATE SET last = GREATEST(dossier_sequence.last, EXCLUDED.last)`,
          [moves.map((x) => x.unit), moves.map((x) => x.day), moves.map((x) => x.last)],
        );
      }
    }
    return { rejections: checked.rejections, accepted: inserted.length, skipped: checked.validRows - inserted.length };
  }

  // --- Aggregate figures ---------------------------------------------------------------------------

  private async figureBatch(m: EntityManager, job: JobRow, rows: Staged[]) {
    const rejections: Rejection[] = [];
    let accepted = 0;
    let skipped = 0;
    const actor: Actor = { ...SYSTEM, kind: 'user', label: job.created_by_label, roles: ['SYSTEM_ADMIN'], provinceId: job.province_id };
    const today = todayInVietnam();
    for (const row of rows) {
      const v = (key: string) => (row[`c${FIGURE_COLUMNS.findIndex((c) => c.key === key) + 1}`] ?? '').trim();
      const heading = (key: string) => FIGURE_COLUMNS.find((c) => c.key === key)!.heading;
      const problems: Rejection[] = [];
      const reject = (key: string, reason: string) => problems.push({ row_no: row.row_no, column_name: heading(key), reason, value: v(key) || null });
      const periodStart = parseDay(v('periodStart'));
      const periodEnd = parseDay(v('periodEnd'));
      if (!periodStart) reject('periodStart', v('periodStart') ? 'Ngày đầu kỳ không đúng dạng ngày (dd/MM/yyyy).' : 'Thiếu ngày đầu kỳ.');
      if (!periodEnd) reject('periodEnd', v('periodEnd') ? 'Ngày cuối kỳ không đúng dạng ngày (dd/MM/yyyy).' : 'Thiếu ngày cuối kỳ.');
      if (periodStart && periodEnd && periodStart > periodEnd) reject('periodEnd', 'Ngày cuối kỳ trước ngày đầu kỳ.');
      else if (periodEnd && periodEnd >= today) reject('periodEnd', 'Kỳ báo cáo phải đã kết thúc (ngày cuối kỳ trước hôm nay).');
      const figures = {} as Record<FigureField, number | null>;
      for (const field of FIGURE_FIELDS) {
        const n = parseCount(v(field));
        if (n !== undefined && !Number.isSafeInteger(n)) reject(field, 'Số liệu phải là số nguyên không âm.');
        figures[field] = n === undefined || Number.isNaN(n) ? null : n;
      }
      const source = v('source');
      if (!source) reject('source', 'Thiếu nguồn số liệu.');
      if (!problems.length) {
        try {
          checkFigures(figures);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          const field = error.fields[0]?.field as FigureField | undefined;
          reject(field && FIGURE_FIELDS.includes(field) ? field : 'totalViaBcci', error.fields[0]?.message.vi ?? error.bilingual.vi);
        }
      }
      let unitId: string | null = null;
      let provinceId: string | null = null;
      if (!v('unit')) reject('unit', 'Thiếu mã đơn vị.');
      else if (periodStart && periodEnd) {
        try {
          ({ unitId, provinceId } = await this.figures.reportingUnit(m, actor, v('unit'), periodStart, periodEnd));
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          reject('unit', error.code === 'FORBIDDEN' ? 'Đơn vị không thuộc tỉnh của lần nhập này.' : (error.fields[0]?.message.vi ?? error.bilingual.vi));
        }
      }
      let deskId: string | null = null;
      if (v('desk') && unitId) {
        const [desk] = await m.query(
          `SELECT d.id, (SELECT du.path FROM administrative_unit du WHERE du.id = osp_unit_as_of(d.administrative_unit_id, $3::date)) <@ (SELECT u.path FROM administrative_unit u WHERE u.id = $2) AS inside
             FROM one_stop_desk d JOIN agency a ON a.id = d.agency_id WHERE (upper(d.code) = upper($1) OR upper(coalesce(d.identifier_code, a.identifier_code)) = upper($1)) AND d.province_id = $4`,
          [v('desk'), unitId, periodStart, job.province_id],
        );
        if (!desk) reject('desk', 'Không có bộ phận một cửa nào của tỉnh mang mã này.');
        else if (!desk.inside) reject('desk', 'Bộ phận một cửa không thuộc đơn vị báo cáo.');
        else deskId = desk.id;
      }
      if (problems.length) {
        rejections.push(...problems);
        continue;
      }
      const same = await m.query(
        `SELECT 1 FROM aggregate_figure WHERE administrative_unit_id = $1 AND desk_id IS NOT DISTINCT FROM $2 AND period_start = $3 AND period_end = $4 AND source = $5
            AND ${FIGURE_FIELDS.map((f, i) => `${snake(f)} IS NOT DISTINCT FROM $${i + 6}::int`).join(' AND ')}`,
        [unitId, deskId, periodStart, periodEnd, source, ...FIGURE_FIELDS.map((f) => figures[f])],
      );
      if (same.length) {
        skipped += 1;
        continue;
      }
      await m.getRepository(AggregateFigure).insert({
        ...figures, provinceId: provinceId!, administrativeUnitId: unitId!, deskId, periodStart: periodStart!, periodEnd: periodEnd!, source, note: v('note') || null, version: 1,
      });
      accepted += 1;
    }
    return { rejections, accepted, skipped };
  }
}

/** The rows of an UPDATE … RETURNING (TypeORM answers [rows, count] for an UPDATE). */
const updated = <T>(result: unknown): T[] => (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : (result as T[]));
const cells = (n: number) => Array.from({ length: n }, (_, i) => `c${i + 1}`).join(', ');
const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

type DossierLookups = Awaited<ReturnType<ImportRunner['dossierLookups']>>;

/** A batch's staged rows (`after`: the row it starts after, its checkpoint), checked when they are dossiers. */
interface Batch {
  after: number;
  rows: Staged[];
  checked: CheckedDossiers | null;
}

/** A batch in flight: its transaction (`done`, the row it commits as the checkpoint, or END), and its turn to commit. */
interface Step {
  give: (go: boolean) => void;
  done: Promise<number | 'END'>;
}

/** A valid dossier row, ready for the batch's INSERT (the columns of `dossierInsert`'s unnest). */
interface CheckedDossier {
  rowNo: number;
  id: string;
  code: string;
  procedureId: string;
  deskId: string;
  agencyId: string;
  postOfficeId: string | null;
  channel: string;
  status: string;
  applicantName: string;
  applicantPhone: string;
  applicantAddress: string | null;
  receivedAt: string;
  dueAt: string;
  procedureFee: string;
  resultDelivery: string;
  readyAt: string | null;
  returnedAt: string | null;
  version: number;
  unitName: string;
}

interface CheckedDossiers {
  valid: CheckedDossier[];
  /** Valid rows, counting the later rows of a code met twice in the batch (skipped: not in `valid`). */
  validRows: number;
  rejections: Rejection[];
}

/*
 * Why the dossier import looks like this (measured with `node apps/api/dist/scripts/bench-reports/import-rate.js`:
 * a fresh database, 100,000 rows of the benchmark's file, PostgreSQL 15 on the shared 2-core machine, before
 * and after run alternately): it was 8,089 and 8,143 rows/s at load average 1.8–1.9 (2,000-row batches, one
 * transaction at a time: rows read and checked inside it, a query for the codes held, the dossiers and every
 * event sent as JSON objects to json_to_recordset, the rollup statement), it is 17,935 and 17,668 rows/s; at
 * load 2.2–4.0 (the other core busy) 3,889–7,144 before, 7,354–11,535 after.
 * Where the time went: the dossier INSERT itself (13 indexes, two of them trigram GIN, five foreign keys:
 * about 45 µs a row here), the events (two a dossier), the rollup statement (its seq scan of dossier_event
 * on a small database), the JSON parsing. Now: rows are checked in plain JS ahead of their transaction,
 * ONE statement inserts the dossiers from typed arrays (unnest) with ON CONFLICT (code) DO NOTHING instead
 * of the query for held codes, and their events from the inserted rows (no event crosses the wire); ids are
 * time-ordered (below); batches of 5,000; and two batches are in flight (`run`), so the next batch's
 * INSERT runs on the second core while this one adds its rollups and commits.
 */

/**
 * Time-ordered ids (UUID version 7 layout: 48 bits of milliseconds, then a counter, then random bits) for
 * the imported dossiers and their events: each batch's rows land at the right edge of the primary keys and
 * of dossier_event (dossier_id, at, seq) instead of on random leaf pages of indexes far larger than the
 * buffer cache (a million-dossier database). A dossier's id ends in 00; its events take the same id ending
 * in 01 (received), 02 (result ready), 03 (result returned).
 */
let idClock = 0;
function orderedIds(n: number): string[] {
  idClock = Math.max(idClock + 1, Date.now());
  const t = idClock.toString(16).padStart(12, '0');
  const random = randomBytes(5 * n).toString('hex');
  const ids = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const c = i.toString(16).padStart(6, '0'); // 24 bits of counter: a batch of up to 16,777,216 rows
    ids[i] = `${t.slice(0, 8)}-${t.slice(8)}-7${c.slice(0, 3)}-8${c.slice(3)}-${random.slice(i * 10, i * 10 + 10)}00`;
  }
  return ids;
}

const DOSSIER_CELL = Object.fromEntries(DOSSIER_COLUMNS.map((c, i) => [c.key, `c${i + 1}`])) as Record<string, string>;
const DOSSIER_HEADING = Object.fromEntries(DOSSIER_COLUMNS.map((c) => [c.key, c.heading])) as Record<string, string>;
/** parseChannel / parseResultDelivery of the few distinct words a file uses, remembered (they fold and test regular expressions). */
const remembered = <T>(parse: (text: string) => T) => {
  const known = new Map<string, T>();
  return (text: string): T => {
    if (known.has(text)) return known.get(text)!;
    const value = parse(text);
    if (known.size < 1000) known.set(text, value);
    return value;
  };
};
const channelOf = remembered(parseChannel);
const deliveryOf = remembered(parseResultDelivery);

/** The rules of a dossier row (the header comment), checked in JS without the database: the valid rows, the in-batch repeats, the refusals. */
function checkDossiers(job: JobRow, rows: Staged[], lookups: DossierLookups): CheckedDossiers {
  const rejections: Rejection[] = [];
  const now = Date.now();
  const valid: Array<Omit<CheckedDossier, 'id'>> = [];
  const codes = new Set<string>();
  let validRows = 0;
  for (const row of rows) {
    const v = (key: string) => (row[DOSSIER_CELL[key]] ?? '').trim();
    const problems: Rejection[] = [];
    const reject = (key: string, reason: string) => problems.push({ row_no: row.row_no, column_name: DOSSIER_HEADING[key], reason, value: v(key) || null });
    const code = v('code');
    if (!code) reject('code', 'Thiếu mã hồ sơ.');
    else if (code.length > 40) reject('code', 'Mã hồ sơ dài quá 40 ký tự.');
    const procedureCode = v('procedure');
    const procedure = procedureCode ? lookups.procedure.get(procedureCode.toUpperCase()) : undefined;
    if (!procedureCode) reject('procedure', 'Thiếu mã thủ tục.');
    else if (!procedure) reject('procedure', 'Mã thủ tục không có trong danh mục thủ tục của tỉnh.');
    const deskCode = v('desk');
    const desk = deskCode ? lookups.desk.get(deskCode.toUpperCase()) : undefined;
    if (!deskCode) reject('desk', 'Thiếu mã đơn vị tiếp nhận.');
    else if (!desk) reject('desk', 'Không có bộ phận một cửa nào của tỉnh mang mã này.');
    const channelText = v('channel');
    const channel = channelOf(channelText);
    if (!channel) reject('channel', channelText ? 'Kênh không hợp lệ: ghi "Trực tiếp", "Bưu chính", "Trực tuyến" hoặc "Tại nhà".' : 'Thiếu kênh tiếp nhận.');
    const receivedText = v('receivedAt');
    const receivedAt = parseMoment(receivedText, VN_DAY_START);
    if (!receivedAt) reject('receivedAt', receivedText ? 'Ngày tiếp nhận không đúng dạng ngày (dd/MM/yyyy, có thể kèm giờ HH:mm).' : 'Thiếu ngày tiếp nhận.');
    else if (receivedAt.getTime() > now) reject('receivedAt', 'Ngày tiếp nhận ở tương lai.');
    const dueText = v('dueAt');
    const dueAt = parseMoment(dueText, VN_DAY_END);
    if (!dueAt) reject('dueAt', dueText ? 'Hạn trả không đúng dạng ngày (dd/MM/yyyy).' : 'Thiếu hạn trả kết quả.');
    else if (receivedAt && dueAt.getTime() < receivedAt.getTime()) reject('dueAt', 'Hạn trả trước ngày tiếp nhận.');
    const readyText = v('readyAt');
    let readyAt = readyText ? parseMoment(readyText, VN_DAY_END) : null;
    if (readyText && !readyAt) reject('readyAt', 'Ngày có kết quả không đúng dạng ngày (dd/MM/yyyy).');
    const returnedText = v('returnedAt');
    const returnedAt = returnedText ? parseMoment(returnedText, VN_DAY_END) : null;
    if (returnedText && !returnedAt) reject('returnedAt', 'Ngày trả kết quả không đúng dạng ngày (dd/MM/yyyy).');
    if (returnedAt && !readyText) readyAt = returnedAt;
    if (readyAt && receivedAt && readyAt.getTime() < receivedAt.getTime()) reject('readyAt', 'Ngày có kết quả trước ngày tiếp nhận.');
    if (readyAt && readyAt.getTime() > now) reject('readyAt', 'Ngày có kết quả ở tương lai.');
    if (returnedAt && readyAt && returnedAt.getTime() < readyAt.getTime()) reject('returnedAt', 'Ngày trả kết quả trước ngày có kết quả.');
    if (returnedAt && returnedAt.getTime() > now) reject('returnedAt', 'Ngày trả kết quả ở tương lai.');
    const delivery = deliveryOf(v('resultDelivery'));
    if (!delivery) reject('resultDelivery', 'Hình thức trả kết quả không hợp lệ: ghi "Trực tiếp" hoặc "Bưu chính".');
    const address = v('applicantAddress') || null;
    if (delivery === 'BY_POST' && !address) reject('applicantAddress', 'Trả kết quả qua bưu chính cần địa chỉ nhận kết quả.');
    const officeCode = v('postOffice');
    const officeId = officeCode ? lookups.office.get(officeCode.toUpperCase()) : null;
    if (officeCode && !officeId) reject('postOffice', 'Không có bưu cục nào của tỉnh mang mã này.');
    const phone = v('applicantPhone');
    if (phone.length > 20) reject('applicantPhone', 'Số điện thoại dài quá 20 ký tự.');
    if (problems.length) {
      rejections.push(...problems);
      continue;
    }
    validRows += 1;
    if (codes.has(code)) continue; // met earlier in this batch: skipped (earlier batches: ON CONFLICT)
    codes.add(code);
    valid.push({
      rowNo: row.row_no,
      code,
      procedureId: procedure!.id,
      deskId: desk!.id,
      agencyId: procedure!.agency_id ?? desk!.agency_id,
      postOfficeId: officeId ?? null,
      channel: channel!,
      status: returnedAt ? 'RESULT_RETURNED' : readyAt ? 'RESULT_READY' : 'RECEIVED',
      applicantName: v('applicantName'),
      applicantPhone: phone,
      applicantAddress: address,
      receivedAt: receivedAt!.toISOString(),
      dueAt: dueAt!.toISOString(),
      procedureFee: String(Number(procedure!.procedure_fee)),
      resultDelivery: delivery!,
      readyAt: readyAt?.toISOString() ?? null,
      returnedAt: returnedAt?.toISOString() ?? null,
      version: 1 + (readyAt ? 1 : 0) + (returnedAt ? 1 : 0),
      unitName: desk!.name,
    });
  }
  const ids = orderedIds(valid.length);
  return { valid: valid.map((r, i) => ({ ...r, id: ids[i] })), validRows, rejections };
}
