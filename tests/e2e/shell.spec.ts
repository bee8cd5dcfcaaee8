import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import WebSocket from 'ws';
import { MANAGER } from './pages/DeskApp';
import { test, expect } from './support/fixtures';
import { openBridge } from './support/rawClients';
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

test.describe('calls while the page is away', () => {

  test('S17: a call that rings while the page is away or reloading reaches the call log exactly once', async ({ app, page, shell, pty }) => {
    const clip = (number: string) => `\r\nRING\r\n\r\n+CLIP: "${number}",129,"",0,"",0\r\n`;
    const hangUp = '\r\nNO CARRIER\r\n';
    const host = { port: Number(new URL(shell.url).port), token: new URL(shell.url).hash.replace('#token=', ''), origin: shell.origin };
    const heldByHost = async (count: number) => {
      const probe = await openBridge(host);
      await expect.poll(async () => ((await probe.call('callerId:recentCalls')).value as unknown[]).length).toBe(count);
      probe.close();
    };
    await app.open();
    await app.completeSetup();
    await app.connectCallerId(pty.device);

    // A call while the page is there: logged live (and replayed later: must not log twice).
    await pty.write(clip('13800138000'));
    const panel = page.getByRole('dialog', { name: /来电/ });
    await expect(panel).toBeVisible();
    await panel.getByRole('button', { name: '不建单' }).click();
    await pty.write(hangUp);

    // No page at all while the second call rings.
    await page.goto('about:blank');
    await pty.write(clip('13900139000'));
    await pty.write(hangUp);
    await heldByHost(2);
    await page.goto(shell.url);

    // A third call rings while the page reloads: the new page's script is held until the host
    // has the call (routing also turns the HTTP cache off, so the script is fetched).
    let rang = false;
    await page.route(/\/assets\/.*\.js$/, async (route) => {
      if (!rang) {
        rang = true;
        await pty.write(clip('13700137000'));
        await pty.write(hangUp);
        await heldByHost(3);
      }
      await route.continue();
    });
    await page.reload();
    expect(rang).toBe(true);
    await expect(page.getByRole('heading', { name: '值班签到' })).toBeVisible();
    await app.signIn(`${MANAGER.name} · 管理处经理`, MANAGER.pin);
    await app.expectOnDuty(MANAGER.name);
    // The calls the page missed wait in the panel like live ones (the one of the reload among
    // them; the second too if the reload cut its logging short): each is dismissed.
    await expect(panel).toContainText('137');
    await expect(async () => {
      if (await panel.isVisible()) await panel.getByRole('button', { name: '不建单' }).last().click({ timeout: 1000 });
      await expect(panel).toBeHidden({ timeout: 500 });
    }).toPass({ timeout: 15_000 });
    await page.getByText('来电记录', { exact: true }).click();
    const log = page.getByTestId('call-log-row');
    await expect(log).toHaveCount(3);
    for (const tail of ['8000', '9000', '7000']) await expect(log.filter({ hasText: tail })).toHaveCount(1);
  });
});
