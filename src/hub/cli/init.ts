// `npm run hub:init`: creates the store named by HUB_DATA / DATABASE_URL (the SQLite file, or the
// schema in an existing PostgreSQL database) with a new hubEpoch, and says so. It refuses a store
// that already exists; the hub and the other CLIs refuse one that was never created
// (sync protocol v1: docs/hub.md).
import { parseCli, withStore } from './args';

parseCli({}, 'usage: hub:init');

await withStore(async (store) => {
  console.log(`created a ${store.kind} hub store at ${store.location} (schema version ${store.schemaVersion}, hubEpoch ${store.hubEpoch})`);
}, 'init');
