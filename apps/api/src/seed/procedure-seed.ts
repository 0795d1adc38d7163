import { randomUUID } from 'node:crypto';
import * as reference from '@osp/reference-data';
import type { EntityManager } from 'typeorm';
import { Procedure, ProcedureComponent, ProcedureLevel, OnlineLevel, BcciMode, ProcessingTimeUnit } from '../modules/procedures/procedure.entity';

/**
 * Identifier codes (mã định danh điện tử, Circular 10/2016/TT-BTTTT: V1V2V3.Z1Z2.Y1Y2.H..) for the
 * demo agencies: a provincial department, the public administration centre or a district people's
 * committee fills Y1Y2 (01, 02, … by agency code), a commune people's committee fills Z1Z2 under its
 * district's Y1Y2 (99 when the district has no agency here). Hà Tĩnh's province letter code H27 is real (its provincial people's committee is
 * 000.00.00.H27, Decision 2803/QĐ-UBND of 28/9/2017); every other code here is ILLUSTRATIVE (H followed by
 * the province's statistical code), and so are the Y1Y2/Z1Z2 numbers. Desks take their agency's code.
 */
export const SEED_IDENTIFIER_CODES_SQL = `
  WITH a AS (
    SELECT ag.id, ag.code, ag.kind, ag.province_id, u.parent_id, ag.administrative_unit_id,
           CASE WHEN p.code = '42' THEN 'H27' ELSE 'H' || p.code END AS h
      FROM agency ag JOIN administrative_unit u ON u.id = ag.administrative_unit_id JOIN administrative_unit p ON p.id = ag.province_id
  ), top AS (
    SELECT a.*, row_number() OVER (PARTITION BY province_id ORDER BY code) AS y FROM a WHERE kind <> 'COMMUNE_PEOPLES_COMMITTEE'
  ), commune_y AS (
    SELECT a.*, coalesce((SELECT t.y FROM top t WHERE t.administrative_unit_id = a.parent_id AND t.kind = 'DISTRICT_PEOPLES_COMMITTEE' LIMIT 1), 99) AS y
      FROM a WHERE kind = 'COMMUNE_PEOPLES_COMMITTEE'
  ), commune AS (
    SELECT c.*, row_number() OVER (PARTITION BY province_id, y ORDER BY code) AS z FROM commune_y c
  ), coded AS (
    SELECT id, '000.00.' || lpad(y::text, 2, '0') || '.' || h AS identifier FROM top
    UNION ALL SELECT id, '000.' || lpad(z::text, 2, '0') || '.' || lpad(y::text, 2, '0') || '.' || h FROM commune
  )
  UPDATE agency SET identifier_code = coded.identifier FROM coded WHERE agency.id = coded.id AND agency.identifier_code IS NULL`;

/**
 * The sample catalogue of packages/reference-data (procedures.ts) for every province with demo desks.
 * A province-level procedure is decided by the department of its field where the province has one
 * (Hà Tĩnh's pilot departments: education, labour, industry and trade, information and communications);
 * otherwise the agency of the receiving desk decides.
 */
export async function loadProcedureCatalogue(m: EntityManager): Promise<{ procedures: number }> {
  await m.query(SEED_IDENTIFIER_CODES_SQL);
  const provinces: Array<{ province_id: string }> = await m.query('SELECT DISTINCT province_id FROM one_stop_desk ORDER BY province_id');
  const fields = new Map<string, string>((await m.query('SELECT id, code FROM procedure_field')).map((f: { id: string; code: string }) => [f.code, f.id]));
  const procedures: Array<Partial<Procedure>> = [];
  const components: Array<Partial<ProcedureComponent>> = [];
  for (const { province_id: provinceId } of provinces) {
    for (const p of reference.procedureCatalogue) {
      const fieldId = fields.get(p.field);
      if (!fieldId) throw new Error(`procedure seed: no field ${p.field}`);
      const id = randomUUID();
      procedures.push({
        id,
        provinceId,
        code: p.code,
        name: p.name,
        fieldId,
        level: p.level as ProcedureLevel,
        agencyId: null,
        procedureFee: p.procedureFee,
        postalFee: p.postalFee,
        processingTime: p.processingTime,
        processingUnit: p.processingUnit as ProcessingTimeUnit,
        onlineLevel: p.onlineLevel as OnlineLevel,
        bcciMode: p.bcciMode as BcciMode,
        legalBasis: 'Danh mục minh họa theo mẫu Quyết định 591/QĐ-UBND ngày 03/5/2017 của UBND tỉnh Bắc Kạn (dữ liệu mẫu)',
        retiredOn: null,
        version: 1,
      });
      p.components.forEach((line, i) => components.push({ ...reference.parseComponent(line), procedureId: id, position: i + 1 }));
    }
  }
  // A statement for all: the demo seed runs at every first start and in every test database.
  if (procedures.length) await m.getRepository(Procedure).insert(procedures);
  if (components.length) await m.getRepository(ProcedureComponent).insert(components);
  // A province-level procedure is decided by the department of its field, where the province has one.
  await m.query(`
    UPDATE procedure p SET agency_id = a.id
      FROM procedure_field f, (VALUES ('GIAO_DUC', 'SGDDT'), ('LAO_DONG_TBXH', 'SLDTBXH'), ('CONG_THUONG', 'SCT'), ('THONG_TIN_TRUYEN_THONG', 'STTTT')) AS map(field, department), agency a
     WHERE f.id = p.field_id AND f.code = map.field AND p.level = 'PROVINCE' AND p.agency_id IS NULL
       AND a.province_id = p.province_id AND a.kind = 'PROVINCIAL_DEPARTMENT' AND a.code LIKE '%-' || map.department`);
  const count = procedures.length;
  return { procedures: count };
}
