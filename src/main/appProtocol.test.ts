import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../web/security';
import { appResponseHeaders, resolveAppUrl } from './appProtocol';

const root = path.join(tmpdir(), 'renderer');

describe('resolveAppUrl', () => {
  it('maps app://dutydesk paths into the renderer folder', () => {
    expect(resolveAppUrl('app://dutydesk/', root)).toEqual({ ok: true, path: path.join(root, 'index.html') });
    expect(resolveAppUrl('app://dutydesk/index.html#token=x', root)).toEqual({ ok: true, path: path.join(root, 'index.html') });
    expect(resolveAppUrl('app://dutydesk/assets/index-abc.js?v=1', root)).toEqual({ ok: true, path: path.join(root, 'assets', 'index-abc.js') });
    expect(resolveAppUrl('app://dutydesk/sounds/%E8%AD%A6%E6%8A%A5.wav', root)).toEqual({ ok: true, path: path.join(root, 'sounds', '警报.wav') });
  });

  it('refuses path traversal in every spelling', () => {
    for (const url of [
      'app://dutydesk/../package.json',
      'app://dutydesk/%2e%2e/package.json',
      'app://dutydesk/assets/%2E%2E%2F%2E%2E%2Fpackage.json',
      'app://dutydesk/..%2f..%2fetc/passwd',
      'app://dutydesk/%2Fetc%2Fpasswd',
      'app://dutydesk//etc/passwd/..',
    ]) {
      const answer = resolveAppUrl(url, root);
      if (answer.ok) expect(answer.path.startsWith(root + path.sep), `${url} → ${answer.path}`).toBe(true);
    }
    // The URL parser already folds a whole %2e%2e segment away; an encoded slash is caught here.
    expect(resolveAppUrl('app://dutydesk/%2e%2e/package.json', root)).toEqual({ ok: true, path: path.join(root, 'package.json') });
    expect(resolveAppUrl('app://dutydesk/assets/%2E%2E%2F%2E%2E%2Fpackage.json', root)).toEqual({ ok: false, status: 404 });
    expect(resolveAppUrl('app://dutydesk/..%2f..%2fetc/passwd', root)).toEqual({ ok: false, status: 404 });
  });

  it('refuses Windows separators and drive paths when the root is a Windows folder', () => {
    const winRoot = 'C:\\Program Files\\DutyDesk\\resources\\app.asar\\out\\renderer';
    expect(resolveAppUrl('app://dutydesk/assets/a.js', winRoot, path.win32)).toEqual({ ok: true, path: `${winRoot}\\assets\\a.js` });
    expect(resolveAppUrl('app://dutydesk/..%5c..%5csecret.txt', winRoot, path.win32)).toEqual({ ok: false, status: 404 });
    expect(resolveAppUrl('app://dutydesk/C:%5CWindows%5Cwin.ini', winRoot, path.win32)).toEqual({ ok: false, status: 404 });
    expect(resolveAppUrl('app://dutydesk/%5C%5Cserver%5Cshare%5Cx', winRoot, path.win32)).toEqual({ ok: false, status: 404 });
  });

  it('refuses other hosts, schemes, credentials, NUL bytes and bad escapes', () => {
    expect(resolveAppUrl('app://other/index.html', root)).toEqual({ ok: false, status: 404 });
    expect(resolveAppUrl('app://user@dutydesk/index.html', root)).toEqual({ ok: false, status: 404 });
    expect(resolveAppUrl('file:///index.html', root)).toEqual({ ok: false, status: 404 });
    expect(resolveAppUrl('app://dutydesk/index.html%00.png', root)).toEqual({ ok: false, status: 400 });
    expect(resolveAppUrl('app://dutydesk/%E0%A4%A', root)).toEqual({ ok: false, status: 400 });
    expect(resolveAppUrl('::not a url', root)).toEqual({ ok: false, status: 400 });
  });

  it('resolves to a file that exists in a real folder', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dutydesk-renderer-'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html>');
    expect(resolveAppUrl('app://dutydesk/', dir)).toEqual({ ok: true, path: path.join(dir, 'index.html') });
  });
});

describe('appResponseHeaders', () => {
  it('carries the shared CSP and the right content type on every answer', () => {
    const html = appResponseHeaders('/x/index.html');
    expect(html['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(html['Content-Type']).toBe('text/html; charset=utf-8');
    expect(html['Cache-Control']).toBe('no-store');
    expect(html['X-Content-Type-Options']).toBe('nosniff');
    expect(appResponseHeaders('/x/a.JS')['Content-Type']).toBe('text/javascript; charset=utf-8');
    expect(appResponseHeaders('/x/blob.bin')['Content-Type']).toBe('application/octet-stream');
    expect(appResponseHeaders(null)['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('is a strict policy: no inline script, no eval, no framing', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });
});
