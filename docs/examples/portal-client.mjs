#!/usr/bin/env node
// A portal's client of the One-Stop Post API, in plain Node.js 20+ (fetch, no dependency): the token
// exchange, the catalogue, a submission (and its retry), reading the dossier back by code and by the
// portal's reference, and polling for changes. It sends the contract's operations as persisted
// operations, by their sha256 hash from packages/schema/persisted-operations.json.
//
//   API=http://localhost:4000 CLIENT_ID=osp_… CLIENT_SECRET=osp_sk_… node docs/examples/portal-client.mjs
//
// Optional: PROVINCE_CODE (default 42, Hà Tĩnh), PICKUP_UNIT_CODE (a commune of it, default 18766),
// SEARCH (default "khai sinh"). Exits non-zero on any unexpected answer.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

const API = (process.env.API ?? 'http://localhost:4000').replace(/\/+$/, '');
const { CLIENT_ID, CLIENT_SECRET } = process.env;
if (!CLIENT_ID || !CLIENT_SECRET) {
  console.error('Set CLIENT_ID and CLIENT_SECRET (Quản trị → Ứng dụng kết nối gives them).');
  process.exit(2);
}
const PROVINCE_CODE = process.env.PROVINCE_CODE ?? '42';
const PICKUP_UNIT_CODE = process.env.PICKUP_UNIT_CODE ?? '18766';
const SEARCH = process.env.SEARCH ?? 'khai sinh';

/**
 * The published operations by name, from the persisted-operation manifest (`npm run persisted` writes
 * it from the contract). A client's token may run nothing else, and sends each by its sha256 hash.
 */
const MANIFEST = JSON.parse(readFileSync(new URL('../../packages/schema/persisted-operations.json', import.meta.url), 'utf8'));
const OPERATIONS = new Map(MANIFEST.operations.map((op) => [op.name, op]));

let token = null;
/** The hour's budget as the last answer told it (x-ratelimit-* headers). */
let budget = null;
async function call(operationName, variables) {
  const operation = OPERATIONS.get(operationName);
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(`${API}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'vi', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      // The hash alone: the server holds the text (sending the text too is allowed; it must hash to the same).
      body: JSON.stringify({ operationName, variables, extensions: { persistedQuery: { version: 1, sha256Hash: operation.id } } }),
    });
    if (response.headers.get('x-ratelimit-limit')) {
      budget = Object.fromEntries(['limit', 'remaining', 'used', 'reset'].map((k) => [k, Number(response.headers.get(`x-ratelimit-${k}`))]));
    }
    // The hour's budget is spent: wait as long as the server says (a real portal would queue instead).
    if (response.status === 429 && attempt < 3) {
      const wait = Number(response.headers.get('retry-after') ?? 60);
      console.log(`budget spent: waiting ${wait} s`);
      await new Promise((resolve) => setTimeout(resolve, wait * 1000));
      continue;
    }
    const body = await response.json();
    if (body.errors?.length) {
      const [error] = body.errors;
      throw Object.assign(new Error(`${operationName}: ${error.extensions?.code} ${error.message}`), { code: error.extensions?.code, fields: error.extensions?.fields });
    }
    return body.data;
  }
}
function expect(condition, message) {
  if (!condition) throw new Error(message);
}

// 1. The token (valid for at most an hour: exchange again before `expiresAt`).
const { issueClientToken } = await call('PortalToken', { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
token = issueClientToken.token;
console.log(`token until ${issueClientToken.expiresAt}, scopes ${issueClientToken.scopes.join(', ')}`);

// 2. The catalogue: the first procedure found that the post office may collect.
const { procedures } = await call('PortalProcedures', { provinceCode: PROVINCE_CODE, search: SEARCH, first: 50 });
const procedure = procedures.edges.map((e) => e.node).find((p) => p.bcciMode === 'RECEIVE_AND_RETURN');
expect(procedure, `no procedure "${SEARCH}" of province ${PROVINCE_CODE} can be collected by the post office`);
console.log(`procedure ${procedure.code} ${procedure.name}: ${procedure.processingDays} working day(s), fee ${procedure.procedureFee} + postal ${procedure.postalFee} VND`);

// 3. A submission, then its retry with the same key (a timeout, say): the same dossier, never two.
const reference = `EXAMPLE-${Date.now()}`;
const submission = {
  idempotencyKey: randomUUID(),
  procedureCode: procedure.code,
  externalReference: reference,
  fullName: 'Nguyễn Văn An',
  idNumber: '042090001234',
  phone: '0912345678',
  pickupAddress: 'Thôn 1, xã Kỳ Xuân, tỉnh Hà Tĩnh',
  pickupUnitCode: PICKUP_UNIT_CODE,
  deliverTo: 'Thôn 1, xã Kỳ Xuân, tỉnh Hà Tĩnh',
};
const first = (await call('SubmitDossier', submission)).submitDossier.dossier;
const retry = (await call('SubmitDossier', submission)).submitDossier.dossier;
expect(first.code === retry.code, `the retry made another dossier: ${first.code} then ${retry.code}`);
expect(first.status === 'NEW' && first.nationalStatusCode === 1, `a new submission is ${first.status} (${first.nationalStatusCode})`);
console.log(`dossier ${first.code} (${first.externalReference}), ${first.status}; collected by ${first.receivingPostOffice?.name}`);

// 4. Read back, by our code and by the portal's reference.
const byCode = (await call('PortalDossier', { code: first.code })).portalDossier;
const byReference = (await call('PortalDossier', { externalReference: reference })).portalDossier;
expect(byCode?.code === first.code && byReference?.code === first.code, 'the dossier reads back by code and by reference');
for (const step of byCode.timeline) console.log(`  ${step.at} ${step.label}${step.postalItemNumber ? ` (${step.postalItemNumber})` : ''}`);

// 5. Polling: the changes of the last hour, page by page; keep the last cursor for the next poll.
const since = new Date(Date.now() - 3600_000).toISOString();
let after = null;
let changed = 0;
do {
  const page = (await call('PortalDossiersChanged', { since, first: 100, after })).portalDossiersChanged;
  changed += page.edges.length;
  after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
} while (after);
expect(changed >= 1, 'the new dossier is among the changes of the last hour');
console.log(`${changed} dossier(s) changed in the last hour`);
expect(budget && budget.used >= 1 && budget.remaining < budget.limit, 'every answer to the client carries its x-ratelimit-* headers');
console.log(`budget of the hour: ${budget.used}/${budget.limit} requests used, whole again at ${new Date(budget.reset * 1000).toISOString()}`);
console.log('portal example ok');
