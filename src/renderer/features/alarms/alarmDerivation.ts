import { perfTrace } from '../../diagnostics/perfTrace';
import type { ObservabilitySet } from 'dexie';
import type { AlarmDeadline } from '@shared/alarms/alarmList';
import { toHostList, type AlarmDeriver, type AlarmView, type TicketChanges, type ViewChanges } from './deriveAlarms';
import type { HostHandover } from './hostHandover';
import { ALARM_REFRESH, createAlarmRefresher, type AlarmRefreshTiming } from './alarmRefresher';

// The root's derivation loop (useDeadlineAlarms runs it; a plain function, so its timing is
// tested with fake timers): changes asked for, derived on the alarms' refresher, the host handed
// what changed straight from the derivation, the bar given the list when it changed.

export { ALARM_REFRESH } from './alarmRefresher';

export interface AlarmDerivation {
  /** A change to what the derivation reads (Dexie's `storagemutated` parts). */
  changed(parts: ObservabilitySet): void;
  /** Time moved (levels, snoozes): derive again with no change. */
  tick(): void;
  dispose(): void;
}

/** The host list's change: the entries of the tickets that changed, and the ids they no longer have. */
export function hostChange(changed: ViewChanges): { upserts: AlarmDeadline[]; removes: string[] } {
  const upserts: AlarmDeadline[] = [];
  const removes: string[] = [];
  for (const { before, after } of changed.values()) {
    const next = toHostList(after);
    upserts.push(...next);
    for (const entry of toHostList(before)) if (!next.some((d) => d.id === entry.id)) removes.push(entry.id);
  }
  return { upserts, removes };
}

export function startAlarmDerivation(
  derive: AlarmDeriver,
  handover: HostHandover | null,
  onViews: (views: AlarmView[]) => void,
  onError: (error: unknown) => void,
  timing: AlarmRefreshTiming = ALARM_REFRESH,
  now?: () => number,
): AlarmDerivation {
  let disposed = false;
  // What changed since the last derivation: the tickets it touched are read again.
  let changes: ObservabilitySet[] | 'all' = 'all';
  const refresher = createAlarmRefresher(async () => {
    const asked: TicketChanges = changes;
    changes = [];
    try {
      perfTrace('alarms:derive');
      const derived = await derive(asked);
      perfTrace('alarms:derived');
      if (disposed) return;
      const changed = derive.lastChanged;
      // Nothing listed changed (a far clock beyond the 2,000, a ticket without clocks): the
      // host holds it already and the bar shows it.
      if (changed?.size === 0) return;
      handover?.offer(changed ? { all: () => toHostList(derived), ...hostChange(changed) } : toHostList(derived));
      onViews(derived);
    } catch (error) {
      // The next derivation reads everything again: what this one missed is not lost.
      changes = 'all';
      onError(error);
    }
  }, timing, now);
  refresher.runNow();
  return {
    changed(parts) {
      if (changes !== 'all') changes.push(parts);
      refresher.request();
    },
    tick: () => refresher.request(),
    dispose() {
      disposed = true;
      refresher.dispose();
    },
  };
}
