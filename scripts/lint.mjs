#!/usr/bin/env node
// The project's own lint: the architecture rules of DESIGN.md that a generic linter cannot see.
// Prints one line per problem and exits 1 if there is any.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const problems = [];
const report = (file, line, message) => problems.push(`${relative(root, file)}:${line}: ${message}`);

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

const lines = (file) => readFileSync(file, 'utf8').split('\n');
const modulesDir = join(root, 'apps/api/src/modules');
const moduleOf = (file) => relative(modulesDir, file).split(sep)[0];

for (const file of walk(join(root, 'apps'))) {
  if (!/\.(ts|tsx|mjs|js)$/.test(file)) continue;
  const text = lines(file);
  const isTest = /\.(test|spec)\.tsx?$/.test(file);
  const inApiSrc = file.includes(`${sep}apps${sep}api${sep}src${sep}`);
  text.forEach((line, i) => {
    const n = i + 1;
    if (isTest && /\b(it|test|describe)\.(only|skip|todo)\(|\bx(it|describe)\(|\bfit\(/.test(line)) report(file, n, 'focused, skipped or todo test');
    if (inApiSrc && /synchronize:\s*true/.test(line)) report(file, n, 'schema changes go through migrations, never `synchronize`');
    if (inApiSrc && !isTest && !file.includes(`${sep}scripts${sep}`) && /console\.(log|debug|info)\(/.test(line) && !file.endsWith('main.ts')) {
      report(file, n, 'log through the structured logger, not console');
    }
    if (inApiSrc && /debugger;/.test(line)) report(file, n, 'debugger statement');
    // The platform knows no module: the entry point (src/app.ts) composes the modules and hands them over.
    if (file.includes(`${sep}apps${sep}api${sep}src${sep}platform${sep}`) && /^\s*(import|export)\b.*from\s+'(\.\.\/)+(modules|seed|migrations|app)(\/|')/.test(line)) {
      report(file, n, 'the platform imports a module (or the seed, the migrations, the app): take it from the composition (src/app.ts)');
    }
  });

  if (!file.startsWith(modulesDir) || isTest) continue;
  const source = text.join('\n');
  // Resolvers are thin: they map GraphQL to a service call and never touch the database themselves.
  if (file.endsWith('.resolver.ts')) {
    text.forEach((line, i) => {
      if (/getRepository|createQueryBuilder|\.query\(|DataSource\b|EntityManager\b/.test(line)) report(file, i + 1, 'resolver touches the database: move this into the service');
    });
  }
  // Cross-module calls go through the other module's service, never its repository.
  if (file.endsWith('.service.ts') || file.endsWith('.ts')) {
    const imports = new Map();
    for (const m of source.matchAll(/import\s+(?:type\s+)?\{([^}]+)\}\s+from\s+'\.\.\/([\w-]+)\/[\w.-]+'/g)) {
      for (const name of m[1].split(',').map((s) => s.replace(/\btype\b/, '').trim().split(/\s+as\s+/).pop())) if (name) imports.set(name, m[2]);
    }
    text.forEach((line, i) => {
      for (const m of line.matchAll(/getRepository\((\w+)\)|\.(?:insert|update|delete|save)\((\w+),/g)) {
        const entity = m[1] ?? m[2];
        const owner = imports.get(entity);
        if (owner && owner !== moduleOf(file) && !file.includes(`${sep}seed${sep}`)) {
          report(file, i + 1, `writes or queries ${entity} of module "${owner}" directly: call that module's service`);
        }
      }
    });
  }
}

// Every migration is listed, in order.
const migrationsDir = join(root, 'apps/api/src/migrations');
const listed = readFileSync(join(migrationsDir, 'index.ts'), 'utf8');
for (const name of readdirSync(migrationsDir).filter((f) => /^\d+-.*\.ts$/.test(f))) {
  const cls = readFileSync(join(migrationsDir, name), 'utf8').match(/export class (\w+)/)?.[1];
  if (!cls || !listed.includes(cls)) report(join(migrationsDir, name), 1, 'migration is not listed in migrations/index.ts');
}

// Every relative link of the repository's Markdown (README.md, docs/…) resolves from a clone: the file
// exists inside the repository, and a #fragment names a heading of the page it points to (GitHub's anchors).
const slugsOf = new Map();
function anchors(file) {
  if (!slugsOf.has(file)) {
    const seen = new Map();
    const slugs = new Set();
    let fenced = false;
    for (const line of lines(file)) {
      if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
      const heading = !fenced && /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
      if (!heading) continue;
      const base = heading[1].toLowerCase().replace(/[^\p{L}\p{N}\p{M} _-]/gu, '').replace(/ /g, '-');
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      slugs.add(n ? `${base}-${n}` : base);
    }
    slugsOf.set(file, slugs);
  }
  return slugsOf.get(file);
}
for (const file of walk(root)) {
  if (!file.endsWith('.md')) continue;
  let fenced = false;
  lines(file).forEach((line, i) => {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) return;
    // A path quoted in the text (`../shared/…`) is followed by a newcomer just as a link is.
    for (const m of line.matchAll(/`(\.\.?\/[^`\s]+)`/g)) {
      const resolved = join(dirname(file), m[1]);
      if (relative(root, resolved).startsWith('..')) report(file, i + 1, `path outside the repository: ${m[1]}`);
    }
    for (const m of line.replace(/`[^`]*`/g, '').matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      const target = m[1];
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:
      const [path, fragment] = target.split('#');
      const resolved = path ? join(dirname(file), decodeURIComponent(path)) : file;
      if (relative(root, resolved).startsWith('..')) report(file, i + 1, `link outside the repository: ${target}`);
      else if (!existsSync(resolved)) report(file, i + 1, `broken link: ${target}`);
      else if (fragment && resolved.endsWith('.md') && !anchors(resolved).has(decodeURIComponent(fragment).toLowerCase())) report(file, i + 1, `no heading for #${fragment} in ${relative(root, resolved)}`);
    }
  });
}

for (const p of problems) console.log(p);
console.log(problems.length ? `lint: ${problems.length} problem(s)` : 'lint: ok');
process.exit(problems.length ? 1 : 0);
