import type { DeskDatabase } from './database';

/**
 * Saves at the desk before a pulled page's next slice (applyPageInSlices): IndexedDB already runs
 * a save's transaction before any slice begun after it, but a slice's own work (checking and
 * folding its events) would still run on this one thread between the save's requests. So while
 * a save of this database is under way the next slice waits for it to end; the slice in progress
 * is not stopped. One gate per database (tests run several stations in one page).
 */
interface Gate {
  saving: number;
  waiting: (() => void)[];
}

const gates = new WeakMap<DeskDatabase, Gate>();

function gateOf(db: DeskDatabase): Gate {
  let gate = gates.get(db);
  if (!gate) gates.set(db, (gate = { saving: 0, waiting: [] }));
  return gate;
}

/** A save begins; the function returned ends it (once, whatever it is called again). */
export function saveBegun(db: DeskDatabase): () => void {
  const gate = gateOf(db);
  gate.saving++;
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    gate.saving--;
    if (gate.saving === 0) for (const wake of gate.waiting.splice(0)) wake();
  };
}

/** Resolves once no save of `db` is under way (at once when none is). */
export function noSaveUnderWay(db: DeskDatabase): Promise<void> {
  const gate = gateOf(db);
  return gate.saving === 0 ? Promise.resolve() : new Promise((resolve) => gate.waiting.push(resolve));
}
