import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { CLERK, MANAGER, type DeskApp } from './pages/DeskApp';

// Nothing typed is lost (U5): drafts per person through Esc, Ctrl+L, the idle lock and a
// reload (U5); field limits said, never cut (U3); the directory's phone check and a hint for a
// unit not in the directory (U13); focus after a matched call (U19); Ctrl+Enter adds a note (U20).

const MANAGER_OPTION = `${MANAGER.name} · 管理处经理`;
const clip = (number: string) => `\r\nRING\r\n\r\n+CLIP: "${number}",129,"",0,"",0\r\n`;
const hangUp = '\r\nNO CARRIER\r\n';

/** A screenshot once the modal's transitions have finished (nothing half faded in). */
async function shot(app: DeskApp, name: string) {
  await app.page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
  await app.screenshot(name);
}


/** Opens the form and types part of a request: the unit and half a description. */
async function startLeak(app: DeskApp, page: Page) {
  await page.keyboard.press('F2');
  const intake = app.intake();
  await intake.getByLabel('楼号').fill('3');
  await intake.getByLabel('房号').fill('1502');
  await intake.getByLabel('事项描述').fill('厨房水管漏水,住户说');
  // What the person sees once the draft is stored on this workstation.
  await expect(intake.getByTestId('draft-kept')).toBeVisible();
  return intake;
}

async function expectLeakRestored(app: DeskApp) {
  const intake = app.intake();
  await expect(intake).toBeVisible();
  await expect(intake.getByTestId('draft-restored')).toHaveText('已恢复未保存的草稿');
  await expect(intake.getByLabel('楼号')).toHaveValue('3');
  await expect(intake.getByLabel('房号')).toHaveValue('1502');
  await expect(intake.getByLabel('事项描述')).toHaveValue('厨房水管漏水,住户说');
  return intake;
}

async function importResidents(app: DeskApp, page: Page) {
  const list = ['客户状况一览表', '楼号,房号,姓名,身份,电话,备注', '3,1502,张三,业主,13800138000,'].join('\r\n');
  await app.goTo('住户资料');
  await page.getByRole('button', { name: '导入' }).click();
  await page.locator('input[type="file"]').setInputFiles({ name: '客户状况一览表.csv', mimeType: 'text/csv', buffer: Buffer.from(`\ufeff${list}`) });
  await page.getByRole('button', { name: '全部导入' }).click();
  await expect(page.getByTestId('import-done')).toContainText('新增住户 1 位');
  await page.getByRole('button', { name: '关闭' }).click();
  await app.goTo('工作队列');
}

test('U5: a half-typed request survives the idle lock', async ({ app, page }) => {
  await page.clock.install();
  await app.open();
  await app.completeSetup();
  await startLeak(app, page);
  await page.clock.fastForward('05:10');
  await expect(page.getByRole('heading', { name: '屏幕已锁定' })).toBeVisible();
  await app.enterPin(MANAGER.pin);
  const intake = await expectLeakRestored(app);
  await shot(app, 'u5-intake-restored-zh');
  // U19: the unit is filled, so the description has the focus.
  await expect(intake.getByLabel('事项描述')).toBeFocused();
  await page.keyboard.type('水已流到客厅');
  await page.keyboard.press('Control+Enter');
  await expect(intake).toBeHidden();
  await expect(app.queueRows()).toHaveCount(1);
  await expect(app.queueRows().first()).toContainText('3-1502');
  // Saved: the draft is gone, the next request starts empty.
  await page.keyboard.press('F2');
  await expect(intake.getByLabel('楼号')).toHaveValue('');
  await expect(intake.getByLabel('事项描述')).toHaveValue('');
  await expect(intake.getByTestId('draft-restored')).toHaveCount(0);
});

test('U5: a half-typed request survives a reload and Ctrl+L', async ({ app, page }) => {
  await app.open();
  await app.completeSetup();
  await startLeak(app, page);
  await page.reload();
  await expect(page.getByRole('heading', { name: '值班签到' })).toBeVisible();
  await app.signIn(MANAGER_OPTION, MANAGER.pin);
  const intake = await expectLeakRestored(app);

  await intake.getByLabel('来电/来访人').fill('张三');
  await page.keyboard.press('Control+L');
  await expect(page.getByRole('heading', { name: '屏幕已锁定' })).toBeVisible();
  await app.enterPin(MANAGER.pin);
  await expectLeakRestored(app);
  await expect(intake.getByLabel('来电/来访人')).toHaveValue('张三');
});

test('U5: Esc asks before discarding', async ({ app, page }) => {
  await app.open();
  await app.completeSetup();
  const intake = await startLeak(app, page);

  await page.keyboard.press('Escape');
  const confirm = intake.getByTestId('leave-confirm');
  await expect(confirm).toBeVisible();
  await shot(app, 'u5-intake-esc-zh');
  await confirm.getByRole('button', { name: '继续填写' }).click();
  await expect(confirm).toBeHidden();
  await expect(intake.getByLabel('事项描述')).toHaveValue('厨房水管漏水,住户说');

  // Esc, then Enter: "keep as draft" has the focus; the form closes and comes back with F2.
  await page.keyboard.press('Escape');
  await expect(confirm.getByRole('button', { name: '保留草稿' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(intake).toBeHidden();
  await expect(app.queueRows()).toHaveCount(0);
  await page.keyboard.press('F2');
  await expectLeakRestored(app);

  // Discard on purpose: gone for good.
  await page.keyboard.press('Escape');
  await confirm.getByRole('button', { name: '放弃' }).click();
  await expect(intake).toBeHidden();
  await page.keyboard.press('F2');
  await expect(intake.getByLabel('楼号')).toHaveValue('');
  await expect(intake.getByTestId('draft-restored')).toHaveCount(0);
  // Nothing typed: Esc closes at once.
  await page.keyboard.press('Escape');
  await expect(intake).toBeHidden();

  await page.getByText('设置', { exact: true }).click();
  await page.getByLabel('我的界面语言').selectOption('en');
  await page.keyboard.press('F2');
  const english = page.getByRole('dialog', { name: 'New request' });
  await english.getByLabel('Description').fill('Kitchen pipe leaking');
  await expect(english.getByTestId('draft-kept')).toHaveText(' · Draft kept on this workstation');
  await page.keyboard.press('Escape');
  await expect(english.getByRole('button', { name: 'Keep as draft' })).toBeFocused();
  await shot(app, 'u5-intake-esc-en');
  await page.keyboard.press('Enter');
  // Closed and kept before it is opened again (the settings screen behind it is busier since issue 15).
  await expect(english).toBeHidden();
  await page.keyboard.press('F2');
  await expect(english.getByTestId('draft-restored')).toHaveText('Unsaved draft restored');
  await shot(app, 'u5-intake-restored-en');
});

test('U19: a late pass of the dialog\'s focus trap leaves the caret where the clerk moved it; after the leave-confirm it comes back there', async ({ app, page }) => {
  await app.open();
  await app.completeSetup();
  await page.keyboard.press('F2');
  const intake = app.intake();
  await expect(intake.getByLabel('楼号')).toBeFocused();
  await page.keyboard.type('3');
  await page.keyboard.press('Enter');
  await expect(intake.getByLabel('房号')).toBeFocused();
  // What the dialog's focus trap (Mantine) does on the timers it sets as it opens: it focuses the
  // dialog's [data-autofocus] element. On a busy machine those fire after the first keys (CI saw
  // the caret jump back to the building).
  await intake.evaluate((dialog) => dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus());
  await expect(intake.getByLabel('房号')).toBeFocused();
  await page.keyboard.type('1502');
  await expect(intake.getByLabel('房号')).toHaveValue('1502');

  await page.keyboard.press('Escape');
  const confirm = intake.getByTestId('leave-confirm');
  await confirm.getByRole('button', { name: '继续填写' }).click();
  await expect(confirm).toBeHidden();
  await expect(intake.getByLabel('房号')).toBeFocused();
  await expect(intake.getByLabel('楼号')).toHaveValue('3');
});

test('U5: another person does not see my draft', async ({ app, page }) => {
  await app.open();
  await app.completeSetup();
  await app.addStaff(CLERK);

  await startLeak(app, page);
  await page.keyboard.press('Control+L');
  await app.signIn(CLERK.option, CLERK.pin);
  await app.expectOnDuty(CLERK.name);
  await expect(app.intake()).toHaveCount(0);
  await page.keyboard.press('F2');
  await expect(app.intake().getByLabel('楼号')).toHaveValue('');
  await expect(app.intake().getByLabel('事项描述')).toHaveValue('');
  await expect(app.intake().getByTestId('draft-restored')).toHaveCount(0);
  await page.keyboard.press('Escape');

  await page.keyboard.press('Control+L');
  await app.signIn(MANAGER_OPTION, MANAGER.pin);
  await app.expectOnDuty(MANAGER.name);
  await expectLeakRestored(app);
});

test('U5, U20: the note being typed survives a lock; Ctrl+Enter adds it', async ({ app, page }) => {
  await app.open();
  await app.completeSetup();
  await app.recordLeakWithKeyboard('F2');
  await app.queueRows().first().click();
  const note = page.getByRole('textbox', { name: '添加记录' });
  await note.fill('已通知工程部');
  await page.keyboard.press('Control+L');
  await app.enterPin(MANAGER.pin);
  await expect(note).toHaveValue('已通知工程部');
  await expect(page.getByText('已恢复未保存的草稿')).toBeVisible();

  await note.press('Control+Enter');
  await expect(page.getByTestId('timeline')).toContainText('已通知工程部');
  await expect(note).toHaveValue('');
  await note.scrollIntoViewIfNeeded();
  await shot(app, 'u20-ticket-note-zh');
  // Added: no draft comes back after the next lock.
  await page.keyboard.press('Control+L');
  await app.enterPin(MANAGER.pin);
  await expect(page.getByRole('heading', { name: '工作队列' })).toBeVisible();
});

test('U3: an over-long description or caller name is refused with the field and the excess, never cut', async ({ app, page }) => {
  await app.open();
  await app.completeSetup();
  await page.keyboard.press('F2');
  const intake = app.intake();
  await intake.getByLabel('楼号').fill('3');
  await intake.getByLabel('房号').fill('1502');
  await intake.getByLabel('来电/来访人').fill('张'.repeat(63));
  await intake.getByLabel('事项描述').fill('漏'.repeat(4123));
  await expect(intake.getByLabel('事项描述')).toHaveValue('漏'.repeat(4123));
  await expect(intake.getByTestId('limit-description')).toHaveText('4123/4000');
  await expect(intake.getByText('事项描述超出 123 字')).toBeVisible();
  await expect(intake.getByText('来电/来访人超出 3 字')).toBeVisible();
  await shot(app, 'u3-intake-limits-zh');
  await page.keyboard.press('Control+Enter');
  await expect(intake).toBeVisible();
  await expect(intake.getByText('保存失败')).toHaveCount(0);

  await intake.getByLabel('来电/来访人').fill('张三');
  await intake.getByLabel('事项描述').fill('漏'.repeat(4000));
  await expect(intake.getByTestId('limit-description')).toHaveText('4000/4000');
  await page.keyboard.press('Control+Enter');
  await expect(intake).toBeHidden();
  await expect(app.queueRows()).toHaveCount(1);

  await page.getByText('设置', { exact: true }).click();
  await page.getByLabel('我的界面语言').selectOption('en');
  await page.getByRole('navigation').getByText('Work queue', { exact: true }).click();
  await page.keyboard.press('F2');
  const english = page.getByRole('dialog', { name: 'New request' });
  await english.getByLabel('Description').fill('x'.repeat(4010));
  await expect(english.getByText('Description: 10 characters too long')).toBeVisible();
  await shot(app, 'u3-intake-limits-en');
});

test('U3: an over-long ticket note is refused with the excess', async ({ app, page }) => {
  await app.open();
  await app.completeSetup();
  await app.recordLeakWithKeyboard('F2');
  await app.queueRows().first().click();
  const note = page.getByRole('textbox', { name: '添加记录' });
  await note.fill('记'.repeat(4001));
  await expect(page.getByText('处理记录超出 1 字')).toBeVisible();
  await expect(page.getByTestId('limit-note')).toHaveText('4001/4000');
  await note.press('Control+Enter');
  await expect(page.getByRole('button', { name: '添加记录' })).toBeVisible();
  await expect(note).toHaveValue('记'.repeat(4001));
  await expect(page.getByTestId('timeline')).not.toContainText('记记记');
  await note.scrollIntoViewIfNeeded();
  await shot(app, 'u3-ticket-note-zh');
  await note.fill('记'.repeat(4000));
  await note.press('Control+Enter');
  await expect(page.getByTestId('timeline')).toContainText('记记记');

  // In English; the note typed before leaving the ticket is there on return.
  await note.fill('Told the engineer'.padEnd(4005, '.'));
  await page.getByText('设置', { exact: true }).click();
  await page.getByLabel('我的界面语言').selectOption('en');
  await page.getByRole('navigation').getByText('Work queue', { exact: true }).click();
  await app.queueRows().first().click();
  await expect(page.getByText('Note: 5 characters too long')).toBeVisible();
  await expect(page.getByText('Unsaved draft restored')).toBeVisible();
  await page.getByRole('textbox', { name: 'Add note' }).scrollIntoViewIfNeeded();
  await shot(app, 'u3-ticket-note-en');
});

test('U13: the directory\'s phone check in a request; a unit not in the directory is hinted, not refused', async ({ app, page }) => {
  await app.open();
  await app.completeSetup();
  await importResidents(app, page);
  await page.keyboard.press('F2');
  const intake = app.intake();
  await intake.getByLabel('楼号').fill('9');
  await intake.getByLabel('房号').fill('909');
  await expect(intake.getByTestId('unit-hint')).toHaveText('该单元不在住户名册中，请核对');
  await intake.getByLabel('联系电话').fill('12345');
  await intake.getByLabel('事项描述').fill('门口有积水');
  await page.keyboard.press('Control+Enter');
  // The directory's own words for the same number.
  await expect(intake.getByText('不是有效的电话号码,请检查位数和区号')).toBeVisible();
  await shot(app, 'u13-intake-checks-zh');
  await intake.getByLabel('房号').fill('1502');
  await intake.getByLabel('楼号').fill('3');
  await expect(intake.getByTestId('unit-hint')).toHaveCount(0);
  await intake.getByLabel('楼号').fill('9');
  await intake.getByLabel('房号').fill('909');
  await intake.getByLabel('联系电话').fill('8888 1234');
  await page.keyboard.press('Control+Enter');
  await expect(intake).toBeHidden();
  await expect(app.queueRows()).toHaveCount(1);
  await expect(app.queueRows().first()).toContainText('9-909');
});

test.describe('from a call', () => {

  test('U19: focus on the description after a matched call, on the building otherwise; U5: the call\'s draft keeps its link', async ({ app, page, pty }) => {
    await app.open();
    await app.completeSetup();
    await importResidents(app, page);
    await app.connectCallerId(pty.device);
    await app.goTo('工作队列');
    const panel = page.getByRole('dialog', { name: /来电/ });
    const intake = app.intake();

    await pty.write(clip('13900001111'));
    await expect(panel).toBeVisible();
    // Enter starts the call once the panel's focus is on its start button (as the clerk sees it).
    await expect(panel.getByRole('button', { name: '开始受理' })).toBeFocused();
    await page.keyboard.press('Enter');
    await pty.write(hangUp);
    await expect(intake.getByLabel('楼号')).toBeFocused();
    await page.keyboard.press('Escape');
    await intake.getByRole('button', { name: '放弃' }).click();
    await expect(intake).toBeHidden();

    await pty.write(clip('13800138000'));
    await expect(panel.getByTestId('call-unit')).toContainText('3-1502');
    await page.keyboard.press('Enter');
    await pty.write(hangUp);
    await expect(intake.getByLabel('楼号')).toHaveValue('3');
    await expect(intake.getByLabel('事项描述')).toBeFocused();
    await page.keyboard.type('电梯停在8楼');
    await expect(intake.getByTestId('draft-kept')).toBeVisible();
    await shot(app, 'u19-intake-focus-zh');

    // Locked mid-call: the request comes back with the call, and saving links the call.
    await page.keyboard.press('Control+L');
    await app.enterPin(MANAGER.pin);
    await expect(intake.getByTestId('draft-restored')).toBeVisible();
    await expect(intake.getByLabel('事项描述')).toHaveValue('电梯停在8楼');
    await page.keyboard.press('Control+Enter');
    await expect(intake).toBeHidden();
    await app.goTo('来电记录');
    await expect(page.getByTestId('call-log-row').first()).toContainText(/已建单 FD-\d{8}-001/);
  });
});
