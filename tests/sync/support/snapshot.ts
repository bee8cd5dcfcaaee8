// What must be identical on every converged station (P1): the event set (ids and the full
// events, the not-understood ones included) and every synced projection. Left out, being
// local to a workstation by design: meta (cursor, station identity, ticket counters, sign-in),
// pinAttempts (a workstation's own PIN lock-out counter), the outbox and quarantine (empty once
// quiet) and unknownEvents' `reason` (this version's words).
import type { DeskDatabase } from '../../../src/renderer/db/database';
import { loggedEvents } from '../../../src/renderer/testing/testStation';

export const PROJECTION_TABLES = ['tickets', 'staff', 'settings', 'units', 'residents', 'calls', 'refusedEvents'] as const;

export interface Snapshot {
  events: unknown[];
  projections: Record<string, unknown[]>;
}

const byKey = (key: string) => (a: Record<string, unknown>, b: Record<string, unknown>) => (String(a[key]) < String(b[key]) ? -1 : String(a[key]) > String(b[key]) ? 1 : 0);

export async function snapshot(db: DeskDatabase): Promise<Snapshot> {
  const known = await loggedEvents(db);
  const unknown = (await db.unknownEvents.toArray()).map(({ reason: _reason, ...event }) => event);
  const events = ([...known, ...unknown] as unknown as Record<string, unknown>[]).sort(byKey('id'));
  const projections: Record<string, unknown[]> = {};
  for (const table of PROJECTION_TABLES) {
    const primary = db.table(table).schema.primKey.keyPath as string;
    projections[table] = ((await db.table(table).toArray()) as Record<string, unknown>[]).sort(byKey(primary));
  }
  return { events, projections };
}

/** JSON with sorted keys: two stations may build the same row with its fields in another order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : 1))) : v);
}

/** The first difference between two snapshots, said briefly (a whole diff of hundreds of rows helps no one). */
export function firstDifference(a: Snapshot, b: Snapshot): string | null {
  const ids = (s: Snapshot) => s.events.map((e) => (e as { id: string }).id);
  const [ia, ib] = [new Set(ids(a)), new Set(ids(b))];
  const onlyA = [...ia].filter((id) => !ib.has(id));
  const onlyB = [...ib].filter((id) => !ia.has(id));
  if (onlyA.length || onlyB.length) return `events: ${onlyA.length} only on the first (${onlyA.slice(0, 3).join(', ')}), ${onlyB.length} only on the second (${onlyB.slice(0, 3).join(', ')})`;
  for (let i = 0; i < a.events.length; i++) {
    if (canonical(a.events[i]) !== canonical(b.events[i])) return `event ${ids(a)[i]} differs: ${canonical(a.events[i])} vs ${canonical(b.events[i])}`;
  }
  for (const table of PROJECTION_TABLES) {
    const [ra, rb] = [a.projections[table]!, b.projections[table]!];
    if (ra.length !== rb.length) return `${table}: ${ra.length} rows vs ${rb.length}`;
    for (let i = 0; i < ra.length; i++) {
      if (canonical(ra[i]) !== canonical(rb[i])) return `${table} row differs: ${canonical(ra[i])} vs ${canonical(rb[i])}`;
    }
  }
  return null;
}
