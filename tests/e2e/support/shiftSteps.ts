import { expect, type Page } from '@playwright/test';
import type { DeskApp, StaffToAdd } from '../pages/DeskApp';
import type { SocatPair } from '../../../src/host/callerid/testing/socatPair';
import { toQueue } from './syncStations';
import { MINUTE, item, sound, urgentRepairCalledAt } from './alarmSteps';

// Issue 16's e2e steps shared by handover.spec, nightTransfer.spec and shiftDay.spec: changing
// who is signed in, the handover's two PIN signatures (R-HANDOVER-SIGN), the night transfer to
// the control room and the morning's taking back (R-NIGHT-TRANSFER), a call over the pty
// recorded with the number masked (R-CONFIDENTIAL). Spoken in zh-CN, as the page object.

export const NIGHT_CLERK: StaffToAdd = { name: '刘夜班', role: 'clerk', pin: '1357', option: '刘夜班 · 值班员' };
export const SUPERVISOR: StaffToAdd = { name: '陈主管', role: 'supervisor', pin: '135790', option: '陈主管 · 客服主管' };

/** A GSM module's ring with the caller's number (+CLIP), and its hang-up. */
export const clip = (number: string) => `\r\nRING\r\n\r\n+CLIP: "${number}",129,"",0,"",0\r\n`;
export const hangUp = '\r\nNO CARRIER\r\n';
export const hhmm = /\d{2}:\d{2}/;

/** Every station's header: who holds the desk, since when (dutyFold). */
export const holder = (app: DeskApp) => app.page.getByTestId('duty-holder');

/** Locks the station (`lockButton`: the header's lock, or the handover's "lock, the incoming signs in") and signs `who` in. */
export async function switchTo(app: DeskApp, who: StaffToAdd, lockButton = '锁屏') {
  await app.page.getByRole('button', { name: lockButton, exact: true }).click();
  await expect(app.page.getByRole('heading', { name: '屏幕已锁定' })).toBeVisible();
  await app.signIn(who.option, who.pin);
  await app.expectOnDuty(who.name);
}

/** Fills the signature prompt titled `title` (`who`: the signer's option, null keeps the default) and signs; returns the prompt. */
export async function sign(page: Page, title: string, who: string | null, pin: string) {
  const modal = page.getByRole('dialog', { name: title });
  await expect(modal).toBeVisible();
  if (who) await modal.getByLabel('签字人').selectOption({ label: who });
  await modal.getByLabel('PIN 码').fill(pin);
  await modal.getByRole('button', { name: '签字', exact: true }).click();
  return modal;
}

/** 交班: the items passed on to the next shift, each as it happens. */
export async function passOn(page: Page, texts: readonly string[]) {
  await page.getByTestId('handover-tabs').getByText('交班').click();
  for (const text of texts) {
    await page.getByLabel('交下一班的事项').fill(text);
    await page.getByRole('button', { name: '记入交接班记录' }).click();
    await expect(page.getByTestId('handover-outgoing').getByText(text)).toBeVisible();
  }
}

/** The work-transfer form (工作移交表), filled from the data, with the incoming person, equipment and notes. */
export async function prepareForm(page: Page, incoming: StaffToAdd, equipment: string, notes: string) {
  await page.getByTestId('prepare-form').click();
  await page.getByLabel('接班人', { exact: true }).selectOption({ label: incoming.option });
  await page.getByLabel('设备设施交接').fill(equipment);
  await page.getByLabel('其他交代事项').fill(notes);
}

/** R-HANDOVER-SIGN with no detour: the outgoing person's PIN, then the incoming person's; the incoming then holds the desk. */
export async function signBoth(page: Page, outgoing: StaffToAdd, incoming: StaffToAdd) {
  await page.getByRole('button', { name: '交班人签字' }).click();
  await expect(await sign(page, '交班人签字', null, outgoing.pin)).toBeHidden();
  await expect(page.getByText('交班人已签字,等待接班人签字。')).toBeVisible();
  await page.getByRole('button', { name: '接班人签字' }).click();
  await expect(await sign(page, '接班人签字', incoming.option, incoming.pin)).toBeHidden();
  await expect(page.getByTestId('handover-done')).toContainText(`${incoming.name} 已接班`);
}

/** 转中控室 from the duty screen: the open requests listed (`requests`: the descriptions expected), the station picked, a note. */
export async function transferToControlRoom(app: DeskApp, station: string, note: string, requests: readonly string[], screenshot?: string) {
  await app.goTo('值守');
  await app.page.getByRole('button', { name: '转中控室' }).click();
  const modal = app.page.getByRole('dialog', { name: '转中控室' });
  await expect(modal.getByTestId('transfer-request')).toHaveCount(requests.length);
  for (const text of requests) await expect(modal.getByTestId('transfer-request').filter({ hasText: text })).toContainText('到期');
  await modal.getByLabel('中控室工作站').fill(station.slice(0, 7));
  await app.page.getByRole('option', { name: station }).click();
  await expect(modal.getByLabel('中控室工作站')).toHaveValue(station);
  await modal.getByLabel('交代事项(选填)').fill(note);
  if (screenshot) await app.screenshot(screenshot);
  await modal.getByRole('button', { name: '确认转交' }).click();
  await expect(modal).toBeHidden();
}

/**
 * A call over the pty, taken into intake from the call panel: the control room sees the number
 * masked everywhere and may not file the caller (R-CONFIDENTIAL). `shown` is the masked number.
 */
export async function recordMaskedCall(app: DeskApp, pty: SocatPair, number: string, shown: string, description: string) {
  const page = app.page;
  await pty.write(clip(number));
  const panel = page.getByRole('dialog', { name: /来电/ });
  await expect(panel.getByTestId('caller-number')).toHaveText(shown);
  await panel.getByRole('button', { name: /开始受理/ }).click();
  await pty.write(hangUp);
  const intake = app.intake();
  await expect(intake.getByLabel('联系电话')).toHaveValue(shown);
  await intake.getByLabel('楼号').fill('3');
  await intake.getByLabel('房号').fill('1502');
  await intake.getByLabel('来电/来访人').fill('张三');
  await intake.getByLabel('事项描述').fill(description);
  await page.keyboard.press('Control+Enter');
  await expect(intake).toBeHidden();
  await expect(page.locator('body')).not.toContainText(number);
  await expect(page.getByRole('dialog', { name: '加入住户资料?' })).toHaveCount(0);
}

/** The morning: the take-back panel (the night read), "read" ticked, 确认收回. The panel is checked by the caller first. */
export async function confirmTakeBack(app: DeskApp) {
  const back = app.page.getByTestId('take-back');
  await expect(back.getByRole('button', { name: '确认收回' })).toBeDisabled();
  await back.getByLabel('我已阅读以上夜间记录').check();
  await back.getByRole('button', { name: '确认收回' }).click();
  await expect(back).toHaveCount(0);
}

/**
 * R-NIGHT-TRANSFER at the control room's station `b` (holding the desk, someone signed in): a call
 * over the pty recorded with the number masked, then a repair radioed in and back-filled whose
 * technician's 15 minutes run out ~20 s later: it rings at `b`; the front desk `a` shows it, silent.
 */
export async function nightAtControlRoom(a: DeskApp, b: DeskApp, pty: SocatPair) {
  await toQueue(b);
  await recordMaskedCall(b, pty, '13800138000', '138****8000', '夜间电梯困人');
  const dueAt = Date.now() + 20_000;
  await toQueue(b);
  await urgentRepairCalledAt(b, b.page, dueAt - 15 * MINUTE, '中控室对讲机报修,补录');
  await expect(item(a.page)).toHaveCount(1, { timeout: 15_000 });
  await expect(item(b.page)).toHaveAttribute('data-level', 'due', { timeout: 30_000 });
  await expect(sound(b.page)).toHaveAttribute('data-playing', 'true');
  expect(await sound(b.page).evaluate((el: HTMLAudioElement) => el.paused)).toBe(false);
  await expect(item(a.page)).toHaveAttribute('data-level', 'due');
  await expect(sound(a.page)).toHaveAttribute('data-playing', 'false');
  await toQueue(b);
}
