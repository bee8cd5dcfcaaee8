// F18: one sync loop per workstation. The tab that holds the Web Lock `dutydesk-sync` runs it for
// the page's life; other tabs wait in the lock's queue and take over when it closes. Without
// `navigator.locks` every tab runs: pushes are idempotent (duplicate) and pulls skip held ids.
export const SYNC_LOCK = 'dutydesk-sync';

interface LockManagerLike {
  request(name: string, callback: () => Promise<void>): Promise<unknown>;
}

/** Calls `onLeader` once this page holds the lock; the returned function releases it. */
export function holdLeadership(onLeader: () => void, locks: LockManagerLike | undefined = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks): () => void {
  if (!locks) {
    onLeader();
    return () => undefined;
  }
  let release: () => void = () => undefined;
  let released = false;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  locks
    .request(SYNC_LOCK, () => {
      if (released) return Promise.resolve();
      onLeader();
      return held;
    })
    .catch(() => onLeader()); // a lock manager that fails: run anyway (idempotency covers it)
  return () => {
    released = true;
    release();
  };
}
