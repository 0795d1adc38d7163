/**
 * Pickup appointments (issue 11): an online dossier with postal pickup is NEW (national code 1) and
 * waits in its post office's queue; the manager agrees a window, records no one at home (back to the
 * queue, an attempt counted) and the pickup; each is an event on the dossier's timeline. The desk then
 * receives the paper dossier and its clock starts. Another province sees nothing; the committee no address.
 */
import { DossierService } from '../src/modules/dossiers/dossier.service';
import { SYSTEM } from '../src/platform/graphql/context';
import { failure, ok, startTestApp, type TestApp } from './harness';

let t: TestApp;
let dossierId: string;
const Q = `query { pickupQueue(first: 50) { totalCount edges { node { id status attempts version address windowFrom dossier { id code status } } } } }`;
const queue = async (as: string) => ok(await t.gql(Q, {}, { as })).pickupQueue as { totalCount: number; edges: Array<{ node: { id: string; status: string; attempts: number; version: number; address: string | null; dossier: { id: string; code: string; status: string } } }> };
const schedule = (id: string, version: number, hoursFromNow = 2) =>
  t.gql(`mutation($input: SchedulePickupInput!) { schedulePickup(input: $input) { pickup { id status version windowFrom } } }`, { input: { id, version, windowFrom: new Date(Date.now() + hoursFromNow * 3600_000).toISOString(), windowTo: new Date(Date.now() + (hoursFromNow + 2) * 3600_000).toISOString() } }, { as: 'hatinh.buudien' });
const outcome = (id: string, version: number, o: string, note?: string) =>
  t.gql(`mutation($input: PickupOutcomeInput!) { recordPickupOutcome(input: $input) { pickup { id status attempts version } } }`, { input: { id, version, outcome: o, note } }, { as: 'hatinh.buudien' });

/** An online dossier with postal pickup, as a portal registers it, at the provincial centre's desk and post office. */
async function registerOnline(portalReference: string) {
  const [desk] = await t.sql(`SELECT id FROM one_stop_desk WHERE code = '42-TTPVHCC-MC'`);
  const [office] = await t.sql(`SELECT id FROM post_office WHERE code = 'BD-42'`);
  const [procedure] = await t.sql(`SELECT id FROM procedure WHERE code = '1.001193' AND province_id = (SELECT province_id FROM one_stop_desk WHERE code = '42-TTPVHCC-MC')`);
  const service = t.app.container.get(DossierService);
  return t.app.dataSource.transaction((m) =>
    service.registerOnline(m, SYSTEM, {
      procedureId: procedure.id,
      deskId: desk.id,
      postOfficeId: office.id,
      applicant: { fullName: 'Lê Văn Bình', phone: '0905 111 222', nationalId: null, email: null, address: null },
      pickupAddress: 'Thôn 2, xã Thạch Trị, Hà Tĩnh',
      components: [{ name: 'Giấy chứng sinh', originals: 1, copies: 0, digitised: false }],
      resultDelivery: 'BY_POST' as never,
      portalReference,
    }),
  );
}

beforeAll(async () => {
  t = await startTestApp({ signInAs: 'hatinh.quantri' });
  dossierId = (await registerOnline('DVCQG-TEST-1')).id;
});
afterAll(() => t.close());

it('goes from the queue to picked up, then the desk receives it and its clock starts', async () => {
  const first = (await queue('hatinh.buudien')).edges.map((e) => e.node).find((n) => n.dossier.id === dossierId)!;
  expect(first).toMatchObject({ status: 'TO_CALL', attempts: 0, address: 'Thôn 2, xã Thạch Trị, Hà Tĩnh', dossier: { status: 'NEW' } });
  expect(code(await outcome(first.id, first.version, 'PICKED_UP'))).toBe('ILLEGAL_TRANSITION');
  expect(failure(await schedule(first.id, first.version, -3)).extensions.fields?.[0].field).toBe('windowFrom');
  let p = ok(await schedule(first.id, first.version)).schedulePickup.pickup;
  expect(p.status).toBe('SCHEDULED');
  expect(code(await schedule(first.id, first.version))).toBe('CONFLICT');
  p = ok(await outcome(p.id, p.version, 'NOT_AT_HOME')).recordPickupOutcome.pickup;
  expect(p).toMatchObject({ status: 'TO_CALL', attempts: 1 });
  p = ok(await schedule(p.id, p.version, 20)).schedulePickup.pickup;
  p = ok(await outcome(p.id, p.version, 'PICKED_UP')).recordPickupOutcome.pickup;
  expect(p.status).toBe('PICKED_UP');
  expect((await queue('hatinh.buudien')).edges.map((e) => e.node.id)).not.toContain(p.id);

  const D = `query($id: ID!) { dossier(id: $id) { status nationalStatusCode version channel postalFee allowedActions timeline { kind } } }`;
  const d = ok(await t.gql(D, { id: dossierId }, { as: 'hatinh.quay' })).dossier;
  expect(d).toMatchObject({ status: 'NEW', nationalStatusCode: 1, channel: 'ONLINE_WITH_POSTAL_PICKUP', allowedActions: expect.arrayContaining(['RECEIVE', 'REFUSE']) });
  expect(d.timeline.map((e: { kind: string }) => e.kind)).toEqual(['REGISTERED_ONLINE', 'PICKUP_SCHEDULED', 'PICKUP_MISSED', 'PICKUP_SCHEDULED', 'PICKED_UP']);
  const received = ok(await t.gql(`mutation($input: DossierStepInput!) { takeDossierStep(input: $input) { dossier { status receivedAt dueAt } } }`, { input: { id: dossierId, version: d.version, action: 'RECEIVE' } }, { as: 'hatinh.quay' })).takeDossierStep.dossier;
  expect(received.status).toBe('RECEIVED');
  expect(Date.now() - Date.parse(received.receivedAt)).toBeLessThan(60_000);
});

it('cancelling needs a reason; another province sees no queue entry; the committee sees no address', async () => {
  const all = `query { pickupQueue(first: 50, filter: { statuses: [TO_CALL, SCHEDULED, PICKED_UP, CANCELLED] }) { edges { node { id status version address dossier { id } } } } }`;
  const listed = async (as: string) => ok(await t.gql(all, {}, { as })).pickupQueue.edges.map((e: { node: unknown }) => e.node) as Array<{ id: string; status: string; version: number; address: string | null; dossier: { id: string } | null }>;
  expect((await listed('binhphuoc.buudien')).map((n) => n.dossier?.id)).not.toContain(dossierId);
  const committee = (await listed('hatinh.bcd')).find((n) => n.dossier?.id === dossierId)!;
  expect(committee).toMatchObject({ status: 'PICKED_UP', address: null });
  const own = (await listed('hatinh.buudien')).find((n) => n.dossier?.id === dossierId)!;
  expect(own.address).toBe('Thôn 2, xã Thạch Trị, Hà Tĩnh');
  // A picked-up dossier cannot be cancelled; a cancellation needs its reason.
  expect(code(await outcome(own.id, own.version, 'CANCELLED'))).toBe('BAD_USER_INPUT');
  expect(code(await outcome(own.id, own.version, 'CANCELLED', 'Người nộp rút yêu cầu'))).toBe('ILLEGAL_TRANSITION');
  expect(code(await t.gql(Q, {}, { as: 'hatinh.quay' }))).toBe('FORBIDDEN');
});

it('lists what is done apart, the latest handled first', async () => {
  const second = await registerOnline('DVCQG-TEST-2');
  const waiting = (await queue('hatinh.buudien')).edges.map((e) => e.node).find((n) => n.dossier.id === second.id)!;
  expect(ok(await outcome(waiting.id, waiting.version, 'CANCELLED', 'Người nộp rút yêu cầu')).recordPickupOutcome.pickup.status).toBe('CANCELLED');
  const done = ok(await t.gql(`query { pickupQueue(first: 100, filter: { statuses: [PICKED_UP, CANCELLED] }) { edges { node { status dossier { id } } } } }`, {}, { as: 'hatinh.buudien' })).pickupQueue.edges.map(
    (e: { node: { status: string; dossier: { id: string } } }) => e.node,
  );
  // The first dossier was registered (and picked up) earlier; the cancellation just now comes first.
  const ids = done.map((n: { dossier: { id: string } }) => n.dossier.id);
  expect(ids).toContain(dossierId);
  expect(ids.indexOf(second.id)).toBe(0);
  expect((await queue('hatinh.buudien')).edges.map((e) => e.node.dossier.id)).not.toContain(second.id);
});

function code(r: { errors?: Array<{ extensions: { code: string } }> }) {
  return failure(r as never).extensions.code;
}
