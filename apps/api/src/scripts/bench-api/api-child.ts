/**
 * The API under `npm run bench:api`, in a child process of its own so that its CPU time is its own:
 * the built application (`createApplication`) configured from the environment the bench passes.
 * IPC: sends `ready` with the port; answers `cpu` with process.cpuUsage(); `profile-start` and
 * `profile-stop` (a V8 CPU profile through the inspector, written to the given path); `stop`.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadConfig, type Config } from '../../platform/config';

type CreateApplication = (config: Config) => Promise<{ listen(): Promise<number>; stop(): Promise<void> }>;

/**
 * The built application's `createApplication`: in src/app.ts (the composition root) or, before it
 * existed, in platform/application.ts.
 */
function loadCreateApplication(): CreateApplication {
  for (const path of ['../../app', '../../platform/application']) {
    let loaded: { createApplication?: CreateApplication };
    try {
      loaded = require(path);
    } catch (error) {
      if ((error as { code?: string }).code === 'MODULE_NOT_FOUND' && String(error).includes(path.slice(6))) continue;
      throw error;
    }
    if (typeof loaded.createApplication === 'function') return loaded.createApplication;
  }
  throw new Error('createApplication was found neither in dist/app.js nor in dist/platform/application.js');
}

interface Message {
  type: 'cpu' | 'profile-start' | 'profile-stop' | 'stop';
  id?: number;
  path?: string;
  intervalUs?: number;
}

async function main(): Promise<void> {
  const app = await loadCreateApplication()(loadConfig(process.env));
  const port = await app.listen();
  let session: Session | null = null;

  process.on('message', (m: Message) => {
    const reply = (extra: Record<string, unknown> = {}) => process.send?.({ type: m.type, id: m.id, ...extra });
    const run = async () => {
      switch (m.type) {
        case 'cpu':
          return reply({ usage: process.cpuUsage() });
        case 'profile-start':
          session = new Session();
          session.connect();
          await session.post('Profiler.enable');
          await session.post('Profiler.setSamplingInterval', { interval: m.intervalUs ?? 500 });
          await session.post('Profiler.start');
          return reply();
        case 'profile-stop': {
          if (!session) throw new Error('no profile running');
          const { profile } = await session.post('Profiler.stop');
          writeFileSync(m.path as string, JSON.stringify(profile));
          session.disconnect();
          session = null;
          return reply();
        }
        case 'stop':
          await app.stop();
          reply();
          return process.exit(0);
      }
    };
    run().catch((error: unknown) => reply({ error: String(error) }));
  });
  process.on('disconnect', () => process.exit(0));
  process.send?.({ type: 'ready', port });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
