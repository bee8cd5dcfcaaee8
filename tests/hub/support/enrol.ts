// Enrols stations straight through the store code, in the test process: setup only, much
// cheaper than one CLI process per station. The CLI itself is tested in cli.test.ts.
import { openStore } from '../../../src/hub/store/openStore';
import { hashToken, newToken } from '../../../src/hub/store/secrets';

/** Creates the store as `npm run hub:init` does, in the test process (the CLI is tested in cli.test.ts). */
export async function initStore(env: Record<string, string>): Promise<void> {
  await (await openStore({ databaseUrl: env.DATABASE_URL || undefined, dataDir: env.HUB_DATA ?? '' }, 'init')).close();
}

/** Returns one token per [site, station] pair, in order. */
export async function enrolStations(env: Record<string, string>, stations: [string, string][]): Promise<string[]> {
  const store = await openStore({ databaseUrl: env.DATABASE_URL || undefined, dataDir: env.HUB_DATA ?? '' });
  try {
    const tokens: string[] = [];
    for (const [site, name] of stations) {
      const token = newToken();
      if ((await store.createStation(site, name, hashToken(token))) !== 'created') throw new Error(`${site}/${name} exists`);
      tokens.push(token);
    }
    return tokens;
  } finally {
    await store.close();
  }
}
