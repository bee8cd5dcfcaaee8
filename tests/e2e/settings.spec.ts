import { test, expect } from './support/fixtures';

test.describe('settings with a caller-ID box', () => {

  test('U4: the caller-ID form shows what is saved, after leaving the screen and for the next person signed in', async ({ app, page, pty }) => {
    await app.open();
    await app.completeSetup();
    await page.getByText('员工', { exact: true }).click();
    await page.getByLabel('姓名').fill('王芳');
    await page.getByLabel('个人 PIN 码').fill('1234');
    await page.getByRole('button', { name: '添加员工' }).click();
    await expect(page.getByTestId('staff-list')).toContainText('王芳');
    await app.connectCallerId(pty.device);

    const expectSaved = async () => {
      const form = page.getByTestId('callerid-settings');
      await expect(form.getByLabel('启用来电显示')).toBeChecked();
      await expect(form.getByLabel('串口', { exact: true })).toHaveValue(pty.device);
      await expect(form.getByLabel('波特率')).toHaveValue('115200');
      await expect(form.getByLabel('设备类型')).toHaveValue('gsmClip');
    };
    await page.getByText('工作队列', { exact: true }).click();
    await page.getByText('设置', { exact: true }).click();
    await expectSaved();

    await page.getByRole('button', { name: '锁屏' }).click();
    await app.signIn('王芳 · 值班员', '1234');
    await app.expectOnDuty('王芳');
    await page.getByText('设置', { exact: true }).click();
    await expectSaved();
    await expect(page.getByTestId('callerid-status')).toHaveAttribute('data-state', 'connected');
    await app.screenshot('u4-settings-zh-CN');
    await page.getByLabel('我的界面语言').selectOption('en');
    await expect(page.getByRole('heading', { name: 'Caller-ID box' })).toBeVisible();
    await expect(page.getByTestId('callerid-settings').getByLabel('Serial port', { exact: true })).toHaveValue(pty.device);
    await app.screenshot('u4-settings-en');
  });

  test('U21: the caller-ID test view speaks the desk language, with no debug text', async ({ app, page, pty }) => {
    await app.open();
    await app.completeSetup();
    await app.connectCallerId(pty.device);
    await page.getByRole('button', { name: '测试' }).click();
    await expect(page.getByTestId('callerid-test')).toBeVisible();
    await pty.write('\r\nRING\r\n\r\n+CLIP: "13800138000",129,"",0,"",0\r\n');
    const parsed = page.getByTestId('callerid-parsed');
    await expect(parsed).toContainText('来电 · 号码 13800138000');
    await expect(parsed).toContainText('振铃');
    await expect(parsed).not.toContainText('number=');
    await expect(parsed).not.toContainText('numberStatus');
  });
});

test('U14: a notification covers none of the header buttons and lets clicks through; it goes by itself', async ({ app, page }) => {
  await app.open();
  await app.completeSetup();
  await page.getByText('设置', { exact: true }).click();
  await page.getByLabel('无操作自动锁屏(分钟)').fill('10');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  const toast = page.getByText('设置已保存');
  await expect(toast).toBeVisible();
  await app.screenshot('u14-toast-zh-CN');
  // While it shows, each header button is what a click at its centre reaches.
  for (const name of ['新建受理', '锁屏']) {
    const button = page.getByRole('button', { name, exact: true });
    const box = (await button.boundingBox())!;
    const reached = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('button')?.textContent ?? null, [box.x + box.width / 2, box.y + box.height / 2]);
    expect(reached).toBe(name);
  }
  await expect(toast).toBeVisible();
  await page.getByRole('button', { name: '新建受理', exact: true }).click();
  await expect(app.intake()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(toast).toBeHidden();
});
