/**
 * The scope matrix of report imports (run by test/scope.test.ts).
 *
 * The province's steering committee and administrators follow its imports (national administrators:
 * every province's); other staff and portals are FORBIDDEN; another province's import is hidden from a
 * list and NOT_FOUND by id. Uploads (POST /imports, not GraphQL) are covered in test/report-imports.test.ts.
 */
import type { TestApp } from '../harness';
import type { Row, Scenarios, ScopeContext } from './matrix';

const HT = 'a Hà Tĩnh import';

// prettier-ignore
export const REPORT_IMPORT_ROWS: Row[] = [
  ['importJobs', 'anonymous', 'UNAUTHENTICATED', HT],
  ['importJobs', 'revoked', 'UNAUTHENTICATED', HT],
  ['importJobs', 'admin', 'ALLOWED', HT],
  ['importJobs', 'hatinh.bcd', 'ALLOWED', HT],
  ['importJobs', 'hatinh.quantri', 'ALLOWED', HT],
  ['importJobs', 'hatinh.buudien', 'FORBIDDEN', HT],
  ['importJobs', 'hatinh.quay', 'FORBIDDEN', HT],
  ['importJobs', 'hatinh.stttt', 'FORBIDDEN', HT],
  ['importJobs', 'dongnai.bcd', 'HIDDEN', HT],
  ['importJobs', 'portal', 'FORBIDDEN', HT],
  ['importJob', 'anonymous', 'UNAUTHENTICATED', HT],
  ['importJob', 'admin', 'ALLOWED', HT],
  ['importJob', 'hatinh.bcd', 'ALLOWED', HT],
  ['importJob', 'hatinh.quantri', 'ALLOWED', HT],
  ['importJob', 'hatinh.quay', 'FORBIDDEN', HT],
  ['importJob', 'dongnai.bcd', 'NOT_FOUND', HT],
  ['importJob', 'portal', 'FORBIDDEN', HT],
];

const Q = {
  list: `query { importJobs(first: 50) { totalCount edges { node { id fileName } } } }`,
  one: `query($id: ID!) { importJob(id: $id) { id fileName status progress } }`,
};

export function reportImportScenarios(ctx: ScopeContext): Scenarios {
  const t = (): TestApp => ctx.app();
  let seeded: Promise<string> | null = null;
  // A finished import of Hà Tĩnh, written as the job leaves it.
  const own = () =>
    (seeded ??= t()
      .sql(
        `INSERT INTO import_job (province_id, kind, status, file_name, format, size_bytes, sha256, total_rows, processed_rows, accepted_rows, created_by_label, finished_at)
         SELECT id, 'DOSSIERS', 'SUCCEEDED', 'pham-vi.csv', 'CSV', 10, repeat('a', 64), 1, 1, 1, 'Ban Chỉ đạo', now() FROM administrative_unit WHERE code = '42' AND valid_to IS NULL RETURNING id`,
      )
      .then((rows) => rows[0].id as string));
  return {
    importJobs: {
      [HT]: async (caller) => {
        const id = await own();
        return {
          res: await t().gql(Q.list, {}, caller),
          verify(data, outcome) {
            const ids = data.edges.map((e: any) => e.node.id);
            if (outcome === 'HIDDEN') expect(ids).not.toContain(id);
            else expect(ids).toContain(id);
          },
        };
      },
    },
    importJob: {
      [HT]: async (caller) => {
        const id = await own();
        return {
          res: await t().gql(Q.one, { id }, caller),
          verify(data) {
            expect(data).toEqual({ id, fileName: 'pham-vi.csv', status: 'SUCCEEDED', progress: 1 });
          },
        };
      },
    },
  };
}
