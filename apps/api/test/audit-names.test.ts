/**
 * The audit trail as an official reads it: sign-ins and sign-outs left out on request (in SQL, so
 * pages stay full), the records an entry names by id answered with their names in one batched read,
 * within the reader's province, and the demo seed told apart from people.
 */
import { randomUUID } from 'node:crypto';
import { ok, startTestApp, type TestApp } from './harness';

let t: TestApp;

const TRAIL = `query($first: Int!, $filter: AuditEntryFilter) {
  auditEntries(first: $first, filter: $filter) {
    totalCount
    edges { node { id action entityType entityId entityName actorKind actorLabel actorName references { id entityType name } } }
  }
}`;
const RENAME_DESK = 'mutation($input: RenameOneStopDeskInput!) { renameOneStopDesk(input: $input) { oneStopDesk { id name } } }';

interface Desk {
  id: string;
  name: string;
  agency_id: string;
  administrative_unit_id: string;
  province_id: string;
}

const trail = async (as: string, filter: Record<string, unknown> | null, first = 100) =>
  ok(await t.gql(TRAIL, { first, filter }, { as })).auditEntries as {
    totalCount: number;
    edges: Array<{ node: { id: string; action: string; entityType: string; entityId: string; entityName: string | null; actorKind: string; actorLabel: string; actorName: string | null; references: Array<{ id: string; entityType: string; name: string }> } }>;
  };

const nameOf = async (table: string, id: string) => (await t.sql(`SELECT name FROM ${table} WHERE id = $1`, [id]))[0].name as string;

async function deskOf(codePrefix: string): Promise<Desk> {
  const [desk] = await t.sql<Desk>(`SELECT id, name, agency_id, administrative_unit_id, province_id FROM one_stop_desk WHERE code LIKE $1 ORDER BY code LIMIT 1`, [`${codePrefix}%`]);
  return desk;
}

/** An entry written straight to the table (inserts are allowed; the trail is append-only). */
async function insertEntry(entry: { entityType: string; entityId: string; provinceId: string; actorKind?: string; actorLabel?: string; after?: object; action?: string }) {
  const [row] = await t.sql<{ id: string }>(
    `INSERT INTO audit_entry (action, entity_type, entity_id, actor_kind, actor_id, actor_label, before, after, province_id)
     VALUES ($1, $2, $3, $4, NULL, $5, NULL, $6, $7) RETURNING id`,
    [entry.action ?? 'test.create', entry.entityType, entry.entityId, entry.actorKind ?? 'system', entry.actorLabel ?? 'system', JSON.stringify(entry.after ?? {}), entry.provinceId],
  );
  return row.id;
}

beforeAll(async () => {
  t = await startTestApp();
});

afterAll(async () => {
  await t?.close();
});

describe('sign-ins and sign-outs', () => {
  it('are left out with includeSignIns: false, in SQL (full pages, true total), and shown by default or when asked for by action', async () => {
    const desk = await deskOf('42-');
    ok(await t.gql(RENAME_DESK, { input: { id: desk.id, name: `${desk.name} (đổi)` } }, { as: 'hatinh.bcd' }));
    await t.signIn('hatinh.quay');
    await t.signIn('hatinh.quay');

    const all = await trail('admin', null);
    expect(all.edges.some((e) => e.node.action === 'user.signIn')).toBe(true);

    const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM audit_entry WHERE action NOT IN ('user.signIn', 'user.signOut')`);
    const quiet = await trail('admin', { includeSignIns: false }, 1);
    expect(quiet.totalCount).toBe(n);
    expect(quiet.edges).toHaveLength(1);
    const firstPage = await trail('admin', { includeSignIns: false });
    expect(firstPage.edges.map((e) => e.node.action)).not.toEqual(expect.arrayContaining(['user.signIn']));
    expect(firstPage.edges.every((e) => !['user.signIn', 'user.signOut'].includes(e.node.action))).toBe(true);

    const asked = await trail('admin', { includeSignIns: false, action: 'user.signIn' });
    expect(asked.totalCount).toBeGreaterThanOrEqual(2);
    expect(asked.edges.every((e) => e.node.action === 'user.signIn')).toBe(true);
  });
});

describe('names of the records an entry names by id', () => {
  it('answers the record, its agency, unit and province with their names, and the actor with their display name', async () => {
    const desk = await deskOf('42-');
    const renamed = `${desk.name} (tên mới)`;
    ok(await t.gql(RENAME_DESK, { input: { id: desk.id, name: renamed } }, { as: 'hatinh.bcd' }));

    const [entry] = (await trail('hatinh.bcd', { entityId: desk.id, action: 'oneStopDesk.rename' }, 1)).edges.map((e) => e.node);
    expect(entry).toMatchObject({ entityType: 'OneStopDesk', entityName: renamed, actorKind: 'USER', actorLabel: 'hatinh.bcd', actorName: 'Ban Chỉ đạo Đề án tỉnh Hà Tĩnh' });
    const byId = new Map(entry.references.map((r) => [r.id, r]));
    expect(byId.get(desk.id)).toEqual({ id: desk.id, entityType: 'OneStopDesk', name: renamed });
    expect(byId.get(desk.agency_id)).toEqual({ id: desk.agency_id, entityType: 'Agency', name: await nameOf('agency', desk.agency_id) });
    expect(byId.get(desk.administrative_unit_id)).toMatchObject({ entityType: 'AdministrativeUnit', name: await nameOf('administrative_unit', desk.administrative_unit_id) });
    expect(byId.get(desk.province_id)).toMatchObject({ entityType: 'AdministrativeUnit', name: await nameOf('administrative_unit', desk.province_id) });
  });

  it('leaves out records of another province than the reader’s, and names them for a national reader', async () => {
    const hatinh = await deskOf('42-');
    const [dongnai] = await t.sql<Desk>(`SELECT id, name, agency_id, administrative_unit_id, province_id FROM one_stop_desk WHERE province_id <> $1 ORDER BY code LIMIT 1`, [hatinh.province_id]);
    expect(dongnai.province_id).not.toBe(hatinh.province_id);
    const id = await insertEntry({ entityType: 'OneStopDesk', entityId: hatinh.id, provinceId: hatinh.province_id, after: { id: hatinh.id, agencyId: dongnai.agency_id, oneStopDeskId: dongnai.id } });

    const seenBy = async (who: string) => (await trail(who, { entityId: hatinh.id })).edges.find((e) => e.node.id === id)!.node;
    const provincial = await seenBy('hatinh.bcd');
    expect(provincial.entityName).toBe(await nameOf('one_stop_desk', hatinh.id));
    expect(provincial.references.map((r) => r.id)).toEqual([hatinh.id]);

    const national = await seenBy('admin');
    expect(national.references.map((r) => [r.entityType, r.id])).toEqual([
      ['OneStopDesk', hatinh.id],
      ['Agency', dongnai.agency_id],
      ['OneStopDesk', dongnai.id],
    ]);
    // Đồng Nai's reader does not see the Hà Tĩnh entry at all.
    expect((await trail('dongnai.bcd', { entityId: hatinh.id })).totalCount).toBe(0);
  });

  it('a record that is gone, or an id of no known type, has no name (never an error)', async () => {
    const desk = await deskOf('42-');
    const id = await insertEntry({ entityType: 'OneStopDesk', entityId: randomUUID(), provinceId: desk.province_id, after: { agencyId: randomUUID(), note: desk.id, unknownId: desk.id } });
    const node = (await trail('admin', { action: 'test.create' })).edges.find((e) => e.node.id === id)!.node;
    expect(node.entityName).toBeNull();
    expect(node.references).toEqual([]);
  });

  it('costs the same statements for a page of 5 and of 50 entries (one batched read of names)', async () => {
    const desks = await t.sql<Desk>(`SELECT id, name, agency_id, administrative_unit_id, province_id FROM one_stop_desk ORDER BY code`);
    for (let i = 0; i < 55; i += 1) {
      const desk = desks[i % desks.length];
      await insertEntry({ entityType: 'OneStopDesk', entityId: desk.id, provinceId: desk.province_id, action: 'test.bulk', after: { id: desk.id, agencyId: desk.agency_id, provinceId: desk.province_id } });
    }
    const counts: Record<number, number> = {};
    for (const first of [5, 50]) {
      const res = await t.gql(TRAIL, { first, filter: { action: 'test.bulk' } }, { as: 'admin' });
      const page = ok(res).auditEntries;
      expect(page.edges).toHaveLength(first);
      expect(page.edges.every((e: any) => e.node.entityName && e.node.references.length === 3)).toBe(true);
      counts[first] = Number(res.headers['x-sql-statements']);
    }
    expect(counts[50]).toBe(counts[5]);
  });
});

describe('the demo seed', () => {
  it('is a system actor of its own kind, not a person', async () => {
    const desk = await deskOf('42-');
    const seeded = await insertEntry({ entityType: 'OneStopDesk', entityId: desk.id, provinceId: desk.province_id, actorKind: 'system', actorLabel: 'seed', action: 'test.seed' });
    const system = await insertEntry({ entityType: 'OneStopDesk', entityId: desk.id, provinceId: desk.province_id, actorKind: 'system', actorLabel: 'system', action: 'test.seed' });
    const nodes = (await trail('admin', { action: 'test.seed' })).edges.map((e) => e.node);
    expect(nodes.find((n) => n.id === seeded)).toMatchObject({ actorKind: 'DEMO_SEED', actorName: null });
    expect(nodes.find((n) => n.id === system)).toMatchObject({ actorKind: 'SYSTEM', actorName: null });
  });
});
