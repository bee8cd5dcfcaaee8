// `npm run hub:status`: per site, the event count and last seq, and each station's last
// contact and the seq it last pulled. `--json` prints the same as one JSON document.
import { parseCli, withStore } from './args';

const args = parseCli({ json: { type: 'boolean' } }, 'usage: hub:status [-- --json]');

await withStore(async (store) => {
  const sites = await store.status();
  if (args.json) {
    console.log(JSON.stringify({ store: store.kind, location: store.location, hubEpoch: store.hubEpoch, sites }, null, 2));
    return;
  }
  console.log(`${store.kind} store at ${store.location}, hubEpoch ${store.hubEpoch}`);
  if (sites.length === 0) console.log('no sites yet');
  for (const site of sites) {
    console.log(`\nsite ${site.site}: ${site.eventCount} events, last seq ${site.lastSeq}`);
    console.log(['  station', 'state', 'last contact', 'last pulled seq'].join('\t'));
    for (const s of site.stations) {
      const state = s.revokedAt ? 'revoked' : 'active';
      console.log([`  ${s.name}`, state, s.lastSeenAt ?? 'never', s.lastPulledSeq ?? '-'].join('\t'));
    }
  }
});
