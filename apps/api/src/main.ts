import 'reflect-metadata';
import { createApplication } from './app';
import { loadConfig } from './platform/config';
import { createLogger } from './platform/logger';

/** `npm start`: one process serving the API, GraphiQL and the admin app. */
async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const app = await createApplication(config, log);
  const port = await app.listen();
  // `ms` counts from main(); `processMs` from the node process's start (module loading included, the
  // build and npm before it not): the first start's time to ready, as .ci/smoke.sh prints it.
  log.info(
    { port, database: app.embedded ? 'embedded' : 'postgresql', ms: Date.now() - started, processMs: Math.round(process.uptime() * 1000), ...app.startup },
    `One-Stop Post is ready on http://localhost:${port}/ (GraphQL: /graphql, GraphiQL: /graphiql)`,
  );

  // Ctrl-C (or SIGTERM to the process group) under `npm start` reaches node twice: from the terminal
  // and again forwarded by npm. Signals after the first are logged and ignored; the drain goes on.
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) {
      log.warn({ signal }, 'already shutting down; signal ignored');
      return;
    }
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(1);
    }, config.shutdownGraceMs);
    force.unref();
    app.stop().then(
      () => {
        log.info('stopped');
        process.exit(0);
      },
      (error) => {
        log.error({ err: error }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
