import { test as base, expect } from '@playwright/test';
import { startWebShell, type WebShell } from './webShell';
import { DeskApp } from '../pages/DeskApp';

// Each test gets its own web shell (own data folder, own token) and its own browser context
// (own IndexedDB), in Debian's Chromium.
export const test = base.extend<{ shell: WebShell; app: DeskApp }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies by destructuring.
  shell: async ({}, use) => {
    const shell = await startWebShell();
    await use(shell);
    await shell.stop();
  },
  app: async ({ page, shell }, use) => {
    await use(new DeskApp(page, shell));
  },
});

export { expect };
