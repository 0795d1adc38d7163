import type { UploadRoute } from '../../../platform/composition';
import { IMPORT_FILE_MAX_BYTES, ImportService } from './import.service';

/**
 * POST /imports?kind=DOSSIERS|AGGREGATE_FIGURES&name=<file name>[&province=<province code>]: the file as
 * the body (Content-Type application/octet-stream, text/csv or the .xlsx type), with the user's bearer
 * token as for /graphql. Answers 202 `{ job, duplicate: false }` once the file is staged and its job
 * queued, or 200 `{ job, duplicate: true }` with the earlier import of the same file; follow the job
 * with the `importJob(id)` query. Errors: `{ errors: [{ message, extensions: { code, fields } }] }`.
 */
export function importUploadRoute(imports: ImportService): UploadRoute {
  return {
    path: '/imports',
    maxBytes: IMPORT_FILE_MAX_BYTES,
    async handle(actor, body, request) {
      const headerName = request.header('x-file-name');
      const { job, duplicate } = await imports.upload(actor, body, {
        kind: request.query.kind,
        fileName: request.query.name ?? (headerName ? decodeURIComponent(headerName) : undefined),
        provinceCode: request.query.province,
        contentType: request.header('content-type'),
      });
      return {
        status: duplicate ? 200 : 202,
        body: { duplicate, job: { id: job.id, kind: job.kind, status: job.status, fileName: job.fileName, totalRows: job.totalRows, processedRows: job.processedRows } },
      };
    },
  };
}
