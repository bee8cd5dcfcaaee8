// The two stores every hub test runs against. SQLite gets a fresh temporary HUB_DATA;
// PostgreSQL a throwaway database with a random name on HUB_TEST_DATABASE_URL. Without that
// variable the PostgreSQL half is skipped with a printed reason, or fails loudly when CI is set.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, it } from 'vitest';
import { initStore } from './enrol';

export type StoreKind = 'sqlite' | 'postgres';
export const STORE_KINDS: StoreKind[] = ['sqlite', 'postgres'];

export interface TestStore {
  kind: StoreKind;
  /** The environment a hub or CLI needs to use this store. */
  env: Record<string, string>;
  /** For PostgreSQL, the database URL; for SQLite, the data directory. */
  location: string;
  drop(): Promise<void>;
}

const adminUrl = process.env.HUB_TEST_DATABASE_URL;
let warned = false;

/** Whether a test may use `kind` here: PostgreSQL needs HUB_TEST_DATABASE_URL (under CI it is required, and a missing one fails). */
export const storeAvailable = (kind: StoreKind) => kind === 'sqlite' || Boolean(adminUrl) || Boolean(process.env.CI);

/** Declares the suite once per store; the body gets the store kind. */
export function describeStores(title: string, body: (kind: StoreKind) => void, kinds = STORE_KINDS): void {
  for (const kind of kinds) {
    if (kind === 'postgres' && !adminUrl) {
      if (process.env.CI) {
        describe(`${title} [postgres]`, () => {
          it('needs HUB_TEST_DATABASE_URL', () => {
            throw new Error('CI is set but HUB_TEST_DATABASE_URL is not: the PostgreSQL hub tests cannot run');
          });
        });
      } else {
        if (!warned) console.warn('Skipping the PostgreSQL hub tests: HUB_TEST_DATABASE_URL is not set.');
        warned = true;
        describe.skip(`${title} [postgres] (HUB_TEST_DATABASE_URL not set)`, () => body(kind));
      }
      continue;
    }
    describe(`${title} [${kind}]`, () => body(kind));
  }
}

/**
 * A fresh store, created as `npm run hub:init` would (the hub refuses an uncreated one); with
 * `init: false` only its place (an empty folder, an empty database) for tests of hub:init and
 * of restoring onto a fresh machine.
 */
export async function createStore(kind: StoreKind, { init = true } = {}): Promise<TestStore> {
  const store = await createPlace(kind);
  if (init) await initStore(store.env);
  return store;
}

async function createPlace(kind: StoreKind): Promise<TestStore> {
  if (kind === 'sqlite') {
    const dir = join(mkdtempSync(join(tmpdir(), 'dutydesk-hub-')), 'data');
    const drop = async () => rmSync(join(dir, '..'), { recursive: true, force: true });
    return { kind, env: { HUB_DATA: dir }, location: dir, drop };
  }
  const name = `hubtest_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl as string);
  url.pathname = `/${name}`;
  return {
    kind,
    env: { DATABASE_URL: url.toString(), HUB_DATA: join(tmpdir(), 'dutydesk-hub-unused') },
    location: url.toString(),
    drop: async () => void (await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

export async function adminQuery(sql: string, url = adminUrl): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}
