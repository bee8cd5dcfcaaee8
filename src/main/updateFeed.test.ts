import { describe, expect, it } from 'vitest';
import { UPDATE_URL_ENV } from './appIdentity';
import { parseUpdateFeed, UPDATER_POLICY } from './updateFeed';

describe('parseUpdateFeed', () => {
  it('is off when nothing is configured', () => {
    expect(parseUpdateFeed({}, null)).toEqual({ url: null, problem: null });
  });

  it('reads update.json, the environment first', () => {
    expect(parseUpdateFeed({}, '{"url":"https://hub.local/updates/stable"}')).toEqual({ url: 'https://hub.local/updates/stable/' });
    expect(parseUpdateFeed({ [UPDATE_URL_ENV]: 'https://updates.example/desk/' }, '{"url":"http://x/"}')).toEqual({ url: 'https://updates.example/desk/' });
  });

  it('refuses file://, UNC-like, credentialed and malformed feeds with a reason', () => {
    for (const text of ['{"url":"file:///E:/update/"}', '{"url":"smb://server/share"}', '{"url":"http://u:p@hub/updates/"}', '{"url":"http://hub/u?x=1"}', '{"url":""}', '{}', 'not json', '"http://hub/"']) {
      const feed = parseUpdateFeed({}, text);
      expect(feed.url, text).toBeNull();
      expect('problem' in feed && feed.problem, text).toBeTruthy();
    }
  });
});

describe('S15: the feed transport', () => {
  it('S15: refuses a plain-http feed on another machine, with a reason', () => {
    for (const url of ['http://hub.local:8080/updates/stable/', 'http://192.168.1.10/updates/', 'http://127.0.0.1.evil.example/u/', 'http://localhost.evil.example/u/']) {
      const feed = parseUpdateFeed({}, JSON.stringify({ url }));
      expect(feed.url, url).toBeNull();
      expect('problem' in feed && feed.problem, url).toContain('https');
      expect(parseUpdateFeed({ [UPDATE_URL_ENV]: url }, null).url, url).toBeNull();
    }
  });

  it('S15: accepts https anywhere and plain http on loopback only', () => {
    expect(parseUpdateFeed({}, '{"url":"https://updates.example/desk"}')).toEqual({ url: 'https://updates.example/desk/' });
    for (const url of ['http://127.0.0.1:8765/bundle/', 'http://localhost:8765/bundle/', 'http://[::1]:8765/bundle/']) {
      expect(parseUpdateFeed({}, JSON.stringify({ url }))).toEqual({ url });
    }
  });
});

describe('UPDATER_POLICY', () => {
  // Checklist item 30 and electron-builder#7807: nothing installs by itself, never on quit.
  it('never installs on quit or downgrades', () => {
    expect(UPDATER_POLICY.autoInstallOnAppQuit).toBe(false);
    expect(UPDATER_POLICY.autoDownload).toBe(false);
    expect(UPDATER_POLICY.allowDowngrade).toBe(false);
    expect(UPDATER_POLICY.disableWebInstaller).toBe(true);
  });
});
