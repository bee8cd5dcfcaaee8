import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import WebSocket from 'ws';
import { test, expect } from './support/fixtures';
import { startWebShell } from './support/webShell';

test('the bridge refuses a socket without this launch token', async ({ shell }) => {
  const attempt = (url: string, origin: string) =>
    new Promise<string>((resolve) => {
      const ws = new WebSocket(url, { origin });
      ws.on('open', () => { ws.close(); resolve('open'); });
      ws.on('error', () => resolve('refused'));
    });
  const base = shell.origin.replace('http', 'ws');
  const token = new URL(shell.url).hash.replace('#token=', '');
  expect(await attempt(`${base}/bridge`, shell.origin)).toBe('refused');
  expect(await attempt(`${base}/bridge?token=wrong`, shell.origin)).toBe('refused');
  expect(await attempt(`${base}/bridge?token=${token}`, 'http://evil.example')).toBe('refused');
  expect(await attempt(`${base}/bridge?token=${token}`, shell.origin)).toBe('open');
});

test('a page opened without the token says how to open it', async ({ page, shell }) => {
  await page.goto(shell.origin);
  await expect(page.getByText('无法连接值班台后台服务')).toBeVisible();
});

test('pages carry a strict content security policy', async ({ page, shell }) => {
  const response = await page.goto(shell.url);
  const csp = response!.headers()['content-security-policy'];
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
});

test('a corrupted settings file falls back to defaults with a visible warning', async ({ page }) => {
  const dataDir = join(test.info().outputDir, 'data');
  await mkdir(dataDir, { recursive: true });
  await writeFile(join(dataDir, 'settings.json'), '{"callerId": {"enabled": tr');
  const shell = await startWebShell({ dataDir });
  try {
    await page.goto(shell.url);
    await expect(page.getByTestId('settings-warning')).toContainText('设置文件已损坏');
    await expect(page.getByRole('heading', { name: '首次设置' })).toBeVisible();
  } finally {
    await shell.stop();
  }
});
