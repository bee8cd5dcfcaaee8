// Opens the SQLite file and brings its schema up to date. WAL lets the CLIs read and write
// while the hub runs; synchronous=FULL makes every commit survive a power cut before the hub
// answers. Only `hub:init` (and a restore) may create the file: a mistyped HUB_DATA must never
// start an empty hub with a new epoch (S5; sync protocol v1, docs/hub.md).
import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { StoreRefusal } from '../errors';
import { newEpoch } from '../secrets';
import type { OpenMode } from '../types';
import { MIGRATIONS, SQL } from './sql';

export type Db = Database.Database;

export function sqliteFile(dataDir: string): string {
  return join(dataDir, 'hub.sqlite');
}

const SIDE_FILES = ['', '-wal', '-shm', '-journal'];

/** S13: the store holds token hashes and residents' data; only the hub's user may read it. */
function restrict(file: string): void {
  for (const suffix of SIDE_FILES) {
    if (existsSync(file + suffix)) chmodSync(file + suffix, 0o600);
  }
}

export function openSqlite(dataDir: string, mode: OpenMode): Db {
  const file = sqliteFile(dataDir);
  if (mode === 'existing') {
    if (!existsSync(file)) throw new StoreRefusal(`no hub store at ${file}: create it with \`npm run hub:init\` (or set HUB_DATA)`);
  } else {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    chmodSync(dataDir, 0o700);
    // Made here with 0600 rather than by SQLite (0644 less the umask); SQLite gives its -wal
    // and -shm files the database file's mode.
    closeSync(openSync(file, 'a', 0o600));
  }
  restrict(file);
  const db = new Database(file, { fileMustExist: true });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  // The hub and a CLI may both want the write lock; wait instead of failing at once.
  db.pragma('busy_timeout = 10000');
  db.pragma('foreign_keys = ON');
  // The (site, id) index takes inserts at random places; with SQLite's default 2 MB page cache
  // a log of a million events spends much of a push re-reading index pages.
  db.pragma('cache_size = -32768');
  restrict(file);
  return db;
}

/** Removes a file that `hub:init` made before it failed, so no half-made store is left. */
export function removeSqlite(dataDir: string): void {
  for (const suffix of SIDE_FILES) rmSync(sqliteFile(dataDir) + suffix, { force: true });
}

/**
 * Applies the missing migrations in one transaction. `init` refuses a store that already has an
 * epoch and makes one; `existing` refuses a store without one (never created); `restore` makes
 * the schema and leaves the epoch to the import. Returns the version and the epoch ('' when none).
 */
export function migrateSqlite(db: Db, mode: OpenMode, where: string, target = MIGRATIONS.length): { version: number; epoch: string } {
  return db.transaction(() => {
    const hasMeta = (db.prepare(SQL.tableCount).get() as { n: number }).n > 0;
    const epoch = hasMeta ? readMeta(db, 'hub_epoch') : undefined;
    if (mode === 'init' && epoch !== undefined) {
      throw new StoreRefusal(`a hub store already exists at ${where} (hubEpoch ${epoch}); hub:init only creates a new one`);
    }
    if (mode === 'existing' && epoch === undefined) {
      throw new StoreRefusal(`${where} holds no hub store: create it with \`npm run hub:init\``);
    }
    const current = hasMeta ? Number(readMeta(db, 'schema_version') ?? 0) : 0;
    if (current > MIGRATIONS.length) {
      throw new StoreRefusal(`the store has schema version ${current}; this hub knows up to ${MIGRATIONS.length}`);
    }
    for (let v = current; v < target; v++) db.exec(MIGRATIONS[v] as string);
    const version = Math.max(current, target);
    writeMeta(db, 'schema_version', String(version));
    if (mode === 'init') writeMeta(db, 'hub_epoch', newEpoch());
    return { version, epoch: readMeta(db, 'hub_epoch') ?? '' };
  }).immediate();
}

export function readMeta(db: Db, key: string): string | undefined {
  return (db.prepare(SQL.readMeta).get(key) as { value: string } | undefined)?.value;
}

export function writeMeta(db: Db, key: string, value: string): void {
  db.prepare(SQL.writeMeta).run(key, value);
}
