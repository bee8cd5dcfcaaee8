// The page's sync controller for the screens: status, the host's state, and the engine (for
// "sync now") when this tab runs the loop. Built on useSyncExternalStore: no polling.
import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type { SyncHostState } from '@shared/sync/syncContract';
import type { SyncEngine, SyncStatus } from './engineTypes';
import type { SyncController } from './syncController';
import { initialStatus } from './status';

export const SyncContext = createContext<SyncController | null>(null);

const noSubscribe = () => () => undefined;

/** The engine's status (the header, the Sync screen); the initial status outside a controller. */
export function useSyncStatus(): SyncStatus {
  const controller = useContext(SyncContext);
  const subscribe = useCallback((listener: () => void) => (controller ? controller.engine.subscribe(listener) : () => undefined), [controller]);
  return useSyncExternalStore(subscribe, () => controller?.engine.status() ?? initialStatus);
}

/** The engine when this tab runs the workstation's loop (F18), else null: ask the host (`sync:request`). */
export function useSyncEngine(): SyncEngine | null {
  const controller = useContext(SyncContext);
  const leader = useSyncExternalStore(controller ? controller.subscribe : noSubscribe, () => controller?.isLeader() ?? false);
  return controller && leader ? controller.engine : null;
}

/** The host's `sync:state` (enrolled, reachable, last error, ...); null until it first answers. */
export function useSyncHostState(): SyncHostState | null {
  const controller = useContext(SyncContext);
  return useSyncExternalStore(controller ? controller.subscribe : noSubscribe, () => controller?.hostState() ?? null);
}
