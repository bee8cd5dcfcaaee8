import type { DeskBridge } from '@shared/bridge/contract';
import type { AlarmDeadline } from '@shared/alarms/alarmList';

// Issue 15: hands the host's alarm clock the list the moment a derivation changes it (straight
// from the derivation, not through a render: the host must have a new deadline within 50 ms of
// its save). One call in flight at a time; a newer list waits for it and replaces any older one
// waiting; a list the bridge could not take (a reconnect under way) is offered again.

export interface HostHandover {
  offer(list: AlarmDeadline[]): void;
  dispose(): void;
}

export function createHostHandover(bridge: DeskBridge, answered: (ok: boolean, reason?: string) => void, retryMs = 2000): HostHandover {
  let accepted: string | null = null;
  let waiting: string | null = null;
  let inFlight = false;
  let disposed = false;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const send = () => {
    if (disposed || inFlight || waiting === null) return;
    const text = waiting;
    waiting = null;
    inFlight = true;
    bridge.invoke('alarms:set', JSON.parse(text) as AlarmDeadline[]).then(
      (answer) => {
        inFlight = false;
        // A refused list is not offered again as it is: the same list would be refused again.
        accepted = text;
        if (!disposed) answered(answer.ok, answer.ok ? undefined : answer.reason);
        send();
      },
      () => {
        inFlight = false;
        waiting ??= text;
        if (!disposed) retry = setTimeout(send, retryMs);
      },
    );
  };

  return {
    offer(list) {
      const text = JSON.stringify(list);
      if (text === accepted && waiting === null) return;
      waiting = text;
      send();
    },
    dispose() {
      disposed = true;
      clearTimeout(retry);
    },
  };
}
