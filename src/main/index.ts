import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, Menu, safeStorage, session } from 'electron';
import { createHostServices, type HostServices } from '../host/hostServices';
import { extractHubArgs, loadHubStart, type HubStart } from '../host/sync/hubArgs';
import type { Logger } from '../host/logging/logger';
import { APP_ENTRY_URL, APP_ID, APP_NAME, APP_ORIGIN } from './appIdentity';
import { registerAppSchemePrivileged, serveRenderer } from './appProtocolHandler';
import { wireBridge } from './bridgeIpc';
import { denyAllPermissions, hardenWebContents } from './hardening';
import { bringToFront, createMainWindow } from './mainWindow';
import { createDesktopAlarms } from './alarmWindow';
import { noticeLanguage } from './alarmNotice';
import { showAlarmNotification } from './alarmNotification';
import { devRendererUrl, originOf } from './navigation';
import { refusedDebugSwitch } from './debugGuard';
import { createKeepAwake } from './power';
import { createPrintToPdf } from './printToPdf';
import { startUpdater, type DeskUpdater } from './updater';
import { notifyUpdateRefused } from './updateNotice';
import { hostDataDir, pinnedUserDataPath } from './userData';
import { safeStorageVault } from './safeStorageVault';

// The desktop shell: wiring only. The order matters — scheme privileges, name and userData
// before the single-instance lock (which is per userData folder), the lock before any
// storage, and hardening before the first webContents exists.

const here = dirname(fileURLToPath(import.meta.url));
const rendererRoot = join(here, '../renderer');
const preloadPath = join(here, '../preload/index.cjs');

const consoleLogger: Logger = {
  info: (message, context) => console.log(message, context ?? ''),
  warn: (message, context) => console.warn(message, context ?? ''),
  error: (message, context) => console.error(message, context ?? ''),
};
let current: Logger = consoleLogger;
/** Console until the host's file logger exists, then the file; every module holds this one. */
const logger: Logger = {
  info: (message, context) => current.info(message, context),
  warn: (message, context) => current.warn(message, context),
  error: (message, context) => current.error(message, context),
};

// S8, first of all: a packaged desk started with a debugging switch exits before doing anything.
const debugSwitch = refusedDebugSwitch(process.argv, app.isPackaged);
if (debugSwitch !== null) {
  console.error(`DutyDesk does not start with ${debugSwitch.split('=')[0]}: debugging is off in installed builds.`);
  app.exit(1);
} else {
  // `--hub <url> --hub-token-file <file>` (packaged and dev alike): a bad pair stops the start.
  const hub = hubFromArgv(process.argv);
  if (hub && 'error' in hub) {
    console.error(hub.error);
    app.exit(2);
  } else {
    boot(hub);
  }
}

function hubFromArgv(argv: string[]): HubStart | { error: string } {
  const parsed = extractHubArgs(argv);
  return 'error' in parsed ? parsed : loadHubStart(parsed.hub);
}

function boot(hub: HubStart): void {
  // A listener here also keeps Electron from showing its modal error dialog on an unattended desk.
  process.on('uncaughtException', (error) => logger.error('uncaught exception in main', { error: error.stack ?? String(error) }));
  process.on('unhandledRejection', (reason) => logger.error('unhandled rejection in main', { reason: String(reason) }));

  registerAppSchemePrivileged();
  app.setName(APP_NAME);
  const userData = pinnedUserDataPath(app.getPath('appData'), process.env);
  app.setPath('userData', userData.path);
  app.enableSandbox();
  app.commandLine.appendSwitch('autoplay-policy', 'no-user-gesture-required');
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

  if (!app.requestSingleInstanceLock()) {
    // Another DutyDesk holds this profile: it is brought to the front by its second-instance handler.
    app.quit();
  } else {
    void start(userData.warning, hub).catch((error: unknown) => {
      logger.error('desktop shell failed to start', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      app.exit(1);
    });
  }
}

async function start(userDataWarning: string | null, hub: HubStart): Promise<void> {
  const devUrl = devRendererUrl(process.env, app.isPackaged);
  const entryUrl = devUrl ?? APP_ENTRY_URL;
  const trustedOrigin = devUrl ? (originOf(devUrl) ?? APP_ORIGIN) : APP_ORIGIN;
  let mainWindow: BrowserWindow | null = null;
  let quitting = false;
  let updater: DeskUpdater | null = null;

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, trustedOrigin, logger));
  app.on('second-instance', () => {
    logger.info('second launch: bringing the desk to the front');
    if (mainWindow) bringToFront(mainWindow);
  });

  const keepAwake = createKeepAwake(logger);
  // Issue 15: the alarm's desktop channels (the sound is the renderer's). Before the app is ready
  // the locale is unknown: the desk's default language, zh-CN.
  const alarms = createDesktopAlarms({
    window: () => mainWindow,
    notify: (text, onClick) => showAlarmNotification(text, onClick, logger),
    language: () => noticeLanguage(app.isReady() ? app.getLocale() : ''),
    logger,
  });
  const services: HostServices = await createHostServices(
    hostDataDir(app.getPath('userData')),
    {
      shell: 'desktop',
      version: app.getVersion(),
      requestAttention: () => {
        if (mainWindow) bringToFront(mainWindow);
      },
      keepAwake,
      onAlarm: (firing, ringing) => alarms.onAlarm(firing, ringing),
      onQuiet: () => alarms.onQuiet(),
      tokenVault: safeStorageVault(join(app.getPath('userData'), 'sync', 'hub-token.bin'), safeStorage, () => app.whenReady(), logger),
      hub,
      printToPdf: createPrintToPdf({
        contents: () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : null),
        documentsDir: () => app.getPath('documents'),
        logger,
      }),
    },
    app.isPackaged ? undefined : (line) => process.stdout.write(`${line}\n`),
  );
  current = services.logger;
  if (userDataWarning) logger.warn(userDataWarning);
  logger.info('desktop shell starting', { version: app.getVersion(), userData: app.getPath('userData'), origin: trustedOrigin });

  app.on('child-process-gone', (_event, details) => logger.error('child process gone', { type: details.type, reason: details.reason, exitCode: details.exitCode }));
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    updater?.dispose();
    keepAwake(false);
    void services.dispose();
  });

  await app.whenReady();
  if (process.platform !== 'darwin') Menu.setApplicationMenu(null);
  denyAllPermissions(session.defaultSession, logger);
  serveRenderer(session.defaultSession, rendererRoot, logger);
  wireBridge(services, trustedOrigin, () => mainWindow);

  const openWindow = () => {
    mainWindow = createMainWindow({ preloadPath, entryUrl, devTools: !app.isPackaged, logger, isQuitting: () => quitting });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
    // A deadline that passed while the desk was off rang before this window existed.
    if (services.settings().settings.alarms.ringsHere) alarms.windowOpened(services.alarmsRinging() ? 1 : 0);
  };
  openWindow();
  app.on('activate', () => {
    if (!mainWindow) openWindow();
  });

  // The duty screen stays on by default; the renderer may turn this off through power:keepAwake.
  keepAwake(true);
  updater = await startUpdater({
    userDataDir: app.getPath('userData'),
    isPackaged: app.isPackaged,
    env: process.env,
    logger,
    onRefused: (refusal) => notifyUpdateRefused(refusal.version, logger),
    alarmsRinging: () => services.alarmsRinging(),
  });
}
