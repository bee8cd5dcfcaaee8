import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from './windowOptions';

describe('mainWindowOptions', () => {
  const options = mainWindowOptions({ preloadPath: '/app/out/preload/index.cjs', devTools: false });

  it('spells out every security preference of checklist item 1', () => {
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      backgroundThrottling: false,
      autoplayPolicy: 'no-user-gesture-required',
      preload: '/app/out/preload/index.cjs',
      devTools: false,
    });
  });

  it('issue 15: an alarm sounds on a desk nobody has clicked since start-up, and a hidden window is not throttled', () => {
    expect(options.webPreferences?.autoplayPolicy).toBe('no-user-gesture-required');
    expect(options.webPreferences?.backgroundThrottling).toBe(false);
  });

  it('cannot be loosened by the caller', () => {
    const loose = mainWindowOptions({ preloadPath: 'x', devTools: true, sandbox: false } as never);
    expect(loose.webPreferences?.sandbox).toBe(true);
  });

  it('loads the preload as the single CommonJS bundle', () => {
    expect(options.webPreferences?.preload).toMatch(/index\.cjs$/);
  });
});
