/**
 * The scope matrix of pickup appointments (run by test/scope.test.ts).
 *
 * Two online dossiers with postal pickup, registered as a portal's submission would be: one for a
 * Hà Tĩnh desk, collected by Hà Tĩnh's provincial post office (BD-42, the demo manager's), one for a
 * Đồng Nai desk, collected by Bình Phước's post office (BD-70). The queue is read by post office
 * managers (their post office and those reporting to it) and by the province's administrators and
 * steering committee; a clerk or an officer has no queue. Only a post office manager schedules and
 * records outcomes, and only in their tree: another province's appointment is NOT_FOUND, word for word
 * as an id that does not exist; a refused write changes nothing.
 */
import { DossierService } from '../../src/modules/dossiers/dossier.service';
import { SYSTEM } from '../../src/platform/graphql/context';
import { ok, type TestApp } from '../harness';
import { sameErrorApartFromIds, UNKNOWN_ID, type Row, type Scenario, type Scenarios, type ScopeContext } from './matrix';

const HT = 'the Hà Tĩnh post office’s queue';
const HT_PICKUP = 'an appointment of the Hà Tĩnh post office';

// prettier-ignore
export const PICKUP_ROWS: Row[] = [
  ['pickupQueue', 'anonymous', 'UNAUTHENTICATED', 'all'],
  ['pickupQueue', 'hatinh.buudien', 'ALLOWED', 'all'],
  ['pickupQueue', 'binhphuoc.buudien', 'ALLOWED', 'all'],
  ['pickupQueue', 'hatinh.bcd', 'ALLOWED', 'all'],
  ['pickupQueue', 'hatinh.quantri', 'ALLOWED', 'all'],
  ['pickupQueue', 'admin', 'ALLOWED', 'all'],
  ['pickupQueue', 'hatinh.quay', 'FORBIDDEN', 'all'],
  ['pickupQueue', 'hatinh.stttt', 'FORBIDDEN', 'all'],
  ['pickupQueue', 'binhphuoc.buudien', 'HIDDEN', HT],
  ['pickupQueue', 'dongnai.bcd', 'HIDDEN', HT],
  ['schedulePickup', 'anonymous', 'UNAUTHENTICATED', HT_PICKUP],
  ['schedulePickup', 'hatinh.buudien', 'ALLOWED', HT_PICKUP],
  ['schedulePickup', 'binhphuoc.buudien', 'NOT_FOUND', HT_PICKUP],
  ['schedulePickup', 'hatinh.bcd', 'FORBIDDEN', HT_PICKUP],
  ['schedulePickup', 'hatinh.quantri', 'FORBIDDEN', HT_PICKUP],
  ['schedulePickup', 'hatinh.quay', 'FORBIDDEN', HT_PICKUP],
  ['recordPickupOutcome', 'anonymous', 'UNAUTHENTICATED', HT_PICKUP],
  ['recordPickupOutcome', 'hatinh.buudien', 'ALLOWED', HT_PICKUP],
  ['recordPickupOutcome', 'binhphuoc.buudien', 'NOT_FOUND', HT_PICKUP],
  ['recordPickupOutcome', 'hatinh.quantri', 'FORBIDDEN', HT_PICKUP],
  ['recordPickupOutcome', 'hatinh.stttt', 'FORBIDDEN', HT_PICKUP],
];

const DESK_SQL = `SELECT d.id FROM one_stop_desk d JOIN agency a ON a.id = d.agency_id JOIN administrative_unit p ON p.id = d.province_id
  WHERE p.code = $1 AND p.level = 'PROVINCE' AND d.retired_on IS NULL AND coalesce(d.identifier_code, a.identifier_code) IS NOT NULL ORDER BY d.code LIMIT 1`;
const QUEUE = `query($filter: PickupQueueFilter) { pickupQueue(first: 100, filter: $filter) { totalCount edges { node { id status address postOffice { code } dossier { id } } } } }`;
const SCHEDULE = `mutation($input: SchedulePickupInput!) { schedulePickup(input: $input) { pickup { id status version } } }`;
const OUTCOME = `mutation($input: PickupOutcomeInput!) { recordPickupOutcome(input: $input) { pickup { id status version } } }`;

export function pickupScenarios(ctx: ScopeContext): Scenarios {
  const t = (): TestApp => ctx.app();
  let serial = 0;

  /** An online dossier with postal pickup for a desk of the province, collected by the post office. */
  const register = async (province: '42' | '75', office: string) => {
    const [desk] = await t().sql(DESK_SQL, [province]);
    const [post] = await t().sql(`SELECT id FROM post_office WHERE code = $1`, [office]);
    const [procedure] = await t().sql(`SELECT id FROM procedure WHERE province_id = (SELECT province_id FROM one_stop_desk WHERE id = $1) AND bcci_mode = 'RECEIVE_AND_RETURN' AND retired_on IS NULL ORDER BY code LIMIT 1`, [desk.id]);
    const service = t().app.container.get(DossierService);
    const dossier = await t().app.dataSource.transaction((m) =>
      service.registerOnline(m, SYSTEM, {
        procedureId: procedure.id,
        deskId: desk.id,
        postOfficeId: post.id,
        applicant: { fullName: `Người nộp thử phạm vi ${++serial}`, phone: '0912 345 678', nationalId: null, email: null, address: null },
        pickupAddress: 'Thôn 1, xã thử nghiệm',
        components: [],
        resultDelivery: 'AT_DESK' as never,
      }),
    );
    const [appointment] = await t().sql(`SELECT id, version, status FROM pickup_appointment WHERE dossier_id = $1`, [dossier.id]);
    return appointment as { id: string; version: number; status: string };
  };
  let both: Promise<void> | null = null;
  const world = () => (both ??= (async () => void (await register('42', 'BD-42'), await register('75', 'BD-70')))());
  const appointmentState = async (id: string) => (await t().sql(`SELECT status, version, window_from, attempts FROM pickup_appointment WHERE id = $1`, [id]))[0];

  const queue = (filter: () => Promise<Record<string, unknown> | null>): Scenario => async (caller, who) => {
    await world();
    const res = await t().gql(QUEUE, { filter: await filter() }, caller);
    return {
      res,
      verify(data) {
        const codes = new Set<string>(data.edges.map((e: any) => e.node.postOffice.code as string));
        if (who === 'hatinh.buudien') expect([...codes].every((c) => c === 'BD-42' || c.startsWith('BD-42'))).toBe(true);
        if (who === 'binhphuoc.buudien' || who === 'dongnai.bcd') expect(codes.has('BD-42')).toBe(false);
        if (who === 'hatinh.bcd' || who === 'hatinh.quantri') expect(codes.has('BD-70')).toBe(false);
        // The address is for those who handle the dossier: not the steering committee, not a national administrator.
        if (who === 'hatinh.bcd' || who === 'admin') expect(data.edges.every((e: any) => e.node.address === null)).toBe(true);
        if (who === 'hatinh.buudien') expect(data.edges.every((e: any) => e.node.address !== null)).toBe(true);
      },
    };
  };
  const htOffice = async () => ({ postOfficeId: (await t().sql(`SELECT id FROM post_office WHERE code = 'BD-42'`))[0].id });

  const write = (mutation: string, input: (a: { id: string; version: number }) => Record<string, unknown>, prepare?: (a: { id: string; version: number }) => Promise<{ id: string; version: number }>): Scenario => async (caller) => {
    let a: { id: string; version: number } = await register('42', 'BD-42');
    if (prepare) a = await prepare(a);
    const before = await appointmentState(a.id);
    const res = await t().gql(mutation, { input: input(a) }, caller);
    return {
      res,
      async verify(_data, outcome) {
        if (outcome === 'ALLOWED') return expect(await appointmentState(a.id)).not.toEqual(before);
        expect(await appointmentState(a.id)).toEqual(before);
        if (outcome === 'NOT_FOUND') expect(sameErrorApartFromIds(res, await t().gql(mutation, { input: { ...input(a), id: UNKNOWN_ID } }, caller))).toBe(true);
      },
    };
  };
  const window = () => ({ windowFrom: new Date(Date.now() + 2 * 3600_000).toISOString(), windowTo: new Date(Date.now() + 4 * 3600_000).toISOString() });
  const scheduled = async (a: { id: string; version: number }) => ok(await t().gql(SCHEDULE, { input: { id: a.id, version: a.version, ...window() } }, { as: 'hatinh.buudien' })).schedulePickup.pickup as { id: string; version: number };

  return {
    pickupQueue: { all: queue(async () => null), [HT]: queue(htOffice) },
    schedulePickup: { [HT_PICKUP]: write(SCHEDULE, (a) => ({ id: a.id, version: a.version, ...window() })) },
    recordPickupOutcome: { [HT_PICKUP]: write(OUTCOME, (a) => ({ id: a.id, version: a.version, outcome: 'NOT_AT_HOME' }), scheduled) },
  };
}
