// `npm run hub:restore -- --from <file>`: loads a backup into an empty store (either kind) and
// gives the store a new hubEpoch, so stations re-push what they hold and pull from 0. The store
// may be one hub:init made or none at all (a fresh machine): restore then creates it, because a
// store holding a backup's data is no "empty hub with a new epoch". Stop the hub first (SQLite);
// a PostgreSQL hub whose database vanished picks the restored store up by itself.
import { resolve } from 'node:path';
import { readBackup } from '../backup/reader';
import { newEpoch } from '../store/secrets';
import { fail, parseCli, withStore } from './args';

const USAGE = 'usage: hub:restore -- --from <file>';
const args = parseCli({ from: { type: 'string' } }, USAGE);
if (!args.from) fail(USAGE, 2);
const from = resolve(args.from);

await withStore(async (store) => {
  if (!(await store.isEmpty())) fail(`refusing to restore: the ${store.kind} store at ${store.location} is not empty`);
  const epoch = newEpoch();
  await store.importAll(readBackup(from), epoch);
  const sites = await store.status();
  const events = sites.reduce((n, s) => n + s.eventCount, 0);
  console.log(`restored ${events} events of ${sites.length} sites into ${store.kind} at ${store.location}; new hubEpoch ${epoch}`);
}, 'restore');
