import type { DeskBridge } from '@shared/bridge/contract';
import type { AlarmDeadline } from '@shared/alarms/alarmList';

// Issue 15: hands the host's alarm clock the list the moment a derivation changes it (straight
// from the derivation, not through a render: the host must have a new deadline within 50 ms of
// its save). The first list goes whole (`alarms:set`); after that only what changed
// (`alarms:patch`: deadlines added or changed, ids removed), so a save costs the host one
// deadline's check. One call in flight at a time; the newest list waits for it; a call the bridge
// could not take (a reconnect) or the host refused sends the whole list again next time. A save
// offers only what it changed (the deriver knows), so nothing here walks the 2,000 entries.

/**
 * A list to hand over: whole (`AlarmDeadline[]`: compared with what the host holds, entry by
 * entry), or as the deriver's change since the list offered before it (`all` is read only when
 * the host must get the list whole: first, or after a failure). A change offered must follow the
 * list it changes: the handover keeps every change since what the host last took.
 */
export type HostOffer = AlarmDeadline[] | { all: () => AlarmDeadline[]; upserts: readonly AlarmDeadline[]; removes: readonly string[] };

export interface HostHandover {
  offer(list: HostOffer): void;
  dispose(): void;
}

type Sent = Map<string, string>;

/** Each entry's text, once: an entry kept from the last derivation is the same object. */
const texts = new WeakMap<AlarmDeadline, string>();
const textOf = (d: AlarmDeadline) => {
  let text = texts.get(d);
  if (text === undefined) texts.set(d, (text = JSON.stringify(d)));
  return text;
};

export function createHostHandover(bridge: DeskBridge, answered: (ok: boolean, reason?: string) => void, retryMs = 2000): HostHandover {
  /** What the host holds, by id, as text; null: unknown (first, or after a failure): send whole. */
  let held: Sent | null = null;
  /** The newest list, whole; null: nothing offered since the last call. */
  let latest: (() => AlarmDeadline[]) | null = null;
  /** A whole list was offered since the last call: compare it all. */
  let whole = false;
  // The changes offered since the last call (an upsert cancels a remove and the other way round).
  const upserts = new Map<string, AlarmDeadline>();
  const removes = new Set<string>();
  let inFlight = false;
  let disposed = false;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const send = () => {
    if (disposed || inFlight || latest === null) return;
    const all = latest;
    const base = held;
    let call: Promise<{ ok: true; count: number } | { ok: false; reason: string }>;
    let next: Sent;
    if (base && !whole) {
      const changed = [...upserts.values()].filter((d) => base.get(d.id) !== textOf(d));
      const gone = [...removes].filter((id) => base.has(id));
      clearPending();
      if (changed.length === 0 && gone.length === 0) return;
      // Applied to what the host holds once it has taken them.
      next = base;
      const apply = () => {
        for (const d of changed) next.set(d.id, textOf(d));
        for (const id of gone) next.delete(id);
      };
      call = bridge.invoke('alarms:patch', changed, gone).then((answer) => {
        if (answer.ok) apply();
        return answer;
      });
    } else {
      const list = all();
      clearPending();
      next = new Map(list.map((d) => [d.id, textOf(d)]));
      if (base) {
        const changed = list.filter((d) => base.get(d.id) !== next.get(d.id));
        const gone = [...base.keys()].filter((id) => !next.has(id));
        if (changed.length === 0 && gone.length === 0) return;
        call = bridge.invoke('alarms:patch', changed, gone);
      } else {
        call = bridge.invoke('alarms:set', list);
      }
    }
    inFlight = true;
    call.then(
      (answer) => {
        inFlight = false;
        // Refused: the host kept what it had, which this side no longer knows exactly.
        held = answer.ok ? next : null;
        if (!disposed) answered(answer.ok, answer.ok ? undefined : answer.reason);
        send();
      },
      () => {
        inFlight = false;
        held = null;
        latest ??= all;
        if (!disposed) retry = setTimeout(send, retryMs);
      },
    );
  };
  function clearPending() {
    latest = null;
    whole = false;
    upserts.clear();
    removes.clear();
  }

  return {
    offer(list) {
      if (Array.isArray(list)) {
        latest = () => list;
        whole = true;
      } else {
        latest = list.all;
        for (const d of list.upserts) {
          upserts.set(d.id, d);
          removes.delete(d.id);
        }
        for (const id of list.removes) {
          removes.add(id);
          upserts.delete(id);
        }
      }
      send();
    },
    dispose() {
      disposed = true;
      clearTimeout(retry);
    },
  };
}
