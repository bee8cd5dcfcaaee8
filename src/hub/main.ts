// `npm run hub`: opens the store (refusing one hub:init never created), serves protocol v1 over
// HTTP on loopback or HTTPS (S9), logs one start line, and on SIGTERM or SIGINT stops accepting,
// finishes what is in flight, writes pending contacts and closes the store.
import { ConfigError, hubConfigFromEnv } from './config';
import { buildServer } from './http/server';
import { logLine } from './log';
import { ContactLog } from './store/contacts';
import { StoreRefusal } from './store/errors';
import { openStore } from './store/openStore';

async function main(): Promise<void> {
  const config = hubConfigFromEnv();
  const store = await openStore(config.store, 'existing', (error) => logLine('database connection lost', { error: error.message }));
  const contacts = new ContactLog(store, 1000, (error) => logLine('contacts not written', { error: String(error) }));
  const app = buildServer({ store, contacts, bodyTimeoutMs: config.bodyTimeoutMs }, config.tls);
  const address = await app.listen({ host: config.host, port: config.port });
  logLine('hub listening', {
    address, tls: config.tls !== null, store: store.kind, location: store.location, schemaVersion: store.schemaVersion,
    hubEpoch: store.hubEpoch,
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
  const message = error instanceof Error ? error.message : String(error);
  logLine('hub failed to start', { error: message });
  // A refusal (bad setting, no store) is for the operator's eyes too, not only the log.
  if (error instanceof ConfigError || error instanceof StoreRefusal) process.stderr.write(`hub: ${message}\n`);
  process.exit(error instanceof ConfigError ? 2 : 1);
});
