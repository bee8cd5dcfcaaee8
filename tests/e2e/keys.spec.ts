import { execFileSync } from 'node:child_process';
import { mkdirSync, copyFileSync, readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { readSpreadsheet } from '../../src/shared/directory/sheet/readSpreadsheet';
import { test, expect } from './support/fixtures';
import { CLERK, MANAGER } from './pages/DeskApp';

// R-KEYS in the browser: a clerk registers an owner's key, the owner deposits it signing on the
// screen's pad; a plant-room key is refused when the purpose is not work, then lent for work
// (the borrower signs with their PIN) and returned; each key's history shows who signed.
// R-LEFTOVER: an issue filed into this month's file and marked OK.

const SHOTS = '/tmp/h16-keys';
/** The key register's printout and export (issue 16, second pass). */
const PRINTS = '/tmp/h17-h2';

/** A short signature drawn with the mouse on the pad (two strokes). */
async function sign(page: Page, pad: Locator) {
  const box = (await pad.boundingBox())!;
  const stroke = async (points: [number, number][]) => {
    await page.mouse.move(box.x + points[0]![0] * box.width, box.y + points[0]![1] * box.height);
    await page.mouse.down();
    for (const [x, y] of points.slice(1)) await page.mouse.move(box.x + x * box.width, box.y + y * box.height, { steps: 4 });
    await page.mouse.up();
  };
  await stroke([[0.1, 0.6], [0.2, 0.3], [0.3, 0.7], [0.4, 0.3], [0.5, 0.65]]);
  await stroke([[0.55, 0.5], [0.7, 0.45], [0.85, 0.55]]);
}

const row = (page: Page, label: string) => page.getByTestId('key-row').filter({ hasText: label });

test('R-KEYS: register, deposit with a drawn signature, a plant-room key only for work, lend and return', async ({ app, page }) => {
  test.setTimeout(120_000);
  mkdirSync(SHOTS, { recursive: true });
  await app.open();
  await app.completeSetup();
  await app.addStaff(CLERK);
  await page.getByRole('button', { name: '锁屏' }).click();
  await app.signIn(CLERK.option, CLERK.pin);
  await app.expectOnDuty(CLERK.name);

  await app.goTo('钥匙');
  await expect(page.getByRole('heading', { name: '钥匙登记簿' })).toBeVisible();

  // The clerk registers the owner's key of 3-1502, filed by unit.
  await page.getByRole('button', { name: '登记钥匙' }).click();
  const register = page.getByTestId('register-key-modal');
  await register.getByText('业主钥匙', { exact: true }).click();
  await register.getByLabel('房号').fill('3-1502');
  await register.getByLabel('标签').fill('3栋-1502 业主钥匙');
  await app.screenshot('keys-register-form-zh-CN');
  copyFileSync('test-results/screenshots/keys-register-form-zh-CN.png', `${SHOTS}/keys-register-form-zh-CN.png`);
  await register.getByRole('button', { name: '保存' }).click();
  await expect(register).toBeHidden();
  await expect(row(page, '3栋-1502 业主钥匙')).toContainText('未存放');

  // The owner deposits it and signs on the pad; nothing drawn is refused first.
  await row(page, '3栋-1502 业主钥匙').getByRole('button', { name: '业主存放' }).click();
  const deposit = page.getByTestId('key-step-modal');
  await deposit.getByLabel('业主姓名').fill('张三');
  await deposit.getByRole('button', { name: '保存' }).click();
  await expect(deposit.getByRole('alert')).toHaveText('请先签名。');
  await sign(page, deposit.getByTestId('signature-pad'));
  await app.screenshot('keys-deposit-form-zh-CN');
  copyFileSync('test-results/screenshots/keys-deposit-form-zh-CN.png', `${SHOTS}/keys-deposit-form-zh-CN.png`);
  await deposit.getByRole('button', { name: '保存' }).click();
  await expect(deposit).toBeHidden();
  await expect(row(page, '3栋-1502 业主钥匙')).toContainText('在前台');

  // A plant-room key, filed by equipment.
  await page.getByRole('button', { name: '登记钥匙' }).click();
  await register.getByText('机房', { exact: true }).click();
  await register.getByLabel('设备').fill('2号生活水泵');
  await register.getByLabel('标签').fill('地下一层水泵房');
  await register.getByRole('button', { name: '保存' }).click();
  await expect(register).toBeHidden();

  // Lent for something other than work: refused, nothing recorded.
  await row(page, '地下一层水泵房').getByRole('button', { name: '借出' }).click();
  const lend = page.getByTestId('key-step-modal');
  await lend.getByLabel('借用人姓名').fill('李经理');
  await lend.getByLabel('身份核实').selectOption('staffCard');
  await lend.getByTestId('key-purpose').getByText('其他', { exact: true }).click();
  await lend.getByLabel('用途说明').fill('拿个人物品');
  await sign(page, lend.getByTestId('signature-pad'));
  await lend.getByRole('button', { name: '保存' }).click();
  await expect(lend.getByRole('alert')).toHaveText('公共区域和机房钥匙只能借给工作用途,不能借出。');
  await app.screenshot('keys-lend-refused-zh-CN');
  copyFileSync('test-results/screenshots/keys-lend-refused-zh-CN.png', `${SHOTS}/keys-lend-refused-zh-CN.png`);
  await expect(row(page, '地下一层水泵房')).toContainText('在前台');

  // For work, the borrower (a staff member) signs with their PIN.
  await lend.getByTestId('key-purpose').getByText('工作', { exact: true }).click();
  await lend.getByLabel('用途说明').fill('检修2号水泵');
  await lend.getByTestId('signature-mode').getByText('员工 PIN', { exact: true }).click();
  await lend.getByLabel('签名员工').selectOption({ label: '李经理 · 管理处经理' });
  await lend.getByLabel('PIN', { exact: true }).fill(MANAGER.pin);
  await lend.getByRole('button', { name: '保存' }).click();
  await expect(lend).toBeHidden();

  // Keys out first, with the borrower.
  await expect(page.getByTestId('key-row').first()).toContainText('地下一层水泵房');
  await expect(page.getByTestId('key-row').first()).toContainText('借出:李经理');
  await expect(page.getByTestId('keys-out-count')).toHaveText('借出中:1 把');
  await app.screenshot('keys-register-zh-CN');
  copyFileSync('test-results/screenshots/keys-register-zh-CN.png', `${SHOTS}/keys-register-zh-CN.png`);

  // The filter by category.
  await page.getByTestId('key-filter').getByText('业主钥匙', { exact: true }).click();
  await expect(page.getByTestId('key-row')).toHaveCount(1);
  await page.getByTestId('key-filter').getByText('全部', { exact: true }).click();
  await expect(page.getByTestId('key-row')).toHaveCount(2);

  // The register on paper (A4): filed by category, the key out with its borrower, since when and what for, the date printed.
  await page.getByTestId('key-register-preview').click();
  const sheet = page.getByTestId('paper-preview').getByTestId('key-register-sheet');
  await expect(sheet.getByTestId('key-sheet-printed')).toContainText('打印时间:');
  await expect(sheet).toContainText('共 2 把,借出 1 把');
  await expect(sheet.locator('h2')).toHaveText(['业主钥匙', '机房']);
  await expect(sheet.getByTestId('key-sheet-owner').getByTestId('key-sheet-row')).toContainText('3-1502');
  await expect(sheet.getByTestId('key-sheet-owner').getByTestId('key-sheet-row')).toContainText('张三');
  const out = sheet.getByTestId('key-sheet-plantRoom').getByTestId('key-sheet-row');
  await expect(out).toContainText('借出');
  await expect(out).toContainText('李经理');
  await expect(out).toContainText('工作 · 检修2号水泵');
  mkdirSync(PRINTS, { recursive: true });
  await app.screenshot('keys-print-preview-zh-CN');
  copyFileSync('test-results/screenshots/keys-print-preview-zh-CN.png', `${PRINTS}/keys-print-preview-zh-CN.png`);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('print-root').getByTestId('key-register-sheet')).toBeVisible();
  await page.pdf({ path: `${PRINTS}/keys-print.pdf`, format: 'A4', preferCSSPageSize: true });
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', `${PRINTS}/keys-print.pdf`, `${PRINTS}/keys-print`]);
  await page.emulateMedia({ media: 'screen' });
  // The xlsx: the same cells, the category on every row; the export is logged (it names residents).
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('key-register-export').click()]);
  const bytes = readFileSync(await download.path());
  const file = await readSpreadsheet(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), download.suggestedFilename());
  if (!file.ok) throw new Error(`the export cannot be read back (${file.problem})`);
  expect(download.suggestedFilename()).toMatch(/^钥匙登记簿 \d{4}-\d{2}-\d{2}\.xlsx$/);
  expect(file.rows[0]).toEqual(['类别', '归档', '标签', '状态', '借用人 / 业主', '借出 / 最后记录时间', '用途']);
  expect(file.rows.slice(1).map((r) => [r[0], r[2], r[3], r[4]])).toEqual([['业主钥匙', '3栋-1502 业主钥匙', '在前台', '张三'], ['机房', '地下一层水泵房', '借出', '李经理']]);
  await page.getByRole('button', { name: '返回' }).click();
  await expect(page.getByTestId('key-row')).toHaveCount(2);

  // Returned: the borrower signs again, on the pad this time.
  await row(page, '地下一层水泵房').getByRole('button', { name: '归还' }).click();
  const back = page.getByTestId('key-step-modal');
  await expect(back.getByLabel('交还人姓名')).toHaveValue('李经理');
  await sign(page, back.getByTestId('signature-pad'));
  await back.getByRole('button', { name: '保存' }).click();
  await expect(back).toBeHidden();
  await expect(row(page, '地下一层水泵房')).toContainText('在前台');
  await expect(page.getByTestId('keys-out-count')).toBeHidden();

  // The history: each record, the PIN's owner named, the drawn signatures shown.
  await row(page, '地下一层水泵房').getByRole('button', { name: '记录' }).click();
  const history = page.getByTestId('key-history-modal');
  await expect(history.getByRole('row')).toHaveCount(3);
  await expect(history).toContainText('借给 李经理(员工工作证),用途:工作 · 检修2号水泵');
  await expect(history).toContainText('PIN 签名:李经理');
  await expect(history).toContainText('李经理 归还');
  await expect(history.getByTestId('key-history-signature')).toHaveCount(1);
  await expect(history).not.toContainText('拿个人物品');
  await app.screenshot('keys-history-zh-CN');
  copyFileSync('test-results/screenshots/keys-history-zh-CN.png', `${SHOTS}/keys-history-zh-CN.png`);
  await page.keyboard.press('Escape');
  await expect(history).toBeHidden();

  // The export is in the running shift's log, with who made it.
  await app.goTo('值班日志');
  await expect(page.getByTestId('shift-log')).toContainText(`${CLERK.name} 导出了钥匙登记簿（2 把）`);
});

test('R-LEFTOVER: an issue filed into this month\'s file, its progress noted, then OK; open ones listed first', async ({ app, page }) => {
  mkdirSync(SHOTS, { recursive: true });
  await app.open();
  await app.completeSetup();
  await app.goTo('遗留问题');
  await expect(page.getByRole('heading', { name: '遗留问题档案' })).toBeVisible();
  const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(Date.now());
  await expect(page.getByTestId('leftover-month')).toHaveText(month);
  for (const text of ['5栋电梯异响,厂家配件未到', '天台防水层起鼓,待雨季后施工']) {
    await page.getByRole('textbox', { name: '问题', exact: true }).fill(text);
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await expect(page.getByTestId('leftover-item').filter({ hasText: text })).toBeVisible();
  }
  const lift = page.getByTestId('leftover-item').filter({ hasText: '5栋电梯异响' });
  await lift.getByRole('button', { name: '记录进展' }).click();
  await lift.getByLabel('进展').fill('厂家答复下周到货');
  await lift.getByRole('button', { name: '保存' }).click();
  await expect(lift).toContainText('厂家答复下周到货');
  await lift.getByRole('button', { name: 'OK' }).click();
  await lift.getByLabel('处理结果(可选)').fill('已更换导靴');
  await lift.getByRole('button', { name: 'OK' }).click();
  await expect(lift).toHaveAttribute('data-open', '0');
  // Open first: the roof is still open and comes before the lift.
  await expect(page.getByTestId('leftover-item').first()).toContainText('天台防水层起鼓');
  await expect(page.getByTestId('leftover-item').first()).toHaveAttribute('data-open', '1');
  await app.screenshot('leftovers-zh-CN');
  copyFileSync('test-results/screenshots/leftovers-zh-CN.png', `${SHOTS}/leftovers-zh-CN.png`);
});
