export default async function globalTeardown() {
  const started = globalThis.__TAHKIM_DB__;
  if (started) await started.stop();
}
