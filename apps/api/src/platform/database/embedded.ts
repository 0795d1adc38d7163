import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * The zero-install database: PGlite (PostgreSQL compiled to WebAssembly) behind pglite-socket on a
 * loopback port, so the application talks to it with the same driver as to a real PostgreSQL.
 * PGlite is one session: the socket server takes one connection and the pool must use one.
 */
export interface EmbeddedDatabase {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export const EMBEDDED_EXTENSIONS = ['unaccent', 'pg_trgm', 'ltree', 'btree_gist', 'pgcrypto'] as const;

/** A free loopback port (never 5432, where a real PostgreSQL may listen). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * `dataDir` = a folder to keep the data in, or `memory://` for a throwaway database.
 * `maxConnections` stays 1 for the application (its pool has one connection). The test servers allow
 * a second one only so that a client that has just closed and the next one to connect may overlap
 * for a moment: pglite-socket frees a slot asynchronously and refuses a connection while it is full.
 * Nothing ever sends queries over two connections at once.
 */
export async function startEmbeddedDatabase(dataDir: string, port?: number, maxConnections = 1): Promise<EmbeddedDatabase> {
  // PGlite and its extensions are ES modules with WebAssembly: load them at run time only.
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const extensions: Record<string, unknown> = {};
  for (const name of EMBEDDED_EXTENSIONS) {
    const mod = (await import(`@electric-sql/pglite/contrib/${name}`)) as Record<string, unknown>;
    extensions[name] = mod[name];
  }
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const db: { close(): Promise<void> } = await PGlite.create(dataDir, { extensions: extensions as never });
  const chosen = port ?? (await freePort());
  const server = new PGLiteSocketServer({ db: db as never, port: chosen, host: '127.0.0.1', maxConnections });
  await server.start();
  return {
    url: `postgres://postgres@127.0.0.1:${chosen}/postgres`,
    port: chosen,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
