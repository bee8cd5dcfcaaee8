// Picks the store once at start-up, from the same environment for the hub and its CLIs:
// PostgreSQL when DATABASE_URL is set, else SQLite in HUB_DATA.
import { PostgresStore } from './postgres/postgresStore';
import { SqliteStore } from './sqlite/sqliteStore';
import type { HubStore, OpenMode } from './types';

export interface StoreConfig {
  databaseUrl?: string;
  dataDir: string;
}

export function storeConfigFromEnv(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  const databaseUrl = env.DATABASE_URL?.trim();
  return { databaseUrl: databaseUrl || undefined, dataDir: env.HUB_DATA?.trim() || './hub-data' };
}

/** `existing` (the hub and most CLIs) refuses a store hub:init never created. */
export async function openStore(config: StoreConfig, mode: OpenMode = 'existing', onIdleError?: (error: Error) => void): Promise<HubStore> {
  if (config.databaseUrl) return PostgresStore.open(config.databaseUrl, mode, onIdleError);
  return new SqliteStore(config.dataDir, mode);
}
