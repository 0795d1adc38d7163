/**
 * The scope matrix of the portals' own operations (run by test/scope.test.ts), for the caller
 * `portal`: a Hà Tĩnh API client whose token carries every scope.
 *
 * Only a client's token opens them, with the scope each needs (submitDossier: SUBMIT_DOSSIERS; the
 * reads: READ_OWN_DOSSIERS); a client's token without it, and every member of staff, are FORBIDDEN;
 * the anonymous UNAUTHENTICATED. A client submits only for addresses in its provinces (another
 * province's: BAD_USER_INPUT on pickup.administrativeUnitCode) and reads only what it submitted:
 * another client's dossier is null and its changes are not in the page (never FORBIDDEN, so codes
 * cannot be probed). A refused submission leaves nothing behind.
 *
 * The other clients (another Hà Tĩnh portal; a client with the catalogue scope only) are made by the
 * national administrator, once.
 */
import { ok, type GqlOptions, type TestApp } from '../harness';
import type { Row, Scenario, Scenarios, ScopeContext, Who } from './matrix';

/** Staff of every kind: the portals' operations are not theirs. */
const STAFF: Who[] = ['admin', 'hatinh.quantri', 'hatinh.bcd', 'hatinh.buudien', 'hatinh.quay', 'hatinh.stttt', 'dongnai.quantri'];
const staffRefused = (op: string, scenario: string): Row[] => STAFF.map((who): Row => [op, who, 'FORBIDDEN', scenario]);

const OWN = 'the client’s own dossier';
const WITHOUT_SCOPE = 'a token of a client without the scope';

// prettier-ignore
export const PORTAL_ROWS: Row[] = [
  ['submitDossier', 'anonymous', 'UNAUTHENTICATED', 'a Hà Tĩnh address'],
  ['submitDossier', 'revoked', 'UNAUTHENTICATED', 'a Hà Tĩnh address'],
  ['submitDossier', 'portal', 'ALLOWED', 'a Hà Tĩnh address'],
  ['submitDossier', 'portal', 'BAD_USER_INPUT', 'a Đồng Nai address'],
  ['submitDossier', 'portal', 'FORBIDDEN', WITHOUT_SCOPE],
  ...staffRefused('submitDossier', 'a Hà Tĩnh address'),

  ['portalDossier', 'anonymous', 'UNAUTHENTICATED', OWN],
  ['portalDossier', 'revoked', 'UNAUTHENTICATED', OWN],
  ['portalDossier', 'portal', 'ALLOWED', OWN],
  ['portalDossier', 'portal', 'HIDDEN', 'another client’s dossier'],
  ['portalDossier', 'portal', 'FORBIDDEN', WITHOUT_SCOPE],
  ...staffRefused('portalDossier', OWN),

  ['portalDossiersChanged', 'anonymous', 'UNAUTHENTICATED', 'since an hour ago'],
  ['portalDossiersChanged', 'revoked', 'UNAUTHENTICATED', 'since an hour ago'],
  ['portalDossiersChanged', 'portal', 'ALLOWED', 'since an hour ago'],
  ['portalDossiersChanged', 'portal', 'HIDDEN', 'another client’s changes'],
  ['portalDossiersChanged', 'portal', 'FORBIDDEN', WITHOUT_SCOPE],
  ...staffRefused('portalDossiersChanged', 'since an hour ago'),
];

const Q = {
  create: `mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { clientSecret apiClient { clientId } } }`,
  token: `mutation($clientId: String!, $clientSecret: String!) { issueClientToken(input: { clientId: $clientId, clientSecret: $clientSecret }) { token } }`,
  submit: `mutation($input: SubmitDossierInput!) { submitDossier(input: $input) { dossier { code externalReference status receivingPostOffice { code } } } }`,
  one: `query($code: String, $ref: String) { portalDossier(code: $code, externalReference: $ref) { code externalReference status } }`,
  changes: `query($since: DateTimeISO!) { portalDossiersChanged(since: $since, first: 100) { totalCount edges { node { code } } } }`,
};

/** The token of a Hà Tĩnh client that scope.test.ts calls `portal` (every scope), and the clients made here. */
export async function portalClientToken(t: TestApp, scopes = ['SUBMIT_DOSSIERS', 'READ_OWN_DOSSIERS', 'READ_CATALOGUE'], name = 'Cổng thử phạm vi (portal)'): Promise<string> {
  const [province] = await t.sql(`SELECT id FROM administrative_unit WHERE code = '42' AND level = 'PROVINCE' AND valid_to IS NULL`);
  const made = ok(await t.gql(Q.create, { input: { name, ownerOrganisation: 'Văn phòng UBND tỉnh Hà Tĩnh', contact: { name: 'Kỹ thuật', email: 'kythuat@example.vn' }, scopes, provinceIds: [province.id] } }, { as: 'admin' })).createApiClient;
  return ok(await t.gql(Q.token, { clientId: made.apiClient.clientId, clientSecret: made.clientSecret }, { as: null })).issueClientToken.token;
}

export function portalScenarios(ctx: ScopeContext): Scenarios {
  const t = (): TestApp => ctx.app();
  let counter = 0;
  const submission = (unitCode = '18766') => ({
    idempotencyKey: `scope-${++counter}-${Date.now()}`,
    procedureCode: '1.001193',
    externalReference: `SCOPE-${counter}-${Date.now()}`,
    applicant: { fullName: 'Trần Văn Phạm Vi', idNumber: '042190000456', phone: '0912 000 111' },
    pickup: { address: 'Thôn 1', administrativeUnitCode: unitCode },
    resultDelivery: { address: null },
  });
  let others: Promise<{ other: string; unscoped: string }> | null = null;
  const clients = () =>
    (others ??= (async () => ({
      other: await portalClientToken(t(), undefined, 'Cổng thử phạm vi (another)'),
      unscoped: await portalClientToken(t(), ['READ_CATALOGUE'], 'Cổng thử phạm vi (catalogue only)'),
    }))());
  /** The caller, or for the row without the scope, the token of a client without it. */
  const as = async (caller: GqlOptions, scenario: string): Promise<GqlOptions> => (scenario === WITHOUT_SCOPE ? { token: (await clients()).unscoped } : caller);
  const storedWith = async (reference: string) => (await t().sql(`SELECT count(*)::int AS n FROM dossier WHERE portal_reference = $1`, [reference]))[0].n as number;
  /** A dossier submitted by `portal`'s token (scope.test.ts's caller), for the reads. */
  let own: Promise<{ code: string; externalReference: string }> | null = null;

  const submitted =
    (unitCode: string, scenario: string): Scenario =>
    async (caller) => {
      const input = submission(unitCode);
      const res = await t().gql(Q.submit, { input }, await as(caller, scenario));
      return {
        res,
        async verify(data, outcome) {
          if (outcome !== 'ALLOWED') return expect(await storedWith(input.externalReference)).toBe(0);
          expect(data.dossier).toMatchObject({ externalReference: input.externalReference, status: 'NEW', receivingPostOffice: { code: expect.any(String) } });
          const [pickup] = await t().sql(`SELECT a.status FROM pickup_appointment a JOIN dossier d ON d.id = a.dossier_id WHERE d.code = $1`, [data.dossier.code]);
          expect(pickup.status).toBe('TO_CALL');
        },
      };
    };

  return {
    submitDossier: {
      'a Hà Tĩnh address': submitted('18766', 'a Hà Tĩnh address'),
      'a Đồng Nai address': submitted('25390', 'a Đồng Nai address'),
      [WITHOUT_SCOPE]: submitted('18766', WITHOUT_SCOPE),
    },
    portalDossier: {
      // Submitted by the caller when it is `portal`; the matrix's other callers read that one.
      [OWN]: async (caller, who) => {
        if (who === 'portal') own ??= t().gql(Q.submit, { input: submission() }, caller).then((r) => ok(r).submitDossier.dossier);
        const mine = await (own ?? t().gql(Q.submit, { input: submission() }, { token: (await clients()).other }).then((r) => ok(r).submitDossier.dossier));
        const res = await t().gql(Q.one, { code: mine.code }, caller);
        return { res, verify: (data) => expect(data).toMatchObject({ code: mine.code, externalReference: mine.externalReference, status: 'NEW' }) };
      },
      'another client’s dossier': async (caller) => {
        const theirs = ok(await t().gql(Q.submit, { input: submission() }, { token: (await clients()).other })).submitDossier.dossier;
        return { res: await t().gql(Q.one, { code: theirs.code, ref: theirs.externalReference }, caller), control: async () => t().gql(Q.one, { code: theirs.code }, { token: (await clients()).other }) };
      },
      [WITHOUT_SCOPE]: async (caller) => ({ res: await t().gql(Q.one, { code: 'H27-000000-0000' }, await as(caller, WITHOUT_SCOPE)) }),
    },
    portalDossiersChanged: {
      'since an hour ago': async (caller, who) => {
        if (who === 'portal') ok(await t().gql(Q.submit, { input: submission() }, caller));
        const res = await t().gql(Q.changes, { since: new Date(Date.now() - 3600_000).toISOString() }, caller);
        return { res, verify: (data) => expect(data.totalCount).toBeGreaterThan(0) };
      },
      'another client’s changes': async (caller) => {
        const [{ now }] = await t().sql('SELECT now() AS now');
        ok(await t().gql(Q.submit, { input: submission() }, { token: (await clients()).other }));
        const since = (now as Date).toISOString();
        return { res: await t().gql(Q.changes, { since }, caller), control: async () => t().gql(Q.changes, { since }, { token: (await clients()).other }) };
      },
      [WITHOUT_SCOPE]: async (caller) => ({ res: await t().gql(Q.changes, { since: new Date().toISOString() }, await as(caller, WITHOUT_SCOPE)) }),
    },
  };
}
