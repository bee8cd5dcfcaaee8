import type { AlarmFiring } from '../host/alarms/alarmClock';
import type { Logger } from '../host/logging/logger';
import { alarmNoticeText, moreAlarmsText, type NoticeLanguage } from './alarmNotice';

// The desktop shell's alarm channels besides the sound (issue 15; electron.md §0.3: each one is
// best-effort, so none may stop the others): a system notification, flash, raise, and the
// window kept on top while something rings, until the host says nothing rings any more.
// Electron stays outside: index.ts passes the BrowserWindow and a notification maker.

/** The part of a BrowserWindow the alarm uses. */
export interface AlarmWindowTarget {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  isVisible(): boolean;
  show(): void;
  moveTop(): void;
  focus(): void;
  flashFrame(flag: boolean): void;
  setAlwaysOnTop(flag: boolean, level?: 'screen-saver'): void;
}

/** A shown notification; kept referenced until closed (a collected one loses its click, electron#16922). */
export interface AlarmNotification {
  close(): void;
}

export interface DesktopAlarmOptions {
  window(): AlarmWindowTarget | null;
  /** Shows a notification; `onClick` raises the desk. Null when the system has none. */
  notify(text: { title: string; body: string }, onClick: () => void): AlarmNotification | null;
  language(): NoticeLanguage;
  logger: Logger;
}

export interface DesktopAlarms {
  onAlarm(firing: AlarmFiring, ringing: number): void;
  onQuiet(): void;
  /** A window opened (first start, or reopened): if something already rings, it takes the screen at once. */
  windowOpened(ringing: number): void;
  /** Whether the window is held on top now (for tests and the log). */
  onTop(): boolean;
}

/** Restores, shows, raises and focuses (focus() alone does not raise on Windows, electron#2867), then flashes. */
export function raise(win: AlarmWindowTarget): void {
  if (win.isMinimized()) win.restore();
  if (!win.isVisible()) win.show();
  win.moveTop();
  win.focus();
  win.flashFrame(true);
}

/** Alarms notified one by one; the rest share one notification. */
export const MAX_NOTIFICATIONS = 3;

export function createDesktopAlarms(options: DesktopAlarmOptions): DesktopAlarms {
  const { logger } = options;
  // One notification per alarm id: an overdue repeat replaces its own, so the tray does not fill up.
  // Beyond a few (a desk back after a night off, hundreds due at once) one more stands for the rest.
  const shown = new Map<string, AlarmNotification>();
  const beyond = new Set<string>();
  let more: AlarmNotification | null = null;
  let onTop = false;

  const attempt = (channel: string, run: () => void) => {
    try {
      run();
    } catch (error) {
      logger.warn(`alarm channel failed: ${channel}`, { error: String(error).slice(0, 200) });
    }
  };
  const holdOnTop = (win: AlarmWindowTarget) => {
    // Every ring, not once: a window reopened since the first ring is not on top yet.
    // 'screen-saver' stays above other always-on-top windows (a full-screen browser, a video call).
    attempt('always on top', () => win.setAlwaysOnTop(true, 'screen-saver'));
    onTop = true;
  };
  const liveWindow = () => {
    const win = options.window();
    return win && !win.isDestroyed() ? win : null;
  };

  return {
    onAlarm(firing, ringing) {
      attempt('notification', () => {
        const onClick = () => {
          const win = liveWindow();
          if (win) raise(win);
        };
        if (!shown.has(firing.id) && shown.size >= MAX_NOTIFICATIONS) {
          if (beyond.has(firing.id) && more) return;
          beyond.add(firing.id);
          more?.close();
          more = options.notify(moreAlarmsText(beyond.size, options.language()), onClick);
          return;
        }
        shown.get(firing.id)?.close();
        shown.delete(firing.id);
        const notice = options.notify(alarmNoticeText(firing, options.language()), onClick);
        if (notice) shown.set(firing.id, notice);
      });
      const win = liveWindow();
      if (!win) return;
      // A warning only asks for a look; a due, escalated or overdue alarm takes the screen.
      if (firing.level === 'warn' && ringing === 0) {
        attempt('flash', () => win.flashFrame(true));
        return;
      }
      attempt('raise', () => raise(win));
      if (ringing > 0) holdOnTop(win);
    },
    windowOpened(ringing) {
      const win = liveWindow();
      if (!win || ringing === 0) return;
      attempt('raise', () => raise(win));
      holdOnTop(win);
    },
    onQuiet() {
      for (const notice of shown.values()) attempt('notification close', () => notice.close());
      shown.clear();
      if (more) attempt('notification close', () => more?.close());
      more = null;
      beyond.clear();
      const win = liveWindow();
      if (!win) {
        onTop = false;
        return;
      }
      attempt('flash off', () => win.flashFrame(false));
      if (onTop) attempt('always on top off', () => win.setAlwaysOnTop(false));
      onTop = false;
    },
    onTop: () => onTop,
  };
}
