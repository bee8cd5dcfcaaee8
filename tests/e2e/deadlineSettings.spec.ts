import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { CLERK, MANAGER, type DeskApp } from './pages/DeskApp';

// Issue 15: the deadlines outside the alarm bar: the manager's tuning (时限设置) re-times a
// running clock, a clerk only reads it; a clock paused while waiting for the resident and
// resumed, in the ticket view and its timeline; the alarm station card.

/** Records a request through the intake form (F2) and opens it from the queue. */
async function record(app: DeskApp, page: Page, kind: string, description: string) {
  await page.keyboard.press('F2');
  const intake = app.intake();
  await expect(intake).toBeVisible();
  await intake.getByLabel('楼号').fill('7');
  await intake.getByLabel('房号').fill('1201');
  await intake.getByLabel('来电/来访人').fill('王五');
  await intake.getByLabel('求助类别').selectOption({ label: kind });
  await intake.getByLabel('事项描述').fill(description);
  await intake.getByRole('button', { name: '保存' }).click();
  await expect(intake).toBeHidden();
  await app.queueRows().first().click();
  await expect(page.getByTestId('timeline')).toContainText(`${MANAGER.name} 受理登记`);
}

/** `2026/12/06 03:12:00` plus `minutes`, in the same wall-clock format (the desk's zone has no DST). */
function wallPlus(text: string, minutes: number): string {
  const [y, mo, d, h, mi, s] = text.match(/\d+/g)!.map(Number) as [number, number, number, number, number, number];
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi, s) + minutes * 60_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${t.getUTCFullYear()}/${two(t.getUTCMonth() + 1)}/${two(t.getUTCDate())} ${two(t.getUTCHours())}:${two(t.getUTCMinutes())}:${two(t.getUTCSeconds())}`;
}

const deadline = (page: Page, rule: string) => page.getByTestId('ticket-deadlines').locator(`[data-testid="ticket-deadline"][data-rule="${rule}"]`);
const tuningRow = (page: Page, rule: string) => page.locator(`[data-testid="deadline-tuning-row"][data-rule="${rule}"]`);

/** Scrolls `target` to the top of the view, below the fixed header (and the alarm bar, where it shows), once transitions are over. */
async function shot(app: DeskApp, target: Locator, name: string) {
  await target.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - 72));
  await target.evaluate((el) => {
    const bar = document.querySelector('[data-testid="alarm-bar"]')?.getBoundingClientRect();
    if (bar && bar.bottom > 72) window.scrollBy(0, el.getBoundingClientRect().top - bar.bottom - 8);
  });
  await app.page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  await app.screenshot(name);
}

test.describe('deadlines in the settings and the ticket view (issue 15)', () => {
  test.beforeEach(async ({ app }) => {
    await app.open();
    await app.completeSetup();
  });

  test('R-REPAIR-ORDER-5MIN: the manager tunes it to 10 minutes and the running repair is due 10 minutes after the ring', async ({ app, page }) => {
    await record(app, page, '报修求助', '厨房水龙头漏水');
    const received = (await page.getByTestId('time-receivedAt').locator('p').last().textContent())!.trim();
    const order = deadline(page, 'R-REPAIR-ORDER-5MIN');
    await expect(order.getByTestId('deadline-due')).toHaveText(`到期 ${wallPlus(received, 5)}`);
    await expect(order).toContainText('5分钟内开维修单');
    await expect(order).toContainText('应开出维修单');
    await expect(order.getByTestId('deadline-countdown')).toContainText('剩余');

    await app.goTo('设置');
    const row = tuningRow(page, 'R-REPAIR-ORDER-5MIN');
    await expect(row).toContainText('默认 5分钟');
    // A warning longer than the deadline is refused in place, with the field's reason.
    await row.getByTestId('tuning-duration').fill('10');
    await row.getByTestId('tuning-warn').fill('12');
    await row.getByTestId('tuning-save').click();
    await expect(row).toContainText('提前提醒不能长于时限');
    await row.getByTestId('tuning-warn').fill('3');
    await row.getByTestId('tuning-save').click();
    await expect(row.getByTestId('tuning-tuned')).toBeVisible();
    await expect(row.getByTestId('tuning-duration')).toHaveValue('10');
    // R-SPECIAL-EVENT: never past the rulebook's 36 hours.
    const special = tuningRow(page, 'R-SPECIAL-EVENT');
    await special.getByTestId('tuning-duration').fill('2161');
    await special.getByTestId('tuning-save').click();
    await expect(special).toContainText('不得超过规程上限 1天12小时');
    await shot(app, tuningRow(page, 'R-COMPLAINT-CONTACT'), 'deadline-tuning-limits-zh-CN');
    // R-REPAIR-APPOINTMENT: the agreed time is its deadline; only its warning is tunable.
    await expect(tuningRow(page, 'R-REPAIR-APPOINTMENT').getByTestId('tuning-duration')).toHaveCount(0);
    await expect(tuningRow(page, 'R-REPAIR-APPOINTMENT')).toContainText('按与住户约定的时间');
    await shot(app, page.getByTestId('deadline-tuning'), 'deadline-tuning-zh-CN');

    await app.goTo('工作队列');
    await app.queueRows().first().click();
    await expect(order.getByTestId('deadline-due')).toHaveText(`到期 ${wallPlus(received, 10)}`);
    await expect(order.getByTestId('deadline-countdown')).toContainText(/剩余 (9|10)分钟/);
  });

  test('a clerk sees the deadlines in the settings but cannot tune them', async ({ app, page }) => {
    await app.addStaff(CLERK);
    await page.keyboard.press('Control+L');
    await app.signIn(CLERK.option, CLERK.pin);
    await app.expectOnDuty(CLERK.name);
    await app.goTo('设置');
    const card = page.getByTestId('deadline-tuning');
    await expect(card.getByTestId('tuning-read-only')).toHaveText('只有经理可以调整时限,这里仅供查看。');
    await expect(card.getByTestId('deadline-tuning-row')).toHaveCount(12);
    const row = tuningRow(page, 'R-REPAIR-ORDER-5MIN');
    await expect(row.getByTestId('tuning-duration')).toBeDisabled();
    await expect(row.getByTestId('tuning-warn')).toBeDisabled();
    await expect(card.getByTestId('tuning-save')).toHaveCount(0);
    // The alarm station is a supervisor's or a manager's to change.
    await expect(page.getByTestId('alarm-station').getByRole('switch')).toBeDisabled();
  });

  test('R-COMPLAINT-CONTACT: paused while waiting for the resident and resumed; the timeline says both', async ({ app, page }) => {
    await record(app, page, '投诉求助', '楼上装修噪音,晚上十点后仍在施工');
    const contact = deadline(page, 'R-COMPLAINT-CONTACT');
    await expect(contact).toContainText('投诉限期解决');
    await expect(contact).toHaveAttribute('data-level', 'pending');
    await contact.getByTestId('deadline-pause').click();
    await expect(contact.getByTestId('deadline-pause-reason')).toHaveValue('resident');
    await contact.getByTestId('deadline-pause-text').fill('住户出差,下周回来再约');
    await contact.getByTestId('deadline-pause-confirm').click();
    await expect(contact.getByTestId('deadline-paused')).toHaveText('已暂停');
    await expect(contact.getByTestId('deadline-pause')).toHaveCount(0);
    const timeline = page.getByTestId('timeline');
    await expect(timeline).toContainText(`${MANAGER.name} 暂停计时「投诉限期解决」:等待住户`);
    await expect(timeline).toContainText('住户出差,下周回来再约');
    await shot(app, page.getByTestId('ticket-deadlines'), 'ticket-deadlines-zh-CN');

    await contact.getByTestId('deadline-resume').click();
    await expect(contact.getByTestId('deadline-paused')).toHaveCount(0);
    await expect(contact.getByTestId('deadline-pause')).toBeVisible();
    await expect(timeline).toContainText(`${MANAGER.name} 恢复计时「投诉限期解决」`);
    // Days from due, nothing rings: there is nothing to acknowledge.
    await expect(contact.getByTestId('deadline-ack')).toHaveCount(0);
  });

  test('R-REPAIR-ORDER-5MIN, 补单: a repair entered an hour late is listed late and overdue; acknowledging says who', async ({ app, page }) => {
    await page.keyboard.press('F2');
    const intake = app.intake();
    await intake.getByLabel('楼号').fill('7');
    await intake.getByLabel('房号').fill('1201');
    await intake.getByLabel('来电/来访人').fill('王五');
    await intake.getByLabel('求助类别').selectOption({ label: '报修求助' });
    await intake.getByLabel('事项描述').fill('走廊灯不亮');
    await intake.getByRole('switch', { name: '补单' }).click();
    // An hour ago on the desk's wall clock (Asia/Shanghai, UTC+8 all year).
    await intake.getByLabel('实际受理时间').fill(new Date(Date.now() - 60 * 60_000 + 8 * 3_600_000).toISOString().slice(0, 16));
    await intake.getByLabel('补单原因').fill('夜班对讲机报修,早上补录');
    await intake.getByRole('button', { name: '保存' }).click();
    await expect(intake).toBeHidden();
    await app.queueRows().first().click();
    const order = deadline(page, 'R-REPAIR-ORDER-5MIN');
    await expect(order).toHaveAttribute('data-level', 'overdue');
    await expect(order.getByTestId('deadline-late')).toHaveText('补单 · 登记时已逾期');
    await expect(order.getByTestId('deadline-countdown')).toContainText('已超时');
    await expect(order.getByTestId('deadline-pause')).toHaveCount(0);
    await order.getByTestId('deadline-ack').click();
    await expect(order.getByTestId('deadline-acknowledged')).toHaveText(`${MANAGER.name} 已确认`);
    await expect(order.getByTestId('deadline-ack')).toHaveCount(0);
    await expect(page.getByTestId('timeline')).toContainText(`${MANAGER.name} 确认了「5分钟内开维修单」的提醒`);
    await shot(app, page.getByTestId('ticket-deadlines'), 'ticket-deadlines-late-zh-CN');
  });

  test('the alarm station: rings here and its volume, saved with the other host settings kept', async ({ app, page, shell }) => {
    const hostFile = async () => JSON.parse(await readFile(join(shell.dataDir, 'settings.json'), 'utf8').catch(() => '{}')) as Record<string, unknown>;
    await app.goTo('设置');
    const card = page.getByTestId('alarm-station');
    const rings = card.getByRole('switch', { name: '本机响铃(接听前台电话)' });
    await expect(rings).toBeChecked();
    await expect(card.getByTestId('alarm-volume-value')).toHaveText('80');
    await rings.uncheck();
    await card.getByRole('slider').focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect(card.getByTestId('alarm-volume-value')).toHaveText('70');
    await card.getByTestId('alarm-station-save').click();
    await expect(card.getByTestId('alarm-station-save')).toBeDisabled();
    await expect.poll(async () => (await hostFile()).alarms).toEqual({ ringsHere: false, volume: 70 });
    // The caller-ID box's settings are kept as they were.
    expect((await hostFile()).callerId).toMatchObject({ enabled: false, baudRate: expect.any(Number) });
    await card.getByTestId('alarm-listen').click();
    await expect(card.getByTestId('alarm-sample')).toHaveAttribute('data-playing', 'true');
    await shot(app, card, 'alarm-station-zh-CN');
  });
});
