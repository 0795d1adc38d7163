// Verifies a One-Stop Post webhook as the Standard Webhooks specification says (Node 20, no dependency).
//
// In your receiver:  import { verifyWebhook } from './verify-webhook.mjs';
//                    const event = verifyWebhook(process.env.OSP_WEBHOOK_SECRET, req.headers, rawBody);
// (rawBody: the request body exactly as received, as a string — not re-serialised JSON.)
//
// From the command line it checks signed fixtures (JSON files with secret, id, timestamp, body,
// signature), e.g. the API's test fixtures:
//   node docs/examples/verify-webhook.mjs apps/api/test/fixtures/webhooks/*.json
import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { argv, exit } from 'node:process';
import { fileURLToPath } from 'node:url';

const TOLERANCE_SECONDS = 5 * 60;

/**
 * Answers the parsed event when the headers carry a valid signature of `body` by `secret` (whsec_…)
 * made within five minutes of `now`; throws otherwise. `headers` is an object with lower-case names
 * (Node's req.headers) or a Headers instance.
 */
export function verifyWebhook(secret, headers, body, { now = Date.now() / 1000, toleranceSeconds = TOLERANCE_SECONDS } = {}) {
  const header = (name) => (typeof headers.get === 'function' ? headers.get(name) : headers[name]);
  const id = header('webhook-id');
  const timestamp = header('webhook-timestamp');
  const signatures = header('webhook-signature');
  if (!id || !timestamp || !signatures) throw new Error('missing webhook-id, webhook-timestamp or webhook-signature');
  if (!/^\d+$/.test(timestamp) || Math.abs(now - Number(timestamp)) > toleranceSeconds) throw new Error('timestamp too old or too new');
  const key = Buffer.from(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret, 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
  // The header may carry several signatures (during a secret rotation): one valid v1 signature is enough.
  for (const part of signatures.split(' ')) {
    const [version, signature] = part.split(',');
    if (version !== 'v1' || !signature) continue;
    const given = Buffer.from(signature, 'base64');
    if (given.length === expected.length && timingSafeEqual(given, expected)) return JSON.parse(body);
  }
  throw new Error('no valid signature');
}

if (argv[1] && fileURLToPath(import.meta.url) === argv[1]) {
  const files = argv.slice(2);
  if (files.length === 0) {
    console.error('usage: node verify-webhook.mjs fixture.json …');
    exit(2);
  }
  let failed = 0;
  for (const file of files) {
    const f = JSON.parse(readFileSync(file, 'utf8'));
    const headers = { 'webhook-id': f.id, 'webhook-timestamp': String(f.timestamp), 'webhook-signature': f.signature };
    try {
      const event = verifyWebhook(f.secret, headers, f.body, { now: f.timestamp });
      console.log(`ok   ${file}: ${event.type} ${event.data?.code ?? ''}`);
    } catch (error) {
      // A fixture may be a deliberately wrong one: it then says it must be refused.
      if (f.valid === false) console.log(`ok   ${file}: refused as expected (${error.message})`);
      else {
        console.log(`FAIL ${file}: ${error.message}`);
        failed++;
      }
      continue;
    }
    if (f.valid === false) {
      console.log(`FAIL ${file}: accepted, but it must be refused`);
      failed++;
    }
  }
  exit(failed ? 1 : 0);
}
