import { test, expect } from './support/fixtures';
import { MANAGER } from './pages/DeskApp';

// The path, through the web shell in Debian's Chromium: first-run setup → sign in →
// a request with the keyboard only → in the queue → reload → still there → idle lock →
// wrong PIN refused → right PIN back in. Screenshots of every screen in zh-CN.

test('a clerk records a request with the keyboard and finds it again after reload and idle lock', async ({ app, page }) => {
  await page.clock.install();
  await app.open();
  await app.screenshot('01-setup');
  await app.completeSetup();
  await expect(page.getByRole('heading', { name: '工作队列' })).toBeVisible();
  await app.screenshot('02-queue-empty');

  // Keyboard only, from the queue: F2 opens intake, Enter walks the fields, Ctrl+Enter saves.
  await app.recordLeakWithKeyboard('F2', '03-intake');

  const row = app.queueRows().first();
  await expect(row).toContainText(/FD-\d{8}-001/);
  await expect(row).toContainText('3-1502');
  await expect(row).toContainText('报修求助');
  await expect(row).toContainText('紧急');
  await app.screenshot('04-queue-one-request');

  await row.click();
  await expect(page.getByTestId('timeline')).toContainText(`${MANAGER.name} 受理登记`);
  await app.screenshot('05-ticket');

  // Reload: the desk asks who is on duty again, and the request is still there.
  await page.reload();
  await expect(page.getByRole('heading', { name: '值班签到' })).toBeVisible();
  await app.screenshot('06-sign-in');
  await app.signIn(`${MANAGER.name} · 管理处经理`, MANAGER.pin);
  await app.expectOnDuty(MANAGER.name);
  await expect(app.queueRows()).toHaveCount(1);
  await expect(app.queueRows().first()).toContainText('张三');

  // Five quiet minutes lock the shared workstation.
  await page.clock.fastForward('05:10');
  await expect(page.getByRole('heading', { name: '屏幕已锁定' })).toBeVisible();
  await app.screenshot('07-locked');
  await app.enterPin('1357');
  await expect(page.getByRole('alert')).toContainText('PIN 码错误');
  await expect(page.getByRole('heading', { name: '屏幕已锁定' })).toBeVisible();
  await app.enterPin(MANAGER.pin);
  await app.expectOnDuty(MANAGER.name);
  await expect(app.queueRows()).toHaveCount(1);
});

test('bad input is explained in place and nothing typed is lost', async ({ app, page }) => {
  await app.open();
  await app.completeSetup();
  await page.keyboard.press('F2');
  const intake = app.intake();
  await intake.getByLabel('房号').fill('15 02');
  await intake.getByLabel('联系电话').fill('call me');
  await page.keyboard.press('Control+Enter');
  await expect(intake.getByText('请填写楼号')).toBeVisible();
  await expect(intake.getByText('房号格式不正确')).toBeVisible();
  // U13: the directory's own message for a number it cannot read.
  await expect(intake.getByText('号码只能包含数字')).toBeVisible();
  await expect(intake.getByText('请填写事项描述')).toBeVisible();
  await expect(intake.getByLabel('房号')).toHaveValue('15 02');
  await expect(intake.getByLabel('联系电话')).toHaveValue('call me');
  await app.screenshot('08-intake-errors');
  await intake.getByLabel('楼号').fill('3');
  await intake.getByLabel('房号').fill('1502');
  await intake.getByLabel('联系电话').fill('0755-8888 1234');
  await intake.getByLabel('事项描述').fill('咨询停车费标准');
  await page.keyboard.press('Control+Enter');
  await expect(intake).toBeHidden();
  await expect(app.queueRows()).toHaveCount(1);
});

test('setup refuses a malformed PIN and station code, keeping the form', async ({ app, page }) => {
  await app.open();
  await page.getByLabel('小区(管理处)名称').fill('翠湖花园');
  await page.getByLabel('工作站代码').fill('F');
  await page.getByLabel('经理姓名').fill('李经理');
  // A manager's PIN travels to every station: 4 digits are too few (docs/pins.md).
  await page.getByLabel('个人 PIN 码').fill('2468');
  await page.getByLabel('再次输入 PIN 码').fill('2468');
  await page.getByRole('button', { name: '完成设置' }).click();
  await expect(page.getByText('经理的 PIN 码必须是 6–12 位数字')).toBeVisible();
  await expect(page.getByText('请输入 2–6 位大写字母或数字')).toBeVisible();
  await expect(page.getByLabel('小区(管理处)名称')).toHaveValue('翠湖花园');
});
