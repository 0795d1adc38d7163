import { ok, startTestApp, type TestApp } from './harness';
let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(() => t.close());
it('x', async () => {
  const q = `query($s: String) { postOffices(first: 100, filter: { search: $s }) { edges { node { code name } } } }`;
  for (const s of ['buu dien van hoa', 'Bưu điện văn hoá', 'Bưu điện văn hóa'.normalize('NFD'), 'BƯU ĐIỆN VĂN HÓA XÃ KỲ BẮC'])
    console.log(s, JSON.stringify((await t.gql(q, { s })).data));
  console.log(JSON.stringify(await t.gql(`{ agency(id: "nope") { id } }`)));
  console.log(JSON.stringify(await t.gql(`{ agency(id: "00000000-0000-4000-8000-000000000000") { id } }`)));
  console.log(JSON.stringify(await t.gql(`{ oneStopDesks(filter: {agencyId: "nope"}) { totalCount } }`)));
  console.log(JSON.stringify(await t.gql(`mutation { renameAgency(input: {id: "nope", name: "x"}) { agency { id } } }`)));
  console.log(JSON.stringify(await t.gql(`mutation { renameAgency(input: {id: "00000000-0000-4000-8000-000000000000", name: "x"}) { agency { id } } }`)));
  console.log(JSON.stringify(await t.gql(`{ agencies(first: 101) { totalCount } }`)));
  console.log(JSON.stringify(await t.gql(`{ postOffices(first: 100, filter: {includeRetired: true}) { edges { node { code kind retiredOn province { code } administrativeUnit { code inForce } parent { code } } } } }`)));
  console.log(JSON.stringify(await t.gql(`{ agencies(first: 100, filter: {provinceCode: "42"}) { edges { node { code kind name administrativeUnit { code inForce } } } } }`)));
});
