import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../host/logging/logger';
import { parseUpdateFeed, UPDATE_CHECK, UPDATE_FILE_NAME, UPDATER_POLICY } from './updateFeed';
import { BUILT_IN_UPDATE_KEY, verifyDownloadedUpdate, type SignatureCheck } from './updateSignature';
import { createInstallGate, type InstallAnswer } from './installGate';

type Refusal = { version: string; reason: Exclude<SignatureCheck, { ok: true }>['reason'] };

export interface DeskUpdater {
  /** Version downloaded, its signature verified, waiting for staff to install it, or null. */
  downloadedVersion(): string | null;
  /** The last download refused for its signature (S15), for the future update:install screen. */
  refusal(): Refusal | null;
  /**
   * Verifies the signature once more, then quits and installs; 'refused' when there is no
   * verified download (S15: an unverified download is never installed), 'deferred' while an
   * alarm rings (issue 15: it installs by itself once the desk is quiet). Only on explicit request.
   */
  installNow(): Promise<InstallAnswer>;
  dispose(): void;
}

/**
 * Checks the site's update feed, if one is configured, and downloads what it finds. Nothing is
 * installed until installNow() is called: that is for a maintenance window with no alarm
 * pending, never at quit. Every failure is a log line; none becomes a dialog or an unhandled
 * rejection (electron#11196).
 */
export async function startUpdater(options: {
  userDataDir: string;
  isPackaged: boolean;
  env: Record<string, string | undefined>;
  logger: Logger;
  /** Tells the user a download failed its signature check and will not be installed. */
  onRefused?: (refusal: Refusal) => void;
  /** Issue 15: something rings now; an install waits until it stops. */
  alarmsRinging: () => boolean;
}): Promise<DeskUpdater | null> {
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
  const key = BUILT_IN_UPDATE_KEY;
  if (!key) {
    logger.warn('no update signing key built in (resources/update-signing-key.pem), not checking for updates', { feed: feed.url });
    return null;
  }
  const feedUrl = feed.url;

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

  let downloaded: { version: string; file: string; files: { url: string }[] } | null = null;
  let refused: Refusal | null = null;
  let downloading = false;
  const verify = (file: string, files: { url: string }[]) => verifyDownloadedUpdate({ feedUrl, files, downloadedFile: file, key });
  const refuse = (version: string, check: SignatureCheck) => {
    if (check.ok) return;
    downloaded = null;
    refused = { version, reason: check.reason };
    logger.error('update refused: its signature does not verify, it will not be installed', { version, reason: check.reason });
    options.onRefused?.(refused);
  };
  autoUpdater.on('error', (error: Error) => logger.warn('update server unreachable or update failed', { error: error.message.slice(0, 400) }));
  autoUpdater.on('update-available', (info: { version: string }) => {
    if (downloading || downloaded?.version === info.version) return;
    downloading = true;
    logger.info('update available, downloading', { version: info.version });
    autoUpdater
      .downloadUpdate()
      .catch((error: unknown) => logger.warn('update download failed', { error: String(error).slice(0, 400) }))
      .finally(() => {
        downloading = false;
      });
  });
  autoUpdater.on('update-downloaded', (info: { version: string; files: { url: string }[]; downloadedFile: string }) => {
    downloaded = null;
    void verify(info.downloadedFile, info.files).then((check) => {
      if (!check.ok) return refuse(info.version, check);
      downloaded = { version: info.version, file: info.downloadedFile, files: info.files };
      refused = null;
      logger.info('update downloaded and its signature verified; it installs only when staff choose to install it', { version: info.version });
    });
  });

  const check = () => {
    autoUpdater.checkForUpdates().catch((error: unknown) => logger.warn('update check failed', { error: String(error).slice(0, 400) }));
  };
  const first = setTimeout(check, UPDATE_CHECK.firstAfterMs);
  const every = setInterval(check, UPDATE_CHECK.everyMs);
  logger.info('checking for updates', { feed: feed.url });

  const gate = createInstallGate({
    alarmsRinging: options.alarmsRinging,
    logger,
    install: async () => {
      const ready = downloaded;
      if (!ready) return 'refused';
      // Again just before installing: the file sat in a user-writable cache since it was checked.
      const check = await verify(ready.file, ready.files);
      if (!check.ok) {
        refuse(ready.version, check);
        return 'refused';
      }
      // An alarm may have started while the file was being checked.
      if (options.alarmsRinging()) return 'deferred';
      logger.info('installing update on request', { version: ready.version });
      autoUpdater.quitAndInstall(true, true);
      return 'installed';
    },
  });

  return {
    downloadedVersion: () => downloaded?.version ?? null,
    refusal: () => refused,
    installNow: () => gate.request(),
    dispose: () => {
      clearTimeout(first);
      clearInterval(every);
      gate.dispose();
    },
  };
}
