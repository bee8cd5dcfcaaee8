// Opens the SQLite file and brings its schema up to date. WAL lets the CLIs read and write
// while the hub runs; synchronous=FULL makes every commit survive a power cut before the hub
// answers.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { StoreRefusal } from '../errors';
import { newEpoch } from '../secrets';
import { MIGRATIONS, SQL } from './sql';

export type Db = Database.Database;

export function sqliteFile(dataDir: string): string {
  return join(dataDir, 'hub.sqlite');
}

export function openSqlite(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(sqliteFile(dataDir));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  // The hub and a CLI may both want the write lock; wait instead of failing at once.
  db.pragma('busy_timeout = 10000');
  db.pragma('foreign_keys = ON');
  // The (site, id) index takes inserts at random places; with SQLite's default 2 MB page cache
  // a log of a million events spends much of a push re-reading index pages.
  db.pragma('cache_size = -32768');
  return db;
}

/** Applies the missing migrations (up to `target`) in one transaction; returns the version. */
export function migrateSqlite(db: Db, target = MIGRATIONS.length): number {
  return db.transaction(() => {
    const hasMeta = (db.prepare(SQL.tableCount).get() as { n: number }).n > 0;
    const current = hasMeta ? Number(readMeta(db, 'schema_version') ?? 0) : 0;
    if (current > MIGRATIONS.length) {
      throw new StoreRefusal(`the store has schema version ${current}; this hub knows up to ${MIGRATIONS.length}`);
    }
    for (let v = current; v < target; v++) db.exec(MIGRATIONS[v] as string);
    const version = Math.max(current, target);
    writeMeta(db, 'schema_version', String(version));
    if (readMeta(db, 'hub_epoch') === undefined) writeMeta(db, 'hub_epoch', newEpoch());
    return version;
  }).immediate();
}

export function readMeta(db: Db, key: string): string | undefined {
  return (db.prepare(SQL.readMeta).get(key) as { value: string } | undefined)?.value;
}

export function writeMeta(db: Db, key: string, value: string): void {
  db.prepare(SQL.writeMeta).run(key, value);
}
