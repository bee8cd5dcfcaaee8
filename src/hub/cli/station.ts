// `npm run hub:station -- --site <site> --name <station>`: creates a station and prints its
// token as the last line. `--list --site <site>` lists the site's stations; `--revoke <station>
// --site <site>` makes the station's token fail with 401 at once.
import { isValidName } from '../../shared/protocol';
import { hashToken, newToken } from '../store/secrets';
import { fail, parseCli, withStore } from './args';

const USAGE = `usage: hub:station -- --site <site> --name <station>
       hub:station -- --site <site> --list
       hub:station -- --site <site> --revoke <station>`;

const args = parseCli({
  site: { type: 'string' }, name: { type: 'string' }, list: { type: 'boolean' }, revoke: { type: 'string' },
}, USAGE);
const modes = [args.name !== undefined, args.list === true, args.revoke !== undefined].filter(Boolean).length;
if (modes !== 1 || args.site === undefined) fail(USAGE, 2);
const site = args.site;
for (const value of [site, args.name, args.revoke]) {
  if (value !== undefined && !isValidName(value)) fail(`"${value}" is not a valid name: 1 to 32 characters from A-Z a-z 0-9 _ -`, 2);
}

await withStore(async (store) => {
  if (args.list) {
    const stations = await store.listStations(site);
    if (stations === null) fail(`no site named ${site}`);
    console.log(['station', 'state', 'last push', 'last pull', 'last contact'].join('\t'));
    for (const s of stations) {
      const state = s.revokedAt ? `revoked ${s.revokedAt}` : 'active';
      console.log([s.name, state, s.lastPushAt ?? '-', s.lastPullAt ?? '-', s.lastSeenAt ?? '-'].join('\t'));
    }
  } else if (args.revoke !== undefined) {
    if (!(await store.revokeStation(site, args.revoke))) fail(`no station ${args.revoke} in site ${site}`);
    console.log(`revoked ${args.revoke} of site ${site}; its token now fails with 401`);
  } else {
    const token = newToken();
    const name = args.name as string;
    const result = await store.createStation(site, name, hashToken(token));
    if (result === 'exists') fail(`station ${name} already exists in site ${site}; revoke it first to issue a new token`);
    console.log(`${result === 'created' ? 'created' : 're-issued a token for the revoked'} station ${name} of site ${site}`);
    console.log('its token (shown once, stored only hashed):');
    console.log(token);
  }
});
