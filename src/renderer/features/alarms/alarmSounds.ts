// The four alarm sounds (resources/sounds, made by scripts/makeAlarmSounds.ts). Vite's `?url`
// copies each into the build's assets and gives its served address, the same in both shells
// (app:// in the desktop, the web shell's origin in a browser), so CSP `media-src 'self'` covers it.
import warnUrl from '../../../../resources/sounds/warn.wav?url';
import dueUrl from '../../../../resources/sounds/due.wav?url';
import overdueUrl from '../../../../resources/sounds/overdue.wav?url';
import escalatedUrl from '../../../../resources/sounds/escalated.wav?url';

export type AlarmSoundLevel = 'warn' | 'due' | 'overdue' | 'escalated';

export const ALARM_SOUND_URLS: Readonly<Record<AlarmSoundLevel, string>> = {
  warn: warnUrl,
  due: dueUrl,
  overdue: overdueUrl,
  escalated: escalatedUrl,
};
