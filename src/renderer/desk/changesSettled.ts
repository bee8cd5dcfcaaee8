/**
 * A writer's word that a burst of changes is complete: a pulled page is one commit, so nothing
 * more of it will follow, and a view waiting for its changes to go quiet (the queue's refresher,
 * 100 ms) may re-query now. Only a hint: a view that missed it still refreshes after its quiet.
 */
const listeners = new Set<() => void>();

export function onChangesSettled(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export function announceChangesSettled(): void {
  for (const listener of [...listeners]) {
    try {
      listener();
    } catch {
      // A listener's failure is its own: the writer and the other listeners go on.
    }
  }
}
