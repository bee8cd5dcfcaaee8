import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../host/logging/logger';
import { parseUpdateFeed, UPDATE_CHECK, UPDATE_FILE_NAME, UPDATER_POLICY } from './updateFeed';

export interface DeskUpdater {
  /** Version downloaded and waiting for staff to install it, or null. */
  downloadedVersion(): string | null;
  /** Quits and installs the downloaded update; false when there is none. Only on explicit request. */
  installNow(): boolean;
  dispose(): void;
}

/**
 * Checks the site's update feed, if one is configured, and downloads what it finds. Nothing is
 * installed until installNow() is called: that is for a maintenance window with no alarm
 * pending, never at quit. Every failure is a log line; none becomes a dialog or an unhandled
 * rejection (electron#11196).
 */
export async function startUpdater(options: { userDataDir: string; isPackaged: boolean; env: Record<string, string | undefined>; logger: Logger }): Promise<DeskUpdater | null> {
  const { logger } = options;
  const fileText = await readFile(join(options.userDataDir, UPDATE_FILE_NAME), 'utf8').catch(() => null);
  const feed = parseUpdateFeed(options.env, fileText);
  if (feed.url === null) {
    if (feed.problem) logger.warn('update feed not usable, not checking for updates', { problem: feed.problem });
    else logger.info('no update feed configured, not checking for updates');
    return null;
  }
  if (!options.isPackaged) {
    logger.info('not a packaged build, not checking for updates', { feed: feed.url });
    return null;
  }

  // Loaded only here: electron-updater requires electron at import time.
  const module = await import('electron-updater');
  const autoUpdater = ((module as unknown as { default?: typeof module }).default ?? module).autoUpdater;
  Object.assign(autoUpdater, UPDATER_POLICY);
  autoUpdater.logger = {
    info: (message?: unknown) => logger.info(`updater: ${String(message)}`),
    warn: (message?: unknown) => logger.warn(`updater: ${String(message)}`),
    error: (message?: unknown) => logger.error(`updater: ${String(message)}`),
    debug: () => {},
  };
  autoUpdater.setFeedURL({ provider: 'generic', url: feed.url });

  let downloaded: string | null = null;
  let downloading = false;
  autoUpdater.on('error', (error: Error) => logger.warn('update server unreachable or update failed', { error: error.message.slice(0, 400) }));
  autoUpdater.on('update-available', (info: { version: string }) => {
    if (downloading || downloaded === info.version) return;
    downloading = true;
    logger.info('update available, downloading', { version: info.version });
    autoUpdater
      .downloadUpdate()
      .catch((error: unknown) => logger.warn('update download failed', { error: String(error).slice(0, 400) }))
      .finally(() => {
        downloading = false;
      });
  });
  autoUpdater.on('update-downloaded', (info: { version: string }) => {
    downloaded = info.version;
    logger.info('update downloaded; it installs only when staff choose to install it', { version: info.version });
  });

  const check = () => {
    autoUpdater.checkForUpdates().catch((error: unknown) => logger.warn('update check failed', { error: String(error).slice(0, 400) }));
  };
  const first = setTimeout(check, UPDATE_CHECK.firstAfterMs);
  const every = setInterval(check, UPDATE_CHECK.everyMs);
  logger.info('checking for updates', { feed: feed.url });

  return {
    downloadedVersion: () => downloaded,
    installNow: () => {
      if (!downloaded) return false;
      logger.info('installing update on request', { version: downloaded });
      autoUpdater.quitAndInstall(true, true);
      return true;
    },
    dispose: () => {
      clearTimeout(first);
      clearInterval(every);
    },
  };
}
