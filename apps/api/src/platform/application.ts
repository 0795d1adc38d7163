import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import type { Composition } from './composition';
import { RuntimeConfig, type Config } from './config';
import { Container } from './container';
import { PublicUrl } from './public-url';
import { connect, createDataSource } from './database/data-source';
import { Notifications } from './database/notifications';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './database/embedded';
import { createSchema } from './graphql/schema';
import { createHttpServer, type HttpServer } from './http/server';
import { createLogger, type Logger } from './logger';

export interface Application {
  config: Config;
  log: Logger;
  dataSource: DataSource;
  http: HttpServer;
  container: Container;
  /** The embedded database, when no DATABASE_URL was given. */
  embedded: EmbeddedDatabase | null;
  /** How long each phase of the start took, in ms (logged with the ready line for operators). */
  startup: StartupTimings;
  listen(): Promise<number>;
  /** Stops taking requests, lets those in flight finish, then closes the database. */
  stop(): Promise<void>;
}

export interface StartupTimings {
  embeddedDatabaseMs: number;
  migrationsMs: number;
  seedMs: number;
  /** The schema, the HTTP server and the workers. */
  serverMs: number;
}

/**
 * Builds the platform around the modules the entry point composes (src/app.ts): database (embedded
 * or given), migrations, seed, GraphQL, HTTP.
 */
export async function createPlatform(config: Config, composition: Composition, log: Logger = createLogger(config.logLevel)): Promise<Application> {
  let embedded: EmbeddedDatabase | null = null;
  let url = config.databaseUrl;
  const startup: StartupTimings = { embeddedDatabaseMs: 0, migrationsMs: 0, seedMs: 0, serverMs: 0 };
  let phase = Date.now();
  const lap = () => {
    const now = Date.now();
    const ms = now - phase;
    phase = now;
    return ms;
  };
  if (!url) {
    embedded = await startEmbeddedDatabase(config.dataDir);
    url = embedded.url;
    startup.embeddedDatabaseMs = lap();
    log.info({ dataDir: config.dataDir, port: embedded.port, ms: startup.embeddedDatabaseMs }, 'embedded PostgreSQL (PGlite) started');
  }
  const dataSource = createDataSource({
    url,
    poolSize: embedded ? 1 : config.poolSize,
    log,
    entities: composition.entities,
    migrations: composition.migrations,
    statementTimeoutMs: config.statementTimeoutMs,
  });
  try {
    lap();
    await connect(dataSource, log);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    startup.migrationsMs = lap();
    if (applied.length) log.info({ migrations: applied.map((m) => m.name), ms: startup.migrationsMs }, 'migrations applied');
    if (config.seed === 'demo' && composition.seed) {
      const seeded = await composition.seed(dataSource);
      startup.seedMs = lap();
      if (seeded) log.info({ ...seeded, ms: startup.seedMs }, 'demo data seeded');
      else log.info({ ms: startup.seedMs }, 'demo data already seeded');
    }
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
    throw error;
  }

  const notifications = new Notifications(embedded ? null : url, log, config.listen);
  const container = new Container().register(DataSource, dataSource).register(Notifications, notifications).register(PublicUrl, new PublicUrl(config.publicUrl)).register(RuntimeConfig, new RuntimeConfig(config));
  const schema = await createSchema(container, composition.resolvers);
  await composition.init?.(container);
  await notifications.start();
  const http = await createHttpServer(config, log, schema, dataSource, composition.authenticate(container), composition.routes?.(container) ?? [], composition.uploads?.(container) ?? []);
  const workers = composition.workers?.(container, config, log) ?? [];
  for (const worker of workers) await worker.start();
  startup.serverMs = lap();

  let stopping: Promise<void> | null = null;
  return {
    config,
    log,
    dataSource,
    http,
    container,
    embedded,
    startup,
    listen: () =>
      new Promise((resolve, reject) => {
        http.server.once('error', reject);
        http.server.listen(config.port, config.host, () => resolve((http.server.address() as AddressInfo).port));
      }),
    stop() {
      stopping ??= (async () => {
        await http.apollo.stop(); // closes the HTTP server and waits for requests in flight
        for (const worker of [...workers].reverse()) await worker.stop();
        await notifications.stop();
        if (dataSource.isInitialized) await dataSource.destroy();
        await embedded?.stop();
      })();
      return stopping;
    },
  };
}
