import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The procedure field "Thông tin và Truyền thông" (publishing, printing, press, telecoms), which the
 * first list lacked: the provincial Department of Information and Communications decides its
 * procedures, and it is one of Hà Tĩnh's pilot departments.
 */
export class InformationField1764560000000 implements MigrationInterface {
  name = 'InformationField1764560000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`INSERT INTO procedure_field (code, name) VALUES ('THONG_TIN_TRUYEN_THONG', 'Thông tin và Truyền thông') ON CONFLICT (code) DO NOTHING`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM procedure_field WHERE code = 'THONG_TIN_TRUYEN_THONG' AND NOT EXISTS (SELECT 1 FROM procedure p WHERE p.field_id = procedure_field.id)`);
  }
}
