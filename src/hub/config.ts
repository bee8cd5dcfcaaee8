// The hub's settings, all from the environment (sync-protocol.md, "Running the hub").
import { storeConfigFromEnv, type StoreConfig } from './store/openStore';

export interface HubConfig {
  host: string;
  port: number;
  store: StoreConfig;
}

export function hubConfigFromEnv(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const port = Number(env.HUB_PORT?.trim() || 8787);
  // Port 0 asks the system for a free port; tests use it and read the address from the start line.
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`HUB_PORT must be a port number, not "${env.HUB_PORT}"`);
  return { host: env.HUB_HOST?.trim() || '127.0.0.1', port, store: storeConfigFromEnv(env) };
}
