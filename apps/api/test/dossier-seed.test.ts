/**
 * The demo seed's year of dossiers (seed/dossier-seed.ts) obeys the rules the API enforces: codes unique,
 * `<identifier>-YYMMDD-XXXX` numbered per unit and day in order of reception with dossier_sequence at the
 * day's last number (a new reception continues it); every status reached by the machine's steps from the
 * first event; due dates on working days, as the working-day calendar counts them; overdue flags, the
 * apology's new date and the clock consistent; postal item numbers and CCCD numbers valid; applicants invented.
 * With them, the demo portal client (seed/portal-seed.ts): its documented credentials work, its dossiers read back,
 * 30 days of traffic, a paused endpoint with a delivery log that the worker has nothing to do with.
 */
import { DOSSIER_STEPS, DossierStatus, type DossierAction } from '../src/modules/dossiers/dossier-status';
import { isOverdue } from '../src/modules/dossiers/dossier.service';
import { WorkingDayService } from '../src/modules/working-days/working-day.service';
import { citizenId } from '../src/platform/citizen-id';
import { todayInVietnam } from '../src/platform/graphql/scalars';
import { parsePostalItemNumber } from '../src/platform/postal-item';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_CLIENT_NAME } from '../src/seed/portal-seed';
import { contractOperations } from './contract';
import { ok, startTestApp, type TestApp } from './harness';

let t: TestApp;
interface Row {
  id: string;
  code: string;
  unit: string;
  status: DossierStatus;
  received_at: Date;
  created_at: Date;
  channel: string;
  pickup: string | null;
  due_at: Date;
  promised_on: string | null;
  clock_stopped_at: Date | null;
  result_ready_at: Date | null;
  result_returned_at: Date | null;
  rating: number | null;
  applicant_name: string;
  applicant_national_id: string | null;
  processing_time: number;
  processing_unit: string;
  components: number;
  events: Array<{ kind: string; from_status: DossierStatus | null; to_status: DossierStatus | null; postal_item: string | null; due_at: string | null }>;
}
let rows: Row[];

beforeAll(async () => {
  process.env.OSP_DEMO_DOSSIERS = '1'; // the part is left out of test databases unless asked for
  t = await startTestApp({ signInAs: 'admin' });
  rows = await t.sql(`
    SELECT d.id, d.code, d.status, d.channel, d.received_at, d.created_at, (SELECT pa.status::text FROM pickup_appointment pa WHERE pa.dossier_id = d.id) AS pickup, d.due_at, d.promised_on::text AS promised_on, d.clock_stopped_at, d.result_ready_at, d.result_returned_at, d.rating,
           d.applicant_name, d.applicant_national_id, p.processing_time, p.processing_unit, coalesce(k.identifier_code, a.identifier_code) AS unit,
           (SELECT count(*)::int FROM dossier_component c WHERE c.dossier_id = d.id) AS components,
           (SELECT json_agg(json_build_object('kind', e.kind, 'from_status', e.from_status, 'to_status', e.to_status, 'postal_item', e.postal_item, 'due_at', e.due_at) ORDER BY e.at, e.seq)
              FROM dossier_event e WHERE e.dossier_id = d.id) AS events
      FROM dossier d JOIN procedure p ON p.id = d.procedure_id JOIN one_stop_desk k ON k.id = d.desk_id JOIN agency a ON a.id = k.agency_id`);
});
afterAll(() => t.close());

it('seeds a year of dossiers at the five pilot desks, each with components and invented applicants', async () => {
  expect(rows.length).toBeGreaterThan(2000);
  const [{ desks }] = await t.sql(`SELECT count(DISTINCT desk_id)::int AS desks FROM dossier`);
  expect(desks).toBe(5);
  for (const r of rows) {
    expect(r.components).toBeGreaterThan(0);
    expect(r.applicant_name).toMatch(/ \(demo\)$/);
    expect(r.pickup !== null).toBe(r.channel === 'ONLINE_WITH_POSTAL_PICKUP');
    if (r.applicant_national_id) expect(citizenId(r.applicant_national_id, 'id', todayInVietnam())).toBe(r.applicant_national_id);
    for (const e of r.events) if (e.postal_item) expect(parsePostalItemNumber(e.postal_item)).toBe(e.postal_item);
  }
  const statuses = new Set(rows.map((r) => r.status));
  for (const s of ['PROCESSING', 'RESULT_READY', 'NOT_ACCEPTED', 'STOPPED', 'RESULT_RETURNED']) expect(statuses).toContain(s);
});

it('codes are unique, <identifier>-YYMMDD-XXXX of the registration day, numbered in order, and a new reception continues the day', async () => {
  expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
  const byDay = new Map<string, Row[]>();
  for (const r of rows) {
    // Coded when registered (an online dossier is received later, when the post has collected it).
    const day = todayInVietnam(r.created_at);
    expect(r.code).toBe(`${r.unit}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-${r.code.slice(-4)}`);
    byDay.set(`${r.unit}@${day}`, [...(byDay.get(`${r.unit}@${day}`) ?? []), r]);
  }
  const sequences = new Map<string, number>((await t.sql(`SELECT unit_code || '@' || day::text AS key, last FROM dossier_sequence`)).map((s: { key: string; last: number }) => [s.key, s.last]));
  for (const [key, day] of byDay) {
    day.sort((a, b) => a.created_at.getTime() - b.created_at.getTime());
    expect(day.map((r) => Number(r.code.slice(-4)))).toEqual(day.map((_, i) => i + 1));
    expect(sequences.get(key)).toBe(day.length);
  }
  // The demo clerk's next reception today continues the seeded sequence of the provincial centre.
  const [procedure] = await t.sql(`SELECT p.id FROM procedure p JOIN one_stop_desk d ON d.province_id = p.province_id WHERE d.code = '42-TTPVHCC-MC' AND p.level = 'PROVINCE' ORDER BY p.code LIMIT 1`);
  const [desk] = await t.sql(`SELECT coalesce(d.identifier_code, a.identifier_code) AS unit FROM one_stop_desk d JOIN agency a ON a.id = d.agency_id WHERE d.code = '42-TTPVHCC-MC'`);
  const received = ok(
    await t.gql(`mutation($input: ReceiveDossierInput!) { receiveDossier(input: $input) { dossier { code } } }`, {
      input: { procedureId: procedure.id, channel: 'AT_DESK', applicant: { fullName: 'Lê Văn Thử (demo)', phone: '0912000111' }, components: [{ name: 'Tờ khai', originals: 1, copies: 0, digitised: true }], resultDelivery: 'AT_DESK' },
    }, { as: 'hatinh.quay' }),
  ).receiveDossier.dossier.code as string;
  expect(Number(received.slice(-4))).toBe((sequences.get(`${desk.unit}@${todayInVietnam()}`) ?? 0) + 1);
});

it('reaches every status by the machine’s steps from the first event, and the columns follow the events', () => {
  for (const r of rows) {
    const steps = r.events.filter((e) => e.to_status);
    expect(steps[0]).toMatchObject({ from_status: null, kind: expect.stringMatching(/^(RECEIVED_AT_DESK|REGISTERED_ONLINE)$/) });
    for (const [i, e] of steps.slice(1).entries()) {
      expect(e.from_status).toBe(steps[i].to_status);
      expect(DOSSIER_STEPS[e.from_status!][e.kind as DossierAction]?.to).toBe(e.to_status);
    }
    expect(steps.at(-1)!.to_status).toBe(r.status);
    expect(r.clock_stopped_at !== null).toBe(r.events.filter((e) => e.kind === 'REQUEST_SUPPLEMENT').length > r.events.filter((e) => e.kind === 'SUPPLEMENT_RECEIVED').length);
    expect(r.result_ready_at !== null).toBe(r.events.some((e) => e.kind === 'RESULT_READY'));
    expect(r.result_returned_at !== null).toBe(r.status === DossierStatus.RESULT_RETURNED);
    expect(r.rating !== null).toBe(r.events.some((e) => e.kind === 'RATED'));
    if (r.pickup) expect(r.pickup === 'PICKED_UP').toBe(r.events.some((e) => e.kind === 'PICKED_UP'));
  }
});

it('due dates are working days, counted by the working-day calendar from the reception or the supplement', async () => {
  const calendar = t.app.container.get(WorkingDayService);
  for (const r of rows) {
    expect(await calendar.isWorkingDay(todayInVietnam(r.due_at))).toBe(true);
    // The clock restarts at a supplement; an online dossier's starts at RECEIVE (received_at is then).
    const restarted = r.events.filter((e) => e.kind === 'SUPPLEMENT_RECEIVED').at(-1);
    if (restarted) {
      expect(new Date(restarted.due_at!).getTime()).toBe(r.due_at.getTime());
      continue;
    }
    const due = r.processing_unit === 'WORKING_HOURS'
      ? await calendar.addWorkingHours(r.received_at, r.processing_time)
      : new Date(`${await calendar.addWorkingDays(todayInVietnam(r.received_at), r.processing_time)}T10:00:00.000Z`);
    expect(r.due_at.toISOString()).toBe(due.toISOString());
  }
});

it('overdue flags agree with the API, late ones exist, and an apology’s new date comes after the legal due day', async () => {
  const late = rows.filter((r) => isOverdue({ status: r.status, dueAt: r.due_at, clockStoppedAt: r.clock_stopped_at, resultReadyAt: r.result_ready_at }));
  expect(late.length).toBeGreaterThan(0);
  expect(late.some((r) => r.promised_on)).toBe(true);
  const count = async (overdue: boolean) => ok(await t.gql(`query($o: Boolean) { dossiers(first: 1, filter: { overdue: $o }) { totalCount } }`, { o: overdue })).dossiers.totalCount as number;
  // The reception above is on time: it counts on the other side.
  expect(await count(true)).toBe(late.length);
  expect(await count(false)).toBe(rows.length + 1 - late.length);
  for (const r of rows.filter((x) => x.promised_on)) {
    expect(r.promised_on! > todayInVietnam(r.due_at)).toBe(true);
    expect(r.events.some((e) => e.kind === 'APOLOGY')).toBe(true);
  }
});

it('seeds the demo portal client: its documented secret gets a token, its dossiers read back, 30 days of traffic, a paused endpoint and its log', async () => {
  const ops = contractOperations('portal.graphql');
  const [client] = await t.sql(`SELECT * FROM api_client WHERE client_id = $1`, [DEMO_CLIENT_ID]);
  expect(client).toMatchObject({ name: DEMO_CLIENT_NAME, revoked_at: null, requests_per_hour: 3600, cost_per_hour: 500_000 });
  const issued = ok(await t.gql(ops.PortalToken, { clientId: DEMO_CLIENT_ID, clientSecret: DEMO_CLIENT_SECRET }, { as: null })).issueClientToken;
  expect([...issued.scopes].sort()).toEqual(['READ_CATALOGUE', 'READ_OWN_DOSSIERS', 'SUBMIT_DOSSIERS']);

  // Hà Tĩnh's online dossiers with postal pickup of the last 30 days are the client's, and it reads them back.
  const online = rows.filter((r) => r.channel === 'ONLINE_WITH_POSTAL_PICKUP');
  const marked: Array<{ code: string; portal_reference: string }> = await t.sql(`SELECT code, portal_reference FROM dossier WHERE submitted_by_client_id = $1 ORDER BY created_at`, [client.id]);
  expect(marked.length).toBeGreaterThan(5);
  expect(marked.length).toBeLessThan(online.length);
  const [{ outside }] = await t.sql(
    `SELECT count(*)::int AS outside FROM dossier d JOIN administrative_unit p ON p.id = d.province_id
      WHERE d.submitted_by_client_id = $1 AND (p.code <> '42' OR d.channel <> 'ONLINE_WITH_POSTAL_PICKUP' OR d.created_at < now() - interval '31 days')`,
    [client.id],
  );
  expect(outside).toBe(0);
  const latest = marked.at(-1)!;
  const read = ok(await t.gql(ops.PortalDossier, { code: latest.code }, { token: issued.token })).portalDossier;
  expect(read).toMatchObject({ code: latest.code, externalReference: latest.portal_reference });
  expect(ok(await t.gql(ops.PortalDossier, { externalReference: marked[0].portal_reference }, { token: issued.token })).portalDossier.code).toBe(marked[0].code);
  const changed = ok(await t.gql(ops.PortalDossiersChanged, { since: new Date(Date.now() - 40 * 86_400_000).toISOString(), first: 100 }, { token: issued.token })).portalDossiersChanged;
  expect(changed.edges.map((e: { node: { code: string } }) => e.node.code).sort()).toEqual(marked.map((d) => d.code).sort());

  // As its province's administrator sees it: 30 days of traffic, refusals on one day, the endpoint paused, the log.
  const admin = ok(
    await t.gql(`query($id: ID!) { apiClient(id: $id) { name usage(days: 30) { day requests costPoints refused } webhookEndpoints { url active } } }`, { id: client.id }, { as: 'hatinh.quantri' }),
  ).apiClient;
  expect(admin.usage).toHaveLength(30);
  expect(admin.usage.at(-1).day).toBe(todayInVietnam());
  expect(admin.usage.slice(0, -1).every((u: { requests: number; costPoints: number }) => u.requests > 0 && u.costPoints > 0)).toBe(true);
  expect(admin.usage.filter((u: { refused: number }) => u.refused > 0)).toHaveLength(1);
  expect(admin.webhookEndpoints).toEqual([{ url: 'https://dichvucong.hatinh.gov.vn/osp/thong-bao', active: false }]);
  const log = async (status: string) =>
    ok(
      await t.gql(`query($id: ID!, $s: WebhookDeliveryStatus) { webhookDeliveries(first: 100, filter: { clientId: $id, status: $s }) { totalCount edges { node { status messageId nextAttemptAt deliveredAt attempts { number httpStatus trigger } } } } }`, { id: client.id, s: status }, { as: 'hatinh.quantri' }),
    ).webhookDeliveries;
  const [delivered, failed] = [await log('DELIVERED'), await log('FAILED')];
  expect(delivered.totalCount).toBeGreaterThan(20);
  expect(failed.totalCount).toBe(1);
  expect(failed.edges[0].node.attempts.map((a: { httpStatus: number | null }) => a.httpStatus)).toEqual(Array(8).fill(null));
  for (const d of [...delivered.edges, ...failed.edges].map((e: { node: any }) => e.node)) {
    expect(d.messageId).toMatch(/^msg_[A-Za-z0-9_-]{24}$/);
    expect(d.nextAttemptAt).toBeNull();
    expect(d.attempts.every((a: { trigger: string }) => a.trigger === 'SCHEDULED')).toBe(true);
    expect(d.deliveredAt === null).toBe(d.status === 'FAILED');
  }
  // Two needed a retry after a 503; every other one answered 200 at once.
  const retried = await t.sql(
    `SELECT array_agg(a.http_status ORDER BY a.number) AS codes FROM webhook_attempt a JOIN webhook_delivery d ON d.id = a.delivery_id
      WHERE d.client_id = $1 AND d.status = 'DELIVERED' GROUP BY d.id HAVING count(*) > 1`,
    [client.id],
  );
  expect(retried.map((r: { codes: number[] }) => r.codes)).toEqual([[503, 200], [503, 200]]);
  // Nothing for the worker: no delivery waits.
  const [{ waiting }] = await t.sql(`SELECT count(*)::int AS waiting FROM webhook_delivery WHERE status IN ('PENDING', 'RETRYING')`);
  expect(waiting).toBe(0);
});
