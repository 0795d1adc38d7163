import type { MigrationInterface, QueryRunner } from 'typeorm';
import { sortKeyFunctionSql } from '../platform/vietnamese-order';

/**
 * Vietnamese alphabetical order on both databases: `osp_sort_key(name)` (platform/vietnamese-order.ts),
 * and indexes for the lists that page by name, nationally and within a province.
 */
export class VietnameseOrder1764000000000 implements MigrationInterface {
  name = 'VietnameseOrder1764000000000';

  async up(q: QueryRunner): Promise<void> {
    for (const statement of sortKeyFunctionSql()) await q.query(statement);
    await q.query(`
      CREATE INDEX administrative_unit_sort_idx ON administrative_unit (osp_sort_key(name), id);
      CREATE INDEX agency_sort_idx ON agency (osp_sort_key(name), id);
      CREATE INDEX agency_province_sort_idx ON agency (province_id, osp_sort_key(name), id);
      CREATE INDEX one_stop_desk_sort_idx ON one_stop_desk (osp_sort_key(name), id);
      CREATE INDEX one_stop_desk_province_sort_idx ON one_stop_desk (province_id, osp_sort_key(name), id);
      CREATE INDEX post_office_sort_idx ON post_office (osp_sort_key(name), id);
      CREATE INDEX post_office_province_sort_idx ON post_office (province_id, osp_sort_key(name), id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX administrative_unit_sort_idx, agency_sort_idx, agency_province_sort_idx, one_stop_desk_sort_idx,
        one_stop_desk_province_sort_idx, post_office_sort_idx, post_office_province_sort_idx;
      DROP FUNCTION osp_sort_key(text);
      DROP DOMAIN osp_sort_text;
    `);
  }
}
