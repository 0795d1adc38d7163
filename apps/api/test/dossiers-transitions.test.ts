/**
 * Every legal and illegal transition of the dossier's status machine (issue 11), through the API:
 * every status × every action × every actor (the desk's clerk, the deciding agency's officer, and the
 * province's administrator, who reads the dossier but takes no step). The expectations come from the
 * table below, written from the national one-stop status codes 1–10 of DESIGN.md ("The dossier
 * lifecycle") and the one-stop rules (the desk receives, forwards and returns; the agency decides),
 * not from DOSSIER_STEPS: a step the code adds, drops, redirects or gives to another actor fails here.
 *
 * Outcomes: a legal step by its owner moves the dossier to the target code (one event on the
 * timeline, one audit entry); a legal step by someone else is FORBIDDEN and changes nothing; a step
 * the status does not have is ILLEGAL_TRANSITION for everyone and changes nothing. `allowedActions`
 * lists exactly the legal steps the reader owns.
 */
import { failure, ok, startTestApp, type TestApp } from './harness';

/** The national one-stop status codes (DESIGN.md). */
const CODE: Record<string, number> = {
  NEW: 1,
  RECEIVED: 2,
  NOT_ACCEPTED: 3,
  PROCESSING: 4,
  SUPPLEMENT_REQUESTED: 5,
  AWAITING_FINANCIAL_OBLIGATION: 6,
  WITHDRAWAL_REQUESTED: 7,
  STOPPED: 8,
  RESULT_READY: 9,
  RESULT_RETURNED: 10,
};
const STATUS_OF_CODE = Object.fromEntries(Object.entries(CODE).map(([s, c]) => [c, s]));

const ACTIONS = [
  'RECEIVE',
  'REFUSE',
  'FORWARD',
  'REQUEST_SUPPLEMENT',
  'SUPPLEMENT_RECEIVED',
  'AWAIT_FINANCIAL_OBLIGATION',
  'FINANCIAL_OBLIGATION_MET',
  'REQUEST_WITHDRAWAL',
  'STOP',
  'RESUME',
  'RESULT_READY',
  'RETURN_RESULT',
] as const;
type Action = (typeof ACTIONS)[number];
type Owner = 'desk' | 'agency' | 'both';

/**
 * From each national code: the legal steps, the code each leads to, whose step it is. Codes 3
 * (not accepted), 8 (stopped) and 10 (result returned) are final.
 */
const LEGAL: Record<number, Partial<Record<Action, [number, Owner]>>> = {
  // 1 registered online, awaiting pickup: the desk receives the collected paper dossier, or refuses it.
  1: { RECEIVE: [2, 'desk'], REFUSE: [3, 'desk'] },
  // 2 received: the desk forwards it, asks for more, refuses it, or records the applicant's withdrawal.
  2: {
    FORWARD: [4, 'desk'],
    REQUEST_SUPPLEMENT: [5, 'desk'],
    REFUSE: [3, 'desk'],
    REQUEST_WITHDRAWAL: [7, 'desk'],
  },
  // 4 processing: the agency decides (supplement, financial obligation, result, stop); the desk records a withdrawal.
  4: {
    REQUEST_SUPPLEMENT: [5, 'agency'],
    AWAIT_FINANCIAL_OBLIGATION: [6, 'agency'],
    RESULT_READY: [9, 'agency'],
    STOP: [8, 'agency'],
    REQUEST_WITHDRAWAL: [7, 'desk'],
  },
  // 5 supplement requested: the desk takes the supplement in; either stops it; the desk records a withdrawal.
  5: {
    SUPPLEMENT_RECEIVED: [4, 'desk'],
    STOP: [8, 'both'],
    REQUEST_WITHDRAWAL: [7, 'desk'],
  },
  // 6 awaiting the financial obligation: the agency sees it met; the desk records a withdrawal.
  6: {
    FINANCIAL_OBLIGATION_MET: [4, 'agency'],
    REQUEST_WITHDRAWAL: [7, 'desk'],
  },
  // 7 withdrawal requested: either stops it, or resumes processing.
  7: { STOP: [8, 'both'], RESUME: [4, 'both'] },
  // 9 result ready: the desk returns it.
  9: { RETURN_RESULT: [10, 'desk'] },
  3: {},
  8: {},
  10: {},
};

const ACTORS = {
  desk: 'hatinh.quay',
  agency: 'hatinh.stttt',
  admin: 'hatinh.quantri',
} as const;
type Who = keyof typeof ACTORS;
const owns = (owner: Owner, who: Who) => (owner === 'both' ? who !== 'admin' : owner === who);

const STEP = `mutation($input: DossierStepInput!) { takeDossierStep(input: $input) { dossier { id status nationalStatusCode version timeline { kind toStatus } } } }`;
const ONE = `query($id: ID!) { dossier(id: $id) { id allowedActions } }`;

let t: TestApp;
let dossierId: string;

beforeAll(async () => {
  t = await startTestApp({ signInAs: 'hatinh.quantri' });
  const [field] = await t.sql(`SELECT id FROM procedure_field WHERE code = 'HO_TICH'`);
  const [agency] = await t.sql(`SELECT id FROM agency WHERE code = '42-STTTT'`);
  const input = {
    code: '9.700101',
    name: 'Thủ tục thử mọi bước chuyển',
    fieldId: field.id,
    level: 'PROVINCE',
    agencyId: agency.id,
    procedureFee: 0,
    postalFee: 0,
    processingTime: 5,
    bcciMode: 'RECEIVE_AND_RETURN',
    components: [{ name: 'Tờ khai', originals: 1, copies: 0, required: true }],
  };
  const procedureId = ok(await t.gql(`mutation($input: CreateProcedureInput!) { createProcedure(input: $input) { procedure { id } } }`, { input })).createProcedure.procedure.id;
  const receive = {
    procedureId,
    channel: 'AT_DESK',
    resultDelivery: 'AT_DESK',
    applicant: { fullName: 'Lê Văn Bước', phone: '0912 000 111' },
    components: [{ name: 'Tờ khai', originals: 1, copies: 0, digitised: true }],
  };
  dossierId = ok(await t.gql(`mutation($input: ReceiveDossierInput!) { receiveDossier(input: $input) { dossier { id } } }`, { input: receive }, { as: ACTORS.desk })).receiveDossier.dossier.id;
});
afterAll(() => t.close());

/** Puts the dossier in a status (a fixture: only the step under test goes through the API); returns its version. */
async function placeIn(status: string): Promise<number> {
  await t.sql(
    `UPDATE dossier SET status = $2::dossier_status, clock_stopped_at = CASE WHEN $2::text = 'SUPPLEMENT_REQUESTED' THEN now() END,
       result_ready_at = CASE WHEN $2::text IN ('RESULT_READY', 'RESULT_RETURNED') THEN now() END,
       result_returned_at = CASE WHEN $2::text = 'RESULT_RETURNED' THEN now() END, version = version + 1
     WHERE id = $1`,
    [dossierId, status],
  );
  return (await state()).version;
}
const state = async () =>
  (
    await t.sql(
      `SELECT status, version, (SELECT count(*)::int FROM dossier_event WHERE dossier_id = $1) AS events, (SELECT count(*)::int FROM audit_entry WHERE entity_id = $1) AS audits FROM dossier WHERE id = $1`,
      [dossierId],
    )
  )[0];

describe('the status machine, every status × every action × every actor', () => {
  const cases = Object.keys(CODE).flatMap((status) => ACTIONS.flatMap((action) => (Object.keys(ACTORS) as Who[]).map((who) => [status, action, who] as const)));

  it('the table covers the ten national codes', () => {
    expect(
      Object.keys(LEGAL)
        .map(Number)
        .sort((a, b) => a - b),
    ).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(cases).toHaveLength(10 * 12 * 3);
  });

  it.each(Object.keys(CODE))('from %s, allowedActions lists exactly the legal steps the reader owns', async (status) => {
    await placeIn(status);
    for (const who of Object.keys(ACTORS) as Who[]) {
      const expected = Object.entries(LEGAL[CODE[status]])
        .filter(([, [, owner]]) => owns(owner, who))
        .map(([a]) => a)
        .sort();
      const shown = ok(await t.gql(ONE, { id: dossierId }, { as: ACTORS[who] })).dossier.allowedActions as string[];
      expect([who, [...shown].sort()]).toEqual([who, expected]);
    }
  });

  it.each(Object.keys(CODE))('from %s: each action by each actor moves to the table’s code, or is ILLEGAL_TRANSITION / FORBIDDEN and writes nothing', async (status) => {
    const seen: string[] = [];
    for (const action of ACTIONS) {
      for (const who of Object.keys(ACTORS) as Who[]) {
        const version = await placeIn(status);
        const before = await state();
        const res = await t.gql(
          STEP,
          {
            input: {
              id: dossierId,
              version,
              action,
              note: 'Lý do thử nghiệm',
            },
          },
          { as: ACTORS[who] },
        );
        const legal = LEGAL[CODE[status]][action];
        const expected = !legal ? 'ILLEGAL_TRANSITION' : owns(legal[1], who) ? STATUS_OF_CODE[legal[0]] : 'FORBIDDEN';
        const outcome = res.errors?.length ? failure(res).extensions.code : res.data.takeDossierStep.dossier.status;
        seen.push(`${action} by ${who}: ${outcome}`);
        expect(`${action} by ${who}: ${outcome}`).toBe(`${action} by ${who}: ${expected}`);
        const after = await state();
        if (legal && owns(legal[1], who)) {
          const d = res.data.takeDossierStep.dossier;
          expect(d.nationalStatusCode).toBe(legal[0]);
          expect(d.timeline.at(-1)).toEqual({
            kind: action,
            toStatus: STATUS_OF_CODE[legal[0]],
          });
          expect(after).toEqual({
            status: STATUS_OF_CODE[legal[0]],
            version: before.version + 1,
            events: before.events + 1,
            audits: before.audits + 1,
          });
        } else {
          expect(after).toEqual(before);
        }
      }
    }
    expect(seen).toHaveLength(ACTIONS.length * 3);
  });
});
