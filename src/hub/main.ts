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
  // TEMP-MEMDEBUG
  if (process.env.HUB_DEBUG_MEM) {
    const { appendFileSync } = await import('node:fs');
    const peak: Record<string, number> = {};
    let ticks = 0;
    const { createRequire } = await import('node:module');
    const require = createRequire(import.meta.url);
    setInterval(() => {
      const m = process.memoryUsage() as unknown as Record<string, number>;
      for (const k of Object.keys(m)) peak[k] = Math.max(peak[k] ?? 0, m[k]!);
      const f = (o: Record<string, number>) => Object.entries(o).map(([k, v]) => `${k}=${(v / 2 ** 20).toFixed(0)}`).join(' ');
      appendFileSync(process.env.HUB_DEBUG_MEM!, `${Date.now()} now ${f(m)} | peak ${f(peak)}\n`);
      if (++ticks % 20 === 0) {
        const { readFileSync } = require('node:fs') as typeof import('node:fs');
        const by: Record<string, number> = {};
        let name = '';
        for (const line of readFileSync('/proc/self/smaps', 'utf8').split('\n')) {
          const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
          if (head) { name = (head[1] || '[anon]').replace(/.*\//, ''); continue; }
          const rss = /^Rss:\s+(\d+) kB/.exec(line);
          if (rss) by[name] = (by[name] ?? 0) + Number(rss[1]) / 1024;
        }
        const top = Object.entries(by).sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${k}=${v.toFixed(0)}`).join(' ');
        appendFileSync(process.env.HUB_DEBUG_MEM!, `SMAPS ${top}\n`);
      }
    }, 100).unref();
  }
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
