import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { APP_TITLE } from './appIdentity';

// Every window comes from here (checklist item 1), with each security-relevant preference
// spelled out rather than left to defaults: electron-vite's template turns the sandbox off.

export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  spellcheck: false,
  // Alarm sound and raising the window are renderer work; a throttled hidden page is late.
  backgroundThrottling: false,
  // The alarm must ring on a desk nobody has clicked since start-up.
  autoplayPolicy: 'no-user-gesture-required',
} as const satisfies WebPreferences;

export function mainWindowOptions(options: { preloadPath: string; devTools: boolean }): BrowserWindowConstructorOptions {
  return {
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    title: APP_TITLE,
    backgroundColor: '#f8f9fa',
    // Shown at once: a desk window that waits for a paint that never comes stays hidden.
    show: true,
    autoHideMenuBar: true,
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: options.preloadPath, devTools: options.devTools },
  };
}
