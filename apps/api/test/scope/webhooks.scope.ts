/**
 * The scope matrix of webhooks (run by test/scope.test.ts): endpoints, the delivery log and replays.
 *
 * Kept as the client is kept: its province's administrators (a client of several provinces is written
 * by a national administrator only: FORBIDDEN to a province's), another province's client is NOT_FOUND
 * to writes and nothing to reads; every other role is FORBIDDEN. A portal's client (`portal`, scope
 * READ_OWN_DOSSIERS) reads and changes its own only: another client's endpoint is NOT_FOUND. A refused
 * write changes nothing.
 *
 * Clients are made by the national administrator; endpoints are written straight to the table (a client
 * has at most 10, the matrix needs more), each write its own.
 */
import { ok, type TestApp } from '../harness';
import { BOTH, HT, notKeepers, writeRows as clientWriteRows } from './api-clients.scope';
import { type Row, type Scenario, type Scenarios, type ScopeContext } from './matrix';

const OWN = 'the portal’s own';
const PORTALS = 'the portal client’s deliveries';

/** A write of one endpoint: kept as its client is (api-clients.scope.ts), and by the portal for its own. */
const writeRows = (op: string): Row[] => [...clientWriteRows(op), [op, 'portal', 'ALLOWED', OWN], [op, 'portal', 'NOT_FOUND', HT]];

// prettier-ignore
export const WEBHOOK_ROWS: Row[] = [
  ['webhookEndpoints', 'anonymous', 'UNAUTHENTICATED', HT],
  ['webhookEndpoints', 'revoked', 'UNAUTHENTICATED', HT],
  ['webhookEndpoints', 'admin', 'ALLOWED', HT],
  ['webhookEndpoints', 'hatinh.quantri', 'ALLOWED', HT],
  ['webhookEndpoints', 'portal', 'ALLOWED', OWN],
  ['webhookEndpoints', 'hatinh.quantri', 'BAD_USER_INPUT', 'no client named'],
  ...notKeepers('webhookEndpoints', HT),

  ['webhookDeliveries', 'anonymous', 'UNAUTHENTICATED', PORTALS],
  ['webhookDeliveries', 'revoked', 'UNAUTHENTICATED', PORTALS],
  ['webhookDeliveries', 'admin', 'ALLOWED', PORTALS],
  ['webhookDeliveries', 'hatinh.quantri', 'ALLOWED', PORTALS],
  ['webhookDeliveries', 'portal', 'ALLOWED', PORTALS],
  ['webhookDeliveries', 'dongnai.quantri', 'HIDDEN', PORTALS],
  ['webhookDeliveries', 'portal', 'HIDDEN', 'another client’s deliveries'],
  ...notKeepers('webhookDeliveries', PORTALS),

  ['createWebhookEndpoint', 'anonymous', 'UNAUTHENTICATED', HT],
  ['createWebhookEndpoint', 'revoked', 'UNAUTHENTICATED', HT],
  ['createWebhookEndpoint', 'hatinh.quantri', 'ALLOWED', HT],
  ['createWebhookEndpoint', 'admin', 'ALLOWED', BOTH],
  ['createWebhookEndpoint', 'hatinh.quantri', 'FORBIDDEN', BOTH],
  ['createWebhookEndpoint', 'dongnai.quantri', 'NOT_FOUND', HT],
  ['createWebhookEndpoint', 'hatinh.quantri', 'BAD_USER_INPUT', 'an http address that is not loopback'],
  ['createWebhookEndpoint', 'portal', 'ALLOWED', OWN],
  ['createWebhookEndpoint', 'portal', 'NOT_FOUND', HT],
  ...notKeepers('createWebhookEndpoint', HT),

  ...writeRows('updateWebhookEndpoint'),
  ...writeRows('rotateWebhookEndpointSecret'),
  ...writeRows('deleteWebhookEndpoint'),

  ['replayWebhookDelivery', 'anonymous', 'UNAUTHENTICATED', PORTALS],
  ['replayWebhookDelivery', 'revoked', 'UNAUTHENTICATED', PORTALS],
  ['replayWebhookDelivery', 'admin', 'ALLOWED', PORTALS],
  ['replayWebhookDelivery', 'hatinh.quantri', 'ALLOWED', PORTALS],
  ['replayWebhookDelivery', 'portal', 'ALLOWED', PORTALS],
  ['replayWebhookDelivery', 'dongnai.quantri', 'NOT_FOUND', PORTALS],
  ['replayWebhookDelivery', 'portal', 'NOT_FOUND', 'another client’s delivery'],
  ...notKeepers('replayWebhookDelivery', PORTALS),
];

const E = 'id url active';
const Q = {
  client: `mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { clientSecret apiClient { id clientId } } }`,
  token: `mutation($clientId: String!, $clientSecret: String!) { issueClientToken(input: { clientId: $clientId, clientSecret: $clientSecret }) { token } }`,
  submit: `mutation($input: SubmitDossierInput!) { submitDossier(input: $input) { dossier { code } } }`,
  list: `query($clientId: ID) { webhookEndpoints(clientId: $clientId) { ${E} } }`,
  deliveries: `query($filter: WebhookDeliveryFilter) { webhookDeliveries(first: 100, filter: $filter) { totalCount edges { node { id status dossierCode } } } }`,
  create: `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { signingSecret endpoint { ${E} } } }`,
  update: `mutation($input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $input) { endpoint { ${E} } } }`,
  rotate: `mutation($input: WebhookEndpointIdInput!) { rotateWebhookEndpointSecret(input: $input) { signingSecret endpoint { ${E} secretRotatedAt } } }`,
  remove: `mutation($input: WebhookEndpointIdInput!) { deleteWebhookEndpoint(input: $input) { id } }`,
  replay: `mutation($input: ReplayWebhookDeliveryInput!) { replayWebhookDelivery(input: $input) { delivery { id status } } }`,
};

export function webhookScenarios(ctx: ScopeContext): Scenarios {
  const t = (): TestApp => ctx.app();
  let counter = 0;
  let world: Promise<{ ht: string; both: string; portal: string; other: { id: string; token: string }; delivery: string; otherDelivery: string }> | null = null;

  const submission = () => ({
    idempotencyKey: `scope-wh-${++counter}-${Date.now()}`,
    procedureCode: '1.001193',
    externalReference: `SCOPE-WH-${counter}-${Date.now()}`,
    applicant: { fullName: 'Trần Văn Phạm Vi', idNumber: '042190000456', phone: '0912 000 111' },
    pickup: { address: 'Thôn 1', administrativeUnitCode: '18766' },
    resultDelivery: { address: null },
  });
  /** An endpoint written straight to the table (no HTTP is attempted in the matrix: no worker runs). */
  const endpointOf = async (clientId: string): Promise<string> => {
    const [row] = await t().sql(`INSERT INTO webhook_endpoint (client_id, url, active, secret_ciphertext) VALUES ($1, $2, true, 'v1.scope') RETURNING id`, [clientId, `https://hooks.example.vn/${++counter}`]);
    return row.id;
  };
  const setUp = () =>
    (world ??= (async () => {
      const provinces = await t().sql(`SELECT id, code FROM administrative_unit WHERE code IN ('42', '75') AND level = 'PROVINCE' AND valid_to IS NULL`);
      const of = (code: string) => provinces.find((r: any) => r.code === code).id as string;
      const client = async (name: string, provinceIds: string[]) =>
        ok(
          await t().gql(
            Q.client,
            { input: { name, ownerOrganisation: 'Văn phòng UBND tỉnh', contact: { name: 'Kỹ thuật', email: 'kythuat@example.vn' }, scopes: ['SUBMIT_DOSSIERS', 'READ_OWN_DOSSIERS'], provinceIds } },
            { as: 'admin' },
          ),
        ).createApiClient;
      const ht = await client('Cổng thử webhook (Hà Tĩnh)', [of('42')]);
      const both = await client('Cổng thử webhook (hai tỉnh)', [of('42'), of('75')]);
      const other = await client('Cổng thử webhook (khác)', [of('42')]);
      const otherToken = ok(await t().gql(Q.token, { clientId: other.apiClient.clientId, clientSecret: other.clientSecret }, { as: null })).issueClientToken.token;
      const [portal] = await t().sql(`SELECT id FROM api_client WHERE name = 'Cổng thử phạm vi (portal)'`);
      // Deliveries: an endpoint of each, and a dossier of each submitted (REGISTERED_ONLINE is announced).
      await endpointOf(portal.id);
      await endpointOf(other.apiClient.id);
      ok(await t().gql(Q.submit, { input: submission() }, { token: otherToken }));
      const [dossier] = await t().sql(`SELECT id, code FROM dossier WHERE submitted_by_client_id = $1 LIMIT 1`, [other.apiClient.id]);
      const [otherDelivery] = await t().sql(`SELECT id FROM webhook_delivery WHERE dossier_id = $1 LIMIT 1`, [dossier.id]);
      // The portal client's delivery: written as its outbox writes one, for a dossier of its own.
      const [own] = await t().sql(`SELECT id, code FROM dossier WHERE submitted_by_client_id = $1 LIMIT 1`, [portal.id]);
      const target = own ?? dossier;
      const [delivery] = await t().sql(
        `INSERT INTO webhook_delivery (endpoint_id, client_id, dossier_id, dossier_code, event_type, message_id, payload, status, next_attempt_at)
         SELECT e.id, e.client_id, $2, $3, 'DOSSIER_STATUS_CHANGED', 'msg_scope_' || gen_random_uuid(), '{}', 'FAILED', NULL FROM webhook_endpoint e WHERE e.client_id = $1 LIMIT 1 RETURNING id`,
        [portal.id, target.id, target.code],
      );
      return { ht: ht.apiClient.id, both: both.apiClient.id, portal: portal.id, other: { id: other.apiClient.id, token: otherToken }, delivery: delivery.id, otherDelivery: otherDelivery.id };
    })());

  const clientOf = async (scenario: string) => {
    const w = await setUp();
    return scenario === BOTH ? w.both : scenario === OWN ? w.portal : w.ht;
  };
  const countOf = async (clientId: string) => (await t().sql(`SELECT count(*)::int AS n FROM webhook_endpoint WHERE client_id = $1`, [clientId]))[0].n as number;

  /** A write of a fresh endpoint of the scenario's client; a refused one leaves the endpoint as it was. */
  const write =
    (query: string, input: (id: string) => Record<string, unknown>, check: (id: string, data: any) => Promise<void>) =>
    (scenario: string): Scenario =>
    async (caller) => {
      const id = await endpointOf(await clientOf(scenario));
      const [before] = await t().sql(`SELECT url, active, secret_ciphertext FROM webhook_endpoint WHERE id = $1`, [id]);
      const res = await t().gql(query, { input: input(id) }, caller);
      return {
        res,
        async verify(data, outcome) {
          if (outcome === 'ALLOWED') return check(id, data);
          const [after] = await t().sql(`SELECT url, active, secret_ciphertext FROM webhook_endpoint WHERE id = $1`, [id]);
          expect(after).toEqual(before);
        },
      };
    };
  const writes = (query: string, input: (id: string) => Record<string, unknown>, check: (id: string, data: any) => Promise<void>) => {
    const make = write(query, input, check);
    return { [HT]: make(HT), [BOTH]: make(BOTH), [OWN]: make(OWN) };
  };

  const created =
    (scenario: string, url = 'https://hooks.example.vn/new'): Scenario =>
    async (caller, who) => {
      const clientId = await clientOf(scenario);
      // Room under the limit of 10 per client: the endpoints the other rows wrote, without deliveries, go.
      await t().sql(`DELETE FROM webhook_endpoint e WHERE e.client_id = $1 AND NOT EXISTS (SELECT 1 FROM webhook_delivery d WHERE d.endpoint_id = e.id)`, [clientId]);
      const before = await countOf(clientId);
      const input = who === 'portal' && scenario === OWN ? { url } : { clientId, url };
      const res = await t().gql(Q.create, { input }, caller);
      return {
        res,
        async verify(data, outcome) {
          if (outcome === 'ALLOWED') {
            expect(data.signingSecret).toMatch(/^whsec_/);
            return expect(await countOf(clientId)).toBe(before + 1);
          }
          expect(await countOf(clientId)).toBe(before);
        },
      };
    };

  const deliveries =
    (other: boolean): Scenario =>
    async (caller) => {
      const w = await setUp();
      const filter = { clientId: other ? w.other.id : w.portal };
      return {
        res: await t().gql(Q.deliveries, { filter }, caller),
        verify: (data) => expect(data.edges.map((e: any) => e.node.id)).toContain(w.delivery),
        control: async () => t().gql(Q.deliveries, { filter }, { as: 'admin' }),
      };
    };

  const replayed =
    (other: boolean): Scenario =>
    async (caller) => {
      const w = await setUp();
      const id = other ? w.otherDelivery : w.delivery;
      await t().sql(`UPDATE webhook_delivery SET status = 'FAILED', replay_pending = false, next_attempt_at = NULL WHERE id = $1`, [id]);
      const res = await t().gql(Q.replay, { input: { id } }, caller);
      return {
        res,
        async verify(data, outcome) {
          const [row] = await t().sql(`SELECT status, replay_pending FROM webhook_delivery WHERE id = $1`, [id]);
          if (outcome === 'ALLOWED') return expect([data.delivery.status, row]).toEqual(['RETRYING', { status: 'RETRYING', replay_pending: true }]);
          expect(row).toEqual({ status: 'FAILED', replay_pending: false });
        },
      };
    };

  return {
    webhookEndpoints: {
      [HT]: async (caller) => {
        const w = await setUp();
        const id = await endpointOf(w.ht);
        return { res: await t().gql(Q.list, { clientId: w.ht }, caller), verify: (data) => expect(data.map((e: any) => e.id)).toContain(id) };
      },
      [OWN]: async (caller) => {
        const w = await setUp();
        const mine = (await t().sql(`SELECT id FROM webhook_endpoint WHERE client_id = $1`, [w.portal])).map((r: any) => r.id);
        return { res: await t().gql(Q.list, {}, caller), verify: (data) => expect(data.map((e: any) => e.id).sort()).toEqual(mine.sort()) };
      },
      'no client named': async (caller) => ({ res: await t().gql(Q.list, {}, caller) }),
    },
    webhookDeliveries: {
      [PORTALS]: deliveries(false),
      'another client’s deliveries': deliveries(true),
    },
    createWebhookEndpoint: {
      [HT]: created(HT),
      [BOTH]: created(BOTH),
      [OWN]: created(OWN),
      'an http address that is not loopback': created(HT, 'http://hooks.example.vn/new'),
    },
    updateWebhookEndpoint: writes(Q.update, (id) => ({ id, url: 'https://hooks.example.vn/changed', active: false }), async (id, data) => {
      expect(data.endpoint).toEqual({ id, url: 'https://hooks.example.vn/changed', active: false });
    }),
    rotateWebhookEndpointSecret: writes(Q.rotate, (id) => ({ id }), async (id, data) => {
      expect(data.signingSecret).toMatch(/^whsec_/);
      const [row] = await t().sql(`SELECT secret_ciphertext, previous_secret_ciphertext FROM webhook_endpoint WHERE id = $1`, [id]);
      expect(row.previous_secret_ciphertext).toBe('v1.scope');
      expect(row.secret_ciphertext).not.toBe('v1.scope');
    }),
    deleteWebhookEndpoint: writes(Q.remove, (id) => ({ id }), async (id, data) => {
      expect(data).toEqual({ id });
      expect(await t().sql(`SELECT id FROM webhook_endpoint WHERE id = $1`, [id])).toEqual([]);
    }),
    replayWebhookDelivery: {
      [PORTALS]: replayed(false),
      'another client’s delivery': replayed(true),
    },
  };
}
