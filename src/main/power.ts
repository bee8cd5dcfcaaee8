import { powerSaveBlocker } from 'electron';
import type { Logger } from '../host/logging/logger';

/**
 * The keepAwake hook: holds a `prevent-display-sleep` blocker so the duty screen stays on.
 * Best effort (electron#12345): the site's power plan is what really keeps the PC awake.
 * Returns whether the blocker is now held.
 */
export function createKeepAwake(logger: Logger): (on: boolean) => boolean {
  let blocker: number | null = null;
  return (on) => {
    if (on && (blocker === null || !powerSaveBlocker.isStarted(blocker))) {
      blocker = powerSaveBlocker.start('prevent-display-sleep');
      logger.info('keeping the display awake');
    } else if (!on && blocker !== null) {
      powerSaveBlocker.stop(blocker);
      blocker = null;
      logger.info('display may sleep again');
    }
    return blocker !== null && powerSaveBlocker.isStarted(blocker);
  };
}
