import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every postal employee a personnel handover deploys is a record of the staff register (issue 10):
 * each name-only entry of `personnel_handover.deployed` gets a staff row (employed by the site's post
 * office, else the province's post office; at home at the site's desk) and its `staffId`; the people of
 * handovers in effect are deployed to the site's desk from the day it took effect. No entry is lost:
 * an entry of a province without any post office keeps its name alone. The demo seed runs the same
 * statement after loading its handovers (seed/roster-seed.ts).
 */
export const LINK_DEPLOYED_STAFF_SQL = `
  CREATE TEMP TABLE deployed_entry AS
    SELECT h.id AS handover_id, e.ord, e.value AS entry, gen_random_uuid() AS staff_id, h.province_id, h.status, h.effective_on,
           s.one_stop_desk_id AS desk_id,
           coalesce(s.post_office_id, (SELECT p.id FROM post_office p WHERE p.province_id = h.province_id AND p.kind = 'PROVINCIAL' ORDER BY p.code LIMIT 1)) AS post_office_id
      FROM personnel_handover h JOIN pilot_site s ON s.id = h.site_id,
           jsonb_array_elements(h.deployed) WITH ORDINALITY e(value, ord)
     WHERE coalesce(e.value->>'staffId', '') = '';
  DELETE FROM deployed_entry WHERE post_office_id IS NULL;
  INSERT INTO staff (id, full_name, post_office_id, home_desk_id, province_id)
    SELECT staff_id, entry->>'fullName', post_office_id, desk_id, province_id FROM deployed_entry;
  INSERT INTO staff_assignment (staff_id, desk_id, starts_on, province_id)
    SELECT staff_id, desk_id, effective_on, province_id FROM deployed_entry WHERE status = 'EFFECTIVE' AND effective_on IS NOT NULL;
  UPDATE personnel_handover h
     SET deployed = (SELECT jsonb_agg(CASE WHEN d.staff_id IS NULL THEN e.value ELSE e.value || jsonb_build_object('staffId', d.staff_id) END ORDER BY e.ord)
                       FROM jsonb_array_elements(h.deployed) WITH ORDINALITY e(value, ord)
                       LEFT JOIN deployed_entry d ON d.handover_id = h.id AND d.ord = e.ord)
   WHERE h.id IN (SELECT handover_id FROM deployed_entry);
  DROP TABLE deployed_entry;
`;

export class DeployedStaff1764200000000 implements MigrationInterface {
  name = 'DeployedStaff1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(LINK_DEPLOYED_STAFF_SQL);
  }

  async down(q: QueryRunner): Promise<void> {
    // The staff rows stay (people are kept); the handovers forget the link.
    await q.query(`UPDATE personnel_handover h SET deployed = (SELECT coalesce(jsonb_agg(e.value - 'staffId' ORDER BY e.ord), '[]'::jsonb) FROM jsonb_array_elements(h.deployed) WITH ORDINALITY e(value, ord))`);
  }
}
