import { expect, type Page } from '@playwright/test';
import type { DeskApp } from '../pages/DeskApp';

// Issue 15's e2e steps: a deadline made due seconds ahead (an urgent repair whose technician was
// radioed 15 minutes before that), and what the alarm bar and the sound show. Playwright runs
// Chromium with the desktop shell's autoplay policy (playwright.config.ts).

export const MINUTE = 60_000;
export const RULE = 'R-REPAIR-URGENT-15MIN';

/** `YYYY-MM-DD HH:mm:ss` on the station's clock (Asia/Shanghai, UTC+8, no DST). */
export const shanghai = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');

/** Records an urgent repair and radios the technician at `calledAt`: due 15 minutes later. */
export async function urgentRepairCalledAt(app: DeskApp, page: Page, calledAt: number, backfillReason = '夜班对讲机报修,补录') {
  await page.keyboard.press('F2');
  const intake = app.intake();
  await intake.getByLabel('楼号').fill('7');
  await intake.getByLabel('房号').fill('1201');
  await intake.getByLabel('来电/来访人').fill('王五');
  await intake.getByLabel('求助类别').selectOption({ label: '报修求助' });
  await intake.getByLabel('紧急程度').selectOption({ label: '紧急' });
  await intake.getByLabel('事项描述').fill('水管爆裂,水漫到走廊');
  // 补单: the resident rang before the technician was called (a step is never before the ring).
  await intake.getByRole('switch', { name: '补单' }).click();
  await intake.getByLabel('实际受理时间').fill(shanghai(calledAt - 2 * MINUTE).slice(0, 16).replace(' ', 'T'));
  await intake.getByLabel('补单原因').fill(backfillReason);
  await intake.getByRole('button', { name: '保存' }).click();
  await expect(intake).toBeHidden();
  await app.queueRows().filter({ hasText: '水管爆裂' }).first().click();
  const called = page.getByTestId('step-called');
  await called.getByText('对讲机').click();
  await called.getByLabel('维修人员').fill('赵师傅');
  await called.getByLabel('发生时间').fill(shanghai(calledAt));
  await called.getByRole('button', { name: '已通知' }).click();
  await expect(page.getByTestId('time-technicianCalledAt')).toBeVisible();
}

export const item = (page: Page) => page.getByTestId('alarm-item').and(page.locator(`[data-rule="${RULE}"]`));
export const sound = (page: Page) => page.getByTestId('alarm-sound');
export const soundPlays = async (page: Page) => {
  await expect(sound(page)).toHaveAttribute('data-playing', 'true');
  expect(await sound(page).evaluate((el: HTMLAudioElement) => el.paused)).toBe(false);
};

