import type { Readable } from 'node:stream';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { requireRole, scopeProvince, forbidden } from '../../../platform/authz';
import { Injectable } from '../../../platform/container';
import { badInput, notFound, sqlState, type Bilingual } from '../../../platform/errors';
import { decodeCursor, encodeCursor, type Connection, type PageArgs } from '../../../platform/graphql/connection';
import type { Actor } from '../../../platform/graphql/context';
import { todayInVietnam } from '../../../platform/graphql/scalars';
import { spreadsheet, type Spreadsheet } from '../../../platform/spreadsheet';
import { AuditService } from '../../audit/audit.service';
import { ImportKind } from './import-format';
import { ImportJob, ImportStatus, type ImportJobFilter } from './import-job.entity';
import { ImportQueue } from './import-queue';
import { stageFile, type ImportFormat } from './import-staging';

/** Who imports: the province's steering committee and administrators (national administrators for any province). */
export const IMPORTERS = ['STEERING_COMMITTEE', 'SYSTEM_ADMIN'];

/** The largest file POST /imports takes (OSP_IMPORT_MAX_BYTES, default 256 MiB: a million dossier rows fit). */
export const IMPORT_FILE_MAX_BYTES = Number(process.env.OSP_IMPORT_MAX_BYTES ?? 256 * 1024 * 1024);

const LABEL: Bilingual = { vi: 'lần nhập dữ liệu', en: 'import' };

export interface UploadRequest {
  kind: string | undefined;
  fileName: string | undefined;
  /** A national administrator names the province (its code); others import for their own. */
  provinceCode?: string | undefined;
  contentType?: string | undefined;
}

export interface UploadResult {
  job: ImportJob;
  /** The same file (same content) was imported for this province and kind before: nothing new is imported. */
  duplicate: boolean;
}

/**
 * Imports of other one-stop systems' exports (issue 13, "Import and export"): the upload (POST /imports,
 * import.route.ts) streams the file into the staging table (import-staging.ts) under a new job, then,
 * in one transaction with its audit entry, queues the job, unless a job of the same province and kind
 * already holds a file of the same SHA-256: then the new upload is dropped and that job answered
 * (`duplicate`; a failed one is queued again and goes on from its checkpoint). The background job
 * (ImportWorker → ImportRunner) does the rest. Readers: the importers of the province (national: all).
 */
@Injectable()
export class ImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly queue: ImportQueue,
  ) {}

  async upload(actor: Actor, body: Readable, request: UploadRequest, maxBytes = IMPORT_FILE_MAX_BYTES): Promise<UploadResult> {
    requireRole(actor, IMPORTERS);
    const kind = request.kind?.toUpperCase();
    if (kind !== ImportKind.DOSSIERS && kind !== ImportKind.AGGREGATE_FIGURES) {
      throw badInput('kind', { vi: 'Chọn loại dữ liệu nhập: hồ sơ (DOSSIERS) hoặc số liệu tổng hợp (AGGREGATE_FIGURES).', en: 'Choose what the file holds: DOSSIERS or AGGREGATE_FIGURES.' });
    }
    const fileName = (request.fileName ?? '').split(/[\\/]/).pop()!.trim().slice(0, 200);
    const format = formatOf(fileName, request.contentType);
    if (!fileName || !format) {
      throw badInput('file', { vi: 'Chỉ nhận tệp .csv hoặc .xlsx (ghi rõ tên tệp).', en: 'Only .csv or .xlsx files are taken (name the file).' });
    }
    const provinceId = await this.provinceFor(actor, request.provinceCode);
    // Who uploaded, as the list shows it: the user's display name (the system's label otherwise).
    const [created] = await this.dataSource.query(
      `INSERT INTO import_job (province_id, kind, status, file_name, format, created_by_id, created_by_label)
       VALUES ($1, $2, 'UPLOADING', $3, $4, $5, coalesce((SELECT display_name FROM app_user WHERE id = $5), $6)) RETURNING id`,
      [provinceId, kind, fileName, format, actor.kind === 'user' ? actor.id : null, actor.label],
    );
    const jobId: string = created.id;
    let staged;
    try {
      staged = await stageFile(this.dataSource, body, { jobId, kind, format, maxBytes });
    } catch (error) {
      await this.dataSource.query(`DELETE FROM import_job WHERE id = $1`, [jobId]).catch(() => undefined);
      throw error;
    }
    try {
      return await this.dataSource.transaction(async (m) => {
        const [same] = await m.query(`SELECT id, status FROM import_job WHERE province_id = $1 AND kind = $2 AND sha256 = $3`, [provinceId, kind, staged.sha256]);
        if (same) {
          await m.query(`DELETE FROM import_job WHERE id = $1`, [jobId]);
          if (same.status === ImportStatus.FAILED) {
            await m.query(`UPDATE import_job SET status = 'QUEUED', error = NULL, finished_at = NULL, lease_until = NULL, updated_at = now() WHERE id = $1`, [same.id]);
            await this.queue.enqueue(m, same.id);
          }
          const job = await m.getRepository(ImportJob).findOneByOrFail({ id: same.id });
          await this.audit.record(m, actor, { action: 'importJob.repeat', entityType: 'ImportJob', entityId: job.id, after: job, provinceId });
          return { job, duplicate: true };
        }
        await m.query(
          `UPDATE import_job SET status = 'QUEUED', sha256 = $2, size_bytes = $3, total_rows = $4, updated_at = now() WHERE id = $1`,
          [jobId, staged.sha256, staged.sizeBytes, staged.rows],
        );
        const job = await m.getRepository(ImportJob).findOneByOrFail({ id: jobId });
        await this.audit.record(m, actor, { action: 'importJob.create', entityType: 'ImportJob', entityId: job.id, after: job, provinceId });
        await this.queue.enqueue(m, job.id);
        return { job, duplicate: false };
      });
    } catch (error) {
      await this.dataSource.query(`DELETE FROM import_job WHERE id = $1 AND status = 'UPLOADING'`, [jobId]).catch(() => undefined);
      // Two uploads of one file at once: the second meets the first's key, and answers the first.
      if (sqlState(error) === '23505') {
        const job = await this.dataSource.getRepository(ImportJob).findOneBy({ provinceId, kind: kind as ImportKind, sha256: staged.sha256 });
        if (job) return { job, duplicate: true };
      }
      throw error;
    }
  }

  async list(actor: Actor, filter: ImportJobFilter, page: PageArgs): Promise<Connection<ImportJob>> {
    requireRole(actor, IMPORTERS);
    const scope = scopeProvince(actor);
    const first = Math.min(Math.max(page.first ?? 20, 1), 100);
    const where: string[] = [`j.status <> 'UPLOADING'`];
    const params: unknown[] = [];
    if (scope) where.push(`j.province_id = $${params.push(scope)}`);
    if (filter.kind) where.push(`j.kind = $${params.push(filter.kind)}`);
    if (filter.status) where.push(`j.status = $${params.push(filter.status)}`);
    const [{ count }] = await this.dataSource.query(`SELECT count(*)::int AS count FROM import_job j WHERE ${where.join(' AND ')}`, params);
    if (page.after) {
      const [at, id] = decodeCursor(page.after);
      if (typeof at !== 'string' || Number.isNaN(Date.parse(at))) throw badInput('after', { vi: 'Con trỏ trang không hợp lệ.', en: 'The page cursor is not valid.' });
      where.push(`(j.created_at, j.id) < ($${params.push(at)}::timestamptz, $${params.push(id)}::uuid)`);
    }
    const ids: Array<{ id: string }> = await this.dataSource.query(
      `SELECT j.id FROM import_job j WHERE ${where.join(' AND ')} ORDER BY j.created_at DESC, j.id DESC LIMIT ${first + 1}`,
      params,
    );
    const found = ids.length ? await this.dataSource.getRepository(ImportJob).createQueryBuilder('j').where('j.id IN (:...ids)', { ids: ids.map((r) => r.id) }).getMany() : [];
    const byId = new Map(found.map((j) => [j.id, j]));
    const nodes = ids.slice(0, first).map((r) => byId.get(r.id)!);
    const edges = nodes.map((node) => ({ node, cursor: encodeCursor([node.createdAt.toISOString(), node.id]) }));
    return {
      totalCount: count,
      edges,
      pageInfo: { hasNextPage: ids.length > first, hasPreviousPage: Boolean(page.after), startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  async get(actor: Actor, id: string): Promise<ImportJob> {
    requireRole(actor, IMPORTERS);
    const scope = scopeProvince(actor);
    const job = isUUID(id) ? await this.dataSource.getRepository(ImportJob).findOneBy({ id }) : null;
    if (!job || job.status === ImportStatus.UPLOADING || (scope && job.provinceId !== scope)) throw notFound(LABEL, id);
    return job;
  }

  /** The refused rows (row, column, reason, value) as .xlsx, through platform/spreadsheet.ts. */
  async rejectedRowsFile(job: ImportJob): Promise<Spreadsheet> {
    const rows: Array<{ row_no: number; column_name: string | null; reason: string; value: string | null }> = await this.dataSource.query(
      `SELECT row_no, column_name, reason, value FROM import_rejection WHERE job_id = $1 ORDER BY row_no, column_name LIMIT 200000`,
      [job.id],
    );
    const base = job.fileName.replace(/\.(csv|xlsx)$/i, '');
    return spreadsheet(
      'Dòng bị từ chối',
      ['Dòng', 'Cột', 'Lý do', 'Giá trị trong tệp'],
      rows.map((r) => [r.row_no, r.column_name, r.reason, r.value]),
      [8, 26, 70, 30],
      `dong-bi-tu-choi-${base}-${todayInVietnam()}`,
    );
  }

  /** The refused rows, first ones first (the page shows a few). */
  async rejections(job: ImportJob, first: number) {
    const rows: Array<{ row_no: number; column_name: string | null; reason: string; value: string | null }> = await this.dataSource.query(
      `SELECT row_no, column_name, reason, value FROM import_rejection WHERE job_id = $1 ORDER BY row_no, column_name LIMIT $2`,
      [job.id, Math.min(Math.max(first, 0), 100)],
    );
    return rows.map((r) => ({ rowNo: r.row_no, column: r.column_name, reason: r.reason, value: r.value }));
  }

  private async provinceFor(actor: Actor, code: string | undefined): Promise<string> {
    const own = scopeProvince(actor);
    const wanted = code?.trim();
    if (!wanted) {
      if (own) return own;
      throw badInput('province', { vi: 'Chọn tỉnh nhận dữ liệu nhập.', en: 'Choose the province the data is imported for.' });
    }
    const [province] = await this.dataSource.query(
      `SELECT id FROM administrative_unit WHERE code = $1 AND level = 'PROVINCE' AND valid_from <= $2 AND (valid_to IS NULL OR valid_to >= $2)`,
      [wanted, todayInVietnam()],
    );
    if (!province) throw badInput('province', { vi: `Không có tỉnh mang mã "${wanted}" đang có hiệu lực.`, en: `No province in force has the code "${wanted}".` });
    if (own && own !== province.id) throw forbidden();
    return province.id;
  }
}

function formatOf(fileName: string, contentType: string | undefined): ImportFormat | null {
  if (/\.csv$/i.test(fileName)) return 'CSV';
  if (/\.xlsx$/i.test(fileName)) return 'XLSX';
  if (contentType?.includes('spreadsheetml')) return 'XLSX';
  if (contentType?.includes('csv')) return 'CSV';
  return null;
}
