import type { DeskBridge } from '@shared/bridge/contract';
import type { AlarmDeadline } from '@shared/alarms/alarmList';

// Issue 15: hands the host's alarm clock the list the moment a derivation changes it (straight
// from the derivation, not through a render: the host must have a new deadline within 50 ms of
// its save). The first list goes whole (`alarms:set`); after that only what changed
// (`alarms:patch`: deadlines added or changed, ids removed), so a save costs the host one
// deadline's check. One call in flight at a time; the newest list waits for it; a call the bridge
// could not take (a reconnect) or the host refused sends the whole list again next time.

export interface HostHandover {
  offer(list: AlarmDeadline[]): void;
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
  let waiting: AlarmDeadline[] | null = null;
  let inFlight = false;
  let disposed = false;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const send = () => {
    if (disposed || inFlight || waiting === null) return;
    const list = waiting;
    waiting = null;
    const next: Sent = new Map(list.map((d) => [d.id, textOf(d)]));
    const base = held;
    let call: Promise<{ ok: true; count: number } | { ok: false; reason: string }>;
    if (base) {
      const upserts = list.filter((d) => base.get(d.id) !== next.get(d.id));
      const removes = [...base.keys()].filter((id) => !next.has(id));
      if (upserts.length === 0 && removes.length === 0) return;
      call = bridge.invoke('alarms:patch', upserts, removes);
    } else {
      call = bridge.invoke('alarms:set', list);
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
        waiting ??= list;
        if (!disposed) retry = setTimeout(send, retryMs);
      },
    );
  };

  return {
    offer(list) {
      waiting = list;
      send();
    },
    dispose() {
      disposed = true;
      clearTimeout(retry);
    },
  };
}
