import type { TestApp } from './harness';

export interface AuditRow {
  action: string;
  entityType: string;
  entityId: string;
  actorKind: string;
  actorLabel: string;
  requestId: string | null;
  before: Record<string, any> | null;
  after: Record<string, any> | null;
}

/** Runs a request and returns the audit entries written while it ran. */
export async function audited<T>(t: TestApp, run: () => Promise<T>): Promise<{ result: T; entries: AuditRow[] }> {
  const seen = (await t.sql<{ id: string }>('SELECT id FROM audit_entry')).map((r) => r.id);
  const result = await run();
  const entries = await t.sql<AuditRow>(
    `SELECT action, entity_type AS "entityType", entity_id AS "entityId", actor_kind AS "actorKind", actor_label AS "actorLabel", request_id AS "requestId", before, after
       FROM audit_entry WHERE NOT (id = ANY($1::uuid[]))`,
    [seen],
  );
  return { result, entries };
}

/** A fingerprint of every organisation table and the audit trail: equal before and after = nothing changed. */
export async function databaseState(t: TestApp): Promise<Record<string, string>> {
  const state: Record<string, string> = {};
  for (const table of ['administrative_unit', 'agency', 'one_stop_desk', 'post_office', 'audit_entry']) {
    const [row] = await t.sql(`SELECT count(*)::int AS n, coalesce(md5(string_agg(x::text, '|' ORDER BY x.id)), '') AS h FROM ${table} x`);
    state[table] = `${row.n}:${row.h}`;
  }
  return state;
}
