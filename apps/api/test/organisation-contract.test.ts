/**
 * The operations portals are built against (../shared/contract/organisation.graphql), run as they
 * are written, checked against what their comments promise.
 */
import { contractOperations } from './contract';
import { ok, startTestApp, type TestApp } from './harness';

const ops = contractOperations('organisation.graphql');
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ signInAs: 'admin' });
});
afterAll(() => t.close());

describe('UnitsByName: search ignores case and Vietnamese diacritics', () => {
  it.each([
    ['ky bac', '2019-06-01', 'Xã Kỳ Bắc'],
    ['KỲ BẮC', '2019-06-01', 'Xã Kỳ Bắc'],
    ['ha tinh', undefined, 'Tỉnh Hà Tĩnh'],
    ['duc lieu', '2019-06-01', 'Xã Đức Liễu'],
    ['dong nai', undefined, 'Tỉnh Đồng Nai'],
  ])('"%s" (as of %s) finds %s', async (search, asOf, expected) => {
    const data = ok(await t.gql(ops.UnitsByName, { search, asOf }));
    const names = data.administrativeUnits.edges.map((e: any) => e.node.name);
    expect(names).toContain(expected);
  });

  it('answers with the unit in force on the day asked for, its parent and its successor', async () => {
    const before = ok(await t.gql(ops.UnitsByName, { search: 'ky bac', asOf: '2019-06-01' }));
    const kyBac = before.administrativeUnits.edges.find((e: any) => e.node.name === 'Xã Kỳ Bắc').node;
    expect(kyBac).toMatchObject({ code: '18760', level: 'COMMUNE', validTo: '2025-06-30', parent: { name: 'Huyện Kỳ Anh' }, successor: { name: 'Xã Kỳ Xuân' } });

    // After the 2025 reform Kỳ Bắc is no longer in force: a search today does not offer it.
    const today = ok(await t.gql(ops.UnitsByName, { search: 'ky bac' }));
    expect(today.administrativeUnits.edges.map((e: any) => e.node.name)).not.toContain('Xã Kỳ Bắc');
  });

  it('pages with first/after until hasNextPage is false, without repeating a unit', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 50; page++) {
      const data: any = ok(await t.gql(ops.UnitsByName, { search: 'xa', asOf: '2019-06-01', first: 7, after }));
      total = data.administrativeUnits.totalCount;
      seen.push(...data.administrativeUnits.edges.map((e: any) => e.node.id));
      if (!data.administrativeUnits.pageInfo.hasNextPage) break;
      after = data.administrativeUnits.pageInfo.endCursor;
    }
    expect(total).toBeGreaterThan(14);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });
});

describe('UnitChildren: the children of a unit in force on a date', () => {
  it('shows Bình Phước with its districts in 2019', async () => {
    const data = ok(await t.gql(ops.UnitChildren, { code: '70', asOf: '2019-01-01' }));
    expect(data.administrativeUnit).toMatchObject({ code: '70', name: 'Tỉnh Bình Phước', level: 'PROVINCE' });
    const children = data.administrativeUnit.children.edges.map((e: any) => e.node);
    expect(children.every((c: any) => c.level === 'DISTRICT')).toBe(true);
    expect(children.map((c: any) => c.name)).toEqual(expect.arrayContaining(['Huyện Bù Đốp', 'Huyện Đồng Phú', 'Huyện Bù Đăng', 'Thị xã Bình Long']));
  });

  it('shows Đồng Nai in 2026 with communes directly under it and no district level', async () => {
    const data = ok(await t.gql(ops.UnitChildren, { code: '75', asOf: '2026-01-01' }));
    const children = data.administrativeUnit.children.edges.map((e: any) => e.node);
    expect(children.length).toBeGreaterThan(0);
    expect(children.every((c: any) => c.level === 'COMMUNE')).toBe(true);
    // The communes that took over Bình Phước's pilot communes are now Đồng Nai's.
    expect(children.map((c: any) => c.name)).toEqual(expect.arrayContaining(['Xã Đồng Tâm', 'Phường An Lộc', 'Xã Nghĩa Trung']));
  });

  it('shows Hà Tĩnh in 2019 with its 13 district-level units and in 2026 with its 69 communes and wards', async () => {
    const y2019 = ok(await t.gql(ops.UnitChildren, { code: '42', asOf: '2019-01-01' }));
    expect(y2019.administrativeUnit.children.totalCount).toBe(13);
    const y2026 = ok(await t.gql(ops.UnitChildren, { code: '42', asOf: '2026-01-01' }));
    expect(y2026.administrativeUnit.children.totalCount).toBe(69);
    expect(y2026.administrativeUnit.children.edges.every((e: any) => e.node.level === 'COMMUNE')).toBe(true);
  });
});

describe('DesksOfProvince: every one-stop desk of a province', () => {
  it('lists Hà Tĩnh’s desks at every level and paginates with after', async () => {
    const first = ok(await t.gql(ops.DesksOfProvince, { provinceCode: '42', first: 8 }));
    const total = first.oneStopDesks.totalCount;
    expect(total).toBe(20);
    const levels = new Set<string>();
    const ids: string[] = [];
    let page: any = first;
    for (;;) {
      for (const { node } of page.oneStopDesks.edges) {
        levels.add(node.level);
        ids.push(node.id);
        expect(node.agency.name).toBeTruthy();
        expect(node.administrativeUnit.code).toBeTruthy();
      }
      if (!page.oneStopDesks.pageInfo.hasNextPage) break;
      page = ok(await t.gql(ops.DesksOfProvince, { provinceCode: '42', first: 8, after: page.oneStopDesks.pageInfo.endCursor }));
    }
    expect(new Set(ids).size).toBe(total);
    expect([...levels].sort()).toEqual(['COMMUNE', 'DISTRICT', 'PROVINCE']);
  });

  it('filters by level: the nine pilot departments and the provincial centre are PROVINCE desks', async () => {
    const data = ok(await t.gql(ops.DesksOfProvince, { provinceCode: '42', level: 'PROVINCE' }));
    expect(data.oneStopDesks.totalCount).toBe(10);
    expect(data.oneStopDesks.edges.map((e: any) => e.node.agency.kind)).toEqual(expect.arrayContaining(['PROVINCIAL_DEPARTMENT', 'PUBLIC_ADMINISTRATION_CENTRE']));
  });

  it('a desk recorded under Bình Phước rolls up to Đồng Nai after the merge, and still answers to Bình Phước', async () => {
    const dongNai = ok(await t.gql(ops.DesksOfProvince, { provinceCode: '75' }));
    const binhPhuoc = ok(await t.gql(ops.DesksOfProvince, { provinceCode: '70' }));
    const names = (d: any) => d.oneStopDesks.edges.map((e: any) => e.node.name).sort();
    expect(names(dongNai)).toContain('Bộ phận Tiếp nhận và Trả kết quả huyện Bù Đốp');
    expect(names(dongNai)).toEqual(names(binhPhuoc));
  });
});

describe('PostOfficesOfProvince: the postal network of a province', () => {
  it('finds the commune cultural post office of Kỳ Bắc', async () => {
    const data = ok(await t.gql(ops.PostOfficesOfProvince, { provinceCode: '42', kind: 'COMMUNE_CULTURAL' }));
    expect(data.postOffices.edges.map((e: any) => e.node)).toEqual([
      expect.objectContaining({ name: 'Bưu điện văn hóa xã Kỳ Bắc', kind: 'COMMUNE_CULTURAL', administrativeUnit: { code: '18760', name: 'Xã Kỳ Bắc' } }),
    ]);
  });

  it('lists the provincial and the district post offices of Hà Tĩnh', async () => {
    const data = ok(await t.gql(ops.PostOfficesOfProvince, { provinceCode: '42' }));
    const kinds = data.postOffices.edges.map((e: any) => e.node.kind);
    expect(kinds.filter((k: string) => k === 'PROVINCIAL')).toHaveLength(1);
    expect(kinds.filter((k: string) => k === 'DISTRICT')).toHaveLength(9);
  });
});
