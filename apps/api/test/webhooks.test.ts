/**
 * Webhooks (issue 12): a portal's client registers endpoints; every status change and postal event of
 * its dossiers becomes a delivery written in the change's transaction, signed as Standard Webhooks
 * says and verified here by Svix's own implementation (the `standardwebhooks` package) on a real HTTP
 * receiver; a receiver down then up loses nothing and the log shows each attempt in order; retries
 * follow the schedule to FAILED; replay keeps the webhook-id; another client sees nothing of it. Time
 * passes by calling the dispatcher with a later `now`; the last test runs the real worker (pg-boss).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { parse, print, type OperationDefinitionNode } from 'graphql';
import { Webhook } from 'standardwebhooks';
import { SYSTEM } from '../src/platform/graphql/context';
import { Dossier } from '../src/modules/dossiers/dossier.entity';
import { DossierService } from '../src/modules/dossiers/dossier.service';
import { RETRY_DELAYS_SECONDS, SCHEDULED_ATTEMPTS, WebhookDispatcher } from '../src/modules/webhooks/webhook-dispatcher';
import { WebhookQueue } from '../src/modules/webhooks/webhook-queue';
import { sign } from '../src/modules/webhooks/webhook-secrets';
import { endpointUrl } from '../src/modules/webhooks/webhook.service';
import { WebhookWorker } from '../src/modules/webhooks/webhook-worker';
import { contractOperations } from './contract';
import { failure, ok, startTestApp, type TestApp } from './harness';

const ROOT = resolve(__dirname, '../../..');
const FIXTURES = join(__dirname, 'fixtures/webhooks');
const portalOps = contractOperations('portal.graphql');
const ops: Record<string, string> = {};
for (const def of parse(readFileSync(join(ROOT, 'packages/schema/operations/portal/webhooks.graphql'), 'utf8')).definitions) {
  if (def.kind === 'OperationDefinition' && def.name) ops[def.name.value] = print(def as OperationDefinitionNode);
}

// ── A receiver on 127.0.0.1 ─────────────────────────────────────────────────

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}
class Receiver {
  server: Server | null = null;
  port = 0;
  answer = 204;
  received: Received[] = [];

  async up(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        this.received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(this.answer, { 'content-type': 'text/plain' }).end(this.answer >= 300 ? 'receiver says no' : '');
      });
    });
    await new Promise<void>((done) => this.server!.listen(this.port, '127.0.0.1', done));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async down(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise((done) => server.close(done));
  }

  get url() {
    return `http://127.0.0.1:${this.port}/hooks`;
  }
}

let t: TestApp;
let dispatcher: WebhookDispatcher;
const receiver = new Receiver();

interface Client {
  id: string;
  token: string;
}
let portal: Client;
let other: Client;
let secret = '';
let endpointId = '';

let counter = 0;
async function newClient(name: string): Promise<Client> {
  const made = ok(
    await t.gql(
      `mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { clientSecret apiClient { id clientId } } }`,
      { input: { name, ownerOrganisation: 'Văn phòng UBND tỉnh Hà Tĩnh', contact: { name: 'Kỹ thuật', email: 'kythuat@hatinh.gov.vn' }, scopes: ['SUBMIT_DOSSIERS', 'READ_OWN_DOSSIERS'] } },
      { as: 'hatinh.quantri' },
    ),
  ).createApiClient;
  const { token } = ok(await t.gql(portalOps.PortalToken, { clientId: made.apiClient.clientId, clientSecret: made.clientSecret }, { as: null })).issueClientToken;
  return { id: made.apiClient.id, token };
}

const submission = () => ({
  idempotencyKey: `wh-${++counter}-${Date.now()}`,
  procedureCode: '1.001193',
  externalReference: `WH-${counter}-${Date.now()}`,
  fullName: 'Trần Thị Mai',
  idNumber: '042195001234',
  phone: '0912 345 678',
  pickupAddress: 'Thôn Tân Phong, xã Kỳ Xuân, Hà Tĩnh',
  pickupUnitCode: '18766',
  deliverTo: null,
});
const submit = async (client: Client) => ok(await t.gql(portalOps.SubmitDossier, submission(), { token: client.token })).submitDossier.dossier as { code: string; externalReference: string };

/** The post office schedules the dossier's pickup: a postal event (PICKUP_SCHEDULED). */
async function schedulePickup(code: string): Promise<void> {
  const queue = ok(await t.gql(`query { pickupQueue(first: 100) { edges { node { id version dossier { code } } } } }`, {}, { as: 'hatinh.buudien' })).pickupQueue.edges.map((e: any) => e.node);
  const pickup = queue.find((n: any) => n.dossier.code === code);
  ok(
    await t.gql(
      `mutation($input: SchedulePickupInput!) { schedulePickup(input: $input) { pickup { id } } }`,
      { input: { id: pickup.id, version: pickup.version, windowFrom: new Date(Date.now() + 2 * 3600_000).toISOString(), windowTo: new Date(Date.now() + 4 * 3600_000).toISOString() } },
      { as: 'hatinh.buudien' },
    ),
  );
}

const log = async (client: Client, variables: Record<string, unknown> = {}) => ok(await t.gql(ops.WebhookDeliveries, { first: 100, ...variables }, { token: client.token })).webhookDeliveries;
const deliveriesOf = async (code: string) => (await log(portal, { dossierCode: code })).edges.map((e: any) => e.node).reverse();
const at = (base: Date, seconds: number) => new Date(base.getTime() + seconds * 1000);

beforeAll(async () => {
  t = await startTestApp({ signInAs: 'hatinh.quantri', env: { OSP_WEBHOOK_WORKER: 'off' } });
  dispatcher = t.app.container.get(WebhookDispatcher);
  await receiver.up();
  portal = await newClient('Cổng webhook thử');
  other = await newClient('Cổng webhook khác');
});
afterAll(async () => {
  await receiver.down();
  await t.close();
});

describe('endpoints', () => {
  it('accepts https and, in development, http to loopback; refuses any other http, with the field named', async () => {
    const refused = await t.gql(ops.RegisterWebhookEndpoint, { url: 'http://example.com/hooks' }, { token: portal.token, lang: 'en' });
    expect(failure(refused).extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'url' }] });
    expect(failure(await t.gql(ops.RegisterWebhookEndpoint, { url: 'ftp://127.0.0.1/x' }, { token: portal.token })).extensions.code).toBe('BAD_USER_INPUT');
    const https = ok(await t.gql(ops.RegisterWebhookEndpoint, { url: 'https://portal.example.vn/osp-hooks', description: 'Production receiver' }, { token: portal.token })).createWebhookEndpoint;
    expect(https.signingSecret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(https.signingSecret.slice(6), 'base64').length).toBeGreaterThanOrEqual(24);
    // Not sent anywhere in these tests: deactivated (nothing is queued for it).
    ok(await t.gql(ops.UpdateWebhookEndpoint, { id: https.endpoint.id, active: false }, { token: portal.token }));
    // Loopback http: development only.
    expect(endpointUrl('http://127.0.0.1:8080/x', false)).toBe('http://127.0.0.1:8080/x');
    expect(endpointUrl('http://[::1]:8080/x', false)).toBe('http://[::1]:8080/x');
    expect(endpointUrl('http://localhost/x#frag', false)).toBe('http://localhost/x');
    expect(() => endpointUrl('http://127.0.0.1:8080/x', true)).toThrow();
    expect(endpointUrl('https://portal.example.vn/x', true)).toBe('https://portal.example.vn/x');
    expect(() => endpointUrl('https://user:pw@portal.example.vn/x', false)).toThrow();

    const made = ok(await t.gql(ops.RegisterWebhookEndpoint, { url: receiver.url, description: 'Test receiver' }, { token: portal.token })).createWebhookEndpoint;
    secret = made.signingSecret;
    endpointId = made.endpoint.id;
    expect(ok(await t.gql(ops.WebhookEndpoints, {}, { token: portal.token })).webhookEndpoints.map((e: any) => [e.url, e.active])).toEqual([
      ['https://portal.example.vn/osp-hooks', false],
      [receiver.url, true],
    ]);
    // The secret is stored sealed, never as is, and never in the audit trail.
    const [row] = await t.sql('SELECT secret_ciphertext FROM webhook_endpoint WHERE id = $1', [endpointId]);
    expect(row.secret_ciphertext).toMatch(/^v1\./);
    expect(row.secret_ciphertext).not.toContain(secret.slice(6));
    const trail = await t.sql(`SELECT action, actor_kind, after::text AS after FROM audit_entry WHERE entity_id = $1`, [endpointId]);
    expect(trail).toEqual([{ action: 'webhookEndpoint.create', actor_kind: 'client', after: expect.not.stringMatching(/whsec_|ciphertext|v1\./) }]);
    // Administrators see it on the client; another client does not.
    const viaClient = ok(await t.gql(`query($id: ID!) { apiClient(id: $id) { webhookEndpoints { id url } } }`, { id: portal.id })).apiClient.webhookEndpoints;
    expect(viaClient.map((e: any) => e.id)).toContain(endpointId);
    expect(ok(await t.gql(ops.WebhookEndpoints, {}, { token: other.token })).webhookEndpoints).toEqual([]);
    expect(failure(await t.gql(ops.UpdateWebhookEndpoint, { id: endpointId, active: false }, { token: other.token })).extensions.code).toBe('NOT_FOUND');
  });
});

describe('deliveries', () => {
  it('announces the submission and the pickup, in order, signed: Svix’s verifier accepts them; nothing of the applicant', async () => {
    receiver.received = [];
    const dossier = await submit(portal);
    await schedulePickup(dossier.code);
    // Written with the changes, not sent yet (no worker in this test app).
    expect((await deliveriesOf(dossier.code)).map((d: any) => [d.eventType, d.status])).toEqual([
      ['DOSSIER_STATUS_CHANGED', 'PENDING'],
      ['DOSSIER_POSTAL_EVENT', 'PENDING'],
    ]);
    expect(await dispatcher.deliverDue()).toBe(2);
    const verifier = new Webhook(secret);
    const events = receiver.received.map((r) => verifier.verify(r.body, r.headers as Record<string, string>) as any);
    expect(events.map((e) => [e.type, e.data.event.kind])).toEqual([
      ['dossier.status_changed', 'REGISTERED_ONLINE'],
      ['dossier.postal_event', 'PICKUP_SCHEDULED'],
    ]);
    expect(events[0].data).toEqual({
      code: dossier.code,
      externalReference: dossier.externalReference,
      status: 'NEW',
      nationalStatusCode: 1,
      previousStatus: null,
      dueDate: null,
      event: { kind: 'REGISTERED_ONLINE', at: expect.any(String), label: { vi: 'Đăng ký trực tuyến', en: 'Registered online' }, postalItemNumber: null },
    });
    for (const r of receiver.received) {
      expect(r.headers['webhook-id']).toMatch(/^msg_/);
      expect(Math.abs(Number(r.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
      expect(r.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
      expect(r.body).not.toMatch(/Trần Thị Mai|042195001234|0912|Tân Phong/);
    }
    // A tampered body fails Svix's verification.
    expect(() => verifier.verify(receiver.received[0].body.replace('"NEW"', '"RECEIVED"'), receiver.received[0].headers as Record<string, string>)).toThrow();
    const logged = await deliveriesOf(dossier.code);
    expect(logged.map((d: any) => [d.status, d.attemptCount, d.nextAttemptAt, d.attempts.map((a: any) => [a.number, a.trigger, a.httpStatus])])).toEqual([
      ['DELIVERED', 1, null, [[1, 'SCHEDULED', 204]]],
      ['DELIVERED', 1, null, [[1, 'SCHEDULED', 204]]],
    ]);
    expect(logged[0].payload).toBe(receiver.received[0].body);
  });

  it('sends nothing for a change that rolls back, and nothing before the change commits', async () => {
    receiver.received = [];
    const dossier = await submit(portal);
    await dispatcher.deliverDue();
    receiver.received = [];
    const dossiers = t.app.container.get(DossierService);
    const row = await t.app.dataSource.getRepository(Dossier).findOneByOrFail({ code: dossier.code });
    await expect(
      t.app.dataSource.transaction(async (m) => {
        await dossiers.event(m, SYSTEM, row, { kind: 'PICKED_UP' });
        expect((await m.query('SELECT count(*)::int AS n FROM webhook_delivery WHERE dossier_id = $1', [row.id]))[0].n).toBe(2);
        // On PostgreSQL another connection can look: the delivery is not there before the commit.
        if (process.env.DATABASE_URL) expect(await dispatcher.deliverDue()).toBe(0);
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    expect(await dispatcher.deliverDue()).toBe(0);
    expect(receiver.received).toEqual([]);
    expect(await deliveriesOf(dossier.code)).toHaveLength(1);

    // The same change committed: delivered.
    await t.app.dataSource.transaction((m) => dossiers.event(m, SYSTEM, row, { kind: 'PICKED_UP' }));
    expect(await dispatcher.deliverDue()).toBe(1);
    expect(receiver.received.map((r) => JSON.parse(r.body).data.event.kind)).toEqual(['PICKED_UP']);
  });

  it('loses nothing while the receiver is down: refused, then 503, then delivered; the dossier’s next event waits its turn; the log shows each attempt', async () => {
    const dossier = await submit(portal);
    await dispatcher.deliverDue();
    const start = new Date();
    await receiver.down();
    receiver.received = [];
    await schedulePickup(dossier.code); // a postal event…
    const dossiers = t.app.container.get(DossierService);
    const row = await t.app.dataSource.getRepository(Dossier).findOneByOrFail({ code: dossier.code });
    await t.app.dataSource.transaction((m) => dossiers.event(m, SYSTEM, row, { kind: 'PICKED_UP' })); // …and the next one

    expect(await dispatcher.deliverDue(at(start, 1))).toBe(1); // connection refused; PICKED_UP waits behind it
    let [, first, second] = await deliveriesOf(dossier.code);
    expect(first).toMatchObject({ status: 'RETRYING', attemptCount: 1 });
    expect(new Date(first.nextAttemptAt).getTime()).toBe(at(start, 1 + RETRY_DELAYS_SECONDS[0]).getTime());
    expect(first.attempts[0]).toMatchObject({ number: 1, trigger: 'SCHEDULED', httpStatus: null, error: expect.stringMatching(/ECONNREFUSED/) });
    expect(second).toMatchObject({ status: 'PENDING', attemptCount: 0 });

    expect(await dispatcher.deliverDue(at(start, 3))).toBe(0); // not due yet
    await receiver.up();
    receiver.answer = 503;
    expect(await dispatcher.deliverDue(at(start, 6))).toBe(1);
    receiver.answer = 200;
    expect(await dispatcher.deliverDue(at(start, 6 + 60))).toBe(0); // the next retry is 5 minutes later
    expect(await dispatcher.deliverDue(at(start, 6 + RETRY_DELAYS_SECONDS[1]))).toBe(2); // delivered, then the event behind it

    [, first, second] = await deliveriesOf(dossier.code);
    expect(first.attempts.map((a: any) => [a.number, a.trigger, a.httpStatus, a.error?.replace(/ .*/, '')])).toEqual([
      [1, 'SCHEDULED', null, expect.stringMatching(/ECONNREFUSED/)],
      [2, 'SCHEDULED', 503, 'HTTP'],
      [3, 'SCHEDULED', 200, undefined],
    ]);
    expect(first.attempts[1].responseSnippet).toBe('receiver says no');
    expect(first).toMatchObject({ status: 'DELIVERED', attemptCount: 3, nextAttemptAt: null });
    expect(second).toMatchObject({ status: 'DELIVERED', attemptCount: 1 });
    // The 503 and the success carried the same webhook-id; the events arrived in their order.
    expect(receiver.received.map((r) => [r.headers['webhook-id'], JSON.parse(r.body).data.event.kind])).toEqual([
      [first.messageId, 'PICKUP_SCHEDULED'],
      [first.messageId, 'PICKUP_SCHEDULED'],
      [second.messageId, 'PICKED_UP'],
    ]);
  });

  it('retries on the schedule for more than 24 hours, then FAILED; a replay sends it again with the same id', async () => {
    expect(RETRY_DELAYS_SECONDS.reduce((a, b) => a + b, 0)).toBeGreaterThan(24 * 3600);
    receiver.answer = 500;
    receiver.received = [];
    const dossier = await submit(portal);
    let now = new Date();
    for (let i = 0; i < SCHEDULED_ATTEMPTS; i++) {
      expect(await dispatcher.deliverDue(now)).toBe(1);
      if (i < RETRY_DELAYS_SECONDS.length) now = at(now, RETRY_DELAYS_SECONDS[i]);
    }
    let [failed] = await deliveriesOf(dossier.code);
    expect(failed).toMatchObject({ status: 'FAILED', attemptCount: SCHEDULED_ATTEMPTS, nextAttemptAt: null });
    expect(await dispatcher.deliverDue(at(now, 7 * 24 * 3600))).toBe(0);
    expect(await log(portal, { status: 'FAILED' })).toMatchObject({ totalCount: 1 });

    receiver.answer = 200;
    const replayed = ok(await t.gql(ops.ReplayWebhookDelivery, { id: failed.id }, { token: portal.token })).replayWebhookDelivery.delivery;
    expect(replayed).toMatchObject({ id: failed.id, status: 'RETRYING' });
    expect(await dispatcher.deliverDue()).toBe(1);
    [failed] = await deliveriesOf(dossier.code);
    expect(failed).toMatchObject({ status: 'DELIVERED', attemptCount: SCHEDULED_ATTEMPTS + 1 });
    expect(failed.attempts.at(-1)).toMatchObject({ number: SCHEDULED_ATTEMPTS + 1, trigger: 'REPLAY', httpStatus: 200 });
    expect(new Set(receiver.received.map((r) => r.headers['webhook-id']))).toEqual(new Set([failed.messageId]));
    // Replaying a delivered one: one more attempt, still the same id; an administrator may too.
    ok(await t.gql(`mutation($id: ID!) { replayWebhookDelivery(input: { id: $id }) { delivery { status } } }`, { id: failed.id }, { as: 'hatinh.quantri' }));
    expect(await dispatcher.deliverDue()).toBe(1);
    expect(receiver.received.at(-1)!.headers['webhook-id']).toBe(failed.messageId);
    const trail = await t.sql(`SELECT action, actor_kind FROM audit_entry WHERE entity_id = $1 ORDER BY occurred_at`, [failed.id]);
    expect(trail).toEqual([
      { action: 'webhookDelivery.replay', actor_kind: 'client' },
      { action: 'webhookDelivery.replay', actor_kind: 'user' },
    ]);
  });

  it('shows a client only its own deliveries; another client cannot replay them; administrators read them by client', async () => {
    const mine = await log(portal);
    expect(mine.totalCount).toBeGreaterThan(0);
    expect(await log(other)).toMatchObject({ totalCount: 0, edges: [] });
    expect(failure(await t.gql(ops.ReplayWebhookDelivery, { id: mine.edges[0].node.id }, { token: other.token })).extensions.code).toBe('NOT_FOUND');
    const admin = ok(await t.gql(`query($c: ID) { webhookDeliveries(first: 2, filter: { clientId: $c }) { totalCount pageInfo { hasNextPage endCursor } edges { node { id endpoint { id } } } } }`, { c: portal.id })).webhookDeliveries;
    expect(admin.totalCount).toBe(mine.totalCount);
    expect(admin.edges.map((e: any) => e.node.id)).toEqual(mine.edges.slice(0, 2).map((e: any) => e.node.id));
    // Keyset pages, newest first.
    const next = ok(await t.gql(`query($c: ID, $after: String) { webhookDeliveries(first: 2, after: $after, filter: { clientId: $c }) { edges { node { id } } } }`, { c: portal.id, after: admin.pageInfo.endCursor })).webhookDeliveries;
    expect(next.edges.map((e: any) => e.node.id)).toEqual(mine.edges.slice(2, 4).map((e: any) => e.node.id));
    // Staff who do not keep clients: FORBIDDEN (another province's administrator: test/scope/webhooks.scope.ts).
    expect(failure(await t.gql(`{ webhookDeliveries(first: 5) { totalCount } }`, {}, { as: 'hatinh.quay' })).extensions.code).toBe('FORBIDDEN');
  });

  it('rotates the secret: for a day the header carries both signatures; deleting the endpoint stops its deliveries', async () => {
    const rotated = ok(await t.gql(ops.RotateWebhookEndpointSecret, { id: endpointId }, { token: portal.token })).rotateWebhookEndpointSecret;
    expect(rotated.signingSecret).not.toBe(secret);
    receiver.received = [];
    await submit(portal);
    await dispatcher.deliverDue();
    const [r] = receiver.received;
    expect(r.headers['webhook-signature']!.toString().split(' ')).toHaveLength(2);
    expect(() => new Webhook(rotated.signingSecret).verify(r.body, r.headers as Record<string, string>)).not.toThrow();
    expect(() => new Webhook(secret).verify(r.body, r.headers as Record<string, string>)).not.toThrow();
    secret = rotated.signingSecret;
    // Deleting an endpoint takes its deliveries with it; the other endpoint keeps receiving.
    const [inactive] = ok(await t.gql(ops.WebhookEndpoints, {}, { token: portal.token })).webhookEndpoints;
    expect(ok(await t.gql(ops.DeleteWebhookEndpoint, { id: inactive.id }, { token: portal.token })).deleteWebhookEndpoint).toEqual({ id: inactive.id });
    expect(ok(await t.gql(ops.WebhookEndpoints, {}, { token: portal.token })).webhookEndpoints.map((e: any) => e.id)).toEqual([endpointId]);
  });
});

describe('signatures', () => {
  const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.json'));

  it('signs the fixtures (made by Svix’s library) to the byte, and refuses the tampered one', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(3);
    for (const file of fixtures) {
      const f = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8'));
      const ours = sign(f.secret, f.id, f.timestamp, f.body);
      if (f.valid === false) expect(ours).not.toBe(f.signature);
      else expect(ours).toBe(f.signature);
    }
  });

  it('the guide’s snippet (docs/examples/verify-webhook.mjs) verifies the same fixtures', () => {
    const out = execFileSync(process.execPath, [join(ROOT, 'docs/examples/verify-webhook.mjs'), ...fixtures.map((f) => join(FIXTURES, f))], { encoding: 'utf8' });
    expect(out.split('\n').filter((l) => l.startsWith('ok '))).toHaveLength(fixtures.length);
  });
});

describe('the worker', () => {
  it('delivers on its own through the job queue (pg-boss) once the change commits, and stops cleanly', async () => {
    const worker = new WebhookWorker(dispatcher, t.app.container.get(WebhookQueue), { worker: true, sweepMs: 600_000, secretsKey: null, allowedNetworks: [] }, t.app.log);
    await worker.start();
    try {
      expect(t.app.container.get(WebhookQueue).running).toBe(true);
      receiver.received = [];
      const dossier = await submit(portal);
      const deadline = Date.now() + 15_000;
      while (receiver.received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(receiver.received.map((r) => JSON.parse(r.body).data.code)).toEqual([dossier.code]);
      expect(() => new Webhook(secret).verify(receiver.received[0].body, receiver.received[0].headers as Record<string, string>)).not.toThrow();
    } finally {
      await worker.stop();
    }
    expect(t.app.container.get(WebhookQueue).running).toBe(false);
  });
});
