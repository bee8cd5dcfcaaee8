import { test, expect } from './support/fixtures';
import { SocatPair } from '../../src/host/callerid/testing/socatPair';
import type { Page } from '@playwright/test';
import { CONTROL_ROOM, MANAGER, type DeskApp } from './pages/DeskApp';

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

/** The manager adds a control-room user, locks, and that user signs in. */
async function signInControlRoom(app: DeskApp, page: Page) {
  await app.addStaff(CONTROL_ROOM);
  await page.getByRole('button', { name: '锁屏' }).click();
  await app.signIn(CONTROL_ROOM.option, CONTROL_ROOM.pin);
  await app.expectOnDuty(CONTROL_ROOM.name);
}

/** The queue's search box: what a query finds (rows), after the list has settled. */
async function searchQueue(app: DeskApp, page: Page, query: string) {
  await app.goTo('工作队列');
  await page.getByRole('textbox', { name: '搜索单号、房号或内容' }).fill(query);
  await page.getByText('全部', { exact: true }).click();
  return app.queueRows();
}

test('S6: the control room never sees or finds a caller\'s full number; the manager sees it after a logged reveal', async ({ app, page }) => {
  const FULL = '13800138000';
  const pty = new SocatPair();
  await pty.start();
  try {
    await app.open();
    await app.completeSetup();
    await importResidents(page);
    await app.connectCallerId(pty.device);
    await signInControlRoom(app, page);

    // The call panel, then the intake prefilled from it: masked, read-only.
    await pty.write(clip(FULL));
    const panel = page.getByRole('dialog', { name: /来电/ });
    await expect(panel.getByTestId('caller-number')).toHaveText('138****8000');
    await expect(panel).not.toContainText(FULL);
    await panel.getByLabel('3-1502').check();
    await app.screenshot('s6-call-panel-control-room');
    await panel.getByRole('button', { name: /开始受理/ }).click();
    const intake = app.intake();
    const phone = intake.getByLabel('联系电话');
    await expect(phone).toHaveValue('138****8000');
    await expect(phone).not.toBeEditable();
    await expect(intake.getByRole('button', { name: '更换号码' })).toBeVisible();
    await intake.getByLabel('事项描述').fill('楼道灯不亮');
    await app.screenshot('s6-intake-control-room');
    await page.keyboard.press('Control+Enter');
    await expect(intake).toBeHidden();

    // Queue row, ticket view and timeline, call log: no full number anywhere on screen.
    const rows = await searchQueue(app, page, '楼道灯');
    await expect(rows).toHaveCount(1);
    await expect(page.locator('body')).not.toContainText(FULL);
    await rows.first().click();
    await expect(page.getByTestId('ticket-phone')).toHaveText('138****8000');
    await expect(page.getByRole('button', { name: '显示' })).toHaveCount(0);
    await expect(page.getByTestId('timeline')).toContainText('受理登记');
    await expect(page.locator('body')).not.toContainText(FULL);
    await app.screenshot('s6-ticket-control-room');
    await app.goTo('来电记录');
    await expect(page.getByTestId('call-log-number').first()).toHaveText('138****8000');
    await expect(page.locator('body')).not.toContainText(FULL);
    await app.screenshot('s6-call-log-control-room');

    // Search by the full number, in any spelling, or its last 7 digits finds nothing.
    // (Each empty answer follows one with a row, so it is the answer to that query.)
    for (const query of [FULL, '+8613800138000', '8613800138000', '0138000', '138001']) {
      await expect(await searchQueue(app, page, '3-1502')).toHaveCount(1);
      await expect(await searchQueue(app, page, query), query).toHaveCount(0);
      await expect(page.getByText('没有符合条件的受理单')).toBeVisible();
    }

    // The caller-ID test view (raw bytes hold the number) is closed to the role.
    await app.goTo('设置');
    await page.getByRole('button', { name: '测试' }).click();
    await expect(page.getByTestId('callerid-test-denied')).toBeVisible();
    await expect(page.getByTestId('callerid-test')).toHaveCount(0);
    await page.getByTestId('callerid-test-denied').scrollIntoViewIfNeeded();
    await app.screenshot('s6-callerid-test-control-room');

    // The manager: the saved number is whole; shown after a reveal, which the timeline records.
    await page.getByRole('button', { name: '锁屏' }).click();
    await app.signIn(`${MANAGER.name} · 管理处经理`, MANAGER.pin);
    await app.expectOnDuty(MANAGER.name);
    const found = await searchQueue(app, page, '8613800138000');
    await expect(found).toHaveCount(1);
    await found.first().click();
    await expect(page.getByTestId('ticket-phone')).toHaveText('138****8000');
    await expect(page.getByTestId('timeline')).not.toContainText('查看了完整电话号码');
    await page.getByRole('button', { name: '显示' }).click();
    await expect(page.getByTestId('ticket-phone')).toHaveText(FULL);
    await expect(page.getByTestId('timeline')).toContainText(`${MANAGER.name} 查看了完整电话号码`);
    await app.screenshot('s6-ticket-manager-revealed');
    await app.goTo('来电记录');
    await expect(page.getByTestId('call-log-number').first()).toHaveText(FULL);
  } finally {
    await pty.dispose();
  }
});

const TWO_NUMBERS = ['楼号,房号,姓名,身份,电话,备注', '7,101,陈大文,业主,13812345678; +852 2123 4567,', '7,102,吕布,租户,13900001111,'].join('\r\n');
const ONE_NUMBER = ['楼号,房号,姓名,身份,电话,备注', '7,101,陈大文,业主,13812345678,', '7,102,吕布,租户,13700002222,'].join('\r\n');

async function chooseList(page: Page, csv: string) {
  await page.locator('input[type="file"]').setInputFiles({ name: '客户状况一览表.csv', mimeType: 'text/csv', buffer: Buffer.from(`\ufeff${csv}`) });
}

/** The numbers the unit's card shows in full (a clerk or manager reveals them). */
async function unitCard(page: Page, query: string, unit: string) {
  await page.getByTestId('directory-search').fill(query);
  await page.getByTestId('directory-results').getByText(unit, { exact: false }).first().click();
  return page.getByTestId('resident-card');
}

test('U2, U16: an import that lacks a number says so per row and keeps it unless told to replace', async ({ app, page }) => {
  await app.open();
  await app.completeSetup();
  await app.goTo('住户资料');
  await page.getByRole('button', { name: '导入' }).click();
  await chooseList(page, TWO_NUMBERS);
  await page.getByRole('button', { name: '全部导入' }).click();
  await expect(page.getByTestId('import-done')).toContainText('新增住户 2 位');
  await page.getByRole('button', { name: '关闭' }).click();

  await page.getByRole('button', { name: '导入' }).click();
  await chooseList(page, ONE_NUMBER);
  await expect(page.getByTestId('import-phone-removals')).toContainText('2 行住户的电话与住户资料不同');
  const removals = page.getByTestId('phone-removal');
  await expect(removals).toHaveCount(2);
  await expect(page.locator('tr[data-row="2"]')).toContainText('保留文件中没有的号码:+852');
  await expect(page.locator('tr[data-row="3"]')).toContainText('保留文件中没有的号码:139');
  // U16: short columns on one line: row number, unit and relation are as tall as one line of text.
  for (const cell of [page.getByRole('columnheader', { name: '行号' }), page.getByRole('columnheader', { name: '身份' }), page.locator('tr[data-row="2"] td').nth(1)]) {
    const box = (await cell.boundingBox())!;
    expect(box.width).toBeGreaterThan(box.height * 0.9);
  }
  await app.screenshot('u2-import-preview-zh-CN');
  // 吕布's row: replace (the old 139 number goes); 陈大文's: keep (the default).
  await page.locator('tr[data-row="3"]').getByText('替换', { exact: true }).click();
  await expect(page.locator('tr[data-row="3"]')).toContainText('将删除:139');
  await page.getByRole('button', { name: '全部导入' }).click();
  await expect(page.getByTestId('import-done')).toContainText('更新 1 位');
  await page.getByRole('button', { name: '关闭' }).click();

  const chen = await unitCard(page, 'cdw', '7-101');
  await expect(chen).toHaveCount(1);
  await expect(chen.getByTestId('phone-number')).toHaveCount(2);
  // 吕布 was replaced: only the file's number is left, the old 139 one is gone.
  const lv = await unitCard(page, 'lubu', '7-102');
  await expect(lv.getByTestId('phone-number')).toHaveCount(1);
  await expect(lv).toContainText('137****2222');
  await expect(lv).not.toContainText('139****1111');

  // The same preview in English (U16).
  await app.goTo('设置');
  await page.getByLabel('我的界面语言').selectOption('en');
  await page.getByRole('navigation').getByText('Residents', { exact: true }).click();
  await page.getByRole('button', { name: 'Import' }).click();
  await chooseList(page, TWO_NUMBERS.replace('13900001111', '13900001111; 13700002222').replace('13812345678; ', ''));
  await expect(page.getByTestId('import-phone-removals')).toBeVisible();
  // The modal has finished fading in, so the screenshot shows it as staff see it.
  await expect(page.locator('.mantine-Modal-content')).toHaveCSS('opacity', '1');
  await app.screenshot('u16-import-preview-en');
});

test('U6, U7, U18: units as typed, last digits, lubu, a move to another unit; an emoji finds no ticket', async ({ app, page }) => {
  await app.open();
  await app.completeSetup();
  await app.goTo('住户资料');
  await page.getByRole('button', { name: '导入' }).click();
  await chooseList(page, ['楼号,房号,姓名,身份,电话,备注', 'A座,1001,吕布,业主,13812345678,', '5,201,王五,业主,13700137000,'].join('\r\n'));
  await page.getByRole('button', { name: '全部导入' }).click();
  await page.getByRole('button', { name: '关闭' }).click();
  const results = page.getByTestId('directory-results');
  for (const query of ['A座', 'A座1001', 'A栋', 'lubu', '5678']) {
    await page.getByTestId('directory-search').fill(query);
    await expect(results, query).toContainText('A-1001');
  }
  await app.screenshot('u18-directory-last-digits-zh-CN');

  // U7: 吕布 moves to 5-201.
  const card = await unitCard(page, 'A座1001', 'A-1001');
  await card.getByRole('button', { name: '编辑' }).click();
  const form = page.getByRole('dialog', { name: '编辑住户' });
  await form.getByTestId('resident-unit').fill('9栋909');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByText('住户资料中没有单元“9栋909”')).toBeVisible();
  await form.getByTestId('resident-unit').fill('5栋201');
  await app.screenshot('u7-resident-form-zh-CN');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toBeHidden();
  await page.getByTestId('directory-search').fill('lubu');
  await expect(results).toContainText('5-201');
  await expect(results).not.toContainText('A-1001');

  // U6 in the queue: a ticket for 3栋1502 found as 3栋1502 and 3栋; U18: an emoji finds nothing.
  await app.recordLeakWithKeyboard('F2');
  for (const query of ['3栋1502', '3栋1502室', '3栋']) await expect(await searchQueue(app, page, query), query).toHaveCount(1);
  await expect(await searchQueue(app, page, '😀')).toHaveCount(0);
  await expect(page.getByText('没有符合条件的受理单')).toBeVisible();
});
