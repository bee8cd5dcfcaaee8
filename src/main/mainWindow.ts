import { BrowserWindow } from 'electron';
import type { Logger } from '../host/logging/logger';
import { createRestartPolicy, RENDERER_RESTART, UNRESPONSIVE_GRACE_MS } from './restartPolicy';
import { mainWindowOptions } from './windowOptions';

/** The one duty window. A crashed or hung renderer is logged and reloaded, never a dialog. */
export function createMainWindow(options: { preloadPath: string; entryUrl: string; devTools: boolean; logger: Logger; isQuitting: () => boolean }): BrowserWindow {
  const { logger, entryUrl } = options;
  const win = new BrowserWindow(mainWindowOptions(options));
  const contents = win.webContents;
  const restarts = createRestartPolicy(RENDERER_RESTART);
  let reloadTimer: NodeJS.Timeout | null = null;
  let hangTimer: NodeJS.Timeout | null = null;

  const load = () => {
    contents.loadURL(entryUrl).catch((error: unknown) => logger.error('renderer did not load', { url: entryUrl, error: String(error) }));
  };
  const scheduleReload = (why: string) => {
    if (win.isDestroyed() || options.isQuitting() || reloadTimer) return;
    const delay = restarts.nextDelay();
    logger.warn('reloading the renderer', { why, delayMs: delay });
    reloadTimer = setTimeout(() => {
      reloadTimer = null;
      if (!win.isDestroyed()) load();
    }, delay);
  };

  contents.on('render-process-gone', (_event, details) => {
    logger.error('renderer process gone', { reason: details.reason, exitCode: details.exitCode });
    if (hangTimer) clearTimeout(hangTimer);
    hangTimer = null;
    scheduleReload(`render-process-gone:${details.reason}`);
  });
  contents.on('unresponsive', () => {
    logger.warn('renderer unresponsive');
    if (hangTimer) return;
    hangTimer = setTimeout(() => {
      hangTimer = null;
      if (win.isDestroyed()) return;
      logger.error('renderer still unresponsive, restarting it', { graceMs: UNRESPONSIVE_GRACE_MS });
      // The crash is reported through render-process-gone, which reloads.
      contents.forcefullyCrashRenderer();
    }, UNRESPONSIVE_GRACE_MS);
  });
  contents.on('responsive', () => {
    if (hangTimer) clearTimeout(hangTimer);
    hangTimer = null;
    logger.info('renderer responsive again');
  });
  contents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
    if (!isMainFrame || code === -3 /* ERR_ABORTED: a refused navigation */) return;
    logger.error('renderer failed to load', { code, description, url: url.slice(0, 200) });
    scheduleReload('did-fail-load');
  });
  win.on('focus', () => win.flashFrame(false));
  win.on('closed', () => {
    if (reloadTimer) clearTimeout(reloadTimer);
    if (hangTimer) clearTimeout(hangTimer);
  });

  load();
  return win;
}

/**
 * The requestAttention hook and the second-instance answer: restore, show, raise, focus, and
 * flash the taskbar until the window is focused (focus() alone does not raise a window on
 * Windows, electron#2867).
 */
export function bringToFront(win: BrowserWindow): void {
  if (win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  if (!win.isVisible()) win.show();
  win.moveTop();
  win.focus();
  if (!win.isFocused()) win.flashFrame(true);
}
