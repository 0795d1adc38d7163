/**
 * The API under `npm run bench:api`, in a child process of its own so that its CPU time is its own:
 * the built application (`createApplication`) configured from the environment the bench passes.
 * BENCH_API_ROOT (set by the bench; default: this repository) is the checkout whose built
 * `apps/api/dist` is loaded, with that checkout's own config, dependencies and reflect-metadata, so
 * that an older commit built in another worktree runs under the same bench.
 * IPC: sends `ready` with the port; answers `cpu` with process.cpuUsage(); `profile-start` and
 * `profile-stop` (a V8 CPU profile through the inspector, written to the given path); `stop`.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

interface BuiltApplication {
  listen(): Promise<number>;
  stop(): Promise<void>;
}
/** The other checkout's `Config` is its own: it is only passed from its `loadConfig` to its `createApplication`. */
type CreateApplication = (config: unknown) => Promise<BuiltApplication>;
type LoadConfig = (env: NodeJS.ProcessEnv) => unknown;

/**
 * The built API of BENCH_API_ROOT: `createApplication` in dist/app.js (the composition root) or,
 * before it existed (up to ca9b680), in dist/platform/application.js; `loadConfig` in
 * dist/platform/config.js in both.
 */
function loadApi(): { createApplication: CreateApplication; loadConfig: LoadConfig } {
  const root = resolve(process.env.BENCH_API_ROOT || join(__dirname, '../../../../..'));
  const dist = join(root, 'apps/api/dist');
  const entry = ['app.js', 'platform/application.js'].map((file) => join(dist, file)).find(existsSync);
  const configFile = join(dist, 'platform/config.js');
  if (!entry || !existsSync(configFile)) throw new Error(`no built API in ${dist} (dist/app.js or dist/platform/application.js, and dist/platform/config.js): build that checkout first`);
  // Resolved from that checkout, before its entities are decorated (both entries also import it first).
  createRequire(entry)('reflect-metadata');
  const { createApplication } = require(entry) as { createApplication?: CreateApplication };
  const { loadConfig } = require(configFile) as { loadConfig?: LoadConfig };
  if (typeof createApplication !== 'function') throw new Error(`${entry} exports no createApplication`);
  if (typeof loadConfig !== 'function') throw new Error(`${configFile} exports no loadConfig`);
  return { createApplication, loadConfig };
}

interface Message {
  type: 'cpu' | 'profile-start' | 'profile-stop' | 'stop';
  id?: number;
  path?: string;
  intervalUs?: number;
}

async function main(): Promise<void> {
  const api = loadApi();
  const app = await api.createApplication(api.loadConfig(process.env));
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
