import { randomUUID } from 'node:crypto';
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

/** Rows per batch (one transaction each). */
export const IMPORT_BATCH = Number(process.env.OSP_IMPORT_BATCH ?? 1000);
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
    let checkpoint = claimed.last_row_no;
    let batches = 0;
    try {
      for (;;) {
        const next = await this.dataSource.transaction(async (m) => {
          const [held] = await m.query(`SELECT last_row_no, status FROM import_job WHERE id = $1 FOR UPDATE`, [jobId]);
          if (!held || held.status !== 'RUNNING' || held.last_row_no !== checkpoint) return null; // taken over meanwhile
          const rows: Staged[] = await m.query(
            `SELECT row_no, ${DOSSIER_COLUMNS.length >= FIGURE_COLUMNS.length ? cells(DOSSIER_COLUMNS.length) : cells(FIGURE_COLUMNS.length)}
               FROM import_staging_row WHERE job_id = $1 AND row_no > $2 ORDER BY row_no LIMIT $3`,
            [jobId, checkpoint, batchSize],
          );
          if (!rows.length) {
            await this.finish(m, claimed);
            return 'END' as const;
          }
          const outcome = claimed.kind === ImportKind.DOSSIERS ? await this.dossierBatch(m, claimed, rows, lookups!) : await this.figureBatch(m, claimed, rows);
          if (outcome.rejections.length) {
            await m.query(
              `INSERT INTO import_rejection (job_id, row_no, column_name, reason, value)
               SELECT $1::uuid, x.row_no, x.column_name, x.reason, x.value FROM json_to_recordset($2::json) AS x(row_no int, column_name text, reason text, value text)`,
              [jobId, JSON.stringify(outcome.rejections)],
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
        if (next === null || next === 'END') return next === 'END' ? 'DONE' : 'BUSY';
        checkpoint = next;
        batches += 1;
        if (options.onBatch) {
          const [p] = await this.dataSource.query(`SELECT processed_rows, total_rows FROM import_job WHERE id = $1`, [jobId]);
          options.onBatch({ processed: p.processed_rows, total: p.total_rows });
        }
        if (options.failAfterBatches !== undefined && batches >= options.failAfterBatches) throw new InjectedImportFailure();
        if (options.stop?.()) {
          await this.dataSource.query(`UPDATE import_job SET lease_until = NULL, updated_at = now() WHERE id = $1 AND status = 'RUNNING'`, [jobId]);
          return 'BUSY';
        }
      }
    } catch (error) {
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

  private async dossierBatch(m: EntityManager, job: JobRow, rows: Staged[], lookups: Awaited<ReturnType<ImportRunner['dossierLookups']>>) {
    const rejections: Rejection[] = [];
    const now = new Date();
    const nowIso = now.toISOString();
    const valid: Array<{ row: Staged; dossier: Record<string, unknown>; events: Array<Record<string, unknown>> }> = [];
    const heading = (key: string) => DOSSIER_COLUMNS.find((c) => c.key === key)!.heading;
    for (const row of rows) {
      const v = (key: string) => (row[`c${DOSSIER_COLUMNS.findIndex((c) => c.key === key) + 1}`] ?? '').trim();
      const problems: Rejection[] = [];
      const reject = (key: string, reason: string) => problems.push({ row_no: row.row_no, column_name: heading(key), reason, value: v(key) || null });
      const code = v('code');
      if (!code) reject('code', 'Thiếu mã hồ sơ.');
      else if (code.length > 40) reject('code', 'Mã hồ sơ dài quá 40 ký tự.');
      const procedure = v('procedure') ? lookups.procedure.get(v('procedure').toUpperCase()) : undefined;
      if (!v('procedure')) reject('procedure', 'Thiếu mã thủ tục.');
      else if (!procedure) reject('procedure', 'Mã thủ tục không có trong danh mục thủ tục của tỉnh.');
      const desk = v('desk') ? lookups.desk.get(v('desk').toUpperCase()) : undefined;
      if (!v('desk')) reject('desk', 'Thiếu mã đơn vị tiếp nhận.');
      else if (!desk) reject('desk', 'Không có bộ phận một cửa nào của tỉnh mang mã này.');
      const channel = parseChannel(v('channel'));
      if (!channel) reject('channel', v('channel') ? 'Kênh không hợp lệ: ghi "Trực tiếp", "Bưu chính", "Trực tuyến" hoặc "Tại nhà".' : 'Thiếu kênh tiếp nhận.');
      const receivedAt = parseMoment(v('receivedAt'), VN_DAY_START);
      if (!receivedAt) reject('receivedAt', v('receivedAt') ? 'Ngày tiếp nhận không đúng dạng ngày (dd/MM/yyyy, có thể kèm giờ HH:mm).' : 'Thiếu ngày tiếp nhận.');
      else if (receivedAt.getTime() > now.getTime()) reject('receivedAt', 'Ngày tiếp nhận ở tương lai.');
      const dueAt = parseMoment(v('dueAt'), VN_DAY_END);
      if (!dueAt) reject('dueAt', v('dueAt') ? 'Hạn trả không đúng dạng ngày (dd/MM/yyyy).' : 'Thiếu hạn trả kết quả.');
      else if (receivedAt && dueAt.getTime() < receivedAt.getTime()) reject('dueAt', 'Hạn trả trước ngày tiếp nhận.');
      let readyAt = v('readyAt') ? parseMoment(v('readyAt'), VN_DAY_END) : null;
      if (v('readyAt') && !readyAt) reject('readyAt', 'Ngày có kết quả không đúng dạng ngày (dd/MM/yyyy).');
      const returnedAt = v('returnedAt') ? parseMoment(v('returnedAt'), VN_DAY_END) : null;
      if (v('returnedAt') && !returnedAt) reject('returnedAt', 'Ngày trả kết quả không đúng dạng ngày (dd/MM/yyyy).');
      if (returnedAt && !v('readyAt')) readyAt = returnedAt;
      if (readyAt && receivedAt && readyAt.getTime() < receivedAt.getTime()) reject('readyAt', 'Ngày có kết quả trước ngày tiếp nhận.');
      if (readyAt && readyAt.getTime() > now.getTime()) reject('readyAt', 'Ngày có kết quả ở tương lai.');
      if (returnedAt && readyAt && returnedAt.getTime() < readyAt.getTime()) reject('returnedAt', 'Ngày trả kết quả trước ngày có kết quả.');
      if (returnedAt && returnedAt.getTime() > now.getTime()) reject('returnedAt', 'Ngày trả kết quả ở tương lai.');
      const delivery = parseResultDelivery(v('resultDelivery'));
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
      const id = randomUUID();
      const status = returnedAt ? 'RESULT_RETURNED' : readyAt ? 'RESULT_READY' : 'RECEIVED';
      const note = `Nhập từ tệp ${job.file_name}, dòng ${row.row_no}`;
      const event = (at: Date, kind: string, from: string | null, to: string, extra: Record<string, unknown> = {}) => ({
        id: randomUUID(), dossier_id: id, at: at.toISOString(), kind, from_status: from, to_status: to, actor_label: IMPORT_ACTOR_LABEL, unit_name: desk!.name, note, due_at: null, ...extra,
      });
      const events = [event(receivedAt!, 'RECEIVED_AT_DESK', null, 'RECEIVED', { due_at: dueAt!.toISOString() })];
      if (readyAt) events.push(event(readyAt, 'RESULT_READY', 'RECEIVED', 'RESULT_READY'));
      if (returnedAt) events.push(event(returnedAt, 'RETURN_RESULT', 'RESULT_READY', 'RESULT_RETURNED'));
      valid.push({
        row,
        events,
        dossier: {
          id, code, province_id: job.province_id, procedure_id: procedure!.id, desk_id: desk!.id, agency_id: procedure!.agency_id ?? desk!.agency_id,
          post_office_id: officeId ?? null, channel, status, applicant_name: v('applicantName'), applicant_phone: phone, applicant_address: address,
          received_at: receivedAt!.toISOString(), due_at: dueAt!.toISOString(), procedure_fee: Number(procedure!.procedure_fee), result_delivery: delivery,
          delivery_address: delivery === 'BY_POST' ? address : null, result_ready_at: readyAt?.toISOString() ?? null, result_returned_at: returnedAt?.toISOString() ?? null,
          version: events.length, created_at: nowIso, updated_at: nowIso,
        },
      });
    }
    // Codes already held, or met earlier in this batch: skipped.
    const held = new Set<string>(
      valid.length ? (await m.query(`SELECT code FROM dossier WHERE code = ANY($1::varchar[])`, [valid.map((x) => x.dossier.code)])).map((r: { code: string }) => r.code) : [],
    );
    const fresh: typeof valid = [];
    for (const x of valid) {
      const code = x.dossier.code as string;
      if (held.has(code)) continue;
      held.add(code);
      fresh.push(x);
    }
    if (fresh.length) {
      await m.query(
        `INSERT INTO dossier (id, code, province_id, procedure_id, desk_id, agency_id, post_office_id, channel, status, applicant_name, applicant_phone, applicant_address,
                              received_at, due_at, procedure_fee, postal_fee, result_delivery, delivery_address, result_ready_at, result_returned_at, version, created_at, updated_at)
         SELECT x.id, x.code, x.province_id, x.procedure_id, x.desk_id, x.agency_id, x.post_office_id, x.channel, x.status, x.applicant_name, x.applicant_phone, x.applicant_address,
                x.received_at, x.due_at, x.procedure_fee, 0, x.result_delivery, x.delivery_address, x.result_ready_at, x.result_returned_at, x.version, x.created_at, x.updated_at
           FROM json_to_recordset($1::json) AS x(id uuid, code varchar, province_id uuid, procedure_id uuid, desk_id uuid, agency_id uuid, post_office_id uuid, channel dossier_channel,
                status dossier_status, applicant_name text, applicant_phone varchar, applicant_address text, received_at timestamptz, due_at timestamptz, procedure_fee bigint,
                result_delivery result_delivery, delivery_address text, result_ready_at timestamptz, result_returned_at timestamptz, version int, created_at timestamptz, updated_at timestamptz)`,
        [JSON.stringify(fresh.map((x) => x.dossier))],
      );
      await m.query(
        `INSERT INTO dossier_event (id, dossier_id, at, kind, from_status, to_status, actor_label, unit_name, note, due_at)
         SELECT x.id, x.dossier_id, x.at, x.kind, x.from_status, x.to_status, x.actor_label, x.unit_name, x.note, x.due_at
           FROM json_to_recordset($1::json) AS x(id uuid, dossier_id uuid, at timestamptz, kind varchar, from_status dossier_status, to_status dossier_status, actor_label text,
                unit_name text, note text, due_at timestamptz)`,
        [JSON.stringify(fresh.flatMap((x) => x.events))],
      );
      await addDossiersToRollup(m, fresh.map((x) => x.dossier.id as string));
      // Codes of this province's own units move their day's sequence past them (a reception continues after).
      const lasts = new Map<string, number>();
      for (const x of fresh) {
        const parts = /^(.+)-(\d{2})(\d{2})(\d{2})-(\d{4,6})$/.exec(x.dossier.code as string);
        if (!parts || !lookups.unitCodes.has(parts[1])) continue;
        const key = `${parts[1]}@20${parts[2]}-${parts[3]}-${parts[4]}`;
        lasts.set(key, Math.max(lasts.get(key) ?? 0, Number(parts[5])));
      }
      if (lasts.size) {
        await m.query(
          `INSERT INTO dossier_sequence (unit_code, day, last) SELECT x.unit_code, x.day, x.last FROM json_to_recordset($1::json) AS x(unit_code varchar, day date, last int)
            WHERE x.day IS NOT NULL
           ON CONFLICT (unit_code, day) DO UPDATE SET last = GREATEST(dossier_sequence.last, EXCLUDED.last)`,
          [JSON.stringify([...lasts].filter(([k]) => parseDay(k.split('@')[1])).map(([k, last]) => ({ unit_code: k.split('@')[0], day: k.split('@')[1], last })))],
        );
      }
    }
    return { rejections, accepted: fresh.length, skipped: valid.length - fresh.length };
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
