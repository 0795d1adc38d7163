/**
 * The portals' operations (issue 12, second slice), run word for word from the contract
 * (packages/schema/contract/portal.graphql): a client's token reads the catalogue of its provinces, submits
 * an online dossier with postal pickup (NEW, in the right post office's queue at once, its reference
 * kept, idempotent on its key, concurrent retries making one dossier), reads back its own dossiers by
 * code or reference (anyone else's: null) and polls their changes page by page.
 */
import { contractOperations } from './contract';
import { failure, ok, startTestApp, type GraphQLResult, type TestApp } from './harness';

const ops = contractOperations('portal.graphql');
let t: TestApp;

interface Client {
  id: string;
  name: string;
  token: string;
}
let portal: Client; // Hà Tĩnh, every scope
let other: Client; // Hà Tĩnh, every scope: another portal
let catalogueOnly: Client; // Hà Tĩnh, READ_CATALOGUE only

let counter = 0;
async function newClient(scopes: string[]): Promise<Client> {
  const made = ok(
    await t.gql(
      `mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { clientSecret apiClient { id clientId name } } }`,
      { input: { name: `Cổng thử ${++counter}`, ownerOrganisation: 'Văn phòng UBND tỉnh Hà Tĩnh', contact: { name: 'Kỹ thuật', email: 'kythuat@hatinh.gov.vn' }, scopes } },
      { as: 'hatinh.quantri' },
    ),
  ).createApiClient;
  const { token } = ok(await t.gql(ops.PortalToken, { clientId: made.apiClient.clientId, clientSecret: made.clientSecret }, { as: null })).issueClientToken;
  return { id: made.apiClient.id, name: made.apiClient.name, token };
}

const ALL = ['SUBMIT_DOSSIERS', 'READ_OWN_DOSSIERS', 'READ_CATALOGUE'];
/** A birth registration (commune level, RECEIVE_AND_RETURN) picked up in Kỳ Xuân (18766, Kỳ Bắc merged into it). */
const submission = (extra: Record<string, unknown> = {}) => ({
  idempotencyKey: `key-${++counter}-${Date.now()}`,
  procedureCode: '1.001193',
  externalReference: `DVCQG-${counter}-${Date.now()}`,
  fullName: 'Trần Thị Mai',
  idNumber: '042195001234',
  phone: '0912 345 678',
  pickupAddress: 'Thôn Tân Phong, xã Kỳ Xuân, Hà Tĩnh',
  pickupUnitCode: '18766',
  deliverTo: 'Thôn Tân Phong, xã Kỳ Xuân, Hà Tĩnh',
  ...extra,
});
const submit = (client: Client, variables: Record<string, unknown>, lang = 'vi') => t.gql(ops.SubmitDossier, variables, { token: client.token, lang });
const read = (client: Client, variables: Record<string, unknown>, lang = 'vi') => t.gql(ops.PortalDossier, variables, { token: client.token, lang });
const changes = (client: Client, variables: Record<string, unknown>) => t.gql(ops.PortalDossiersChanged, variables, { token: client.token });
const code = (r: GraphQLResult) => failure(r).extensions.code;
const field = (r: GraphQLResult) => failure(r).extensions.fields?.[0]?.field;
const dossierRow = async (dossierCode: string) => (await t.sql(`SELECT * FROM dossier WHERE code = $1`, [dossierCode]))[0];

beforeAll(async () => {
  t = await startTestApp({ signInAs: 'hatinh.quantri' });
  portal = await newClient(ALL);
  other = await newClient(ALL);
  catalogueOnly = await newClient(['READ_CATALOGUE']);
});
afterAll(() => t.close());

describe('PortalProcedures: the catalogue of the client’s provinces', () => {
  it('lists what a portal may offer, searched without diacritics; another province is an empty page', async () => {
    const page = ok(await t.gql(ops.PortalProcedures, { provinceCode: '42', search: 'khai sinh' }, { token: catalogueOnly.token })).procedures;
    const birth = page.edges.map((e: any) => e.node).find((n: any) => n.code === '1.001193');
    expect(birth).toMatchObject({ name: 'Đăng ký khai sinh', bcciMode: 'RECEIVE_AND_RETURN', field: { code: expect.any(String) }, processingDays: expect.any(Number) });
    const all = ok(await t.gql(ops.PortalProcedures, { provinceCode: '42', first: 100 }, { token: portal.token })).procedures;
    const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM procedure WHERE retired_on IS NULL AND province_id = (SELECT id FROM administrative_unit WHERE code = '42' AND valid_to IS NULL)`);
    expect(all.totalCount).toBe(n);
    // Đồng Nai is not the client's: nothing, as for a Hà Tĩnh clerk naming it.
    expect(ok(await t.gql(ops.PortalProcedures, { provinceCode: '75' }, { token: portal.token })).procedures).toMatchObject({ totalCount: 0, edges: [] });
    expect(ok(await t.gql(ops.PortalProcedures, { provinceCode: '75' }, { as: 'hatinh.quay' })).procedures.totalCount).toBe(0);
    // A code that is no province: BAD_USER_INPUT on provinceCode, as for staff.
    expect(field(await t.gql(ops.PortalProcedures, { provinceCode: '18766' }, { token: portal.token }))).toBe('provinceCode');
  });

  it('needs READ_CATALOGUE; staff read as before', async () => {
    const noCatalogue = await newClient(['SUBMIT_DOSSIERS']);
    expect(code(await t.gql(ops.PortalProcedures, { provinceCode: '42' }, { token: noCatalogue.token }))).toBe('FORBIDDEN');
    expect(code(await t.gql(ops.PortalProcedures, { provinceCode: '42' }, { as: null }))).toBe('UNAUTHENTICATED');
    expect(ok(await t.gql(ops.PortalProcedures, { provinceCode: '42' }, { as: 'hatinh.quay' })).procedures.totalCount).toBeGreaterThan(30);
  });
});

describe('SubmitDossier', () => {
  it('makes a NEW dossier whose pickup is in the post office’s queue at once, with the portal’s reference and the client as actor', async () => {
    const v = submission();
    const answer = ok(await submit(portal, v)).submitDossier.dossier;
    expect(answer).toMatchObject({ externalReference: v.externalReference, status: 'NEW', nationalStatusCode: 1, receivingPostOffice: { code: 'BDVHX-18760', name: 'Bưu điện văn hóa xã Kỳ Bắc' } });
    // The commune's desk (Kỳ Bắc's, which serves Kỳ Xuân since the merger) numbers it.
    expect(answer.code).toMatch(/^000\.01\.17\.H27-\d{6}-\d{4}$/);
    const row = await dossierRow(answer.code);
    expect(row).toMatchObject({ status: 'NEW', channel: 'ONLINE_WITH_POSTAL_PICKUP', portal_reference: v.externalReference, submitted_by_client_id: portal.id, result_delivery: 'BY_POST', delivery_address: v.deliverTo, applicant_national_id: v.idNumber, applicant_phone: '0912345678' });
    const [desk] = await t.sql(`SELECT code FROM one_stop_desk WHERE id = $1`, [row.desk_id]);
    expect(desk.code).toBe('42-UBND-18760-MC');
    // The provincial post office's manager reaches the commune's office: the pickup waits in the queue.
    const queue = ok(await t.gql(`query { pickupQueue(first: 100) { edges { node { status address dossier { code } } } } }`, {}, { as: 'hatinh.buudien' })).pickupQueue.edges.map((e: any) => e.node);
    expect(queue.find((n: any) => n.dossier.code === answer.code)).toEqual({ status: 'TO_CALL', address: v.pickupAddress, dossier: { code: answer.code } });
    // One transaction: the dossier's audit record names the client.
    const trail = await t.sql(`SELECT action, actor_kind, actor_label FROM audit_entry WHERE entity_id = $1`, [row.id]);
    expect(trail).toEqual([{ action: 'dossier.registerOnline', actor_kind: 'client', actor_label: portal.name }]);
  });

  it('routes an address without a commune desk to the provincial centre and the provincial post office; no address for the result: collected at the desk', async () => {
    const v = submission({ pickupUnitCode: '18073', pickupAddress: '12 Trần Phú, phường Thành Sen', deliverTo: null });
    const answer = ok(await submit(portal, v)).submitDossier.dossier;
    expect(answer.receivingPostOffice.code).toBe('BD-42');
    expect(answer.code).toMatch(/^000\.00\.10\.H27-/);
    expect(await dossierRow(answer.code)).toMatchObject({ result_delivery: 'AT_DESK', delivery_address: null });
  });

  it('is idempotent on its key: a retry answers the first dossier, other content is a CONFLICT, concurrent retries make one dossier', async () => {
    const v = submission();
    const first = ok(await submit(portal, v)).submitDossier.dossier;
    const retry = ok(await submit(portal, v)).submitDossier.dossier;
    expect(retry).toEqual(first);
    const changed = await submit(portal, { ...v, phone: '0987 654 321' });
    expect(code(changed)).toBe('CONFLICT');
    expect(field(changed)).toBe('idempotencyKey');
    // The key is the client's: another portal's same key is its own submission.
    expect(ok(await submit(other, v)).submitDossier.dossier.code).not.toBe(first.code);
    // The reference is unique among the client's dossiers.
    const sameReference = await submit(portal, { ...v, idempotencyKey: `${v.idempotencyKey}-again` });
    expect([code(sameReference), field(sameReference)]).toEqual(['CONFLICT', 'externalReference']);

    const w = submission();
    const answers = await Promise.all(Array.from({ length: 5 }, () => submit(portal, w)));
    const codes = answers.map((r) => ok(r).submitDossier.dossier.code);
    expect(new Set(codes).size).toBe(1);
    expect((await t.sql(`SELECT count(*)::int AS n FROM dossier WHERE portal_reference = $1`, [w.externalReference]))[0].n).toBe(1);
    expect((await t.sql(`SELECT count(*)::int AS n FROM portal_submission WHERE idempotency_key = $1`, [w.idempotencyKey]))[0].n).toBe(1);
  });

  it('refuses, naming the field, what the post cannot take in or the client may not send; a refusal keeps nothing', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ procedureCode: '2.000884' }, 'procedureCode'], // NOT_ELIGIBLE
      [{ procedureCode: '1.000894' }, 'procedureCode'], // RETURN_ONLY: the applicant files in person
      [{ procedureCode: '9.999999' }, 'procedureCode'],
      [{ pickupUnitCode: '25390' }, 'pickup.administrativeUnitCode'], // Đồng Nai
      [{ pickupUnitCode: '18760' }, 'pickup.administrativeUnitCode'], // Kỳ Bắc: merged away in 2025
      [{ idNumber: '999999999999' }, 'applicant.idNumber'],
      [{ phone: '12345' }, 'applicant.phone'],
    ];
    for (const [extra, name] of cases) {
      const v = submission(extra);
      const res = await submit(portal, v, 'en');
      expect([code(res), field(res)]).toEqual(['BAD_USER_INPUT', name]);
      expect((await t.sql(`SELECT count(*)::int AS n FROM portal_submission WHERE idempotency_key = $1`, [v.idempotencyKey]))[0].n).toBe(0);
      // The key was not spent: the corrected submission goes through with it.
      if (name === 'applicant.phone') expect(ok(await submit(portal, { ...v, phone: '0912 345 678' })).submitDossier.dossier.status).toBe('NEW');
    }
  });

  it('needs SUBMIT_DOSSIERS; staff and the anonymous cannot submit; staff operations still refuse the client', async () => {
    expect(code(await submit(catalogueOnly, submission()))).toBe('FORBIDDEN');
    expect(code(await t.gql(ops.SubmitDossier, submission(), { as: 'hatinh.quay' }))).toBe('FORBIDDEN');
    expect(code(await t.gql(ops.SubmitDossier, submission(), { as: null }))).toBe('UNAUTHENTICATED');
    // Staff operations are not published operations: refused before they run (the FORBIDDEN beneath, with the
    // allow-list off, is in the scope matrix).
    expect(code(await t.gql(`{ dossiers(first: 1) { totalCount } }`, {}, { token: portal.token }))).toBe('PERSISTED_QUERY_NOT_ALLOWED');
    expect(code(await t.gql(`{ pickupQueue(first: 1) { totalCount } }`, {}, { token: portal.token }))).toBe('PERSISTED_QUERY_NOT_ALLOWED');
  });
});

describe('PortalDossier and PortalDossiersChanged: the client’s own dossiers', () => {
  it('reads one by code or by reference, with its public timeline; another client’s dossier is null', async () => {
    const v = submission();
    const { code: ours } = ok(await submit(portal, v)).submitDossier.dossier;
    const byCode = ok(await read(portal, { code: ours }, 'en')).portalDossier;
    expect(byCode).toEqual({ code: ours, externalReference: v.externalReference, status: 'NEW', nationalStatusCode: 1, dueDate: null, overdue: false, timeline: [{ at: expect.any(String), kind: 'REGISTERED_ONLINE', label: 'Registered online', postalItemNumber: null }] });
    expect(ok(await read(portal, { externalReference: v.externalReference })).portalDossier.timeline[0].label).toBe('Đăng ký trực tuyến');
    expect(ok(await read(portal, { code: ours.toLowerCase(), externalReference: v.externalReference })).portalDossier.code).toBe(ours);
    // Another portal, a staff dossier's code, a wrong pair: null, never FORBIDDEN.
    expect(ok(await read(other, { code: ours })).portalDossier).toBeNull();
    expect(ok(await read(other, { externalReference: v.externalReference })).portalDossier).toBeNull();
    // A dossier received at the counter.
    const [procedure] = await t.sql(`SELECT id FROM procedure WHERE code = '1.001193' AND province_id = (SELECT province_id FROM one_stop_desk WHERE code = '42-TTPVHCC-MC')`);
    const counter = ok(
      await t.gql(
        `mutation($input: ReceiveDossierInput!) { receiveDossier(input: $input) { dossier { code } } }`,
        { input: { procedureId: procedure.id, applicant: { fullName: 'Lê Văn Bình', phone: '0905 111 222' }, components: [{ name: 'Tờ khai đăng ký khai sinh', originals: 1 }] } },
        { as: 'hatinh.quay' },
      ),
    ).receiveDossier.dossier;
    expect(ok(await read(portal, { code: counter.code })).portalDossier).toBeNull();
    expect(ok(await read(portal, { code: ours, externalReference: 'not-ours' })).portalDossier).toBeNull();
    expect(field(await read(portal, {}))).toBe('code');
    expect(code(await read(catalogueOnly, { code: ours }))).toBe('FORBIDDEN');
    expect(code(await t.gql(ops.PortalDossier, { code: ours }, { as: 'hatinh.quantri' }))).toBe('FORBIDDEN');
  });

  it('pages the changes since a moment, oldest first, and a pickup step is a change', async () => {
    const since = (await t.sql(`SELECT now() AS now`))[0].now as Date;
    const made: string[] = [];
    for (let i = 0; i < 3; i++) made.push(ok(await submit(portal, submission())).submitDossier.dossier.code);
    ok(await submit(other, submission()));
    const walk = async (from: Date, after: string | null = null) => {
      const seen: any[] = [];
      let cursor = after;
      for (let i = 0; i < 10; i++) {
        const page = ok(await changes(portal, { since: from.toISOString(), first: 2, after: cursor })).portalDossiersChanged;
        seen.push(...page.edges.map((e: any) => e.node));
        if (page.edges.length) cursor = page.pageInfo.endCursor;
        if (!page.pageInfo.hasNextPage) break;
      }
      return { seen, cursor };
    };
    const { seen, cursor } = await walk(since);
    expect(seen.map((n) => n.code)).toEqual(made);
    expect(seen[0]).toMatchObject({ status: 'NEW', nationalStatusCode: 1, externalReference: expect.any(String), updatedAt: expect.any(String) });
    // Nothing new since the last cursor…
    expect(ok(await changes(portal, { since: since.toISOString(), after: cursor })).portalDossiersChanged.edges).toEqual([]);
    // …until the post office schedules the first one's pickup.
    const queue = ok(await t.gql(`query { pickupQueue(first: 100) { edges { node { id version dossier { code } } } } }`, {}, { as: 'hatinh.buudien' })).pickupQueue.edges.map((e: any) => e.node);
    const pickup = queue.find((n: any) => n.dossier.code === made[0]);
    ok(
      await t.gql(
        `mutation($input: SchedulePickupInput!) { schedulePickup(input: $input) { pickup { id } } }`,
        { input: { id: pickup.id, version: pickup.version, windowFrom: new Date(Date.now() + 2 * 3600_000).toISOString(), windowTo: new Date(Date.now() + 4 * 3600_000).toISOString() } },
        { as: 'hatinh.buudien' },
      ),
    );
    const next = await walk(since, cursor);
    expect(next.seen.map((n) => n.code)).toEqual([made[0]]);
    const timeline = ok(await read(portal, { code: made[0] }, 'en')).portalDossier.timeline.map((e: any) => e.kind);
    expect(timeline).toEqual(['REGISTERED_ONLINE', 'PICKUP_SCHEDULED']);
    // Another client's changes are not in the page; a cursor that is not ours is refused.
    expect(ok(await changes(other, { since: since.toISOString(), first: 100 })).portalDossiersChanged.edges).toHaveLength(1);
    expect(field(await changes(portal, { since: since.toISOString(), after: 'bm90IGEgY3Vyc29y' }))).toBe('after');
    expect(code(await changes(catalogueOnly, { since: since.toISOString() }))).toBe('FORBIDDEN');
  });
});
