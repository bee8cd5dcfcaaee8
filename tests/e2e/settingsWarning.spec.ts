import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { startWebShell } from './support/webShell';

// S3 as the clerk sees it: a settings file with one bad value keeps the rest, and the warning
// on the first screen names the setting that is back on its default.

test('S3: the warning names the settings that could not be read, and the file is kept aside', async ({ page }) => {
  const dataDir = join(test.info().outputDir, 'data');
  await mkdir(dataDir, { recursive: true });
  await writeFile(join(dataDir, 'settings.json'), JSON.stringify({ callerId: { enabled: false, path: '/dev/ttyUSB0', baudRate: 'fast', family: 'xdmfBinary' } }));
  const shell = await startWebShell({ dataDir });
  try {
    await page.goto(shell.url);
    const warning = page.getByTestId('settings-warning');
    await expect(warning).toContainText('设置文件中有无效的值');
    await expect(page.getByTestId('settings-warning-lost')).toHaveText('已恢复为默认值的设置:来电显示盒 · 波特率。请检查后重新保存。');
    expect((await readdir(dataDir)).filter((f) => f.startsWith('settings.json.bad-'))).toHaveLength(1);
  } finally {
    await shell.stop();
  }
});
