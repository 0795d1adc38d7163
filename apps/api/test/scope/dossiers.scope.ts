/**
 * The scope matrix of dossiers and their public tracking (run by test/scope.test.ts).
 *
 * The story: three dossiers. The desk's: received at the counter of the Hà Tĩnh public administration
 * centre (42-TTPVHCC-MC, the demo clerk's desk), decided by the Department of Information and
 * Communications (42-STTTT, the demo officer's agency), no post office involved. The post office's:
 * taken in by Hà Tĩnh's provincial post office (BD-42, the demo manager's) for another Hà Tĩnh desk,
 * decided by that desk's agency. The Đồng Nai one: taken in by Bình Phước's post office (BD-70) for a
 * Đồng Nai desk.
 *
 * Who reads (the reach): the province for its administrators and steering committee, every province
 * for a national administrator, the desk for a counter clerk, the deciding agency for an agency
 * officer, the post office and those reporting to it for a post office manager. Outside the reach a
 * dossier is hidden on a read (null, an empty page, counts of nothing) and NOT_FOUND to a write or a
 * form (word for word the answer for an id that does not exist). Within it, the applicant's personal
 * data is shown to those who handle the dossier (its desk's clerk, its agency's officer, its post
 * office's manager, the province's administrators) and masked to the others (the steering committee;
 * a national administrator, who handles none and so prints no form either).
 *
 * Who writes: a step of the status machine belongs to the desk's clerk or the deciding agency's
 * officer (see dossier-status.ts), so is FORBIDDEN to everyone else in reach, the apology too; a
 * reception to a clerk at their own desk or a post office manager for a desk of the province
 * (another province's desk or procedure is BAD_USER_INPUT, as for an unknown id); a postal event to
 * the clerk or the post office manager who handles it; the counter's rating to the desk's clerk. A
 * refused write changes nothing.
 *
 * Public tracking is for anyone, signed in or not, with the dossier's code and the applicant's phone;
 * a wrong phone or code answers null (the rating false), exactly as the right ones would for nobody;
 * a token that no longer works is refused even here.
 *
 * Records: the procedures and the three dossiers made once for the reads, a dossier of its own for
 * every write (received, and brought along the machine, by the demo clerk and officer or the managers).
 */
import { addDays, todayInVietnam } from '../../src/platform/graphql/scalars';
import { ok, type TestApp } from '../harness';
import { sameErrorApartFromIds, UNKNOWN_ID, type Outcome, type Row, type Scenario, type Scenarios, type ScopeContext, type Who } from './matrix';

// --- The rows ---------------------------------------------------------------------------------

type Kind = 'desk' | 'post' | 'dn';
/** Who reads each of the three dossiers (the rest are hidden from it). */
const READS: Record<Kind, Who[]> = {
  desk: ['admin', 'hatinh.bcd', 'hatinh.quay', 'hatinh.stttt', 'hatinh.quantri'],
  post: ['admin', 'hatinh.bcd', 'hatinh.buudien', 'hatinh.quantri'],
  dn: ['admin', 'dongnai.bcd', 'binhphuoc.buudien', 'dongnai.quantri'],
};
/** Who handles each and so sees the applicant (the other readers see them masked). */
const HANDLES: Record<Kind, Who[]> = {
  desk: ['hatinh.quay', 'hatinh.stttt', 'hatinh.quantri'],
  post: ['hatinh.buudien', 'hatinh.quantri'],
  dn: ['binhphuoc.buudien', 'dongnai.quantri'],
};
const SIGNED_IN: Who[] = ['admin', 'hatinh.bcd', 'hatinh.buudien', 'hatinh.quay', 'hatinh.stttt', 'hatinh.quantri', 'dongnai.bcd', 'binhphuoc.buudien', 'dongnai.quantri'];

const DESK = 'the desk’s dossier';
const POST = 'the post office’s dossier';
const DN = 'the Đồng Nai dossier';

/** Refused a write of the desk's dossier by role, though they read it. */
const forbidden = (op: string, scenario: string, who: Who[]): Row[] => who.map((w): Row => [op, w, 'FORBIDDEN', scenario]);

// prettier-ignore
export const DOSSIER_ROWS: Row[] = [
  // The grid: every dossier within the caller's reach, and only those, whatever the filter names.
  ['dossiers', 'anonymous', 'UNAUTHENTICATED', 'all'],
  ...SIGNED_IN.map((who): Row => ['dossiers', who, 'ALLOWED', 'all: within reach']),
  ['dossiers', 'hatinh.quay', 'HIDDEN', `search ${POST} by code`],
  ['dossiers', 'hatinh.stttt', 'HIDDEN', `search ${POST} by code`],
  ['dossiers', 'hatinh.buudien', 'HIDDEN', `search ${DESK} by code`],
  ['dossiers', 'dongnai.bcd', 'HIDDEN', `search ${DESK} by code`],
  ['dossiers', 'binhphuoc.buudien', 'HIDDEN', 'deskId of the clerk’s desk'],
  ['dossiers', 'hatinh.bcd', 'HIDDEN', `search ${DN} by code`],
  ['dossierStatusCounts', 'anonymous', 'UNAUTHENTICATED', 'all'],
  ...(['admin', 'hatinh.bcd', 'hatinh.quay', 'hatinh.stttt', 'hatinh.buudien', 'binhphuoc.buudien'] as Who[]).map((who): Row => ['dossierStatusCounts', who, 'ALLOWED', 'all: within reach']),
  ['dossierStatusCounts', 'dongnai.bcd', 'HIDDEN', 'deskId of the clerk’s desk'],
  ['dossierStatusCounts', 'hatinh.quay', 'HIDDEN', 'deskId of the other desk'],

  // A dossier: read within reach, the applicant masked to those who do not handle it.
  ['dossier', 'anonymous', 'UNAUTHENTICATED', DESK],
  ...READS.desk.map((who): Row => ['dossier', who, 'ALLOWED', DESK]),
  ...(['hatinh.buudien', 'dongnai.bcd', 'binhphuoc.buudien', 'dongnai.quantri'] as Who[]).map((who): Row => ['dossier', who, 'HIDDEN', DESK]),
  ['dossier', 'hatinh.buudien', 'ALLOWED', POST],
  ['dossier', 'hatinh.quay', 'HIDDEN', POST],
  ['dossier', 'hatinh.stttt', 'HIDDEN', POST],
  ['dossier', 'dongnai.bcd', 'ALLOWED', DN],
  ['dossier', 'binhphuoc.buudien', 'ALLOWED', DN],
  ['dossier', 'hatinh.bcd', 'HIDDEN', DN],
  ['dossier', 'hatinh.quantri', 'HIDDEN', DN],
  ['dossier', 'hatinh.quay', 'BAD_USER_INPUT', 'an id that is not one'],
  ['dossierByCode', 'anonymous', 'UNAUTHENTICATED', DESK],
  ['dossierByCode', 'hatinh.quay', 'ALLOWED', DESK],
  ['dossierByCode', 'hatinh.bcd', 'ALLOWED', DESK],
  ['dossierByCode', 'dongnai.bcd', 'HIDDEN', DESK],
  ['dossierByCode', 'hatinh.stttt', 'HIDDEN', POST],
  ['dossierByCode', 'binhphuoc.buudien', 'ALLOWED', DN],

  // The due moment before saving: for those who receive, on a procedure of their province.
  ['dossierDueAt', 'anonymous', 'UNAUTHENTICATED', 'a Hà Tĩnh procedure'],
  ['dossierDueAt', 'hatinh.quay', 'ALLOWED', 'a Hà Tĩnh procedure'],
  ['dossierDueAt', 'hatinh.buudien', 'ALLOWED', 'a Hà Tĩnh procedure'],
  ...forbidden('dossierDueAt', 'a Hà Tĩnh procedure', ['admin', 'hatinh.bcd', 'hatinh.stttt', 'hatinh.quantri', 'dongnai.bcd']),
  ['dossierDueAt', 'binhphuoc.buudien', 'BAD_USER_INPUT', 'a Hà Tĩnh procedure'],
  ['dossierDueAt', 'binhphuoc.buudien', 'ALLOWED', 'a Đồng Nai procedure'],
  ['dossierDueAt', 'hatinh.quay', 'BAD_USER_INPUT', 'a Đồng Nai procedure'],

  // Satisfaction per desk and clerk: the ratings of the dossiers within reach (the grid's), and only those.
  ['dossierSatisfaction', 'anonymous', 'UNAUTHENTICATED', 'today'],
  ...SIGNED_IN.map((who): Row => ['dossierSatisfaction', who, 'ALLOWED', 'today']),
  ['dossierSatisfaction', 'dongnai.bcd', 'ALLOWED', 'today, deskId of the clerk’s desk'],
  ['dossierSatisfaction', 'hatinh.quay', 'ALLOWED', 'today, deskId of the other desk'],
  ['dossierSatisfaction', 'hatinh.bcd', 'BAD_USER_INPUT', 'a period ending before it starts'],

  // The forms carry personal data: for those who handle the dossier.
  ['dossierDocument', 'anonymous', 'UNAUTHENTICATED', `the receipt of ${DESK}`],
  ...HANDLES.desk.map((who): Row => ['dossierDocument', who, 'ALLOWED', `the receipt of ${DESK}`]),
  ['dossierDocument', 'hatinh.buudien', 'ALLOWED', `the receipt of ${POST}`],
  ...forbidden('dossierDocument', `the receipt of ${DESK}`, ['hatinh.bcd', 'admin']),
  ...(['hatinh.buudien', 'dongnai.bcd', 'binhphuoc.buudien'] as Who[]).map((who): Row => ['dossierDocument', who, 'NOT_FOUND', `the receipt of ${DESK}`]),

  // Public tracking: the code and the applicant's phone, nothing else.
  ['trackDossier', 'anonymous', 'ALLOWED', 'the code and the applicant’s phone'],
  ['trackDossier', 'dongnai.bcd', 'ALLOWED', 'the code and the applicant’s phone'],
  ['trackDossier', 'revoked', 'UNAUTHENTICATED', 'the code and the applicant’s phone'],
  ['trackDossier', 'anonymous', 'HIDDEN', 'the code and another phone'],
  ['trackDossier', 'anonymous', 'HIDDEN', 'a code that does not exist and the applicant’s phone'],
  ['rateDossierService', 'anonymous', 'ALLOWED', 'a returned dossier, the applicant’s phone'],
  ['rateDossierService', 'revoked', 'UNAUTHENTICATED', 'a returned dossier, the applicant’s phone'],
  ['rateDossierService', 'anonymous', 'HIDDEN', 'a returned dossier, another phone'],

  // Reception: a clerk at their desk, a post office manager for a desk of the province.
  ['receiveDossier', 'anonymous', 'UNAUTHENTICATED', 'at the clerk’s desk'],
  ['receiveDossier', 'hatinh.quay', 'ALLOWED', 'at the clerk’s desk'],
  ['receiveDossier', 'hatinh.quay', 'FORBIDDEN', 'at the other desk'],
  ['receiveDossier', 'hatinh.buudien', 'ALLOWED', 'through the post office, for the other desk'],
  ['receiveDossier', 'hatinh.buudien', 'BAD_USER_INPUT', 'through the post office, for the other desk, a Đồng Nai procedure'],
  ['receiveDossier', 'binhphuoc.buudien', 'ALLOWED', 'through the post office, for a Đồng Nai desk'],
  ['receiveDossier', 'binhphuoc.buudien', 'BAD_USER_INPUT', 'through the post office, for a Hà Tĩnh desk'],
  ...forbidden('receiveDossier', 'at the clerk’s desk', ['admin', 'hatinh.bcd', 'hatinh.stttt', 'hatinh.quantri', 'dongnai.bcd']),

  // Steps: the desk's clerk or the deciding agency's officer, each their own steps.
  ['takeDossierStep', 'anonymous', 'UNAUTHENTICATED', 'forward a dossier of the desk'],
  ['takeDossierStep', 'hatinh.quay', 'ALLOWED', 'forward a dossier of the desk'],
  ...forbidden('takeDossierStep', 'forward a dossier of the desk', ['hatinh.stttt', 'hatinh.bcd', 'hatinh.quantri', 'admin']),
  ...(['hatinh.buudien', 'dongnai.bcd', 'binhphuoc.buudien'] as Who[]).map((who): Row => ['takeDossierStep', who, 'NOT_FOUND', 'forward a dossier of the desk']),
  ['takeDossierStep', 'hatinh.stttt', 'ALLOWED', 'result ready on a dossier of the agency'],
  ['takeDossierStep', 'hatinh.quay', 'FORBIDDEN', 'result ready on a dossier of the agency'],
  ['takeDossierStep', 'hatinh.quay', 'NOT_FOUND', 'forward a post office’s dossier of the other desk'],
  ['takeDossierStep', 'binhphuoc.buudien', 'FORBIDDEN', 'forward a Đồng Nai dossier'],
  ['apologiseForDossier', 'anonymous', 'UNAUTHENTICATED', 'a dossier being processed'],
  ['apologiseForDossier', 'hatinh.stttt', 'ALLOWED', 'a dossier being processed'],
  ['apologiseForDossier', 'hatinh.quay', 'ALLOWED', 'a dossier being processed'],
  ...forbidden('apologiseForDossier', 'a dossier being processed', ['hatinh.bcd', 'hatinh.quantri', 'admin']),
  ['apologiseForDossier', 'hatinh.buudien', 'NOT_FOUND', 'a dossier being processed'],
  ['apologiseForDossier', 'dongnai.bcd', 'NOT_FOUND', 'a dossier being processed'],

  // The postal leg: the post office's manager or the desk's clerk who handle it.
  ['recordPostalEvent', 'anonymous', 'UNAUTHENTICATED', 'a post office’s dossier'],
  ['recordPostalEvent', 'hatinh.buudien', 'ALLOWED', 'a post office’s dossier'],
  ['recordPostalEvent', 'hatinh.quay', 'NOT_FOUND', 'a post office’s dossier'],
  ['recordPostalEvent', 'binhphuoc.buudien', 'NOT_FOUND', 'a post office’s dossier'],
  ...forbidden('recordPostalEvent', 'a post office’s dossier', ['hatinh.bcd', 'hatinh.stttt', 'hatinh.quantri', 'admin']),
  ['recordPostalEvent', 'hatinh.quay', 'ALLOWED', 'a dossier of the desk, the result by post'],
  ['recordPostalEvent', 'hatinh.buudien', 'NOT_FOUND', 'a dossier of the desk, the result by post'],

  // The rating at the counter: the desk's clerk.
  ['rateDossier', 'anonymous', 'UNAUTHENTICATED', 'a returned dossier of the desk'],
  ['rateDossier', 'hatinh.quay', 'ALLOWED', 'a returned dossier of the desk'],
  ...forbidden('rateDossier', 'a returned dossier of the desk', ['hatinh.stttt', 'hatinh.bcd', 'hatinh.buudien', 'hatinh.quantri', 'dongnai.bcd', 'admin']),
  ['rateDossier', 'hatinh.quay', 'NOT_FOUND', 'a returned dossier of the other desk'],
];

// --- The scenarios --------------------------------------------------------------------------------

const APPLICANT = { fullName: 'Phạm Thị Thu', nationalId: '042190000123', phone: '0912 345 678', email: 'thu@example.vn', address: 'Xóm 3, xã Thạch Hạ, Hà Tĩnh' };
const PHONE = '0912345678';
const D = 'id code status version dueDate promisedOn allowedActions applicant { fullName nationalId phone email address masked } deliveryAddress desk { id } agency { id } postOffice { id }';
const Q = {
  list: `query($filter: DossierFilter) { dossiers(first: 100, filter: $filter) { totalCount edges { node { id applicant { masked } } } } }`,
  counts: `query($filter: DossierFilter) { dossierStatusCounts(filter: $filter) { status count } }`,
  one: `query($id: ID!) { dossier(id: $id) { ${D} } }`,
  byCode: `query($code: String!) { dossierByCode(code: $code) { ${D} } }`,
  dueAt: `query($p: ID!) { dossierDueAt(procedureId: $p) }`,
  satisfaction: `query($f: SatisfactionFilter!) { dossierSatisfaction(filter: $f) { total { satisfied neutral dissatisfied total satisfiedShare } desks { deskId total } clerks { clerkId deskId total } } }`,
  document: `query($id: ID!) { dossierDocument(id: $id, form: RECEIPT) { fileName contentType contentBase64 } }`,
  track: `query($code: String!, $phone: String!) { trackDossier(code: $code, phone: $phone) { code status procedure { code name } timeline { kind label } canRate } }`,
  rateService: `mutation($code: String!, $phone: String!) { rateDossierService(code: $code, phone: $phone, rating: SATISFIED) }`,
  receive: `mutation($input: ReceiveDossierInput!) { receiveDossier(input: $input) { dossier { ${D} } } }`,
  step: `mutation($input: DossierStepInput!) { takeDossierStep(input: $input) { dossier { ${D} } } }`,
  apologise: `mutation($input: ApologiseInput!) { apologiseForDossier(input: $input) { dossier { ${D} } } }`,
  postal: `mutation($input: PostalEventInput!) { recordPostalEvent(input: $input) { dossier { ${D} } } }`,
  rate: `mutation($input: RateDossierInput!) { rateDossier(input: $input) { dossier { ${D} } } }`,
};

interface Refs {
  province: { '42': string; '75': string };
  /** The demo clerk's desk, another Hà Tĩnh desk (not of 42-STTTT), a Đồng Nai desk. */
  clerkDesk: string;
  otherDesk: string;
  dnDesk: string;
  officerAgency: string;
  /** Decided by 42-STTTT; decided by the desk's agency (Hà Tĩnh); a Đồng Nai one. Each through the post as well. */
  procedure: { desk: string; post: string; dn: string };
}
interface Made {
  id: string;
  code: string;
  version: number;
  status: string;
  dueDate: string;
}

/** A desk of a province other than `except`, able to code dossiers (its own or its agency's identifier code), not of 42-STTTT. */
const DESK_SQL = `SELECT d.id FROM one_stop_desk d JOIN agency a ON a.id = d.agency_id JOIN administrative_unit p ON p.id = d.province_id
  WHERE p.code = $1 AND p.level = 'PROVINCE' AND d.retired_on IS NULL AND d.id <> $2 AND a.code <> '42-STTTT' AND coalesce(d.identifier_code, a.identifier_code) IS NOT NULL
  ORDER BY d.code LIMIT 1`;

export function dossierScenarios(ctx: ScopeContext): Scenarios {
  const t = (): TestApp => ctx.app();
  let counter = 0;
  let refs: Promise<Refs> | null = null;

  const newProcedure = async (provinceId: string, agencyId: string | null) => {
    const [field] = await t().sql(`SELECT id FROM procedure_field WHERE code = 'HO_TICH'`);
    const input = {
      provinceId, agencyId, code: `SC.D.${++counter}`, name: `Thủ tục thử phạm vi hồ sơ ${counter}`, fieldId: field.id, level: 'PROVINCE',
      procedureFee: 50000, postalFee: 26000, processingTime: 5, bcciMode: 'RECEIVE_AND_RETURN', components: [{ name: 'Tờ khai', originals: 1, copies: 0, required: true }],
    };
    return ok(await t().gql(`mutation($input: CreateProcedureInput!) { createProcedure(input: $input) { procedure { id } } }`, { input }, { as: 'admin' })).createProcedure.procedure.id as string;
  };
  const ids = () =>
    (refs ??= (async () => {
      const provinces = await t().sql(`SELECT id, code FROM administrative_unit WHERE code IN ('42', '75') AND level = 'PROVINCE' AND valid_to IS NULL`);
      const province = { '42': provinces.find((p) => p.code === '42').id as string, '75': provinces.find((p) => p.code === '75').id as string };
      const [clerk] = await t().sql(`SELECT one_stop_desk_id AS desk FROM app_user WHERE username = 'hatinh.quay'`);
      const [officer] = await t().sql(`SELECT agency_id AS agency FROM app_user WHERE username = 'hatinh.stttt'`);
      const [other] = await t().sql(DESK_SQL, ['42', clerk.desk]);
      const [dn] = await t().sql(DESK_SQL, ['75', clerk.desk]);
      return {
        province,
        clerkDesk: clerk.desk,
        otherDesk: other.id,
        dnDesk: dn.id,
        officerAgency: officer.agency,
        procedure: { desk: await newProcedure(province['42'], officer.agency), post: await newProcedure(province['42'], null), dn: await newProcedure(province['75'], null) },
      };
    })());

  /** What a reception sends, for a dossier of each kind (the applicant named as told). */
  const receptionOf = async (kind: Kind, fullName = APPLICANT.fullName, extra: Record<string, unknown> = {}) => {
    const r = await ids();
    const where = {
      desk: { procedureId: r.procedure.desk, deskId: r.clerkDesk, channel: 'AT_DESK' },
      post: { procedureId: r.procedure.post, deskId: r.otherDesk, channel: 'AT_POST_OFFICE' },
      dn: { procedureId: r.procedure.dn, deskId: r.dnDesk, channel: 'AT_POST_OFFICE' },
    }[kind];
    return { ...where, applicant: { ...APPLICANT, fullName }, components: [{ name: 'Tờ khai', originals: 1, copies: 0, digitised: true }], resultDelivery: 'AT_DESK', ...extra };
  };
  const RECEIVER: Record<Kind, Who> = { desk: 'hatinh.quay', post: 'hatinh.buudien', dn: 'binhphuoc.buudien' };
  /** A new dossier of a kind, received by the one who receives such. */
  const receive = async (kind: Kind, extra: Record<string, unknown> = {}): Promise<Made> =>
    ok(await t().gql(Q.receive, { input: await receptionOf(kind, APPLICANT.fullName, extra) }, { as: RECEIVER[kind] })).receiveDossier.dossier;
  const step = async (d: Made, action: string, as: Who): Promise<Made> => ok(await t().gql(Q.step, { input: { id: d.id, version: d.version, action } }, { as })).takeDossierStep.dossier;
  /** A dossier of the desk forwarded to the agency (PROCESSING). */
  const processing = async () => step(await receive('desk'), 'FORWARD', 'hatinh.quay');
  /** A dossier of the desk with its result returned to the applicant. */
  const returned = async () => step(await step(await processing(), 'RESULT_READY', 'hatinh.stttt'), 'RETURN_RESULT', 'hatinh.quay');

  let worlds: Promise<Record<Kind, Made>> | null = null;
  const world = async (kind: Kind) => (await (worlds ??= (async () => ({ desk: await receive('desk'), post: await receive('post'), dn: await receive('dn') }))()))[kind];

  const row = async (id: string) => (await t().sql(`SELECT status, version, promised_on, rating FROM dossier WHERE id = $1`, [id]))[0];
  const events = async (id: string, kind: string) => (await t().sql(`SELECT count(*)::int AS n FROM dossier_event WHERE dossier_id = $1 AND kind = $2`, [id, kind]))[0].n as number;

  /** The dossiers a caller reaches, in SQL: what the grid and the counts must show them. */
  const reachOf = async (who: Who): Promise<{ where: string; params: unknown[] }> => {
    const r = await ids();
    const tree = `d.post_office_id IN (WITH RECURSIVE o AS (SELECT id FROM post_office WHERE code = $1 UNION SELECT p.id FROM post_office p JOIN o ON p.parent_id = o.id) SELECT id FROM o)`;
    switch (who) {
      case 'admin': return { where: 'true', params: [] };
      case 'hatinh.bcd': case 'hatinh.quantri': return { where: 'd.province_id = $1', params: [r.province['42']] };
      case 'dongnai.bcd': case 'dongnai.quantri': return { where: 'd.province_id = $1', params: [r.province['75']] };
      case 'hatinh.quay': return { where: 'd.desk_id = $1', params: [r.clerkDesk] };
      case 'hatinh.stttt': return { where: 'd.agency_id = $1', params: [r.officerAgency] };
      case 'hatinh.buudien': return { where: tree, params: ['BD-42'] };
      case 'binhphuoc.buudien': return { where: tree, params: ['BD-70'] };
      default: throw new Error(`no reach for ${who}`);
    }
  };

  // --- Reads -------------------------------------------------------------------------------------

  const list = (filter: (w: Record<Kind, Made>, r: Refs) => Record<string, unknown> | null): Scenario => async (caller, who) => {
    const w = { desk: await world('desk'), post: await world('post'), dn: await world('dn') };
    const res = await t().gql(Q.list, { filter: filter(w, await ids()) }, caller);
    return {
      res,
      async verify(data) {
        const { where, params } = await reachOf(who);
        const inReach = new Set((await t().sql(`SELECT d.id FROM dossier d WHERE ${where}`, params)).map((x) => x.id));
        expect(data.totalCount).toBe(inReach.size);
        expect(data.edges.filter((e: any) => !inReach.has(e.node.id))).toEqual([]);
        const shown = new Set(data.edges.map((e: any) => e.node.id));
        for (const kind of ['desk', 'post', 'dn'] as Kind[]) expect([kind, shown.has(w[kind].id)]).toEqual([kind, READS[kind].includes(who)]);
        // Those who handle none of them see every applicant masked; a clerk and an officer handle all they see.
        const masked = data.edges.map((e: any) => e.node.applicant.masked);
        if (['admin', 'hatinh.bcd', 'dongnai.bcd'].includes(who)) expect(new Set(masked)).toEqual(new Set([true]));
        if (['hatinh.quay', 'hatinh.stttt'].includes(who)) expect(new Set(masked)).toEqual(new Set([false]));
      },
    };
  };
  const counts = (filter: (r: Refs) => Record<string, unknown> | null): Scenario => async (caller, who) => {
    await world('dn');
    const res = await t().gql(Q.counts, { filter: filter(await ids()) }, caller);
    return {
      res,
      async verify(data) {
        const { where, params } = await reachOf(who);
        const rows = await t().sql(`SELECT d.status, count(*)::int AS n FROM dossier d WHERE ${where} GROUP BY d.status`, params);
        const expected = Object.fromEntries(rows.map((x) => [x.status, x.n]));
        expect(Object.fromEntries(data.filter((c: any) => c.count > 0).map((c: any) => [c.status, c.count]))).toEqual(expected);
      },
    };
  };
  /** One of the three dossiers, read by id or code: as its reader may see it. */
  const one = (kind: Kind, by: 'id' | 'code'): Scenario => async (caller, who) => {
    const d = await world(kind);
    const res = by === 'id' ? await t().gql(Q.one, { id: d.id }, caller) : await t().gql(Q.byCode, { code: d.code.toLowerCase() }, caller);
    return {
      res,
      verify(data) {
        expect(data.id).toBe(d.id);
        const handles = HANDLES[kind].includes(who);
        expect(data.applicant).toEqual(
          handles
            ? { fullName: APPLICANT.fullName, nationalId: APPLICANT.nationalId, phone: PHONE, email: APPLICANT.email, address: APPLICANT.address, masked: false }
            : { fullName: 'Phạm T. T.', nationalId: '*********123', phone: '*******678', email: null, address: null, masked: true },
        );
        // Only the desk's clerk has a step to take on a dossier just received.
        expect(data.allowedActions.length > 0).toBe(kind === 'desk' && who === 'hatinh.quay');
      },
    };
  };
  /** The receipt (form 01) of one of the three dossiers; NOT_FOUND word for word as for an unknown id. */
  const receipt = (kind: Kind): Scenario => async (caller) => {
    const d = await world(kind);
    const res = await t().gql(Q.document, { id: d.id }, caller);
    if (res.errors?.[0]?.extensions.code === 'NOT_FOUND') expect(sameErrorApartFromIds(res, await t().gql(Q.document, { id: UNKNOWN_ID }, caller))).toBe(true);
    return {
      res,
      verify(data) {
        expect(data).toMatchObject({ fileName: `mau-01-${d.code}.pdf`, contentType: 'application/pdf' });
        expect(Buffer.from(data.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
      },
    };
  };

  /** The due moment of a procedure's dossier received now; a refusal word for word as for an unknown procedure. */
  const dueAt = (procedure: (r: Refs) => string): Scenario => async (caller) => {
    const res = await t().gql(Q.dueAt, { p: procedure(await ids()) }, caller);
    if (res.errors?.[0]?.extensions.code === 'BAD_USER_INPUT') expect(sameErrorApartFromIds(res, await t().gql(Q.dueAt, { p: UNKNOWN_ID }, caller))).toBe(true);
    return { res, verify: (data) => expect(data).toMatch(/^\d{4}-\d{2}-\d{2}T10:00:00\.000Z$/) };
  };

  /** Ratings given today: the desk's dossier at the counter (dissatisfied), a post office's and a Đồng Nai one (satisfied, in SQL). */
  let ratings: Promise<void> | null = null;
  const rateSome = () =>
    (ratings ??= (async () => {
      const d = await returned();
      ok(await t().gql(Q.rate, { input: { id: d.id, rating: 'DISSATISFIED' } }, { as: 'hatinh.quay' }));
      for (const kind of ['post', 'dn'] as Kind[]) {
        const x = await receive(kind);
        await t().sql(`UPDATE dossier SET status = 'RESULT_RETURNED', result_ready_at = now(), result_returned_at = now(), rating = 1, rated_at = now(), version = version + 1 WHERE id = $1`, [x.id]);
      }
    })());
  /** The summary of today's ratings: per desk and in all, exactly the rated dossiers within the caller's reach. */
  const satisfaction = (filter: (r: Refs) => Record<string, unknown>): Scenario => async (caller, who) => {
    await rateSome();
    const today = todayInVietnam();
    const f: Record<string, unknown> = { from: today, to: today, ...filter(await ids()) };
    const res = await t().gql(Q.satisfaction, { f }, caller);
    return {
      res,
      async verify(data) {
        const { where, params } = await reachOf(who);
        const n = params.length;
        const rows = await t().sql(
          `SELECT d.desk_id AS desk, count(*)::int AS n FROM dossier d WHERE ${where} AND d.rating IS NOT NULL
             AND d.rated_at >= ($${n + 1}::date - interval '7 hours') AND d.rated_at < ($${n + 2}::date + interval '17 hours') ${f.deskId ? `AND d.desk_id = $${n + 3}` : ''} GROUP BY d.desk_id`,
          [...params, f.from, f.to, ...(f.deskId ? [f.deskId] : [])],
        );
        expect(Object.fromEntries(data.desks.map((x: any) => [x.deskId, x.total]))).toEqual(Object.fromEntries(rows.map((x) => [x.desk, x.n])));
        expect(data.total.total).toBe(rows.reduce((sum, x) => sum + x.n, 0));
        expect(data.clerks.reduce((sum: number, x: any) => sum + x.total, 0)).toBe(data.total.total);
      },
    };
  };

  // --- Writes ------------------------------------------------------------------------------------

  /**
   * A write on a dossier of its own: `check` when allowed; as it was when refused (status, version,
   * promised day, rating, and no event of `eventKind`), a NOT_FOUND word for word as for an unknown id.
   */
  const onDossier =
    (make: () => Promise<Made>, mutation: string, input: (d: Made) => Record<string, unknown>, eventKind: string, check: (after: any, d: Made) => void): Scenario =>
    async (caller) => {
      const d = await make();
      const before = await row(d.id);
      const eventsBefore = await events(d.id, eventKind);
      const res = await t().gql(mutation, { input: input(d) }, caller);
      return {
        res,
        async verify(_data, outcome) {
          if (outcome === 'ALLOWED') {
            check(await row(d.id), d);
            expect(await events(d.id, eventKind)).toBe(eventsBefore + 1);
            return;
          }
          expect(await row(d.id)).toEqual(before);
          expect(await events(d.id, eventKind)).toBe(eventsBefore);
          if (outcome === 'NOT_FOUND') expect(sameErrorApartFromIds(res, await t().gql(mutation, { input: { ...input(d), id: UNKNOWN_ID } }, caller))).toBe(true);
        },
      };
    };
  const stepOn = (make: () => Promise<Made>, action: string, to: string) =>
    onDossier(make, Q.step, (d) => ({ id: d.id, version: d.version, action }), action, (after) => expect(after.status).toBe(to));

  /** A reception whose applicant is named for it alone: received into `province` when allowed, nowhere when refused. */
  const reception =
    (kind: Kind, change: (r: Refs) => Record<string, unknown>, province: '42' | '75', unknown?: Record<string, unknown>): Scenario =>
    async (caller) => {
      const r = await ids();
      const fullName = `Người nộp thử phạm vi ${++counter}`;
      const res = await t().gql(Q.receive, { input: { ...(await receptionOf(kind, fullName)), ...change(r) } }, caller);
      const other = unknown ? await t().gql(Q.receive, { input: { ...(await receptionOf(kind, `${fullName} (không có)`)), ...change(r), ...unknown } }, caller) : null;
      return {
        res,
        async verify(data, outcome: Outcome) {
          const rows = await t().sql(`SELECT d.id, p.code FROM dossier d JOIN administrative_unit p ON p.id = d.province_id WHERE d.applicant_name = $1`, [fullName]);
          expect(rows).toEqual(outcome === 'ALLOWED' ? [{ id: data.dossier.id, code: province }] : []);
          if (other) expect(sameErrorApartFromIds(res, other)).toBe(true);
        },
      };
    };

  /** Public tracking and rating by code and phone; `control` is the same with the right code and phone. */
  const tracked = (code: (d: Made) => string, phone: string): Scenario => async (caller) => {
    const d = await world('desk');
    const res = await t().gql(Q.track, { code: code(d), phone }, caller);
    return {
      res,
      control: () => t().gql(Q.track, { code: d.code, phone: PHONE }, { as: null }),
      verify(data) {
        expect(data).toMatchObject({ code: d.code, status: 'RECEIVED', canRate: false, timeline: [{ kind: 'RECEIVED_AT_DESK' }] });
        const text = JSON.stringify(data);
        for (const personal of [APPLICANT.fullName, PHONE, APPLICANT.nationalId, 'Thạch Hạ', APPLICANT.email]) expect(text).not.toContain(personal);
      },
    };
  };
  const ratedService = (phone: string): Scenario => async (caller) => {
    const d = await returned();
    const res = await t().gql(Q.rateService, { code: d.code, phone }, caller);
    return {
      res,
      control: async () => t().gql(Q.rateService, { code: (await returned()).code, phone: PHONE }, { as: null }),
      async verify(data, outcome) {
        expect((await row(d.id)).rating === null).toBe(outcome !== 'ALLOWED');
        if (outcome === 'ALLOWED') expect(data).toBe(true);
      },
    };
  };

  return {
    dossiers: {
      all: list(() => null),
      'all: within reach': list(() => null),
      [`search ${POST} by code`]: list((w) => ({ search: w.post.code })),
      [`search ${DESK} by code`]: list((w) => ({ search: w.desk.code })),
      [`search ${DN} by code`]: list((w) => ({ search: w.dn.code })),
      'deskId of the clerk’s desk': list((_w, r) => ({ deskId: r.clerkDesk })),
    },
    dossierStatusCounts: {
      all: counts(() => null),
      'all: within reach': counts(() => null),
      'deskId of the clerk’s desk': counts((r) => ({ deskId: r.clerkDesk })),
      'deskId of the other desk': counts((r) => ({ deskId: r.otherDesk })),
    },
    dossier: {
      [DESK]: one('desk', 'id'),
      [POST]: one('post', 'id'),
      [DN]: one('dn', 'id'),
      'an id that is not one': async (caller) => ({ res: await t().gql(Q.one, { id: 'ho-so-42' }, caller) }),
    },
    dossierByCode: {
      [DESK]: one('desk', 'code'),
      [POST]: one('post', 'code'),
      [DN]: one('dn', 'code'),
    },
    dossierDueAt: {
      'a Hà Tĩnh procedure': dueAt((r) => r.procedure.desk),
      'a Đồng Nai procedure': dueAt((r) => r.procedure.dn),
    },
    dossierSatisfaction: {
      today: satisfaction(() => ({})),
      'today, deskId of the clerk’s desk': satisfaction((r) => ({ deskId: r.clerkDesk })),
      'today, deskId of the other desk': satisfaction((r) => ({ deskId: r.otherDesk })),
      'a period ending before it starts': satisfaction(() => ({ to: addDays(todayInVietnam(), -1) })),
    },
    dossierDocument: {
      [`the receipt of ${DESK}`]: receipt('desk'),
      [`the receipt of ${POST}`]: receipt('post'),
    },
    trackDossier: {
      'the code and the applicant’s phone': tracked((d) => d.code, '+84 912 345 678'),
      'the code and another phone': tracked((d) => d.code, '0912 345 679'),
      'a code that does not exist and the applicant’s phone': tracked((d) => `${d.code.slice(0, -4)}9999`, PHONE),
    },
    rateDossierService: {
      'a returned dossier, the applicant’s phone': ratedService(PHONE),
      'a returned dossier, another phone': ratedService('0912 345 679'),
    },
    receiveDossier: {
      'at the clerk’s desk': reception('desk', () => ({}), '42'),
      'at the other desk': reception('desk', (r) => ({ deskId: r.otherDesk, procedureId: r.procedure.post }), '42'),
      'through the post office, for the other desk': reception('post', () => ({}), '42'),
      'through the post office, for the other desk, a Đồng Nai procedure': reception('post', (r) => ({ procedureId: r.procedure.dn }), '42', { procedureId: UNKNOWN_ID }),
      'through the post office, for a Đồng Nai desk': reception('dn', () => ({}), '75'),
      'through the post office, for a Hà Tĩnh desk': reception('dn', (r) => ({ deskId: r.otherDesk }), '75', { deskId: UNKNOWN_ID }),
    },
    takeDossierStep: {
      'forward a dossier of the desk': stepOn(() => receive('desk'), 'FORWARD', 'PROCESSING'),
      'result ready on a dossier of the agency': stepOn(processing, 'RESULT_READY', 'RESULT_READY'),
      'forward a post office’s dossier of the other desk': stepOn(() => receive('post'), 'FORWARD', 'PROCESSING'),
      'forward a Đồng Nai dossier': stepOn(() => receive('dn'), 'FORWARD', 'PROCESSING'),
    },
    apologiseForDossier: {
      'a dossier being processed': onDossier(
        processing,
        Q.apologise,
        (d) => ({ id: d.id, version: d.version, newDate: addDays(d.dueDate, 3), reason: 'Chờ xác minh của cơ quan phối hợp' }),
        'APOLOGY',
        (after, d) => expect(after.promised_on).toBe(addDays(d.dueDate, 3)),
      ),
    },
    recordPostalEvent: {
      'a post office’s dossier': onDossier(() => receive('post'), Q.postal, (d) => ({ id: d.id, kind: 'PICKED_UP', place: 'Bưu điện tỉnh Hà Tĩnh' }), 'PICKED_UP', () => undefined),
      'a dossier of the desk, the result by post': onDossier(
        () => receive('desk', { resultDelivery: 'BY_POST', deliveryAddress: 'Số 1 Trần Phú, Hà Tĩnh' }),
        Q.postal,
        (d) => ({ id: d.id, kind: 'OUT_FOR_DELIVERY', postalItem: 'EE123456785VN' }),
        'OUT_FOR_DELIVERY',
        () => undefined,
      ),
    },
    rateDossier: {
      'a returned dossier of the desk': onDossier(returned, Q.rate, (d) => ({ id: d.id, rating: 'SATISFIED' }), 'RATED', (after) => expect(after.rating).not.toBeNull()),
      // No clerk of the other desk among the callers: its dossier is brought to its end in SQL.
      'a returned dossier of the other desk': onDossier(
        async () => {
          const d = await receive('post');
          await t().sql(`UPDATE dossier SET status = 'RESULT_RETURNED', result_ready_at = now(), result_returned_at = now(), version = version + 1 WHERE id = $1`, [d.id]);
          return { ...d, status: 'RESULT_RETURNED', version: d.version + 1 };
        },
        Q.rate,
        (d) => ({ id: d.id, rating: 'SATISFIED' }),
        'RATED',
        () => undefined,
      ),
    },
  };
}

