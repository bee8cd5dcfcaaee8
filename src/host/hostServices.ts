import { join } from 'node:path';
import type { AppInfo, BridgeHandlers, HostSettingsState } from '../shared/bridge/contract';
import type { PrintAnswer, PrintRequest } from '../shared/print/printContract';
import { HostEvents } from './hostEvents';
import { createFileLogger, type Logger } from './logging/logger';
import { createSerialQueue } from './settings/serialQueue';
import { loadSettings, saveSettings } from './settings/settingsFile';
import { createCallerIdService } from './callerIdService';
import { createSyncService, type SyncService } from './sync/syncService';
import { fileTokenVault, type TokenVault } from './sync/tokenVault';
import { createAlarmService, type AlarmShellHooks } from './alarms/alarmService';
import { createJobsService } from './jobs/jobsService';

/** What only a shell can do; the web shell answers with what a browser tab can offer. */
export interface ShellHooks extends AlarmShellHooks {
  shell: AppInfo['shell'];
  version: string;
  requestAttention(reason: 'incomingCall' | 'alarm'): void;
  keepAwake(on: boolean): boolean;
  /** Where the hub token is kept; the desktop shell passes its safeStorage vault, else a 0600 file in the data folder. */
  tokenVault?: TokenVault;
  /** `--hub <url> --hub-token-file <file>`: enrol at start (unattended stations, issue 13). */
  hub?: { url: string; token: string } | null;
  /** Issue 14: the page's print media to a PDF (the desktop shell); without it `print:toPdf` answers unsupported. */
  printToPdf?(request: PrintRequest): Promise<PrintAnswer>;
}

export interface HostServices {
  handlers: BridgeHandlers;
  events: HostEvents;
  logger: Logger;
  sync: SyncService;
  settings(): HostSettingsState;
  /** Issue 15: something rings now (the updater waits). */
  alarmsRinging(): boolean;
  dispose(): Promise<void>;
}

export async function createHostServices(dataDir: string, hooks: ShellHooks, echo?: (line: string) => void): Promise<HostServices> {
  const logger = createFileLogger(join(dataDir, 'logs', 'host.log'), echo);
  const settingsPath = join(dataDir, 'settings.json');
  let settings = await loadSettings(settingsPath);
  if (settings.warning) logger.warn('settings file not usable, lost settings are on defaults', { warning: settings.warning, lostKeys: settings.lostKeys.join(','), path: settingsPath });
  const events = new HostEvents();
  const callerId = createCallerIdService(events, logger, () => hooks.requestAttention('incomingCall'));
  await callerId.apply(settings.settings.callerId);
  const updates = createSerialQueue();
  const sync = await createSyncService({ dataDir, events, logger, vault: hooks.tokenVault ?? fileTokenVault(join(dataDir, 'sync', 'hub-token')) });
  // Not awaited: a hub that is slow to answer must not hold up the desk's start.
  if (hooks.hub) void sync.enrolUnattended(hooks.hub.url, hooks.hub.token);

  // Issue 15: the alarm clock starts with the host, so a deadline that passed while the desk was
  // off rings at once, before any window is back.
  const alarms = await createAlarmService(dataDir, events, logger, hooks, () => settings.settings.alarms.ringsHere);
  // Issue 16: calendar jobs (the leftover file's month end), caught up at start if the machine was off.
  const jobs = await createJobsService({ dataDir, events, logger });

  const handlers: BridgeHandlers = {
    'app:info': () => ({ shell: hooks.shell, version: hooks.version, platform: process.platform, dataDir }),
    'settings:get': () => settings,
    // One update at a time, in arrival order (S3): each save and reader restart finishes before
    // the next begins, so the file and the reader always hold the latest accepted settings.
    // The warning stays visible until a good file replaces the bad one.
    'settings:update': (next) =>
      updates.run(async () => {
        settings = await saveSettings(settingsPath, next);
        events.emit('settings:changed', settings);
        await callerId.apply(settings.settings.callerId);
        return settings;
      }),
    'log:write': (entry) => {
      logger[entry.level](`renderer: ${entry.message}`, entry.context);
      return null;
    },
    'window:attention': (reason) => {
      hooks.requestAttention(reason);
      return null;
    },
    'power:keepAwake': (on) => hooks.keepAwake(on),
    'callerId:status': () => callerId.status(),
    'callerId:listPorts': () => callerId.listPorts(),
    'callerId:recentCalls': () => events.recentCalls(),
    ...sync.handlers,
    ...alarms.handlers,
    ...jobs.handlers,
    // The web shell has no PDF printer of its own: the renderer uses the browser's print there.
    'print:toPdf': (request) => hooks.printToPdf?.(request) ?? { ok: false, failure: 'unsupported', message: 'this shell prints with the browser' },
  };

  return {
    handlers,
    events,
    logger,
    sync,
    settings: () => settings,
    alarmsRinging: () => alarms.isRinging(),
    dispose: async () => {
      jobs.dispose();
      await alarms.dispose();
      await sync.dispose();
      await callerId.stop();
    },
  };
}
