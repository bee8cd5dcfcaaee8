import type { Transaction } from 'dexie';
import type { DeskDatabase } from './database';

export async function readMeta<T>(db: DeskDatabase, key: string): Promise<T | undefined> {
  return (await db.meta.get(key))?.value as T | undefined;
}

export async function writeMeta(db: DeskDatabase, key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value });
}

export async function readMetaIn<T>(tx: Transaction, key: string): Promise<T | undefined> {
  return ((await tx.table('meta').get(key)) as { value: T } | undefined)?.value;
}
