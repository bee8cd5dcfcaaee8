import { expect, test } from '@playwright/test';
import { CLERK, CONTROL_ROOM, type DeskApp } from './pages/DeskApp';
import { enrolInSettings, joinEstate, openStation, record, startTwoStations, toQueue } from './support/syncStations';
import { MINUTE, item, sound, urgentRepairCalledAt } from './support/alarmSteps';
import { SocatPair } from '../../src/host/callerid/testing/socatPair';

// Issue 16, R-NIGHT-TRANSFER end to end: a real hub and two web shells (the front desk
// 'front-desk' and the control room's 'control-room'), Chromium with the desktop's autoplay policy.
// At the end of the day the clerk transfers the desk to the control room; there a call comes in
// over a real pty (socat, a GSM module's +CLIP) and the control-room user records it with the
// number masked; a deadline falls due and rings there, not at the desk; in the morning the desk
// takes it back, reads the night's requests and confirms.

const clip = (number: string) => `\r\nRING\r\n\r\n+CLIP: "${number}",129,"",0,"",0\r\n`;
const hangUp = '\r\nNO CARRIER\r\n';
const hhmm = /\d{2}:\d{2}/;

const holder = (app: DeskApp) => app.page.getByTestId('duty-holder');

async function switchTo(app: DeskApp, who: { option: string; pin: string; name: string }) {
  await app.page.getByRole('button', { name: '锁屏', exact: true }).click();
  await expect(app.page.getByRole('heading', { name: '屏幕已锁定' })).toBeVisible();
  await app.signIn(who.option, who.pin);
  await app.expectOnDuty(who.name);
}

test('R-NIGHT-TRANSFER: the desk goes to the control room at night (calls and alarms there), and comes back in the morning', async ({ browser }) => {
  test.setTimeout(300_000);
  const estate = await startTwoStations();
  const { hub, tokenA, tokenB, shellA, shellB } = estate;
  const pty = new SocatPair();
  await pty.start();
  try {
    // The front desk (A) and the control room's station (B), one estate through the hub.
    const a = await openStation(browser, shellA);
    await a.completeSetup();
    await enrolInSettings(a, hub.url, tokenA, 'front-desk');
    // The estate's shifts (Settings): a plan leaving a gap is refused in place, nothing saved.
    const plan = a.page.getByTestId('shift-plan');
    await expect(plan.getByLabel('班次名称')).toHaveCount(2);
    await expect(plan.getByLabel('班次名称').nth(1)).toHaveValue('夜班');
    await plan.getByLabel('结束').nth(1).fill('07:00');
    await expect(plan.getByTestId('shift-plan-problem')).toHaveText('班次之间有空档或重叠:每个班次须在上一个结束时开始,合计 24 小时');
    await expect(plan.getByRole('button', { name: '保存班次' })).toBeDisabled();
    await plan.getByLabel('开始').nth(0).fill('07:00');
    await expect(plan.getByTestId('shift-plan-problem')).toHaveCount(0);
    await plan.scrollIntoViewIfNeeded();
    await a.screenshot('duty-shift-plan-zh-CN');
    await plan.getByRole('button', { name: '保存班次' }).click();
    await expect(plan.getByRole('button', { name: '保存班次' })).toBeDisabled();
    await expect(plan.getByLabel('开始').nth(0)).toHaveValue('07:00');
    await a.addStaff(CLERK);
    const b = await openStation(browser, shellB);
    await joinEstate(b, hub.url, tokenB, 'control-room');
    await b.connectCallerId(pty.device);
    await b.addStaff(CONTROL_ROOM);
    // Nobody holds the desk yet: no holder shown; each station's own setting decides.
    await expect(holder(a)).toHaveCount(0);

    // The day: the clerk has an open request when the day ends.
    await switchTo(a, CLERK);
    await toQueue(a);
    await record(a.page, '101', '楼道灯不亮');

    // 转中控室: the open items handed over, the station picked from the estate's, a note.
    await a.goTo('值守');
    await a.page.getByRole('button', { name: '转中控室' }).click();
    const modal = a.page.getByRole('dialog', { name: '转中控室' });
    await expect(modal.getByTestId('transfer-request')).toHaveCount(1);
    await expect(modal.getByTestId('transfer-request')).toContainText('楼道灯不亮');
    await expect(modal.getByTestId('transfer-request')).toContainText('到期');
    await modal.getByLabel('中控室工作站').fill('control');
    await a.page.getByRole('option', { name: 'control-room' }).click();
    await expect(modal.getByLabel('中控室工作站')).toHaveValue('control-room');
    await modal.getByLabel('交代事项(选填)').fill('7-101 楼道灯待电工明早处理');
    await a.screenshot('duty-transfer-modal-zh-CN');
    await modal.getByRole('button', { name: '确认转交' }).click();
    await expect(modal).toBeHidden();

    // Every station says who holds the desk: the control room's station, since when.
    await expect(holder(a)).toHaveText(new RegExp(`^中控室值守:control-room 自 ${hhmm.source}$`));
    await expect(holder(a)).toHaveAttribute('data-here', 'false');
    await expect(holder(b)).toHaveText(new RegExp(`^中控室值守:control-room 自 ${hhmm.source}$`), { timeout: 10_000 });
    await expect(holder(b)).toHaveAttribute('data-here', 'true');
    await expect(a.page.getByTestId('transfer-note')).toHaveText('交代事项:7-101 楼道灯待电工明早处理');

    // The night, at the control room: a call over the pty, recorded with the number masked.
    await switchTo(b, CONTROL_ROOM);
    await toQueue(b);
    await pty.write(clip('13800138000'));
    const panel = b.page.getByRole('dialog', { name: /来电/ });
    await expect(panel.getByTestId('caller-number')).toHaveText('138****8000');
    await panel.getByRole('button', { name: /开始受理/ }).click();
    await pty.write(hangUp);
    const intake = b.intake();
    await expect(intake.getByLabel('联系电话')).toHaveValue('138****8000');
    await intake.getByLabel('楼号').fill('3');
    await intake.getByLabel('房号').fill('1502');
    await intake.getByLabel('来电/来访人').fill('张三');
    await intake.getByLabel('事项描述').fill('夜间电梯困人');
    await b.page.keyboard.press('Control+Enter');
    await expect(intake).toBeHidden();
    await expect(b.page.locator('body')).not.toContainText('13800138000');
    // An unknown caller: the control room may not file residents (R-CONFIDENTIAL), so nothing is offered.
    await expect(b.page.getByRole('dialog', { name: '加入住户资料?' })).toHaveCount(0);

    // A repair radioed in earlier is back-filled there; its technician's 15 minutes run out ~20 s from now.
    const dueAt = Date.now() + 20_000;
    await toQueue(b);
    await urgentRepairCalledAt(b, b.page, dueAt - 15 * MINUTE, '中控室对讲机报修,补录');
    // Both stations know the deadline; the control room's rings, the desk's stays silent.
    await expect(item(a.page)).toHaveCount(1, { timeout: 10_000 });
    await expect(item(b.page)).toHaveAttribute('data-level', 'due', { timeout: 30_000 });
    await expect(sound(b.page)).toHaveAttribute('data-playing', 'true');
    expect(await sound(b.page).evaluate((el: HTMLAudioElement) => el.paused)).toBe(false);
    await expect(item(a.page)).toHaveAttribute('data-level', 'due');
    await expect(sound(a.page)).toHaveAttribute('data-playing', 'false');
    await toQueue(b);
    await b.screenshot('duty-header-control-room-zh-CN');
    await a.screenshot('duty-header-front-desk-night-zh-CN');
    // The control room acknowledges it (the morning reads who did).
    await item(b.page).getByTestId('alarm-ack').click();
    await expect(sound(b.page)).toHaveAttribute('data-playing', 'false');

    // The morning: the desk takes it back, having read the night.
    await a.goTo('值守');
    const back = a.page.getByTestId('take-back');
    await expect(back.getByTestId('night-request')).toHaveCount(2, { timeout: 10_000 });
    await expect(back.getByTestId('night-request').filter({ hasText: '夜间电梯困人' })).toContainText('control-room · 赵值班');
    await expect(back.getByTestId('night-request').filter({ hasText: '水管爆裂' }).getByTestId('night-backfilled')).toHaveText('补单');
    await expect(back.getByTestId('night-call')).toHaveCount(1);
    await expect(back.getByTestId('night-call').getByRole('button')).toHaveText(/-\d{8}-\d{3}$/);
    await expect(back.getByTestId('night-alarm')).toContainText('已确认');
    await expect(back.getByTestId('night-alarm')).toContainText('紧急维修15分钟到场');
    await a.screenshot('duty-take-back-zh-CN');
    // Each line links to its request.
    await back.getByTestId('night-request').filter({ hasText: '夜间电梯困人' }).getByRole('button').click();
    await expect(a.page.getByTestId('timeline')).toContainText('赵值班');
    await a.goTo('值守');
    await expect(back.getByRole('button', { name: '确认收回' })).toBeDisabled();
    await back.getByLabel('我已阅读以上夜间记录').check();
    await back.getByRole('button', { name: '确认收回' }).click();
    await expect(holder(a)).toHaveText(new RegExp(`^前台值守:front-desk · ${CLERK.name} 自 ${hhmm.source}$`));
    await expect(holder(a)).toHaveAttribute('data-here', 'true');
    await expect(holder(b)).toHaveText(new RegExp(`^前台值守:front-desk · ${CLERK.name} 自 ${hhmm.source}$`), { timeout: 10_000 });
    await expect(holder(b)).toHaveAttribute('data-here', 'false');
    await a.screenshot('duty-header-front-desk-morning-zh-CN');
    await b.screenshot('duty-header-control-room-morning-zh-CN');
    await expect(a.page.getByTestId('take-back')).toHaveCount(0);
    // The call log (the estate's shifts, 20:00 to 07:00 now): the night's call is under the current shift.
    await a.goTo('来电记录');
    await expect(a.page.getByTestId('call-log-row')).toHaveCount(1);
    await expect(a.page.getByTestId('call-log-shift')).toHaveAttribute('data-shift', 'current');
  } finally {
    await pty.dispose();
    await estate.stop();
  }
});
