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
    await expect(page.locator('form').getByRole('alert')).toContainText(`还可尝试 ${4 - i} 次`);
  }
  await app.enterPin('9999');
  await expect(page.locator('form').getByRole('alert')).toContainText('错误次数过多');
  await app.enterPin('1234');
  await expect(page.locator('form').getByRole('alert')).toContainText('错误次数过多');

  // Someone else may still take over the desk.
  await app.signIn(`${MANAGER.name} · 管理处经理`, MANAGER.pin);
  await app.expectOnDuty(MANAGER.name);
  await page.getByText('设置', { exact: true }).click();
  await expect(page.getByRole('heading', { name: '设置', exact: true })).toBeVisible();
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
  await expect(page.locator('form').getByRole('alert')).toContainText('签到未能完成');
  await expect(page.getByRole('button', { name: '解锁' })).toBeEnabled();
  await expect(page.getByLabel('PIN 码')).toHaveValue('');
});

async function openStaff(page: import('@playwright/test').Page) {
  await page.getByText('员工', { exact: true }).click();
  await expect(page.getByRole('heading', { name: '员工与权限' })).toBeVisible();
}

async function addClerk(page: import('@playwright/test').Page, name: string, pin: string) {
  await page.getByLabel('姓名').fill(name);
  await page.getByLabel('个人 PIN 码').fill(pin);
  await page.getByRole('button', { name: '添加员工' }).click();
}

async function lockOutClerk(app: import('./pages/DeskApp').DeskApp, page: import('@playwright/test').Page, who: string) {
  await page.getByRole('button', { name: '锁屏' }).click();
  await page.getByLabel('值班人员').selectOption({ label: who });
  for (let i = 0; i < 4; i++) {
    await app.enterPin('9999');
    await expect(page.locator('form').getByRole('alert')).toContainText(`还可尝试 ${4 - i} 次`);
  }
  await app.enterPin('9999');
  await expect(page.locator('form').getByRole('alert')).toContainText('错误次数过多');
  await app.signIn(`${MANAGER.name} · 管理处经理`, MANAGER.pin);
  await app.expectOnDuty(MANAGER.name);
}

test('U9: a second person of the same name (other spacing or width) is refused with a message; the list keeps one', async ({ app, page }) => {
  await app.open();
  await app.completeSetup();
  await openStaff(page);
  await addClerk(page, '王芳', '1234');
  await expect(page.getByTestId('staff-list')).toContainText('王芳');
  await addClerk(page, ' 王芳 ', '5678');
  await expect(page.getByText('已有同名员工')).toBeVisible();
  await expect(page.getByTestId('staff-row').filter({ hasText: '王芳' })).toHaveCount(1);
  await page.getByRole('button', { name: '锁屏' }).click();
  await expect(page.getByLabel('值班人员').locator('option', { hasText: '王芳' })).toHaveCount(1);
});

test('U10: the staff list shows a lock-out until when; a manager lifts it and the same PIN works at once', async ({ app, page }) => {
  await app.open();
  await app.completeSetup();
  await openStaff(page);
  await addClerk(page, '王芳', '1234');
  await expect(page.getByTestId('staff-list')).toContainText('王芳');
  await lockOutClerk(app, page, '王芳 · 值班员');
  await openStaff(page);
  const row = page.getByTestId('staff-row').filter({ hasText: '王芳' });
  await expect(row.getByTestId('staff-locked')).toContainText(/PIN 已锁定至 \d\d:\d\d/);
  await app.screenshot('u10-staff-zh-CN');
  await row.getByRole('button', { name: '解除锁定' }).click();
  await expect(row.getByTestId('staff-locked')).toHaveCount(0);
  await page.getByRole('button', { name: '锁屏' }).click();
  await app.signIn('王芳 · 值班员', '1234');
  await app.expectOnDuty('王芳');
});

test('U10, U15: a PIN reset lifts the lock-out and the new PIN works at once; the popover input shows every digit', async ({ app, page }) => {
  await app.open();
  await app.completeSetup();
  await openStaff(page);
  await addClerk(page, '王芳', '1234');
  await expect(page.getByTestId('staff-list')).toContainText('王芳');
  await lockOutClerk(app, page, '王芳 · 值班员');
  await openStaff(page);
  const row = page.getByTestId('staff-row').filter({ hasText: '王芳' });
  await row.getByRole('button', { name: '重设 PIN' }).click();
  const input = page.getByLabel('新 PIN 码');
  await input.fill('567890');
  // U15: wide enough for twelve digits' dots (was about 60 px: four digits showed as one dot).
  expect((await input.boundingBox())!.width).toBeGreaterThan(200);
  await expect(page.locator('.mantine-Popover-dropdown')).toHaveCSS('opacity', '1');
  await app.screenshot('u15-reset-pin-zh-CN');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(row.getByTestId('staff-locked')).toHaveCount(0);
  await page.getByRole('button', { name: '锁屏' }).click();
  await app.signIn('王芳 · 值班员', '567890');
  await app.expectOnDuty('王芳');
});

test('U21: staff are listed by pinyin; after a reload sign-in starts at whoever signed in last here', async ({ app, page }) => {
  await app.open();
  await app.completeSetup();
  await openStaff(page);
  await addClerk(page, '张伟', '1234');
  await expect(page.getByTestId('staff-list')).toContainText('张伟');
  await addClerk(page, '王芳', '4321');
  await expect(page.getByTestId('staff-list')).toContainText('王芳');
  // By code point it was 张 (U+5F20), 李 (U+674E), 王 (U+738B).
  await expect(page.getByTestId('staff-row').locator('td:first-child')).toHaveText(['李经理', '王芳', '张伟']);
  await page.getByRole('button', { name: '锁屏' }).click();
  await expect(page.getByLabel('值班人员').locator('option')).toHaveText(['李经理 · 管理处经理', '王芳 · 值班员', '张伟 · 值班员']);
  await app.signIn('王芳 · 值班员', '4321');
  await app.expectOnDuty('王芳');
  await page.reload();
  await expect(page.getByRole('heading', { name: '值班签到' })).toBeVisible();
  await expect(page.getByLabel('值班人员').locator('option:checked')).toHaveText('王芳 · 值班员');
  await app.enterPin('4321');
  await app.expectOnDuty('王芳');
});

test('U10, U14, U15 in English: the lock-out, its lift and the reset-PIN popover read right', async ({ app, page }) => {
  await app.open();
  await app.completeSetup();
  await openStaff(page);
  await addClerk(page, 'Tom Lee', '1234');
  await expect(page.getByTestId('staff-list')).toContainText('Tom Lee');
  await lockOutClerk(app, page, 'Tom Lee · 值班员');
  await page.getByText('设置', { exact: true }).click();
  await page.getByLabel('我的界面语言').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await page.getByLabel('Lock after idle (minutes)').fill('10');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Settings saved')).toBeVisible();
  await app.screenshot('u14-toast-en');
  await page.getByText('Staff', { exact: true }).click();
  const row = page.getByTestId('staff-row').filter({ hasText: 'Tom Lee' });
  await expect(row.getByTestId('staff-locked')).toContainText(/PIN locked until \d\d:\d\d/);
  await expect(row.getByRole('button', { name: 'Lift lock-out' })).toBeVisible();
  await app.screenshot('u10-staff-en');
  await row.getByRole('button', { name: 'Reset PIN' }).click();
  await page.getByLabel('New PIN').fill('567890');
  await expect(page.locator('.mantine-Popover-dropdown')).toHaveCSS('opacity', '1');
  await app.screenshot('u15-reset-pin-en');
});
