/**
 * The built API in a child process (../bench-api/api-child.ts) on a bench database, and the percentile the
 * benches report: shared by `npm run bench:dossiers` and `npm run bench:reports`.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** The nearest-rank percentile (p in 0–100) of the values. */
export const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
};

/** Starts the API (migrations and seed on start, as configured by env) and waits until it listens. */
export async function startApi(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(join(__dirname, '..', 'bench-api', 'api-child.js'), [], { env, execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolvePort, reject) => {
    child.once('exit', (code) => reject(new Error(`the API exited with ${code} before it was ready`)));
    child.once('message', (m: { type: string; port: number }) => (m.type === 'ready' ? resolvePort(m.port) : reject(new Error(`unexpected message ${JSON.stringify(m)}`))));
  });
  return { child, port };
}

/** Asks the API to stop; kills it (by its pid) if it has not exited within 10 s. */
export async function stopApi(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.send({ type: 'stop', id: 0 });
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
