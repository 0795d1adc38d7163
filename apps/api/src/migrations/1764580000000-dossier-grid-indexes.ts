import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes the dossier grid needs on a million dossiers (`npm run bench:dossiers`):
 * - (province_id, status, received_at, id): the grid filtered by status (and a date range) reads its
 *   page in order from it and counts its total from a range of it, instead of scanning the province;
 * - a trigram index on the code: a fragment of a code ("0123", "H27-2612") is found without reading
 *   every row (the name has its own trigram index, dossier_name_folded).
 */
export class DossierGridIndexes1764580000000 implements MigrationInterface {
  name = 'DossierGridIndexes1764580000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX dossier_province_status_received ON dossier (province_id, status, received_at, id);
      CREATE INDEX dossier_code_trgm ON dossier USING gin (code gin_trgm_ops);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX dossier_code_trgm; DROP INDEX dossier_province_status_received;');
  }
}
