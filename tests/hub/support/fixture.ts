// One store and one hub for a suite, with stations already enrolled.
import { afterAll, beforeAll } from 'vitest';
import { Station } from './client';
import { enrolStations } from './enrol';
import { startHub, type RunningHub } from './hubProcess';
import { createStore, type StoreKind, type TestStore } from './stores';

export interface HubFixture {
  store: TestStore;
  hub: RunningHub;
  stations: Record<string, Station>;
  tokens: Record<string, string>;
}

/** `stations` maps a label to [site, station name]; the hub starts after they exist. */
export function useHub(kind: StoreKind, stations: Record<string, [string, string]>): HubFixture {
  const fixture = { stations: {}, tokens: {} } as HubFixture;
  beforeAll(async () => {
    fixture.store = await createStore(kind);
    const entries = Object.entries(stations);
    const tokens = await enrolStations(fixture.store.env, entries.map(([, pair]) => pair));
    entries.forEach(([label], i) => (fixture.tokens[label] = tokens[i] as string));
    fixture.hub = await startHub(fixture.store.env);
    for (const [label] of entries) fixture.stations[label] = new Station(fixture.hub.url, fixture.tokens[label] as string);
  });
  afterAll(async () => {
    await fixture.hub?.stop();
    await fixture.store?.drop();
  });
  return fixture;
}
