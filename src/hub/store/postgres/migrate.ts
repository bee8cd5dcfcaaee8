// Brings a PostgreSQL database's schema up to date on start, under an advisory lock so two
// hubs (or a hub and a CLI) starting at once do not both migrate. Only hub:init (and a restore)
// may create the schema; the hub re-runs this with `existing` after the database vanished (S10),
// so a database recreated empty never becomes an empty hub with a new epoch.
import type pg from 'pg';
import { StoreRefusal } from '../errors';
import { newEpoch } from '../secrets';
import type { OpenMode } from '../types';
import { inTransaction, type Client } from './pool';
import { MIGRATIONS, SQL } from './sql';

export async function migratePostgres(
  pool: pg.Pool, mode: OpenMode, where: string, target = MIGRATIONS.length,
): Promise<{ version: number; epoch: string }> {
  return inTransaction(pool, async (c) => {
    await c.query(SQL.migrationLock);
    const present = (await c.query<{ present: boolean }>(SQL.hasMeta)).rows[0]?.present === true;
    const existing = present ? await readMeta(c, 'hub_epoch') : undefined;
    if (mode === 'init' && existing !== undefined) {
      throw new StoreRefusal(`a hub store already exists in ${where} (hubEpoch ${existing}); hub:init only creates a new one`);
    }
    if (mode === 'existing' && existing === undefined) {
      throw new StoreRefusal(`${where} holds no hub store: create it with \`npm run hub:init\``);
    }
    const current = present ? Number((await readMeta(c, 'schema_version')) ?? 0) : 0;
    if (current > MIGRATIONS.length) {
      throw new StoreRefusal(`the store has schema version ${current}; this hub knows up to ${MIGRATIONS.length}`);
    }
    for (let v = current; v < target; v++) await c.query(MIGRATIONS[v] as string);
    const version = Math.max(current, target);
    await c.query(SQL.writeMeta, ['schema_version', String(version)]);
    let epoch = existing ?? '';
    if (mode === 'init') {
      epoch = newEpoch();
      await c.query(SQL.writeMeta, ['hub_epoch', epoch]);
    }
    return { version, epoch };
  });
}

export async function readMeta(c: Client, key: string): Promise<string | undefined> {
  return (await c.query<{ value: string }>(SQL.readMeta, [key])).rows[0]?.value;
}
