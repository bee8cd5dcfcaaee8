import { test, expect } from './support/fixtures';
import { MANAGER } from './pages/DeskApp';

test('a manager adds a clerk; the clerk signs in, sees no staff screen, and is locked out after five wrong PINs', async ({ app, page }) => {
  await app.open();
  await app.completeSetup();
  await page.getByRole('link', { name: '员工' }).or(page.getByText('员工', { exact: true })).first().click();
  await expect(page.getByRole('heading', { name: '员工与权限' })).toBeVisible();
  await page.getByLabel('姓名').fill('王芳');
  await page.getByLabel('个人 PIN 码').fill('1234');
  await page.getByRole('button', { name: '添加员工' }).click();
  await expect(page.getByTestId('staff-list')).toContainText('王芳');
  await app.screenshot('09-staff');

  await page.getByRole('button', { name: '锁屏' }).click();
  await expect(page.getByRole('heading', { name: '屏幕已锁定' })).toBeVisible();
  await app.signIn('王芳 · 值班员', '1234');
  await app.expectOnDuty('王芳');
  await expect(page.getByText('员工', { exact: true })).toHaveCount(0);

  await page.keyboard.press('Control+L');
  await expect(page.getByRole('heading', { name: '屏幕已锁定' })).toBeVisible();
  for (let i = 0; i < 4; i++) {
    await app.enterPin('9999');
    await expect(page.getByRole('alert')).toContainText(`还可尝试 ${4 - i} 次`);
  }
  await app.enterPin('9999');
  await expect(page.getByRole('alert')).toContainText('错误次数过多');
  await app.enterPin('1234');
  await expect(page.getByRole('alert')).toContainText('错误次数过多');

  // Someone else may still take over the desk.
  await app.signIn(`${MANAGER.name} · 管理处经理`, MANAGER.pin);
  await app.expectOnDuty(MANAGER.name);
  await page.getByText('设置', { exact: true }).click();
  await expect(page.getByRole('heading', { name: '设置' })).toBeVisible();
  await app.screenshot('10-settings');
});

test('each person sees the interface in their own language', async ({ app, page }) => {
  await app.open();
  await app.completeSetup();
  await page.getByText('设置', { exact: true }).click();
  await page.getByLabel('我的界面语言').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await page.getByText('Work queue', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Work queue' })).toBeVisible();
  await app.screenshot('11-queue-en');
});

test('S12: a sign-in that fails to save says so and leaves the form usable', async ({ app, page }) => {
  await app.open();
  await app.completeSetup();
  await page.getByRole('button', { name: '锁屏' }).click();
  await expect(page.getByRole('heading', { name: '屏幕已锁定' })).toBeVisible();
  // The PIN check itself fails (as a closed database or a broken crypto module would).
  await page.evaluate(() => {
    crypto.subtle.deriveBits = () => Promise.reject(new Error('unavailable'));
  });
  await app.enterPin(MANAGER.pin);
  await expect(page.getByRole('alert')).toContainText('签到未能完成');
  await expect(page.getByRole('button', { name: '解锁' })).toBeEnabled();
  await expect(page.getByLabel('PIN 码')).toHaveValue('');
});
