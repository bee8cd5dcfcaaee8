import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { CLERK, MANAGER, type DeskApp } from './pages/DeskApp';

// Issue 14: emergency medical help (R-MEDICAL-REPORT) and a security incident
// (R-EMERGENCY-NUMBERS, R-INCIDENT-PRINCIPLES, R-SPECIAL-EVENT) handled from the ticket view,
// every step in the timeline with its actor and time. The setup's first user is a manager.

const HHMM = /\d{2}:\d{2}/;
const MINUTE = 60_000;

/** `YYYY-MM-DDTHH:mm` on the station's clock (Asia/Shanghai), as a datetime-local input takes it. */
const zoned = (ms: number) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms).replace(' ', 'T');
const hhmm = (ms: number) => zoned(ms).slice(11);
/** A step's time in the timeline (timelineText.ts `short`): hh:mm on the day it was saved, else the whole date and time. */
const timelineTime = (ms: number, savedAt = Date.now()) =>
  zoned(ms).slice(0, 10) === zoned(savedAt).slice(0, 10) ? hhmm(ms) : `${zoned(ms).slice(0, 10).replaceAll('-', '/')} ${hhmm(ms)}:00`;

/** A screenshot once transitions have finished (nothing half faded in). */
async function shot(app: DeskApp, name: string) {
  // An animation cancelled meanwhile (a toast closing) rejects `finished`: that is finished too.
  await app.page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  await app.screenshot(name);
}

/** Records a request through the intake form (F2) and opens it from the queue. */
async function record(app: DeskApp, page: Page, fields: {
  building: string; room: string; phone: string; kind: string; description: string; subtype?: string; backfill?: { at: number; reason: string }; happenedAt?: number;
}, actor = MANAGER.name) {
  await page.keyboard.press('F2');
  const intake = app.intake();
  await expect(intake).toBeVisible();
  await intake.getByLabel('楼号').fill(fields.building);
  await intake.getByLabel('房号').fill(fields.room);
  await intake.getByLabel('求助类别').selectOption({ label: fields.kind });
  await intake.getByLabel('联系电话').fill(fields.phone);
  await intake.getByLabel('来电/来访人').fill('张三');
  if (fields.subtype) await intake.getByLabel('事件类型').selectOption({ label: fields.subtype });
  if (fields.backfill) {
    // 补单: entered after the fact with its real received time.
    await intake.getByRole('switch', { name: '补单' }).click();
    await intake.getByLabel('实际受理时间').fill(zoned(fields.backfill.at));
    await intake.getByLabel('补单原因').fill(fields.backfill.reason);
  }
  if (fields.happenedAt !== undefined) await intake.getByLabel('发生时间').fill(zoned(fields.happenedAt));
  await intake.getByLabel('事项描述').fill(fields.description);
  await intake.getByRole('button', { name: '保存' }).click();
  await expect(intake).toBeHidden();
  await app.queueRows().first().click();
  await expect(page.getByTestId('timeline')).toContainText(fields.backfill ? `${actor} 补单登记` : `${actor} 受理登记`);
}

test.describe('handling emergencies (issue 14)', () => {
  test('R-MEDICAL-REPORT: address and phone first, call 120 with its checklist ticked with times, a major case makes the supervisor report due at once', async ({ app, page }) => {
    await app.open();
    await app.completeSetup();
    await record(app, page, { building: '5', room: '0802', phone: '13800138000', kind: '急救病人求助', description: '老人在家中晕倒,意识不清' });
    const medical = page.getByTestId('medical-steps');
    await expect(medical.getByTestId('medical-address')).toHaveText('5-0802');
    await expect(medical.getByTestId('medical-phone')).toBeVisible();
    await expect(medical).toContainText('员工不得提供不具资格的医疗意见。');

    await medical.getByRole('button', { name: /代拨 120 叫救护车/ }).click();
    const checklist = medical.getByTestId('checklist-ambulance');
    await expect(checklist).toBeVisible();
    for (const line of ['已代住户拨打 120', '已通知保安当班班长']) {
      await checklist.getByRole('checkbox', { name: line }).click();
      await expect(checklist.getByRole('checkbox', { name: line })).toBeChecked();
    }
    await expect(checklist.getByTestId('checked-ambulance-called120')).toHaveText(new RegExp(`${HHMM.source} 完成`));
    await expect(checklist.getByRole('checkbox', { name: '门岗引导救护车到单元' })).not.toBeChecked();

    // An ordinary case is reported when done; marked major, the supervisor report is due now.
    const report = medical.getByTestId('supervisor-report');
    await expect(report).toContainText('一般事件:处理完毕后报告主管');
    await medical.getByRole('switch', { name: '重大急救事件' }).click();
    await medical.getByRole('button', { name: '标记为重大' }).click();
    await expect(medical.getByText('已标记为重大事件')).toBeVisible();
    await expect(report.locator('[data-due="now"]')).toHaveText('重大事件:须立即报告主管');
    await medical.scrollIntoViewIfNeeded();
    await shot(app, 'handling-medical-zh-CN');
    await report.getByRole('button', { name: '已报告主管' }).click();
    await expect(report).toContainText(/已于 \d{2}:\d{2} 报告主管/);
    await expect(report.locator('[data-due="now"]')).toHaveCount(0);

    const timeline = page.getByTestId('timeline');
    await expect(timeline).toContainText(`${MANAGER.name} 选择处理方式:代拨 120 叫救护车`);
    await expect(timeline).toContainText(`${MANAGER.name} 勾选「代拨 120」:已代住户拨打 120`);
    await expect(timeline).toContainText(`${MANAGER.name} 标记为重大事件:重大急救事件`);
    await expect(timeline).toContainText(`${MANAGER.name} 已上报客服主管`);
  });

  test('R-MEDICAL-REPORT: no checklist line can be ticked before the branch is chosen', async ({ app, page }) => {
    await app.open();
    await app.completeSetup();
    await record(app, page, { building: '5', room: '0803', phone: '13800138001', kind: '急救病人求助', description: '住户胸口痛' });
    const medical = page.getByTestId('medical-steps');
    await expect(medical).toBeVisible();
    // The checklist opens with the branch: before it no line is offered (the command refuses it: branchNotChosen).
    await expect(medical.locator('[data-testid^="checklist-"]')).toHaveCount(0);
    await expect(medical.getByRole('checkbox')).toHaveCount(0);
    await medical.getByRole('button', { name: /派人临时看护/ }).click();
    await expect(medical.getByTestId('checklist-care')).toBeVisible();
    await expect(medical.getByTestId('care-rule')).toHaveText('看护人员不得单独与病人相处,须有亲属在场。');
    await expect(medical.getByRole('checkbox', { name: '有亲属在场(看护人员不得单独与病人相处)' })).toBeVisible();
  });

  test('R-EMERGENCY-NUMBERS, R-SPECIAL-EVENT: a theft back-filled in the morning: 110 called with its time, a checklist line ticked, the special event report sent by the manager within its 24-hour limit', async ({ app, page }) => {
    await app.open();
    await app.completeSetup();
    // Whole minutes: the inputs take hh:mm, and a step may not be earlier than the request.
    const now = Math.floor(Date.now() / MINUTE) * MINUTE;
    const happened = now - 3 * 60 * MINUTE;
    const received = now - 2 * 60 * MINUTE;
    await record(app, page, {
      building: '2', room: '0101', phone: '13800138002', kind: '治安与意外事件', subtype: '盗窃', description: '住户家中财物被盗',
      backfill: { at: received, reason: '夜班对讲机报告,早上补录' }, happenedAt: happened,
    });
    const incident = page.getByTestId('incident-steps');
    await expect(incident.getByTestId('incident-subtype')).toHaveText('事件类型:盗窃');
    for (const n of ['110', '119', '120', '122']) await expect(incident.getByTestId(`called-${n}`)).toHaveText('未拨打');

    // R-EMERGENCY-NUMBERS: a click asks to confirm (and when), then logs the call with its time.
    const calledAt = now - 90 * MINUTE;
    await incident.getByTestId('call-110').click();
    const confirm = page.getByRole('dialog', { name: '记录拨打 110' });
    await expect(confirm).toContainText('确认已拨打 110(报警)?');
    await confirm.getByLabel('发生时间').fill(zoned(calledAt));
    await confirm.getByRole('button', { name: '确认已拨打' }).click();
    await expect(confirm).toBeHidden();
    await expect(incident.getByTestId('called-110')).toContainText('上次拨打');
    await expect(incident.getByTestId('called-110')).toContainText(hhmm(calledAt));
    await expect(incident.getByTestId('called-119')).toHaveText('未拨打');

    // A theft: the lost-or-stolen-property and crime checklists; a line ticked with an earlier time.
    await expect(incident.getByTestId('checklist-crime')).toBeVisible();
    const lost = incident.getByTestId('checklist-lostProperty');
    const reviewedAt = now - 60 * MINUTE;
    await incident.getByTestId('incident-at').getByLabel('发生时间').fill(zoned(reviewedAt));
    await lost.getByRole('checkbox', { name: '已调看监控录像' }).click();
    await expect(lost.getByRole('checkbox', { name: '已调看监控录像' })).toBeChecked();
    await expect(lost.getByTestId('checked-lostProperty-cctvReviewed')).toContainText(hhmm(reviewedAt));

    // R-SPECIAL-EVENT: the limits count down from when it happened (3 hours ago), not from the entry.
    const report = page.getByTestId('special-report');
    const limits = report.getByTestId('special-report-limits');
    await expect(report).toContainText(`自事件发生时间`);
    await expect(limits).toContainText('24 小时时限');
    await expect(limits).toContainText(/剩余 2[01] 小时 \d+ 分/);
    await expect(limits).toContainText(/剩余 3[23] 小时 \d+ 分/);
    await expect(report.getByRole('button', { name: '提交特别事件报告' })).toBeDisabled();
    await report.getByLabel('事件经过').fill('凌晨住户发现家中现金被盗,保安到场保护现场并调看监控。');
    await report.getByLabel('处理结果').fill('已报警,派出所已立案。');
    await expect(report.getByLabel('地点')).toHaveValue('2-0101');
    await incident.getByTestId('call-110').scrollIntoViewIfNeeded();
    await shot(app, 'handling-security-zh-CN');
    await report.scrollIntoViewIfNeeded();
    await shot(app, 'handling-security-report-zh-CN');
    await report.getByRole('button', { name: '提交特别事件报告' }).click();
    await expect(report.getByTestId('special-report-sent')).toHaveText(/已于 \d{2}:\d{2} 提交书面报告/);
    await expect(limits).toContainText('已按时提交');

    const timeline = page.getByTestId('timeline');
    await expect(timeline).toContainText(`${MANAGER.name} 补单登记(实际受理时间`);
    await expect(timeline).toContainText('补单原因:夜班对讲机报告,早上补录');
    await expect(timeline).toContainText(`${MANAGER.name} 拨打 110(报警)· ${timelineTime(calledAt)}`);
    await expect(timeline).toContainText(`${MANAGER.name} 勾选「财物遗失或被盗」:已调看监控录像(发生于 ${timelineTime(reviewedAt)})`);
    await expect(timeline).toContainText(`${MANAGER.name} 提交特别事件报告(书面报告)`);
    await expect(timeline).toContainText('地点:2-0101');
    await expect(timeline).toContainText('结果:已报警,派出所已立案。');
    await timeline.scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, 600);
    await shot(app, 'handling-timeline-zh-CN');
  });

  test('R-SPECIAL-EVENT: a clerk sees a fire\'s checklist and the report\'s limits but cannot send the report', async ({ app, page }) => {
    await app.open();
    await app.completeSetup();
    await app.addStaff(CLERK);
    await page.keyboard.press('Control+L');
    await app.signIn(CLERK.option, CLERK.pin);
    await app.expectOnDuty(CLERK.name);
    await page.getByRole('navigation').getByText('工作队列', { exact: true }).click();

    await record(app, page, { building: '7', room: '1203', phone: '13800138003', kind: '台风水浸火灾', subtype: '火灾', description: '厨房起火' }, CLERK.name);
    const incident = page.getByTestId('incident-steps');
    await expect(incident.getByTestId('incident-subtype')).toHaveText('事件类型:火灾');
    await expect(incident.getByTestId('checklist-fire').getByRole('checkbox', { name: '已拨打 119' })).toBeVisible();
    const report = page.getByTestId('special-report');
    await expect(report.getByTestId('special-report-limits')).toContainText(/剩余 23 小时 \d+ 分/);
    await report.getByLabel('事件经过').fill('厨房油锅起火,已扑灭。');
    await report.getByLabel('处理结果').fill('无人受伤。');
    await expect(report.getByTestId('special-report-who')).toHaveText('只有客服主管或管理处经理可以提交特别事件报告。');
    await expect(report.getByRole('button', { name: '提交特别事件报告' })).toBeDisabled();
  });

  test('R-OTHER: a paid service records the fee standard told and accepted; a service not offered points to a referral', async ({ app, page }) => {
    await app.open();
    await app.completeSetup();
    await record(app, page, { building: '3', room: '0505', phone: '13800138004', kind: '其他求助', description: '住户请求清洗空调' });
    const other = page.getByTestId('other-steps');
    await expect(other.getByTestId('referral-hint')).toContainText('已转介');
    const fee = other.getByTestId('fee-form');
    await expect(fee.getByRole('button', { name: '住户已同意收费标准' })).toBeDisabled();
    await fee.getByLabel('收费标准').fill('每台 80 元');
    await fee.getByRole('button', { name: '住户已同意收费标准' }).click();
    await expect(other.getByTestId('fee-agreed')).toHaveText(/已于 \d{2}:\d{2} 告知收费标准并获同意:每台 80 元/);
    await other.scrollIntoViewIfNeeded();
    await shot(app, 'handling-other-zh-CN');
    await expect(page.getByTestId('timeline')).toContainText(`${MANAGER.name} 告知收费标准,住户同意:每台 80 元`);
  });
});
