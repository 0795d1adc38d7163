export default async function globalTeardown(): Promise<void> {
  for (const db of globalThis.__OSP_EMBEDDED__ ?? []) await db.stop();
}
