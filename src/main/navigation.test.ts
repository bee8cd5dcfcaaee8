import { describe, expect, it } from 'vitest';
import { APP_ORIGIN } from './appIdentity';
import { devRendererUrl, isAllowedNavigation, isTrustedSender, originOf } from './navigation';

describe('originOf', () => {
  it('builds the origin of app:, http: and https: URLs', () => {
    expect(originOf('app://dutydesk/index.html#/queue')).toBe('app://dutydesk');
    expect(originOf('http://localhost:5173/x')).toBe('http://localhost:5173');
    expect(originOf('https://example.com')).toBe('https://example.com');
  });

  it('has no origin for other schemes, credentials or garbage', () => {
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,x', 'app://dutydesk@evil.example/', 'app:///index.html', 'not a url', '', 42, null]) {
      expect(originOf(url)).toBeNull();
    }
  });
});

describe('isAllowedNavigation', () => {
  it('allows only the app origin', () => {
    expect(isAllowedNavigation('app://dutydesk/index.html')).toBe(true);
    expect(isAllowedNavigation('app://dutydesk/other/page')).toBe(true);
  });

  it('refuses everything that merely looks like it', () => {
    for (const url of [
      'https://example.com',
      'app://dutydesk.evil.example/',
      'app://dutydesk:8080/',
      'app://evil/app://dutydesk/',
      'app://dutydesk@evil/',
      'http://dutydesk/',
      'file:///work/main/out/renderer/index.html',
      'devtools://devtools/bundled/inspector.html',
      'about:blank',
    ]) {
      expect(isAllowedNavigation(url), url).toBe(false);
    }
  });

  it('uses the given origin for the dev server', () => {
    expect(isAllowedNavigation('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isAllowedNavigation('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
  });
});

describe('isTrustedSender', () => {
  const expected = { origin: APP_ORIGIN, webContentsId: 7 };

  it('trusts the top frame of the main window on the app origin', () => {
    expect(isTrustedSender({ frameUrl: 'app://dutydesk/index.html', isTopFrame: true, webContentsId: 7 }, expected)).toBe(true);
  });

  it('refuses another webContents, an iframe, a foreign or missing URL, or no window at all', () => {
    expect(isTrustedSender({ frameUrl: 'app://dutydesk/index.html', isTopFrame: true, webContentsId: 8 }, expected)).toBe(false);
    expect(isTrustedSender({ frameUrl: 'app://dutydesk/index.html', isTopFrame: false, webContentsId: 7 }, expected)).toBe(false);
    expect(isTrustedSender({ frameUrl: 'https://evil.example/', isTopFrame: true, webContentsId: 7 }, expected)).toBe(false);
    expect(isTrustedSender({ frameUrl: null, isTopFrame: true, webContentsId: 7 }, expected)).toBe(false);
    expect(isTrustedSender({ frameUrl: 'app://dutydesk/index.html', isTopFrame: true, webContentsId: 7 }, { ...expected, webContentsId: null })).toBe(false);
  });
});

describe('devRendererUrl', () => {
  it('accepts the electron-vite dev server on loopback in an unpackaged build', () => {
    expect(devRendererUrl({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, false)).toBe('http://localhost:5173/');
    expect(devRendererUrl({ ELECTRON_RENDERER_URL: 'http://127.0.0.1:5173/' }, false)).toBe('http://127.0.0.1:5173/');
  });

  it('ignores it when packaged, remote, https, with credentials or malformed', () => {
    expect(devRendererUrl({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, true)).toBeNull();
    expect(devRendererUrl({ ELECTRON_RENDERER_URL: 'http://evil.example:5173' }, false)).toBeNull();
    expect(devRendererUrl({ ELECTRON_RENDERER_URL: 'http://u:p@localhost:5173' }, false)).toBeNull();
    expect(devRendererUrl({ ELECTRON_RENDERER_URL: 'file:///tmp/index.html' }, false)).toBeNull();
    expect(devRendererUrl({ ELECTRON_RENDERER_URL: '::' }, false)).toBeNull();
    expect(devRendererUrl({}, false)).toBeNull();
  });
});
