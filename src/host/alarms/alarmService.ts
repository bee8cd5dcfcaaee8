import type { BridgeHandlers } from '../../shared/bridge/contract';
import type { ClockStep } from '../../shared/alarms/alarmContract';
import type { HostEvents } from '../hostEvents';
import type { Logger } from '../logging/logger';
import { createAlarmClock, type AlarmClock, type AlarmFiring } from './alarmClock';

// The alarm clock on the bridge (issue 15): `alarms:set` hands it the renderer's list, every
// firing goes to every window (`alarms:fired`) and to the shell (notification, flash, raise),
// a clock step is reported. The shell decides nothing about timing: that is the clock's.

export interface AlarmService {
  handlers: Pick<BridgeHandlers, 'alarms:set' | 'alarms:patch' | 'alarms:acknowledge' | 'alarms:state' | 'alarms:ringsHere'>;
  /** Something rings now: an update must not install (design.md "what bites"). */
  isRinging(): boolean;
  dispose(): Promise<void>;
}

export interface AlarmShellHooks {
  /** The desktop shell: a system notification, flash and raise (and on top while overdue). */
  onAlarm?(firing: AlarmFiring, ringing: number): void;
  /** Nothing rings any more (the last one acknowledged or its clock stopped): the window leaves the top. */
  onQuiet?(): void;
}

export async function createAlarmService(dataDir: string, events: HostEvents, logger: Logger, hooks: AlarmShellHooks, ringsHereSetting: () => boolean): Promise<AlarmService> {
  let lastClockStep: ClockStep | null = null;
  // Issue 16: once someone holds the desk, duty decides which station rings (the renderer folds it
  // and says so); until the renderer has said, the station's own setting.
  let dutySays: boolean | null = null;
  const ringsHere = () => dutySays ?? ringsHereSetting();
  let clock: AlarmClock | null = null;
  clock = await createAlarmClock({
    dataDir,
    logger,
    onFire(firing) {
      events.emit('alarms:fired', { id: firing.id, level: firing.level, at: firing.at, firedAt: firing.firedAt, lateMs: firing.lateMs, labels: firing.deadline.labels ?? {} });
      if (ringsHere()) hooks.onAlarm?.(firing, clock?.ringing().length ?? 1);
    },
    onClockStep(step) {
      lastClockStep = step;
      events.emit('alarms:clockStep', step);
    },
  });
  const ready = clock;
  // Ringing ends only here: an acknowledgement, or a new list without the ringing deadline.
  const thenQuietCheck = <T>(change: () => T): T => {
    const before = ready.ringing().length;
    const result = change();
    if (before > 0 && ready.ringing().length === 0) {
      try {
        hooks.onQuiet?.();
      } catch (error) {
        logger.error('alarms: onQuiet failed', { error: String(error) });
      }
    }
    return result;
  };
  return {
    handlers: {
      'alarms:set': (list) => thenQuietCheck(() => ready.set(list)),
      'alarms:patch': (upserts, removes) => thenQuietCheck(() => ready.patch(upserts, removes)),
      'alarms:acknowledge': (id) => thenQuietCheck(() => ready.acknowledge(id)),
      'alarms:state': () => ({ ringing: ready.ringing(), pending: ready.pending().length, lastClockStep }),
      'alarms:ringsHere': (rings) => {
        const changed = dutySays !== rings;
        dutySays = rings;
        // Duty moved away while something rang here: this window leaves the top.
        if (changed && !rings && ready.ringing().length > 0) hooks.onQuiet?.();
        return null;
      },
    },
    isRinging: () => ready.ringing().length > 0,
    dispose: () => ready.dispose(),
  };
}
