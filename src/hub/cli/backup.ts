// `npm run hub:backup -- --out <file>`: a consistent snapshot of the whole store, taken while
// the hub runs (one read transaction), written as NDJSON that either store can restore.
import { resolve } from 'node:path';
import { writeBackup } from '../backup/writer';
import { fail, parseCli, withStore } from './args';

const USAGE = 'usage: hub:backup -- --out <file>';
const args = parseCli({ out: { type: 'string' } }, USAGE);
if (!args.out) fail(USAGE, 2);
const out = resolve(args.out);

await withStore(async (store) => {
  const end = await writeBackup(store, out);
  console.log(`backed up ${end.events} events, ${end.stations} stations and ${end.sites} sites of hubEpoch ${store.hubEpoch} to ${out}`);
});
