import { describe, expect, it } from 'vitest';
import { UPDATE_URL_ENV } from './appIdentity';
import { parseUpdateFeed, UPDATER_POLICY } from './updateFeed';

describe('parseUpdateFeed', () => {
  it('is off when nothing is configured', () => {
    expect(parseUpdateFeed({}, null)).toEqual({ url: null, problem: null });
  });

  it('reads update.json, the environment first', () => {
    expect(parseUpdateFeed({}, '{"url":"http://hub.local:8080/updates/stable"}')).toEqual({ url: 'http://hub.local:8080/updates/stable/' });
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

describe('UPDATER_POLICY', () => {
  // Checklist item 30 and electron-builder#7807: nothing installs by itself, never on quit.
  it('never installs on quit or downgrades', () => {
    expect(UPDATER_POLICY.autoInstallOnAppQuit).toBe(false);
    expect(UPDATER_POLICY.autoDownload).toBe(false);
    expect(UPDATER_POLICY.allowDowngrade).toBe(false);
    expect(UPDATER_POLICY.disableWebInstaller).toBe(true);
  });
});
