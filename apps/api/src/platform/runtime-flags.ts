/**
 * The V8 flags the API server runs with, wherever it runs: `npm start` (the root package.json), the API
 * package's own `start`, the Docker image's CMD, and the benchmarks' child processes, which run the
 * hand-written reference handler with the same flags so that both are measured on the same runtime.
 * runtime-flags.test.ts checks that the three start commands carry them.
 *
 * --max-semi-space-size=64: a young generation of 64 MiB per semi-space instead of V8's 16. A list page
 * allocates a few MiB (rows, records, the result tree, the JSON text) that die with its response. With
 * 10 to 50 requests in flight, the default young generation is scavenged every few requests; each
 * scavenge copies the objects of the requests still running, and those that survive twice are promoted
 * to the old generation, where only a full mark-compact frees them. A larger young generation lets
 * most of a request's objects die before a scavenge sees them. It costs up to 3 × 64 MiB of address
 * space per process (two semi-spaces and the promotion buffer), well within the container's memory.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];
