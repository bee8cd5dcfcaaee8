// One call to the host, never throwing: a bridge that fails (the host gone, a closed socket) is
// the hub unreachable as far as this run is concerned. Local (Dexie) failures are not caught here.
import type { HubFailure } from '@shared/sync/syncContract';

export interface RunFailure {
  failure: HubFailure | 'local';
  message: string;
}

export type Answer<T> = (T & { ok: true }) | { ok: false; failure: HubFailure; status: number | null; message: string };

export async function hubCall<T extends { ok: boolean }>(call: () => Promise<T>): Promise<T | { ok: false; failure: HubFailure; status: null; message: string }> {
  try {
    return await call();
  } catch (error) {
    return { ok: false, failure: 'unreachable', status: null, message: error instanceof Error ? error.message : String(error) };
  }
}
