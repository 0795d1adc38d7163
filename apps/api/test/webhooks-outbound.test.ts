/**
 * Webhooks and server-side request forgery (platform/outbound-address.ts), on a server in the
 * production profile whose operator allows 127.0.0.0/8 (OSP_WEBHOOK_ALLOWED_NETWORKS, standing in
 * for a province's government network): an endpoint written as an address in a refused range is
 * BAD_USER_INPUT on `url`; a hostname is accepted, and at delivery every address it resolves to is
 * checked (refused: a failed attempt naming the address, retried on the schedule) and the connection
 * goes to the address checked, the hostname kept for TLS.
 */
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { join, resolve } from 'node:path';
import { parse, print, type OperationDefinitionNode } from 'graphql';
import { RETRY_DELAYS_SECONDS, WebhookDispatcher } from '../src/modules/webhooks/webhook-dispatcher';
import { contractOperations } from './contract';
import { failure, ok, startTestApp, type TestApp } from './harness';

const ROOT = resolve(__dirname, '../../..');
const portalOps = contractOperations('portal.graphql');
const ops: Record<string, string> = {};
for (const def of parse(readFileSync(join(ROOT, 'packages/schema/operations/portal/webhooks.graphql'), 'utf8')).definitions) {
  if (def.kind === 'OperationDefinition' && def.name) ops[def.name.value] = print(def as OperationDefinitionNode);
}

let t: TestApp;
let dispatcher: WebhookDispatcher;
let token = '';
let counter = 0;

const submit = async () =>
  ok(
    await t.gql(
      portalOps.SubmitDossier,
      {
        idempotencyKey: `ssrf-${++counter}-${Date.now()}`,
        procedureCode: '1.001193',
        externalReference: `SSRF-${counter}-${Date.now()}`,
        fullName: 'Trần Thị Mai',
        idNumber: '042195001234',
        phone: '0912 345 678',
        pickupAddress: 'Thôn Tân Phong, xã Kỳ Xuân, Hà Tĩnh',
        pickupUnitCode: '18766',
        deliverTo: null,
      },
      { token },
    ),
  ).submitDossier.dossier as { code: string };
const deliveriesOf = async (code: string) => ok(await t.gql(ops.WebhookDeliveries, { first: 100, dossierCode: code }, { token })).webhookDeliveries.edges.map((e: any) => e.node);
const register = (url: string, lang = 'en') => t.gql(ops.RegisterWebhookEndpoint, { url }, { token, lang });
const dns = (...addresses: string[]) => async () => addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

beforeAll(async () => {
  t = await startTestApp({ signInAs: 'hatinh.quantri', env: { OSP_PROFILE: 'production', OSP_WEBHOOK_WORKER: 'off', OSP_WEBHOOK_ALLOWED_NETWORKS: '127.0.0.0/8' } });
  dispatcher = t.app.container.get(WebhookDispatcher);
  const made = ok(
    await t.gql(
      `mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { clientSecret apiClient { id clientId } } }`,
      { input: { name: 'Cổng SSRF thử', ownerOrganisation: 'Văn phòng UBND tỉnh Hà Tĩnh', contact: { name: 'Kỹ thuật', email: 'kythuat@hatinh.gov.vn' }, scopes: ['SUBMIT_DOSSIERS', 'READ_OWN_DOSSIERS'] } },
    ),
  ).createApiClient;
  token = ok(await t.gql(portalOps.PortalToken, { clientId: made.apiClient.clientId, clientSecret: made.clientSecret }, { as: null })).issueClientToken.token;
});
afterAll(async () => {
  await t?.close();
});

describe('registration (production profile)', () => {
  it('refuses an address in a refused range, naming the field and the range, in English and Vietnamese', async () => {
    for (const url of ['https://10.0.0.1/x', 'https://[::1]/x', 'https://169.254.169.254/latest/meta-data', 'https://[::ffff:192.168.1.1]/x', 'https://100.64.0.1/x', 'https://[fd00::5]/x', 'https://0.0.0.0/x']) {
      const error = failure(await register(url));
      expect({ url, extensions: error.extensions }).toMatchObject({ url, extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'url' }] } });
    }
    expect((failure(await register('https://10.0.0.1/x')).extensions as any).fields[0].message).toMatch(/10\.0\.0\.1: it is a private network address/);
    expect((failure(await register('https://[::1]/x', 'vi')).extensions as any).fields[0].message).toMatch(/Không gửi webhook tới ::1: địa chỉ thuộc chính máy chủ \(loopback\)/);
    // http stays refused in production, allowed network or not.
    expect(failure(await register('http://127.0.0.1:9/x')).extensions.code).toBe('BAD_USER_INPUT');
    expect(await t.sql('SELECT count(*)::int AS n FROM webhook_endpoint')).toEqual([{ n: 0 }]);
  });

  it('accepts a hostname (checked at each delivery) and an address of an allowed network; an update to a refused address is refused', async () => {
    const named = ok(await register('https://hooks.portal.example.vn/osp')).createWebhookEndpoint.endpoint;
    const refused = failure(await t.gql(ops.UpdateWebhookEndpoint, { id: named.id, url: 'https://192.168.0.10/osp' }, { token, lang: 'en' }));
    expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'url' }] });
    const allowed = ok(await register('https://127.0.0.1:9/osp')).createWebhookEndpoint.endpoint;
    ok(await t.gql(ops.UpdateWebhookEndpoint, { id: allowed.id, active: false }, { token }));
  });
});

describe('delivery (production profile)', () => {
  it('refuses a hostname that resolves to a refused address: a failed attempt naming it, retried on the schedule, no faster', async () => {
    dispatcher.lookup = dns('203.162.4.1', '10.0.0.5'); // one public address does not make the private one acceptable
    const dossier = await submit();
    const now = new Date();
    expect(await dispatcher.deliverDue(now)).toBe(1);
    let [delivery] = await deliveriesOf(dossier.code);
    expect(delivery).toMatchObject({ status: 'RETRYING', attemptCount: 1 });
    expect(delivery.attempts[0]).toMatchObject({ httpStatus: null, error: 'blocked address 10.0.0.5 (private network)' });
    expect(new Date(delivery.nextAttemptAt).getTime()).toBe(now.getTime() + RETRY_DELAYS_SECONDS[0] * 1000);
    expect(await dispatcher.deliverDue(new Date(now.getTime() + 1000))).toBe(0);

    dispatcher.lookup = dns('::ffff:169.254.169.254');
    expect(await dispatcher.deliverDue(new Date(now.getTime() + RETRY_DELAYS_SECONDS[0] * 1000))).toBe(1);
    [delivery] = await deliveriesOf(dossier.code);
    expect(delivery.attempts.map((a: any) => a.error)).toEqual(['blocked address 10.0.0.5 (private network)', 'blocked address ::ffff:169.254.169.254 (link-local)']);
    ok(await t.gql(ops.UpdateWebhookEndpoint, { id: await endpointIdOf('https://hooks.portal.example.vn/osp'), active: false }, { token }));
  });

  it('connects to the address it checked (an allowed network), with the hostname in TLS’s server name', async () => {
    // A TCP listener on 127.0.0.1 reads the TLS ClientHello (its server name is in clear) and hangs up.
    const hellos: Buffer[] = [];
    const server: Server = createServer((socket) => socket.once('data', (chunk) => (hellos.push(chunk), socket.destroy())));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as AddressInfo;
    try {
      const endpoint = ok(await register(`https://rebind.portal.example.vn:${port}/osp`)).createWebhookEndpoint.endpoint;
      dispatcher.lookup = dns('127.0.0.1');
      const dossier = await submit();
      expect(await dispatcher.deliverDue(new Date())).toBe(1);
      expect(hellos).toHaveLength(1);
      expect(hellos[0].includes(Buffer.from('rebind.portal.example.vn'))).toBe(true);
      const [delivery] = await deliveriesOf(dossier.code);
      expect(delivery).toMatchObject({ status: 'RETRYING', attemptCount: 1 });
      expect(delivery.attempts[0].error).not.toMatch(/blocked/);
      ok(await t.gql(ops.UpdateWebhookEndpoint, { id: endpoint.id, active: false }, { token }));
    } finally {
      await new Promise((done) => server.close(done));
    }
  });
});

async function endpointIdOf(url: string): Promise<string> {
  const list = ok(await t.gql(ops.WebhookEndpoints, {}, { token })).webhookEndpoints;
  return list.find((e: any) => e.url === url).id;
}
