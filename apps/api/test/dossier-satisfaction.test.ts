/**
 * The reception's due date before saving, and satisfaction ratings per desk and clerk (issue 11).
 *
 * dossierDueAt: the due moment a dossier of the procedure gets if received now, for those who receive,
 * the very moment the reception then records. dossierSatisfaction: the ratings given over a period on
 * the dossiers within the caller's reach (the grid's), in all, per desk and per receiving clerk, with
 * the share satisfied; Dossier.clerkName names the receiving clerk.
 */
import { WorkingDayService } from '../src/modules/working-days/working-day.service';
import { addDays, todayInVietnam } from '../src/platform/graphql/scalars';
import { failure, ok, startTestApp, type TestApp } from './harness';

let t: TestApp;
let procedureId: string;
let hoursProcedureId: string;
let clerkDesk: string;
const DUE = `query($p: ID!) { dossierDueAt(procedureId: $p) }`;
const SUMMARY = `query($f: SatisfactionFilter!) { dossierSatisfaction(filter: $f) { from to total { satisfied neutral dissatisfied total satisfiedShare }
  desks { deskId deskName satisfied neutral dissatisfied total satisfiedShare } clerks { clerkId clerkName deskId deskName satisfied neutral dissatisfied total satisfiedShare } } }`;
const RECEIVE = `mutation($input: ReceiveDossierInput!) { receiveDossier(input: $input) { dossier { id version dueAt clerkName } } }`;
const STEP = `mutation($input: DossierStepInput!) { takeDossierStep(input: $input) { dossier { id version } } }`;
const RATE = `mutation($input: RateDossierInput!) { rateDossier(input: $input) { dossier { id rating } } }`;
const code = (r: Parameters<typeof failure>[0]) => failure(r).extensions.code;

const receive = async (p = procedureId) =>
  ok(await t.gql(RECEIVE, { input: { procedureId: p, channel: 'AT_DESK', resultDelivery: 'AT_DESK', applicant: { fullName: 'Đỗ Thị Lan', phone: '0913 222 333' }, components: [{ name: 'Tờ khai', originals: 1 }] } }, { as: 'hatinh.quay' }))
    .receiveDossier.dossier;
const step = async (d: { id: string; version: number }, action: string, as: string) => ok(await t.gql(STEP, { input: { id: d.id, version: d.version, action } }, { as })).takeDossierStep.dossier;
/** A dossier of the clerk's desk, its result returned and rated as told. */
const rated = async (rating: string) => {
  const d = await step(await step(await step(await receive(), 'FORWARD', 'hatinh.quay'), 'RESULT_READY', 'hatinh.stttt'), 'RETURN_RESULT', 'hatinh.quay');
  ok(await t.gql(RATE, { input: { id: d.id, rating } }, { as: 'hatinh.quay' }));
  return d.id as string;
};

beforeAll(async () => {
  t = await startTestApp({ signInAs: 'hatinh.quantri' });
  const [field] = await t.sql(`SELECT id FROM procedure_field WHERE code = 'HO_TICH'`);
  const [agency] = await t.sql(`SELECT id FROM agency WHERE code = '42-STTTT'`);
  const base = { fieldId: field.id, level: 'PROVINCE', agencyId: agency.id, procedureFee: 0, postalFee: 0, bcciMode: 'RECEIVE_AND_RETURN', components: [{ name: 'Tờ khai', originals: 1, copies: 0, required: true }] };
  const create = async (input: Record<string, unknown>) => ok(await t.gql(`mutation($input: CreateProcedureInput!) { createProcedure(input: $input) { procedure { id } } }`, { input: { ...base, ...input } })).createProcedure.procedure.id as string;
  procedureId = await create({ code: '9.700201', name: 'Thủ tục thử đánh giá', processingTime: 7 });
  hoursProcedureId = await create({ code: '9.700202', name: 'Thủ tục thử trong ngày', processingTime: 4, processingUnit: 'WORKING_HOURS' });
  [{ desk: clerkDesk }] = await t.sql(`SELECT one_stop_desk_id AS desk FROM app_user WHERE username = 'hatinh.quay'`);
});
afterAll(() => t.close());

describe('the due date before saving', () => {
  it('is the moment the reception records, in working days (17:00 of the day) or working hours', async () => {
    const due = ok(await t.gql(DUE, { p: procedureId }, { as: 'hatinh.quay' })).dossierDueAt as string;
    const day = await t.app.container.get(WorkingDayService).addWorkingDays(todayInVietnam(), 7);
    expect(due).toBe(`${day}T10:00:00.000Z`);
    const d = await receive();
    // The same computation as the reception's, a moment later.
    expect(d.dueAt).toBe(due);
    const hours = ok(await t.gql(DUE, { p: hoursProcedureId }, { as: 'hatinh.quay' })).dossierDueAt as string;
    const expected = await t.app.container.get(WorkingDayService).addWorkingHours(new Date(), 4);
    expect(Math.abs(Date.parse(hours) - expected.getTime())).toBeLessThan(60_000);
  });

  it('is for those who receive, on a procedure of their province', async () => {
    expect(code(await t.gql(DUE, { p: procedureId }, { as: null }))).toBe('UNAUTHENTICATED');
    expect(code(await t.gql(DUE, { p: procedureId }, { as: 'hatinh.bcd' }))).toBe('FORBIDDEN');
    expect(code(await t.gql(DUE, { p: procedureId }, { as: 'hatinh.stttt' }))).toBe('FORBIDDEN');
    expect(ok(await t.gql(DUE, { p: procedureId }, { as: 'hatinh.buudien' })).dossierDueAt).toMatch(/T10:00:00\.000Z$/);
    expect(failure(await t.gql(DUE, { p: procedureId }, { as: 'binhphuoc.buudien' })).extensions.fields?.[0].field).toBe('procedureId');
    expect(failure(await t.gql(DUE, { p: 'thu-tuc' }, { as: 'hatinh.quay' })).extensions.fields?.[0].field).toBe('procedureId');
  });
});

describe('satisfaction per desk and clerk', () => {
  it('counts the period’s ratings within reach, per desk and per receiving clerk, with the share satisfied', async () => {
    const ids = [await rated('SATISFIED'), await rated('SATISFIED'), await rated('NEUTRAL'), await rated('DISSATISFIED'), await rated('SATISFIED')];
    // One rated long ago: outside today's period, inside last year's.
    await t.sql(`UPDATE dossier SET rated_at = now() - interval '400 days' WHERE id = $1`, [ids[4]]);
    const today = todayInVietnam();
    const [clerk] = await t.sql(`SELECT id, display_name FROM app_user WHERE username = 'hatinh.quay'`);
    const [desk] = await t.sql(`SELECT name FROM one_stop_desk WHERE id = $1`, [clerkDesk]);
    const summary = ok(await t.gql(SUMMARY, { f: { from: today, to: today } }, { as: 'hatinh.bcd' })).dossierSatisfaction;
    const four = { satisfied: 2, neutral: 1, dissatisfied: 1, total: 4, satisfiedShare: 0.5 };
    expect(summary).toEqual({
      from: today,
      to: today,
      total: four,
      desks: [{ deskId: clerkDesk, deskName: desk.name, ...four }],
      clerks: [{ clerkId: clerk.id, clerkName: clerk.display_name, deskId: clerkDesk, deskName: desk.name, ...four }],
    });
    // The clerk, their desk; the deciding agency's officer, its dossiers: the same four.
    for (const who of ['hatinh.quay', 'hatinh.stttt', 'hatinh.quantri']) expect([who, ok(await t.gql(SUMMARY, { f: { from: today, to: today } }, { as: who })).dossierSatisfaction.total]).toEqual([who, four]);
    const wider = ok(await t.gql(SUMMARY, { f: { from: addDays(today, -401), to: today, deskId: clerkDesk } }, { as: 'hatinh.bcd' })).dossierSatisfaction;
    expect(wider.total).toEqual({ satisfied: 3, neutral: 1, dissatisfied: 1, total: 5, satisfiedShare: 0.6 });
    // Outside reach: nothing (another province, a post office whose tree took none of them).
    for (const who of ['dongnai.bcd', 'hatinh.buudien']) {
      expect([who, ok(await t.gql(SUMMARY, { f: { from: today, to: today } }, { as: who })).dossierSatisfaction]).toEqual([who, { from: today, to: today, total: { satisfied: 0, neutral: 0, dissatisfied: 0, total: 0, satisfiedShare: null }, desks: [], clerks: [] }]);
    }
    // The receiving clerk on the dossier.
    expect(ok(await t.gql(`query($id: ID!) { dossier(id: $id) { clerkName } }`, { id: ids[0] }, { as: 'hatinh.bcd' })).dossier.clerkName).toBe(clerk.display_name);
    // History received by a staff member without an account: named as the reception's event names them.
    await t.sql(`UPDATE dossier SET clerk_id = NULL WHERE id = $1`, [ids[3]]);
    await t.sql(`UPDATE dossier_event SET actor_id = NULL, actor_label = 'Trần Thị Nhân Viên' WHERE dossier_id = $1 AND kind = 'RECEIVED_AT_DESK'`, [ids[3]]);
    const clerks = ok(await t.gql(SUMMARY, { f: { from: today, to: today } }, { as: 'hatinh.bcd' })).dossierSatisfaction.clerks;
    expect(clerks).toEqual([
      { clerkId: clerk.id, clerkName: clerk.display_name, deskId: clerkDesk, deskName: desk.name, satisfied: 2, neutral: 1, dissatisfied: 0, total: 3, satisfiedShare: 2 / 3 },
      { clerkId: null, clerkName: 'Trần Thị Nhân Viên', deskId: clerkDesk, deskName: desk.name, satisfied: 0, neutral: 0, dissatisfied: 1, total: 1, satisfiedShare: 0 },
    ]);
  });

  it('refuses a period that is not one, and the anonymous', async () => {
    const today = todayInVietnam();
    expect(code(await t.gql(SUMMARY, { f: { from: today, to: today } }, { as: null }))).toBe('UNAUTHENTICATED');
    expect(failure(await t.gql(SUMMARY, { f: { from: today, to: addDays(today, -1) } }, { as: 'hatinh.bcd' })).extensions.fields?.[0].field).toBe('to');
    expect(failure(await t.gql(SUMMARY, { f: { from: '2020-01-01', to: '2026-01-01' } }, { as: 'hatinh.bcd' })).extensions.fields?.[0].field).toBe('to');
  });
});
