#!/usr/bin/env node
// Validates the portals' contract operations against the published SDL (packages/schema/schema.graphql).
// The operations are ../shared/contract/*.graphql; packages/schema/contract/ holds a copy so this also runs
// where ../shared is absent (GitHub). When both exist, the copy must equal the original.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';

const root = new URL('..', import.meta.url).pathname;
const shared = join(root, '../shared/contract');
const vendored = join(root, 'packages/schema/contract');
// Contract files whose operations the API serves.
const ADOPTED = ['identity.graphql', 'organisation.graphql', 'portal.graphql', 'tracking.graphql'];

let problems = 0;
const problem = (message) => {
  problems++;
  console.log(message);
};

if (existsSync(shared)) {
  for (const file of readdirSync(shared).filter((f) => f.endsWith('.graphql'))) {
    const copy = join(vendored, file);
    if (!existsSync(copy) || readFileSync(copy, 'utf8') !== readFileSync(join(shared, file), 'utf8')) {
      problem(`packages/schema/contract/${file} differs from ../shared/contract/${file}: copy it again`);
    }
  }
}
const schema = buildSchema(readFileSync(join(root, 'packages/schema/schema.graphql'), 'utf8'));
for (const file of ADOPTED) {
  const doc = parse(readFileSync(join(existsSync(shared) ? shared : vendored, file), 'utf8'));
  for (const def of doc.definitions) {
    for (const error of validate(schema, { ...doc, definitions: [def] })) problem(`${file} ${def.name?.value ?? '(anonymous)'}: ${error.message}`);
  }
}
console.log(problems ? `contract: ${problems} problem(s)` : `contract ok: ${ADOPTED.join(', ')}`);
process.exit(problems ? 1 : 0);
