import type { DeskDatabase } from './database';

/**
 * Saves at the desk before a pulled page's next slice (applyPageInSlices): IndexedDB already runs
 * a save's transaction before any slice begun after it, but a slice's own work (checking and
 * folding its events) would still run on this one thread between the save's requests. So while
 * a save of this database is under way the next slice waits for it to end; and a slice still making
 * its requests when a save begins gives way (`givesWay`: it aborts, and is applied again after the
 * save), so the save waits at most for a slice's commit already under way. One gate per database
 * name, shared by every connection to it in this page (a second connection's save counts too);
 * tests run several stations in one page under their own names.
 */
interface Gate {
  saving: number;
  waiting: (() => void)[];
  /** Slices in progress that give way to a save (added later: a gate made by an older bundle has none). */
  yielding?: Set<() => void>;
}

// Kept on the page's global object, not in this module: a page may hold more than one bundle of
// this code (the sync benchmark's saves come from its own bundle), and a save must hold every
// pull of its database in the page, whichever copy of the module either came from.
const GATES = Symbol.for('dutydesk.saveGates');
const gates: Map<string, Gate> = ((globalThis as { [GATES]?: Map<string, Gate> })[GATES] ??= new Map());

function gateOf(db: Pick<DeskDatabase, 'name'>): Gate {
  let gate = gates.get(db.name);
  if (!gate) gates.set(db.name, (gate = { saving: 0, waiting: [] }));
  return gate;
}

/** A save begins; the function returned ends it (once, whatever it is called again). */
export function saveBegun(db: Pick<DeskDatabase, 'name'>): () => void {
  const gate = gateOf(db);
  gate.saving++;
  for (const giveWay of [...(gate.yielding ?? [])]) giveWay();
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    gate.saving--;
    if (gate.saving === 0) for (const wake of gate.waiting.splice(0)) wake();
  };
}

/** Resolves once no save of `db` is under way (at once when none is). */
export function noSaveUnderWay(db: Pick<DeskDatabase, 'name'>): Promise<void> {
  const gate = gateOf(db);
  return gate.saving === 0 ? Promise.resolve() : new Promise((resolve) => gate.waiting.push(resolve));
}

/**
 * While registered, `giveWay` is called when a save of `db` begins (a slice in progress aborts its
 * transaction then). Returns the function that unregisters it.
 */
export function givesWay(db: Pick<DeskDatabase, 'name'>, giveWay: () => void): () => void {
  const yielding = (gateOf(db).yielding ??= new Set());
  yielding.add(giveWay);
  return () => void yielding.delete(giveWay);
}
