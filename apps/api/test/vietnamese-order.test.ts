/**
 * Vietnamese alphabetical order in SQL, on the embedded database and on PostgreSQL alike: the
 * database's `osp_sort_key` is exactly the TypeScript key, and every name-sorted list pages through
 * its keyset cursors in that order.
 */
import { compareVietnamese, vietnameseSortKey } from '../src/platform/vietnamese-order';
import { ok, startTestApp, type TestApp } from './harness';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ signInAs: 'admin' });
});
afterAll(() => t.close());

/** Every node of a list, page by page through the cursors (small pages, so cursors cross many names). */
async function walk(field: string, args: string, nodeFields = 'id name'): Promise<Array<{ id: string; name: string }>> {
  const nodes: Array<{ id: string; name: string }> = [];
  let after: string | null = null;
  do {
    const page: any = ok(
      await t.gql(`query($after: String) { ${field}(first: 7, after: $after, sort: NAME_ASC${args}) { edges { node { ${nodeFields} } } pageInfo { hasNextPage endCursor } } }`, { after }),
    )[field];
    nodes.push(...page.edges.map((e: any) => e.node));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return nodes;
}

const inVietnameseOrder = (nodes: Array<{ name: string }>) => [...nodes].sort((a, b) => compareVietnamese(a.name, b.name)).map((n) => n.name);

describe('Vietnamese order in SQL', () => {
  it('computes in the database exactly the key the TypeScript rule computes', async () => {
    const names = (await t.sql<{ name: string }>('SELECT name FROM administrative_unit UNION SELECT name FROM one_stop_desk UNION SELECT name FROM agency')).map((r) => r.name);
    names.push('Đồng Nai', 'ĐỒNG NAI', 'Bắc Kạn', 'mạ má mã mả mà ma', 'Ưu Đàm [thử] _ ` ^ \\ x', 'Quầy số 12 (tạm)', 'Ỷ Lan – Ỹ Ỵ');
    expect(names.length).toBeGreaterThan(50);
    const rows = await t.sql<{ name: string; key: string }>('SELECT n AS name, osp_sort_key(n) AS key FROM unnest($1::text[]) AS n', [names]);
    for (const row of rows) expect([row.name, row.key]).toEqual([row.name, vietnameseSortKey(row.name)]);
    // And the database compares the keys as TypeScript does, byte by byte, whatever its collation.
    const ordered = (await t.sql<{ name: string }>('SELECT n AS name FROM unnest($1::text[]) AS n ORDER BY osp_sort_key(n)', [names])).map((r) => r.name);
    expect(ordered).toEqual([...names].sort(compareVietnamese));
  });

  it('pages provinces in Vietnamese order: Bắc Kạn before Bình Thuận, Đồng Nai after Điện Biên and before Gia Lai', async () => {
    const provinces = await walk('administrativeUnits', ', filter: { level: PROVINCE, includeNotInForce: true }');
    const names = provinces.map((p) => p.name);
    expect(names).toEqual(inVietnameseOrder(provinces));
    expect(new Set(provinces.map((p) => p.id)).size).toBe(provinces.length);
    const at = (name: string) => names.findIndex((n) => n.endsWith(name));
    for (const [before, after] of [['Bắc Kạn', 'Bình Thuận'], ['Điện Biên', 'Đồng Nai'], ['Đồng Nai', 'Gia Lai']]) {
      if (at(before) >= 0 && at(after) >= 0) expect(at(before)).toBeLessThan(at(after));
    }
    expect(at('Đồng Nai')).toBeGreaterThanOrEqual(0);
  });

  it('pages desks, post offices and agencies by name in Vietnamese order', async () => {
    for (const field of ['oneStopDesks', 'postOffices', 'agencies']) {
      const nodes = await walk(field, '');
      expect(nodes.length).toBeGreaterThan(3);
      expect([field, nodes.map((n) => n.name)]).toEqual([field, inVietnameseOrder(nodes)]);
    }
  });
});
