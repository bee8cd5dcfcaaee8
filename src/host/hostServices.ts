import { join } from 'node:path';
import type { AppInfo, BridgeHandlers, HostSettingsState } from '../shared/bridge/contract';
import { HostEvents } from './hostEvents';
import { createFileLogger, type Logger } from './logging/logger';
import { loadSettings, saveSettings } from './settings/settingsFile';
import { createCallerIdService } from './callerIdService';

/** What only a shell can do; the web shell answers with what a browser tab can offer. */
export interface ShellHooks {
  shell: AppInfo['shell'];
  version: string;
  requestAttention(reason: 'incomingCall' | 'alarm'): void;
  keepAwake(on: boolean): boolean;
}

export interface HostServices {
  handlers: BridgeHandlers;
  events: HostEvents;
  logger: Logger;
  settings(): HostSettingsState;
  dispose(): Promise<void>;
}

export async function createHostServices(dataDir: string, hooks: ShellHooks, echo?: (line: string) => void): Promise<HostServices> {
  const logger = createFileLogger(join(dataDir, 'logs', 'host.log'), echo);
  const settingsPath = join(dataDir, 'settings.json');
  let settings = await loadSettings(settingsPath);
  if (settings.warning) logger.warn('settings file not usable, running on defaults', { warning: settings.warning, path: settingsPath });
  const events = new HostEvents();
  const callerId = createCallerIdService(events, logger, () => hooks.requestAttention('incomingCall'));
  await callerId.apply(settings.settings.callerId);

  const handlers: BridgeHandlers = {
    'app:info': () => ({ shell: hooks.shell, version: hooks.version, platform: process.platform, dataDir }),
    'settings:get': () => settings,
    'settings:update': async (next) => {
      // Keep the warning visible until a good file replaces the bad one.
      settings = await saveSettings(settingsPath, next);
      events.emit('settings:changed', settings);
      await callerId.apply(settings.settings.callerId);
      return settings;
    },
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
  };

  return {
    handlers,
    events,
    logger,
    settings: () => settings,
    dispose: () => callerId.stop(),
  };
}
