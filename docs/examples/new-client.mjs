#!/usr/bin/env node
// Registers a portal client on a demo server the way an administrator does it in the admin app, and
// prints `CLIENT_ID=… CLIENT_SECRET=…` for portal-client.mjs (CI runs the two after `npm start`).
//
//   eval "$(API=http://localhost:4000 node docs/examples/new-client.mjs)" && node docs/examples/portal-client.mjs
const API = (process.env.API ?? 'http://localhost:4000').replace(/\/+$/, '');
const USERNAME = process.env.ADMIN_USERNAME ?? 'hatinh.quantri';
const PASSWORD = process.env.ADMIN_PASSWORD ?? 'Demo@2026';

async function call(query, variables, token) {
  const response = await fetch(`${API}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors?.length) throw new Error(`${body.errors[0].extensions?.code}: ${body.errors[0].message}`);
  return body.data;
}

const { signIn } = await call('mutation($input: SignInInput!) { signIn(input: $input) { token } }', { input: { username: USERNAME, password: PASSWORD } });
const { createApiClient } = await call(
  'mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { clientSecret apiClient { clientId } } }',
  {
    input: {
      name: `Cổng thử nghiệm ${new Date().toISOString()}`,
      ownerOrganisation: 'Ví dụ trong tài liệu',
      contact: { name: 'Người phụ trách kỹ thuật', email: 'kythuat@example.gov.vn' },
      scopes: ['SUBMIT_DOSSIERS', 'READ_OWN_DOSSIERS', 'READ_CATALOGUE'],
    },
  },
  signIn.token,
);
console.log(`export CLIENT_ID=${createApiClient.apiClient.clientId} CLIENT_SECRET=${createApiClient.clientSecret}`);
