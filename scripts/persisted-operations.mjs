#!/usr/bin/env node
// The persisted-operation allow-list of portals' clients (issue 12), in Apollo's persisted query manifest
// format: every named operation of packages/schema/contract/*.graphql and packages/schema/operations/portal/*.graphql
// (the latter may not exist yet), each with the fragments it uses, printed by graphql-js's print(); its
// id is the sha256 (hex) of that body. The API loads packages/schema/persisted-operations.json at start
// and lets a client's token run nothing else (apps/api/src/platform/graphql/persisted.ts).
//
//   npm run persisted          writes the manifest
//   npm run check:persisted    fails (exit 1) when the manifest is not what the operation files give (CI)
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildSchema, Kind, parse, print, validate, visit } from 'graphql';

const root = new URL('..', import.meta.url).pathname;
const SOURCES = ['packages/schema/contract', 'packages/schema/operations/portal'];
const MANIFEST = join(root, 'packages/schema/persisted-operations.json');

/** The operation with the fragments it uses (transitively), fragments by name: the body that is hashed. */
export function operationBody(operation, fragments) {
  const used = new Set();
  const collect = (node) =>
    visit(node, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        if (used.has(name)) return;
        const fragment = fragments.get(name);
        if (!fragment) throw new Error(`fragment ${name} is not defined`);
        used.add(name);
        collect(fragment);
      },
    });
  collect(operation);
  const definitions = [operation, ...[...used].sort().map((name) => fragments.get(name))];
  return print({ kind: Kind.DOCUMENT, definitions });
}

export function buildManifest() {
  const files = SOURCES.flatMap((dir) => {
    const abs = join(root, dir);
    return existsSync(abs) ? readdirSync(abs).filter((f) => f.endsWith('.graphql')).sort().map((f) => join(abs, f)) : [];
  });
  const documents = files.map((file) => ({ file, doc: parse(readFileSync(file, 'utf8')) }));
  // Fragments are shared across the files (a webhook operation may reuse a portal fragment).
  const fragments = new Map();
  for (const { file, doc } of documents) {
    for (const def of doc.definitions) {
      if (def.kind !== Kind.FRAGMENT_DEFINITION) continue;
      if (fragments.has(def.name.value)) throw new Error(`${relative(root, file)}: fragment ${def.name.value} is defined twice`);
      fragments.set(def.name.value, def);
    }
  }
  const operations = [];
  const names = new Map();
  for (const { file, doc } of documents) {
    for (const def of doc.definitions) {
      if (def.kind !== Kind.OPERATION_DEFINITION) continue;
      if (!def.name) throw new Error(`${relative(root, file)}: every operation needs a name`);
      const name = def.name.value;
      if (names.has(name)) throw new Error(`${relative(root, file)}: operation ${name} is also in ${names.get(name)}`);
      names.set(name, relative(root, file));
      const body = operationBody(def, fragments);
      operations.push({ id: createHash('sha256').update(body).digest('hex'), name, type: def.operation, body });
    }
  }
  operations.sort((a, b) => a.name.localeCompare(b.name));
  return { format: 'apollo-persisted-query-manifest', version: 1, operations };
}

const text = `${JSON.stringify(buildManifest(), null, 2)}\n`;
if (process.argv.includes('--check')) {
  const current = existsSync(MANIFEST) ? readFileSync(MANIFEST, 'utf8') : '';
  if (current !== text) {
    console.log('packages/schema/persisted-operations.json is stale: run `npm run persisted` and commit it');
    process.exit(1);
  }
  // Every operation must validate against the published SDL (the contract's own check covers its files only).
  const schema = buildSchema(readFileSync(join(root, 'packages/schema/schema.graphql'), 'utf8'));
  let problems = 0;
  for (const op of JSON.parse(text).operations) {
    for (const error of validate(schema, parse(op.body))) {
      problems++;
      console.log(`${op.name}: ${error.message}`);
    }
  }
  if (problems) process.exit(1);
  console.log(`persisted operations ok: ${JSON.parse(text).operations.length} operations`);
} else {
  writeFileSync(MANIFEST, text);
  console.log(`wrote packages/schema/persisted-operations.json: ${JSON.parse(text).operations.length} operations`);
}
