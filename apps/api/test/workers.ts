/** How many jest workers the suite uses (jest.config.js maxWorkers); each gets its own embedded server. */
export const WORKERS = 2;
export const EMBEDDED_BASE_PORT = Number(process.env.TEST_EMBEDDED_BASE_PORT ?? 55_430);

export function embeddedUrlForWorker(): string {
  const worker = Number(process.env.JEST_WORKER_ID ?? 1);
  return `postgres://postgres@127.0.0.1:${EMBEDDED_BASE_PORT + ((worker - 1) % WORKERS)}/postgres`;
}
