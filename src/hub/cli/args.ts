// Shared bits of the administration CLIs: argument parsing and failing with a clear message.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { openStore, storeConfigFromEnv } from '../store/openStore';
import type { HubStore, OpenMode } from '../store/types';

export function parseCli<T extends NonNullable<ParseArgsConfig['options']>>(options: T, usage: string) {
  try {
    return parseArgs({ options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n${usage}`, 2);
  }
}

export function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

/**
 * Runs a CLI's work against the store named by HUB_DATA / DATABASE_URL, then closes it. Every
 * CLI but hub:init and hub:restore refuses a store that was never created, naming hub:init.
 */
export async function withStore(work: (store: HubStore) => Promise<void>, mode: OpenMode = 'existing'): Promise<void> {
  let store: HubStore | undefined;
  try {
    store = await openStore(storeConfigFromEnv(), mode);
    await work(store);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  } finally {
    await store?.close();
  }
}
