import { startEmbeddedDatabase, type EmbeddedDatabase } from '../src/platform/database/embedded';
import { EMBEDDED_BASE_PORT, WORKERS } from './workers';

declare global {
  var __OSP_EMBEDDED__: EmbeddedDatabase[] | undefined;
}

/** Without DATABASE_URL: one in-memory PGlite server per jest worker, on fixed loopback ports. */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    console.log(`\nTests run against PostgreSQL at ${process.env.DATABASE_URL.replace(/\/\/[^@]*@/, '//…@')} (a database per test file)`);
    return;
  }
  const started = Date.now();
  globalThis.__OSP_EMBEDDED__ = [];
  for (let i = 0; i < WORKERS; i++) {
    // Two connections: the test's admin client and the app's one-connection pool hand over (see embedded.ts).
    globalThis.__OSP_EMBEDDED__.push(await startEmbeddedDatabase('memory://', EMBEDDED_BASE_PORT + i, 2));
  }
  console.log(`\nTests run against the embedded database: ${WORKERS} PGlite servers started in ${Date.now() - started} ms`);
}
