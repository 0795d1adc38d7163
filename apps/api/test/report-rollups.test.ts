/**
 * Dossier rollups (issue 13, "Speed at scale"): `dossier_daily_rollup` is kept in the transaction of each
 * dossier change, so it always equals the naive GROUP BY over the raw dossier and event tables: after the
 * demo seed's year of dossiers, after random receptions at several desks through every channel, steps of
 * the status machine (refusals, supplements, withdrawals, stops, late and on-time results, returns at the
 * desk and by post, the applicants' ratings), and after a change that rolled back. The monthly rollup the
 * reports read their whole months from is checked alike, against the same naive rows by month, and so is
 * the place rollup (by place, month and channel), also after desks and post offices moved to other units.
 */
import { DOSSIER_STEPS, DossierAction, DossierStatus } from '../src/modules/dossiers/dossier-status';
import { Dossier } from '../src/modules/dossiers/dossier.entity';
import { DossierService } from '../src/modules/dossiers/dossier.service';
import { ROLLUP_COUNTERS } from '../src/modules/reports/dossier-rollup.service';
import { SYSTEM } from '../src/platform/graphql/context';
import { prng } from '../src/seed/dossier-seed';
import { ok, startTestApp, type TestApp } from './harness';
import { NAIVE_ROLLUP_SQL } from '../src/modules/reports/rollup-naive';

let t: TestApp;
const KEY = ['province_id', 'desk_id', 'post_office_id', 'agency_id', 'day', 'channel'];

/** The naive answer (shared with the volume reports' test): see rollup-naive.ts. */
const NAIVE = NAIVE_ROLLUP_SQL;
const ROLLUP = `SELECT province_id::text, desk_id::text, post_office_id::text, agency_id::text, to_char(day, 'YYYY-MM-DD') AS day, channel::text AS channel, ${ROLLUP_COUNTERS.join(', ')} FROM dossier_daily_rollup`;

type Row = Record<string, string | number | null>;
/** Rows as comparable lines, sorted, rows whose counters are all zero left out. */
const lines = (rows: Row[]) =>
  rows
    .filter((r) => ROLLUP_COUNTERS.some((c) => Number(r[c]) !== 0))
    .map((r) => [...KEY.map((k) => r[k] ?? '-'), ...ROLLUP_COUNTERS.map((c) => `${c}=${Number(r[c])}`)].join(' '))
    .sort();
/** The monthly rollup (migration 1765600000000, kept from the daily one by triggers): the naive rows by month. */
const MONTH_KEY = ['province_id', 'desk_id', 'post_office_id', 'agency_id', 'month', 'channel'];
const MONTHLY = `SELECT province_id::text, desk_id::text, post_office_id::text, agency_id::text, to_char(month, 'YYYY-MM-DD') AS month, channel::text AS channel, ${ROLLUP_COUNTERS.join(', ')} FROM dossier_monthly_rollup`;
const NAIVE_MONTHLY = `
  SELECT n.province_id, n.desk_id, n.post_office_id, n.agency_id, to_char(date_trunc('month', n.day::date), 'YYYY-MM-DD') AS month, n.channel,
         ${ROLLUP_COUNTERS.map((c) => `sum(n.${c})::int AS ${c}`).join(', ')}
    FROM (${NAIVE}) n
   GROUP BY 1, 2, 3, 4, 5, 6`;
const monthLines = (rows: Row[]) =>
  rows
    .filter((r) => ROLLUP_COUNTERS.some((c) => Number(r[c]) !== 0))
    .map((r) => [...MONTH_KEY.map((k) => r[k] ?? '-'), ...ROLLUP_COUNTERS.map((c) => `${c}=${Number(r[c])}`)].join(' '))
    .sort();
/** The place rollup: the naive rows by place (the desk's unit today, else the post office's, the agency's, the province), month and channel. */
const PLACE_KEY = ['place_id', 'month', 'channel'];
const PLACES = `SELECT place_id::text, to_char(month, 'YYYY-MM-DD') AS month, channel::text AS channel, ${ROLLUP_COUNTERS.join(', ')} FROM dossier_place_rollup`;
const NAIVE_PLACES = `
  SELECT coalesce(kd.administrative_unit_id, po.administrative_unit_id, ag.administrative_unit_id, n.province_id::uuid)::text AS place_id,
         to_char(date_trunc('month', n.day::date), 'YYYY-MM-DD') AS month, n.channel,
         ${ROLLUP_COUNTERS.map((c) => `sum(n.${c})::int AS ${c}`).join(', ')}
    FROM (${NAIVE}) n
    LEFT JOIN one_stop_desk kd ON kd.id = n.desk_id::uuid
    LEFT JOIN post_office po ON po.id = n.post_office_id::uuid
    LEFT JOIN agency ag ON ag.id = n.agency_id::uuid
   GROUP BY 1, 2, 3`;
const placeLines = (rows: Row[]) =>
  rows
    .filter((r) => ROLLUP_COUNTERS.some((c) => Number(r[c]) !== 0))
    .map((r) => [...PLACE_KEY.map((k) => r[k] ?? '-'), ...ROLLUP_COUNTERS.map((c) => `${c}=${Number(r[c])}`)].join(' '))
    .sort();
async function expectRollupEqualsNaive(): Promise<string[]> {
  const naive = lines(await t.sql(NAIVE));
  expect(lines(await t.sql(ROLLUP))).toEqual(naive);
  expect(monthLines(await t.sql(MONTHLY))).toEqual(monthLines(await t.sql(NAIVE_MONTHLY)));
  expect(placeLines(await t.sql(PLACES))).toEqual(placeLines(await t.sql(NAIVE_PLACES)));
  return naive;
}
const totals = async () => (await t.sql(`SELECT ${ROLLUP_COUNTERS.map((c) => `coalesce(sum(${c}), 0)::int AS ${c}`).join(', ')} FROM dossier_daily_rollup`))[0] as Record<string, number>;

beforeAll(async () => {
  process.env.OSP_DEMO_DOSSIERS = '1'; // the demo seed's year of dossiers, left out of test databases unless asked for
  try {
    t = await startTestApp({ signInAs: 'hatinh.quantri' });
  } finally {
    delete process.env.OSP_DEMO_DOSSIERS;
  }
}, 180_000);
afterAll(() => t.close());

it('counts the demo seed’s year of dossiers exactly as the naive GROUP BY does', async () => {
  const naive = await expectRollupEqualsNaive();
  expect(naive.length).toBeGreaterThan(100);
  const sum = await totals();
  const [raw] = await t.sql(`SELECT count(*) FILTER (WHERE to_status = 'RECEIVED')::int AS received, count(*) FILTER (WHERE to_status = 'RESULT_RETURNED')::int AS returned FROM dossier_event`);
  expect(sum.received).toBe(raw.received);
  expect(sum.results_returned).toBe(raw.returned);
  expect(sum.received).toBe(sum.at_desk + sum.received_via_bcci);
  expect(sum.online).toBeGreaterThan(0);
  expect(sum.digitised).toBeGreaterThan(0);
  expect(sum.resolved_late).toBeGreaterThan(0);
  expect(sum.results_returned_via_bcci).toBeGreaterThan(0);
  const [rated] = await t.sql(`SELECT count(*)::int AS n FROM dossier WHERE rating IS NOT NULL`);
  expect(sum.rated_satisfied + sum.rated_neutral + sum.rated_dissatisfied).toBe(rated.n);
  expect(sum.rated_dissatisfied).toBeGreaterThan(0);
});

describe('random receptions, steps and returns', () => {
  const seed = Number(process.env.ROLLUP_SEED ?? 20261205);
  const rng = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng.next() * xs.length)];
  let desks: Array<{ id: string; code: string; clerk: string }>;
  let offices: string[];
  let procedures: string[];
  const open = new Map<string, { version: number; status: DossierStatus }>();

  beforeAll(async () => {
    const [me] = await t.sql(`SELECT province_id FROM app_user WHERE username = 'hatinh.quay'`);
    const found: Array<{ id: string; code: string }> = await t.sql(
      `SELECT k.id, k.code FROM one_stop_desk k JOIN agency a ON a.id = k.agency_id
        WHERE k.province_id = $1 AND (k.retired_on IS NULL OR k.retired_on > current_date) AND coalesce(k.identifier_code, a.identifier_code) IS NOT NULL
        ORDER BY k.code = '42-TTPVHCC-MC' DESC, k.code LIMIT 4`,
      [me.province_id],
    );
    expect(found.length).toBeGreaterThanOrEqual(3);
    // A clerk at each desk (the demo has one, at the provincial centre): the same demo password.
    desks = [];
    for (const [i, d] of found.entries()) {
      const clerk = d.code === '42-TTPVHCC-MC' ? 'hatinh.quay' : `rollup.quay${i}`;
      if (clerk !== 'hatinh.quay') {
        await t.sql(
          `INSERT INTO app_user (username, display_name, password_hash, roles, scope_unit_id, province_id, one_stop_desk_id)
           SELECT $1::varchar, 'Nhân viên quầy ' || $1::text, password_hash, roles, scope_unit_id, province_id, $2::uuid FROM app_user WHERE username = 'hatinh.quay'`,
          [clerk, d.id],
        );
      }
      desks.push({ ...d, clerk });
    }
    offices = (await t.sql(`SELECT id FROM post_office WHERE province_id = $1 AND (retired_on IS NULL OR retired_on > current_date) ORDER BY code LIMIT 3`, [me.province_id])).map((o: { id: string }) => o.id);
    const [field] = await t.sql(`SELECT id FROM procedure_field WHERE code = 'HO_TICH'`);
    const agencies: Array<{ id: string }> = await t.sql(`SELECT id FROM agency WHERE province_id = $1 AND (retired_on IS NULL OR retired_on > current_date) ORDER BY code LIMIT 2`, [me.province_id]);
    procedures = [];
    for (const [i, agency] of agencies.entries()) {
      const input = { fieldId: field.id, level: 'PROVINCE', agencyId: agency.id, procedureFee: 0, postalFee: 26000, processingTime: 3, code: `9.77000${i}`, name: `Thủ tục thử nghiệm số liệu ${i + 1}`, bcciMode: 'RECEIVE_AND_RETURN', components: [{ name: 'Tờ khai', originals: 1, copies: 0, required: true }] };
      procedures.push(ok(await t.gql(`mutation($input: CreateProcedureInput!) { createProcedure(input: $input) { procedure { id } } }`, { input })).createProcedure.procedure.id);
    }
  }, 60_000);

  const components = () => Array.from({ length: 1 + Math.floor(rng.next() * 3) }, (_, i) => ({ name: `Giấy tờ ${i + 1}`, originals: 1, copies: 0, digitised: rng.next() < 0.7 }));
  const applicant = { fullName: 'Trần Văn Số Liệu', phone: '0912 000 111', address: 'Xóm 1, xã Thạch Hạ' };

  async function receiveOne(): Promise<void> {
    const desk = pick(desks);
    const channel = pick(['AT_DESK', 'AT_DESK', 'AT_POST_OFFICE', 'HOME_APPOINTMENT', 'ONLINE_WITH_POSTAL_PICKUP'] as const);
    const resultDelivery = rng.next() < 0.5 ? 'BY_POST' : 'AT_DESK';
    const deliveryAddress = resultDelivery === 'BY_POST' ? 'Số 5 Trần Phú, Hà Tĩnh' : undefined;
    if (channel === 'ONLINE_WITH_POSTAL_PICKUP') {
      const service = t.app.container.get(DossierService);
      const d = await t.app.dataSource.transaction((m) =>
        service.registerOnline(m, SYSTEM, { procedureId: pick(procedures), deskId: desk.id, postOfficeId: pick(offices), applicant: { ...applicant, nationalId: null, email: null }, pickupAddress: 'Thôn 2, xã Thạch Trị', components: rng.next() < 0.2 ? [] : components(), resultDelivery: resultDelivery as never, portalReference: null }),
      );
      open.set(d.id, { version: d.version, status: d.status });
      return;
    }
    const input = { procedureId: pick(procedures), channel, applicant, components: components(), resultDelivery, deliveryAddress, deskId: desk.id, ...(channel === 'AT_DESK' ? {} : { postOfficeId: pick(offices) }) };
    const as = channel === 'AT_DESK' ? desk.clerk : 'hatinh.buudien';
    const d = ok(await t.gql(`mutation($input: ReceiveDossierInput!) { receiveDossier(input: $input) { dossier { id version status } } }`, { input }, { as })).receiveDossier.dossier;
    open.set(d.id, { version: d.version, status: d.status });
  }

  async function stepOne(): Promise<void> {
    const ids = [...open.keys()];
    if (!ids.length) return;
    const id = pick(ids);
    const d = open.get(id)!;
    const actions = Object.keys(DOSSIER_STEPS[d.status]) as DossierAction[];
    // Results more often than endings, so that the returns and resolutions fill up.
    const weighted = actions.flatMap((a) => (a === DossierAction.FORWARD || a === DossierAction.RESULT_READY || a === DossierAction.RETURN_RESULT || a === DossierAction.RECEIVE || a === DossierAction.SUPPLEMENT_RECEIVED ? [a, a, a, a] : [a]));
    const action = pick(weighted);
    // Some results come late: the legal due moment has passed meanwhile.
    if (action === DossierAction.RESULT_READY && rng.next() < 0.35) await t.sql(`UPDATE dossier SET due_at = now() - interval '2 hours' WHERE id = $1`, [id]);
    const after = await t.app.container.get(DossierService).step(SYSTEM, { id, version: d.version, action, note: 'Kiểm thử số liệu' } as never);
    if (after.status === DossierStatus.RESULT_RETURNED) await rate(id);
    if ([DossierStatus.NOT_ACCEPTED, DossierStatus.STOPPED, DossierStatus.RESULT_RETURNED].includes(after.status)) open.delete(id);
    else open.set(id, { version: after.version, status: after.status });
  }

  /** Most applicants rate the service once the result is returned: satisfied, neutral, dissatisfied in turn. */
  let ratings = 0;
  async function rate(id: string): Promise<void> {
    if (rng.next() < 0.25) return;
    const service = t.app.container.get(DossierService);
    const rating = (['SATISFIED', 'NEUTRAL', 'DISSATISFIED'] as const)[ratings++ % 3];
    await t.app.dataSource.transaction(async (m) => service.recordRating(m, SYSTEM, await m.getRepository(Dossier).findOneByOrFail({ id }), rating as never, null));
  }

  it(`keeps the rollup equal to the naive GROUP BY through 160 random operations (seed ${seed})`, async () => {
    const before = await totals();
    for (let i = 0; i < 160; i++) {
      if (rng.next() < 0.35 || open.size < 5) await receiveOne();
      else await stepOne();
      if (i % 40 === 39) await expectRollupEqualsNaive();
    }
    // Finish a few so that every counter moves.
    for (const [id] of [...open].slice(0, 10)) {
      while (open.has(id)) {
        const d = open.get(id)!;
        const next = ({ NEW: 'RECEIVE', RECEIVED: 'FORWARD', PROCESSING: 'RESULT_READY', SUPPLEMENT_REQUESTED: 'SUPPLEMENT_RECEIVED', AWAITING_FINANCIAL_OBLIGATION: 'FINANCIAL_OBLIGATION_MET', WITHDRAWAL_REQUESTED: 'RESUME', RESULT_READY: 'RETURN_RESULT' } as Record<string, DossierAction>)[d.status];
        const after = await t.app.container.get(DossierService).step(SYSTEM, { id, version: d.version, action: next, note: 'Kiểm thử số liệu' } as never);
        if (after.status === DossierStatus.RESULT_RETURNED) {
          await rate(id);
          open.delete(id);
        } else open.set(id, { version: after.version, status: after.status });
      }
    }
    await expectRollupEqualsNaive();
    const after = await totals();
    for (const c of ROLLUP_COUNTERS) expect({ [c]: after[c] - before[c] > 0 }).toEqual({ [c]: true });
  }, 300_000);

  it('leaves the rollups untouched by a change that rolled back', async () => {
    const before = await t.sql(ROLLUP);
    const beforeMonthly = await t.sql(MONTHLY);
    const service = t.app.container.get(DossierService);
    const [desk] = desks;
    await expect(
      t.app.dataSource.transaction(async (m) => {
        const d = await service.registerOnline(m, SYSTEM, { procedureId: procedures[0], deskId: desk.id, postOfficeId: offices[0], applicant: { ...applicant, nationalId: null, email: null }, pickupAddress: 'Thôn 2', components: components(), resultDelivery: 'AT_DESK' as never, portalReference: null });
        await service.event(m, SYSTEM, d, { kind: 'RECEIVE', fromStatus: DossierStatus.NEW, toStatus: DossierStatus.RECEIVED });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(lines(await t.sql(ROLLUP))).toEqual(lines(before));
    expect(monthLines(await t.sql(MONTHLY))).toEqual(monthLines(beforeMonthly));
    await expectRollupEqualsNaive();
  });

  it('moves a desk’s and a post office’s months to their new unit when they move', async () => {
    // A desk and a post office with dossiers, each moved to another commune in force of the province, then back.
    const [desk] = await t.sql(
      `SELECT k.id, k.administrative_unit_id AS unit, k.level FROM one_stop_desk k WHERE k.id IN (SELECT desk_id FROM dossier WHERE post_office_id IS NULL) ORDER BY k.code LIMIT 1`,
    );
    const [office] = await t.sql(`SELECT p.id, p.administrative_unit_id AS unit FROM post_office p WHERE p.id IN (SELECT post_office_id FROM dossier) ORDER BY p.code LIMIT 1`);
    const [commune] = await t.sql(
      `SELECT c.id FROM administrative_unit c WHERE c.level = 'COMMUNE' AND c.valid_to IS NULL AND c.id NOT IN ($1, $2)
          AND osp_province_of(c.id) = (SELECT province_id FROM one_stop_desk WHERE id = $3) ORDER BY c.code LIMIT 1`,
      [desk.unit, office.unit, desk.id],
    );
    const before = placeLines(await t.sql(PLACES));
    try {
      await t.sql(`UPDATE one_stop_desk SET administrative_unit_id = $2 WHERE id = $1`, [desk.id, commune.id]);
      await t.sql(`UPDATE post_office SET administrative_unit_id = $2 WHERE id = $1`, [office.id, commune.id]);
      await expectRollupEqualsNaive();
      expect(placeLines(await t.sql(PLACES))).not.toEqual(before);
    } finally {
      await t.sql(`UPDATE one_stop_desk SET administrative_unit_id = $2, level = $3 WHERE id = $1`, [desk.id, desk.unit, desk.level]);
      await t.sql(`UPDATE post_office SET administrative_unit_id = $2 WHERE id = $1`, [office.id, office.unit]);
    }
    expect(placeLines(await t.sql(PLACES))).toEqual(before);
  });
});
