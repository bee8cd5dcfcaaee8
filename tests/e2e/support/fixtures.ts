import { test as base, expect } from '@playwright/test';
import { startWebShell, type WebShell } from './webShell';
import { DeskApp } from '../pages/DeskApp';
import { SocatPair } from '../../../src/host/callerid/testing/socatPair';

// Each test gets its own web shell (own data folder, own token) and its own browser context
// (own IndexedDB), in Debian's Chromium; a test that names `pty` also gets a real
// pseudo-terminal pair (socat): it plays the caller-ID box on one end, the shell reads the other.
export const test = base.extend<{ shell: WebShell; app: DeskApp; pty: SocatPair }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies by destructuring.
  shell: async ({}, use) => {
    const shell = await startWebShell();
    await use(shell);
    await shell.stop();
  },
  app: async ({ page, shell }, use) => {
    await use(new DeskApp(page, shell));
  },
  // eslint-disable-next-line no-empty-pattern -- as above.
  pty: async ({}, use) => {
    const pty = new SocatPair();
    await pty.start();
    await use(pty);
    await pty.dispose();
  },
});

export { expect };
