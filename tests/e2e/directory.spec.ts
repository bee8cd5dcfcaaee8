import { test, expect } from './support/fixtures';
import { SocatPair } from '../../src/host/callerid/testing/socatPair';
import type { Page } from '@playwright/test';

// The resident list (客户状况一览表) imported with a bad row, searched by initials, and a call
// from a number registered at two units: the pick-list, the prefilled intake, and a masked
// number for the control room (R-CONFIDENTIAL).

const RESIDENT_LIST = [
  '客户状况一览表',
  '楼号,房号,姓名,身份,电话,备注',
  '3,1502,张三,业主,13800138000,独居老人',
  '5,201,张三,业主,13800138000,',
  '6,101,李四,租户,12345,',
].join('\r\n');

const clip = (number: string) => `\r\nRING\r\n\r\n+CLIP: "${number}",129,"",0,"",0\r\n`;

async function importResidents(page: Page) {
  await page.getByText('住户资料', { exact: true }).click();
  await page.getByRole('button', { name: '导入' }).click();
  await page.locator('input[type="file"]').setInputFiles({ name: '客户状况一览表.csv', mimeType: 'text/csv', buffer: Buffer.from(`\ufeff${RESIDENT_LIST}`) });
  await expect(page.getByTestId('import-has-errors')).toBeVisible();
  await expect(page.getByTestId('import-preview')).toContainText('电话“12345”');
  await expect(page.getByRole('button', { name: '全部导入' })).toBeDisabled();
  await page.getByRole('button', { name: '只导入无误的 2 行' }).click();
  await expect(page.getByTestId('import-done')).toContainText('新增住户 2 位');
  await page.getByRole('button', { name: '关闭' }).click();
}

test('import with a bad row, search by initials, and a call from a number with two units', async ({ app, page }) => {
  const pty = new SocatPair();
  await pty.start();
  try {
    await app.open();
    await app.completeSetup();
    await importResidents(page);
    await page.getByTestId('directory-search').fill('zs');
    await expect(page.getByTestId('directory-results')).toContainText('3-1502');
    await expect(page.getByTestId('directory-results')).toContainText('5-201');
    await expect(page.getByTestId('directory-results')).not.toContainText('6-101');
    await app.screenshot('14-directory');

    await app.connectCallerId(pty.device);

    await pty.write(clip('13800138000'));
    const panel = page.getByRole('dialog', { name: /来电/ });
    await expect(panel.getByText('该号码登记了多个房屋')).toBeVisible();
    await expect(panel.getByTestId('call-unit')).toContainText('独居老人');
    await panel.getByLabel('5-201').check();
    await expect(panel.getByTestId('call-unit')).toContainText('5-201');
    await app.screenshot('15-call-two-units');
    await panel.getByRole('button', { name: /开始受理/ }).click();
    const intake = app.intake();
    await expect(intake.getByLabel('楼号')).toHaveValue('5');
    await expect(intake.getByLabel('房号')).toHaveValue('201');
    await expect(intake.getByLabel('来电/来访人')).toHaveValue('张三');
  } finally {
    await pty.dispose();
  }
});

test('the control room sees no directory and a masked number on the call panel', async ({ app, page }) => {
  const pty = new SocatPair();
  await pty.start();
  try {
    await app.open();
    await app.completeSetup();
    await importResidents(page);
    await app.connectCallerId(pty.device);
    await page.getByText('员工', { exact: true }).click();
    await page.getByLabel('姓名').fill('赵值班');
    await page.getByLabel('角色').selectOption('controlRoom');
    await page.getByLabel('个人 PIN 码').fill('5678');
    await page.getByRole('button', { name: '添加员工' }).click();
    await expect(page.getByTestId('staff-list')).toContainText('赵值班');
    await page.getByRole('button', { name: '锁屏' }).click();
    await app.signIn('赵值班 · 中控室', '5678');
    await app.expectOnDuty('赵值班');
    await expect(page.getByText('住户资料', { exact: true })).toHaveCount(0);

    await pty.write(clip('13800138000'));
    const panel = page.getByRole('dialog', { name: /来电/ });
    await expect(panel.getByTestId('caller-number')).toHaveText('138****8000');
  } finally {
    await pty.dispose();
  }
});
