import type { DeskDatabase } from './database';

export async function readMeta<T>(db: DeskDatabase, key: string): Promise<T | undefined> {
  return (await db.meta.get(key))?.value as T | undefined;
}
