/**
 * Dossiers (issue 11): reception at a desk (code, due date in working days, fees), the status machine
 * (every step by whom it belongs to, illegal steps refused, exactly one of simultaneous steps wins),
 * the clock stopped by a supplement request, overdue and the apology's new date, the postal leg with
 * S10 item numbers, personal data shown to those who handle the dossier only, public tracking (right
 * phone: timeline without personal data; wrong code or phone: null; throttled), ratings, the PDFs, and
 * gapless codes under 50 simultaneous receptions.
 */
import { WorkingDayService } from '../src/modules/working-days/working-day.service';
import { todayInVietnam } from '../src/platform/graphql/scalars';
import { audited } from './audit-trail';
import { failure, ok, startTestApp, type GraphQLResult, type TestApp } from './harness';

let t: TestApp;
let procedureId: string;
let bcciProcedureId: string;
let deskCode: string;
const D = 'id code status nationalStatusCode version dueDate dueAt overdue promisedOn clockStoppedAt procedureFee postalFee allowedActions applicant { fullName nationalId phone masked } timeline { kind label actorLabel toStatus postalItem }';
const M = {
  receive: `mutation($input: ReceiveDossierInput!) { receiveDossier(input: $input) { dossier { ${D} } } }`,
  step: `mutation($input: DossierStepInput!) { takeDossierStep(input: $input) { dossier { ${D} } } }`,
  apologise: `mutation($input: ApologiseInput!) { apologiseForDossier(input: $input) { dossier { ${D} } } }`,
  postal: `mutation($input: PostalEventInput!) { recordPostalEvent(input: $input) { dossier { ${D} } } }`,
  track: `query($code: String!, $phone: String!) { trackDossier(code: $code, phone: $phone) { code procedure { code name } status nationalStatusCode receivedAt dueDate overdue resultReturnedAt canRate timeline { at kind label } } }`,
  rate: `mutation($code: String!, $phone: String!, $rating: SatisfactionRating!) { rateDossierService(code: $code, phone: $phone, rating: $rating) }`,
  one: `query($id: ID!) { dossier(id: $id) { ${D} } }`,
  document: `query($id: ID!, $form: DossierForm!) { dossierDocument(id: $id, form: $form) { fileName contentType contentBase64 } }`,
};
const APPLICANT = { fullName: 'Nguyễn Thị Hoa', nationalId: '042190000123', phone: '0912 345 678', address: 'Xóm 3, xã Thạch Hạ, Hà Tĩnh' };
const receiveInput = (extra: Record<string, unknown> = {}) => ({
  procedureId,
  channel: 'AT_DESK',
  applicant: APPLICANT,
  components: [{ name: 'Tờ khai', originals: 1, copies: 0, digitised: true }],
  resultDelivery: 'AT_DESK',
  ...extra,
});
type DossierRow = { id: string; code: string; status: string; version: number; dueDate: string; dueAt: string; overdue: boolean; promisedOn: string | null; clockStoppedAt: string | null; procedureFee: number; postalFee: number; allowedActions: string[]; applicant: { fullName: string; nationalId: string | null; phone: string; masked: boolean }; timeline: Array<{ kind: string; label: string; actorLabel: string; toStatus: string | null; postalItem: string | null }> };
const receive = async (extra: Record<string, unknown> = {}, as = 'hatinh.quay'): Promise<DossierRow> => ok(await t.gql(M.receive, { input: receiveInput(extra) }, { as })).receiveDossier.dossier;
const step = (d: { id: string; version: number }, action: string, as: string, extra: Record<string, unknown> = {}) => t.gql(M.step, { input: { id: d.id, version: d.version, action, ...extra } }, { as });
const stepped = async (d: { id: string; version: number }, action: string, as: string, extra: Record<string, unknown> = {}): Promise<DossierRow> => ok(await step(d, action, as, extra)).takeDossierStep.dossier;
const code = (r: GraphQLResult) => failure(r).extensions.code;

beforeAll(async () => {
  t = await startTestApp({ signInAs: 'hatinh.quantri', env: { OSP_TRUST_PROXY: 'loopback' } });
  const [field] = await t.sql(`SELECT id FROM procedure_field WHERE code = 'HO_TICH'`);
  const [agency] = await t.sql(`SELECT id FROM agency WHERE code = '42-STTTT'`);
  const base = { fieldId: field.id, level: 'PROVINCE', agencyId: agency.id, procedureFee: 50000, postalFee: 26000, processingTime: 3, components: [{ name: 'Tờ khai', originals: 1, copies: 0, required: true }] };
  procedureId = ok(await t.gql(`mutation($input: CreateProcedureInput!) { createProcedure(input: $input) { procedure { id } } }`, { input: { ...base, code: '9.700001', name: 'Thủ tục thử nghiệm hồ sơ', bcciMode: 'RETURN_ONLY' } })).createProcedure.procedure.id;
  bcciProcedureId = ok(await t.gql(`mutation($input: CreateProcedureInput!) { createProcedure(input: $input) { procedure { id } } }`, { input: { ...base, code: '9.700002', name: 'Thủ tục thử nghiệm BCCI', bcciMode: 'RECEIVE_AND_RETURN' } })).createProcedure.procedure.id;
  const [desk] = await t.sql(`SELECT coalesce(d.identifier_code, a.identifier_code) AS code FROM one_stop_desk d JOIN agency a ON a.id = d.agency_id WHERE d.code = '42-TTPVHCC-MC'`);
  deskCode = desk.code;
});
afterAll(() => t.close());

describe('reception at the desk', () => {
  it('codes the dossier <unit>-YYMMDD-XXXX in sequence, counts the due day in working days, takes the fees, audits', async () => {
    const { result: first, entries } = await audited(t, () => receive());
    const today = todayInVietnam();
    const yymmdd = `${today.slice(2, 4)}${today.slice(5, 7)}${today.slice(8, 10)}`;
    expect(first.code).toMatch(new RegExp(`^${deskCode.replace(/\./g, '\\.')}-${yymmdd}-\\d{4}$`));
    const second = await receive({ resultDelivery: 'BY_POST', deliveryAddress: 'Số 1 Trần Phú, Hà Tĩnh' });
    expect(Number(second.code.slice(-4))).toBe(Number(first.code.slice(-4)) + 1);
    expect(first).toMatchObject({ status: 'RECEIVED', procedureFee: 50000, postalFee: 0, overdue: false, applicant: { fullName: 'Nguyễn Thị Hoa', phone: '0912345678', nationalId: '042190000123', masked: false } });
    expect(second.postalFee).toBe(26000);
    const due = await t.app.container.get(WorkingDayService).addWorkingDays(today, 3);
    expect(first.dueDate).toBe(due);
    expect(first.allowedActions).toEqual(expect.arrayContaining(['FORWARD', 'REQUEST_SUPPLEMENT', 'REFUSE']));
    expect(first.timeline.map((e) => e.kind)).toEqual(['RECEIVED_AT_DESK']);
    expect(first.timeline[0].actorLabel).not.toBe('hatinh.quay');
    const audit = entries.find((e) => e.action === 'dossier.receive')!;
    expect(JSON.stringify(audit.after)).not.toContain('0912345678');
    expect(JSON.stringify(audit.after)).not.toContain('Nguyễn Thị Hoa');
    expect(JSON.stringify(audit.after)).not.toContain('Thạch Hạ');
  });

  it('refuses what the rules do not allow, naming the field, and writes nothing', async () => {
    const [{ n: before }] = await t.sql(`SELECT count(*)::int AS n FROM dossier`);
    const bad = async (extra: Record<string, unknown>, field: string) => expect(failure(await t.gql(M.receive, { input: receiveInput(extra) }, { as: 'hatinh.quay' })).extensions.fields?.[0].field).toBe(field);
    await bad({ applicant: { ...APPLICANT, phone: '12345' } }, 'applicant.phone');
    await bad({ applicant: { ...APPLICANT, nationalId: '999999999999' } }, 'applicant.nationalId');
    await bad({ resultDelivery: 'BY_POST' }, 'deliveryAddress');
    await bad({ components: [] }, 'components');
    // RETURN_ONLY: the applicant files in person, not at a post office.
    const [office] = await t.sql(`SELECT id FROM post_office WHERE code = 'BD-42'`);
    await bad({ channel: 'AT_POST_OFFICE', postOfficeId: office.id }, 'channel');
    await bad({ channel: 'ONLINE_WITH_POSTAL_PICKUP' }, 'channel');
    const [other] = await t.sql(`SELECT id FROM procedure WHERE province_id <> (SELECT province_id FROM procedure WHERE id = $1) LIMIT 1`, [procedureId]);
    await bad({ procedureId: other.id }, 'procedureId');
    expect(code(await t.gql(M.receive, { input: receiveInput() }, { as: 'hatinh.bcd' }))).toBe('FORBIDDEN');
    expect(code(await t.gql(M.receive, { input: receiveInput() }, { as: null }))).toBe('UNAUTHENTICATED');
    const [{ n: after }] = await t.sql(`SELECT count(*)::int AS n FROM dossier`);
    expect(after).toBe(before);
  });

  it('a post office takes in a BCCI dossier with the postal fee of each leg', async () => {
    const [office] = await t.sql(`SELECT id FROM post_office WHERE code = 'BD-42'`);
    const d = await receive({ procedureId: bcciProcedureId, channel: 'AT_POST_OFFICE', postOfficeId: office.id, resultDelivery: 'BY_POST', deliveryAddress: 'Xóm 3, Thạch Hạ' });
    expect(d.postalFee).toBe(52000);
  });
});

describe('the status machine', () => {
  it('goes from reception to the result returned, each step by its owner; the supplement stops the clock and restarts it', async () => {
    let d = await receive();
    // The clerk cannot decide; the officer cannot forward what the desk holds.
    expect(code(await step(d, 'RESULT_READY', 'hatinh.quay'))).toBe('ILLEGAL_TRANSITION');
    expect(code(await step(d, 'FORWARD', 'hatinh.stttt'))).toBe('FORBIDDEN');
    d = await stepped(d, 'FORWARD', 'hatinh.quay');
    expect(d).toMatchObject({ status: 'PROCESSING', nationalStatusCode: 4 });
    const asOfficer: DossierRow = ok(await t.gql(M.one, { id: d.id }, { as: 'hatinh.stttt' })).dossier;
    expect(asOfficer.allowedActions.sort()).toEqual(['AWAIT_FINANCIAL_OBLIGATION', 'REQUEST_SUPPLEMENT', 'RESULT_READY', 'STOP']);
    expect(code(await step(d, 'REQUEST_SUPPLEMENT', 'hatinh.stttt'))).toBe('BAD_USER_INPUT');
    d = await stepped(d, 'REQUEST_SUPPLEMENT', 'hatinh.stttt', { note: 'Thiếu bản sao giấy khai sinh', items: ['Bản sao giấy khai sinh'] });
    expect(d.status).toBe('SUPPLEMENT_REQUESTED');
    expect(d.clockStoppedAt).not.toBeNull();
    // Make the original due moment long past: a stopped clock is not overdue.
    await t.sql(`UPDATE dossier SET due_at = now() - interval '2 days' WHERE id = $1`, [d.id]);
    expect((ok(await t.gql(M.one, { id: d.id }, { as: 'hatinh.quay' })).dossier as DossierRow).overdue).toBe(false);
    d = await stepped({ id: d.id, version: d.version }, 'SUPPLEMENT_RECEIVED', 'hatinh.quay');
    expect(d.clockStoppedAt).toBeNull();
    expect(d.dueDate).toBe(await t.app.container.get(WorkingDayService).addWorkingDays(todayInVietnam(), 3));
    d = await stepped(d, 'RESULT_READY', 'hatinh.stttt');
    d = await stepped(d, 'RETURN_RESULT', 'hatinh.quay');
    expect(d).toMatchObject({ status: 'RESULT_RETURNED', nationalStatusCode: 10, allowedActions: [] });
    expect(d.timeline.map((e) => e.kind)).toEqual(['RECEIVED_AT_DESK', 'FORWARD', 'REQUEST_SUPPLEMENT', 'SUPPLEMENT_RECEIVED', 'RESULT_READY', 'RETURN_RESULT']);
    expect(code(await step(d, 'FORWARD', 'hatinh.quay'))).toBe('ILLEGAL_TRANSITION');
  });

  it('of simultaneous steps on one dossier exactly one wins', async () => {
    const d = await receive();
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => step(d, i % 2 ? 'FORWARD' : 'REFUSE', 'hatinh.quay', { note: 'Hồ sơ không đúng thủ tục' })));
    const won = results.filter((r) => !r.errors?.length);
    expect(won).toHaveLength(1);
    for (const r of results.filter((x) => x.errors?.length)) expect(['CONFLICT', 'ILLEGAL_TRANSITION']).toContain(r.errors![0].extensions.code);
    const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM dossier_event WHERE dossier_id = $1`, [d.id]);
    expect(n).toBe(2);
  });

  it('flags an overdue dossier; the apology keeps the new date beside the legal one and prints Form 04', async () => {
    let d = await stepped(await receive(), 'FORWARD', 'hatinh.quay');
    await t.sql(`UPDATE dossier SET due_at = now() - interval '1 day' WHERE id = $1`, [d.id]);
    d = ok(await t.gql(M.one, { id: d.id }, { as: 'hatinh.stttt' })).dossier;
    expect(d.overdue).toBe(true);
    const overdue = ok(await t.gql(`query { dossiers(filter: { overdue: true }, first: 100) { edges { node { id } } } }`, {}, { as: 'hatinh.stttt' })).dossiers.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(overdue).toContain(d.id);
    const legal = d.dueDate;
    const newDate = await t.app.container.get(WorkingDayService).addWorkingDays(todayInVietnam(), 2);
    expect(failure(await t.gql(M.apologise, { input: { id: d.id, version: d.version, newDate: legal, reason: 'Chờ xác minh' } }, { as: 'hatinh.stttt' })).extensions.fields?.[0].field).toBe('newDate');
    d = ok(await t.gql(M.apologise, { input: { id: d.id, version: d.version, newDate, reason: 'Chờ xác minh của cơ quan phối hợp' } }, { as: 'hatinh.stttt' })).apologiseForDossier.dossier;
    expect(d).toMatchObject({ promisedOn: newDate, dueDate: legal, overdue: true });
    const pdf = ok(await t.gql(M.document, { id: d.id, form: 'APOLOGY' }, { as: 'hatinh.stttt' })).dossierDocument;
    expect(pdf.contentType).toBe('application/pdf');
    expect(Buffer.from(pdf.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.fileName).toBe(`mau-04-${d.code}.pdf`);
  });
});

describe('the postal leg, personal data and scope', () => {
  it('records postal events with a valid S10 number only', async () => {
    const d = await receive({ resultDelivery: 'BY_POST', deliveryAddress: 'Số 1 Trần Phú' });
    const bad = failure(await t.gql(M.postal, { input: { id: d.id, kind: 'OUT_FOR_DELIVERY', postalItem: 'EE123456789VN' } }, { as: 'hatinh.quay' }));
    expect(bad.extensions.fields?.[0].field).toBe('postalItem');
    const after: DossierRow = ok(await t.gql(M.postal, { input: { id: d.id, kind: 'OUT_FOR_DELIVERY', postalItem: 'ee 12345678 5 vn', place: 'Bưu cục Hà Tĩnh' } }, { as: 'hatinh.quay' })).recordPostalEvent.dossier;
    expect(after.timeline.at(-1)).toMatchObject({ kind: 'OUT_FOR_DELIVERY', postalItem: 'EE123456785VN', label: 'Đang phát kết quả' });
  });

  it('records the result’s delivery only for a result that goes by post, the way in only for a dossier that came through the post', async () => {
    const d = await receive();
    for (const kind of ['RESULT_COLLECTED', 'OUT_FOR_DELIVERY', 'DELIVERED', 'DELIVERY_FAILED', 'PICKED_UP', 'HANDED_TO_AGENCY']) {
      expect([kind, failure(await t.gql(M.postal, { input: { id: d.id, kind, postalItem: 'EE123456785VN' } }, { as: 'hatinh.quay' })).extensions.fields?.[0].field]).toEqual([kind, 'kind']);
    }
    const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM dossier_event WHERE dossier_id = $1`, [d.id]);
    expect(n).toBe(1);
  });

  it('shows the applicant to those who handle the dossier, masked to the steering committee, nothing to another province or desk', async () => {
    const d = await receive();
    const bcd: DossierRow = ok(await t.gql(M.one, { id: d.id }, { as: 'hatinh.bcd' })).dossier;
    expect(bcd.applicant).toEqual({ fullName: 'Nguyễn T. H.', nationalId: '*********123', phone: '*******678', masked: true });
    expect(bcd.allowedActions).toEqual([]);
    expect(ok(await t.gql(M.one, { id: d.id }, { as: 'dongnai.bcd' })).dossier).toBeNull();
    expect(ok(await t.gql(M.one, { id: d.id }, { as: 'binhphuoc.buudien' })).dossier).toBeNull();
    expect(code(await t.gql(M.document, { id: d.id, form: 'RECEIPT' }, { as: 'hatinh.bcd' }))).toBe('FORBIDDEN');
    const receipt = ok(await t.gql(M.document, { id: d.id, form: 'RECEIPT' }, { as: 'hatinh.quay' })).dossierDocument;
    expect(receipt.fileName).toBe(`mau-01-${d.code}.pdf`);
    expect(code(await t.gql(M.document, { id: d.id, form: 'REFUSAL' }, { as: 'hatinh.quay' }))).toBe('BAD_USER_INPUT');
  });

  it('finds dossiers by code, name without diacritics, phone and ID number, with counts per status', async () => {
    const d = await receive({ applicant: { ...APPLICANT, fullName: 'Trần Văn Đức', phone: '0987 654 321', nationalId: '042085000456' } });
    const find = async (search: string) => ok(await t.gql(`query($s: String) { dossiers(filter: { search: $s }) { totalCount edges { node { id } } } }`, { s: search }, { as: 'hatinh.quay' })).dossiers.edges.map((e: { node: { id: string } }) => e.node.id);
    for (const s of [d.code, 'tran van duc', '+84 987 654 321', '042085000456']) expect(await find(s)).toContain(d.id);
    const counts = ok(await t.gql(`query { dossierStatusCounts { status count } }`, {}, { as: 'hatinh.quay' })).dossierStatusCounts;
    expect(counts).toHaveLength(10);
    expect(counts.find((c: { status: string }) => c.status === 'RECEIVED').count).toBeGreaterThan(0);
  });
});

describe('public tracking', () => {
  it('answers the right phone with the timeline and no personal data, a wrong code or phone alike with null, and lets the applicant rate once', async () => {
    let d = await stepped(await receive(), 'FORWARD', 'hatinh.quay');
    const tracked = ok(await t.gql(M.track, { code: d.code, phone: '+84 912 345 678' }, { as: null })).trackDossier;
    expect(tracked).toMatchObject({ code: d.code, status: 'PROCESSING', nationalStatusCode: 4, overdue: false, canRate: false, procedure: { code: '9.700001' } });
    expect(tracked.timeline.map((e: { label: string }) => e.label)).toEqual(['Tiếp nhận hồ sơ', 'Chuyển cơ quan giải quyết']);
    const text = JSON.stringify(tracked);
    for (const personal of ['Nguyễn Thị Hoa', '0912345678', '042190000123', 'Thạch Hạ']) expect(text).not.toContain(personal);
    expect(ok(await t.gql(M.track, { code: d.code, phone: '0912345679' }, { as: null })).trackDossier).toBeNull();
    expect(ok(await t.gql(M.track, { code: `${d.code.slice(0, -4)}9999`, phone: '0912345678' }, { as: null })).trackDossier).toBeNull();
    const english = ok(await t.gql(M.track, { code: d.code, phone: '0912345678' }, { as: null, lang: 'en' })).trackDossier;
    expect(english.timeline[1].label).toBe('Forwarded to the deciding agency');

    expect(code(await t.gql(M.rate, { code: d.code, phone: '0912345678', rating: 'SATISFIED' }, { as: null }))).toBe('ILLEGAL_TRANSITION');
    d = await stepped(d, 'RESULT_READY', 'hatinh.stttt');
    d = await stepped(d, 'RETURN_RESULT', 'hatinh.quay');
    expect(ok(await t.gql(M.rate, { code: d.code, phone: '0912345678', rating: 'SATISFIED' }, { as: null })).rateDossierService).toBe(true);
    expect(code(await t.gql(M.rate, { code: d.code, phone: '0912345678', rating: 'NEUTRAL' }, { as: null }))).toBe('CONFLICT');
  });

  it('throttles an address after repeated misses', async () => {
    const headers = { 'x-forwarded-for': '203.0.113.77' };
    let last: GraphQLResult | null = null;
    for (let i = 0; i < 12; i++) last = await t.gql(M.track, { code: `XX-000000-${String(i).padStart(4, '0')}`, phone: '0900000000' }, { as: null, headers });
    const error = failure(last!);
    expect(error.extensions.code).toBe('TOO_MANY_REQUESTS');
    expect((error.extensions as { retryAfterSeconds?: number }).retryAfterSeconds).toBeGreaterThan(0);
  });
});

describe('dossier codes under load', () => {
  it('50 simultaneous receptions get 50 consecutive codes, no gap, no duplicate', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, () => t.gql(M.receive, { input: receiveInput() }, { as: 'hatinh.quay' })));
    const codes = results.map((r) => ok(r).receiveDossier.dossier.code as string);
    const numbers = codes.map((c) => Number(c.slice(-4))).sort((a, b) => a - b);
    expect(new Set(codes).size).toBe(50);
    expect(numbers.at(-1)! - numbers[0]).toBe(49);
  });
});
