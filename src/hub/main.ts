// `npm run hub`: opens the store, serves protocol v1, logs one start line, and on SIGTERM or
// SIGINT stops accepting, finishes what is in flight, writes pending contacts and closes the
// store.
import { hubConfigFromEnv } from './config';
import { buildServer } from './http/server';
import { logLine } from './log';
import { ContactLog } from './store/contacts';
import { openStore } from './store/openStore';

async function main(): Promise<void> {
  const config = hubConfigFromEnv();
  const store = await openStore(config.store, (error) => logLine('database connection lost', { error: error.message }));
  const contacts = new ContactLog(store, 1000, (error) => logLine('contacts not written', { error: String(error) }));
  const app = buildServer({ store, contacts });
  const address = await app.listen({ host: config.host, port: config.port });
  logLine('hub listening', {
    address, store: store.kind, location: store.location, schemaVersion: store.schemaVersion, hubEpoch: store.hubEpoch,
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logLine('hub stopping', { signal });
    await app.close();
    await contacts.close();
    await store.close();
    logLine('hub stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  logLine('hub failed to start', { error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
