import type { Role } from '@shared/domain/roles';
import type { AlarmSoundLevel } from './alarmSounds';
import type { AlarmView } from './deriveAlarms';

// Which alarms ring on this station and how loud (pure: the root's sound and the bar share it).
// The host's alarm clock says what rings (due rung, not acknowledged); the station setting
// says whether this workstation makes the noise; an escalated alarm also rings wherever someone
// of the role it was escalated to is signed in (issue 15, "Escalation").

const LOUDNESS: Record<AlarmSoundLevel, number> = { warn: 0, due: 1, overdue: 2, escalated: 3 };

export interface RingContext {
  /** Ids the host rings now (alarms:state, alarms:fired). */
  ringing: ReadonlySet<string>;
  /** Ids whose escalation fired here (before the escalation event is folded). */
  escalatedHere: ReadonlySet<string>;
  ringsHere: boolean;
  /** The signed-in person's role, if anyone is signed in. */
  role: Role | null;
  now: number;
}

/** The level this view rings at now, or null when it is silent here. */
export function ringLevel(view: AlarmView, ctx: RingContext): Exclude<AlarmSoundLevel, 'warn'> | null {
  if (!ctx.ringing.has(view.id) || view.acknowledged || view.paused || !view.rings) return null;
  const escalated = Boolean(view.escalated) || ctx.escalatedHere.has(view.id);
  if (escalated && (ctx.ringsHere || ctx.role === (view.escalated?.to ?? view.escalateTo))) return 'escalated';
  if (!ctx.ringsHere) return null;
  return ctx.now >= view.overdueAt ? 'overdue' : 'due';
}

/** The loudest level ringing here (escalated > overdue > due), or null. */
export function loudestLevel(views: readonly AlarmView[], ctx: RingContext): AlarmSoundLevel | null {
  let loudest: AlarmSoundLevel | null = null;
  for (const view of views) {
    const level = ringLevel(view, ctx);
    if (level && (!loudest || LOUDNESS[level] > LOUDNESS[loudest])) loudest = level;
  }
  return loudest;
}

/** The volume (0–1) of a level: the station's setting, escalated always at full volume. */
export function volumeOf(level: AlarmSoundLevel, volumePercent: number): number {
  return level === 'escalated' ? 1 : Math.min(1, Math.max(0, volumePercent / 100));
}
