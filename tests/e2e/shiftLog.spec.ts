import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { readSpreadsheet } from '../../src/shared/directory/sheet/readSpreadsheet';
import { test, expect } from './support/fixtures';
import { CLERK, type DeskApp, type StaffToAdd } from './pages/DeskApp';

// Issue 16, R-MORNING-REVIEW / R-DAILY-REPORT: a clerk records requests and steps in the day
// shift; once it has ended the supervisor is flagged, opens that shift's log, chases what is
// unfinished, reviews it (the flag clears) and signs the day's report; the log and the report
// print as the paper ones (PDF → PNG) and export to xlsx. The page's clock is set to one evening.

const SUPERVISOR: StaffToAdd = { name: '陈主管', role: 'supervisor', pin: '135790', option: '陈主管 · 客服主管' };
const DAY = '2026-12-08';
const EVENING = Date.parse(`${DAY}T19:00:00+08:00`);
const OUT = '/tmp/h17-h2';

/** A time in the station's zone as the intake's datetime field takes it. */
const zoned = (ms: number) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms).replace(' ', 'T');

async function record(app: DeskApp, page: Page, r: { kind: string; room: string; description: string; urgency?: string; backfill?: { at: number; reason: string } }) {
  await page.keyboard.press('F2');
  const intake = app.intake();
  await expect(intake).toBeVisible();
  await intake.getByLabel('楼号').fill('3');
  await intake.getByLabel('房号').fill(r.room);
  await intake.getByLabel('来电/来访人').fill('张三');
  await intake.getByLabel('联系电话').fill('13800138000');
  await intake.getByLabel('求助类别').selectOption({ label: r.kind });
  if (r.urgency) await intake.getByLabel('紧急程度').selectOption({ label: r.urgency });
  if (r.backfill) {
    await intake.getByRole('switch', { name: '补单' }).click();
    await intake.getByLabel('实际受理时间').fill(zoned(r.backfill.at));
    await intake.getByLabel('补单原因').fill(r.backfill.reason);
  }
  await intake.getByLabel('事项描述').fill(r.description);
  await intake.getByRole('button', { name: '保存' }).click();
  await expect(intake).toBeHidden();
}

/** A kind's chip in the log's filter (its checkbox is hidden behind the label). */
const kindChip = (page: Page, label: string) => page.locator('label[for]', { hasText: label });

async function shot(app: DeskApp, name: string) {
  await app.screenshot(name);
  mkdirSync(OUT, { recursive: true });
  copyFileSync(`test-results/screenshots/${name}.png`, `${OUT}/${name}.png`);
}

/**
 * R-MORNING-REVIEW / R-DAILY-REPORT: the signature asks who signs (the signed-in supervisor first)
 * and their PIN: a wrong one is refused in words and counted, then the right one signs.
 */
async function signWithPin(page: Page, title: string, signer: string, pin: string) {
  const modal = page.getByRole('dialog', { name: title });
  await expect(modal).toBeVisible();
  await expect(modal.getByLabel('签字人').locator('option:checked')).toHaveText(signer);
  await modal.getByLabel('PIN 码').fill('000000');
  await modal.getByRole('button', { name: '签字', exact: true }).click();
  await expect(modal.getByRole('alert')).toHaveText('PIN 码错误,还可尝试 4 次。');
  await modal.getByLabel('PIN 码').fill(pin);
  await modal.getByRole('button', { name: '签字', exact: true }).click();
  await expect(modal).toBeHidden();
}

/** The page as printed (print media, A4 portrait), and its first page as a PNG to look at. */
async function printed(page: Page, name: string) {
  mkdirSync(OUT, { recursive: true });
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('on-duty')).toBeHidden();
  await page.pdf({ path: `${OUT}/${name}.pdf`, format: 'A4', preferCSSPageSize: true });
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', `${OUT}/${name}.pdf`, `${OUT}/${name}`]);
}

async function exported(page: Page, testId: string): Promise<{ fileName: string; rows: string[][] }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const bytes = readFileSync(await download.path());
  const sheet = await readSpreadsheet(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), download.suggestedFilename());
  if (!sheet.ok) throw new Error(`the export cannot be read back (${sheet.problem})`);
  return { fileName: download.suggestedFilename(), rows: sheet.rows };
}

test('R-MORNING-REVIEW, R-DAILY-REPORT: the supervisor reviews the finished shift\'s log (the flag clears) and signs the daily report', async ({ app, page }) => {
  test.setTimeout(240_000);
  await page.clock.install({ time: EVENING });
  await page.clock.resume();
  await app.open();
  await app.completeSetup();
  await app.addStaff(CLERK);
  await app.addStaff(SUPERVISOR);
  await page.keyboard.press('Control+L');
  await app.signIn(CLERK.option, CLERK.pin);
  await app.expectOnDuty(CLERK.name);

  // The day shift (08:00–20:00): two requests, a step on one.
  await record(app, page, { kind: '报修求助', room: '1502', description: '厨房水管漏水' });
  await record(app, page, { kind: '投诉求助', room: '801', description: '楼上装修噪音' });
  await expect(app.queueRows()).toHaveCount(2);
  await app.queueRows().filter({ hasText: '厨房水管漏水' }).click();
  await page.getByPlaceholder('记录处理情况…').fill('已通知工程部');
  await page.getByPlaceholder('记录处理情况…').press('Control+Enter');
  await expect(page.getByTestId('timeline')).toContainText('已通知工程部');

  // The clerk sees the log of the running shift, with no review to do.
  await app.goTo('值班日志');
  await expect(page.getByTestId('log-row')).toHaveCount(3);
  await expect(page.getByTestId('morning-review')).toHaveCount(0);
  await expect(page.getByTestId('review-due')).toHaveCount(0);

  // 20:40: the day shift is over. The supervisor signs in and is told its log awaits review.
  await page.clock.fastForward('01:40:00');
  if (await page.getByTestId('on-duty').count()) await page.keyboard.press('Control+L');
  await app.signIn(SUPERVISOR.option, SUPERVISOR.pin);
  await app.expectOnDuty(SUPERVISOR.name);
  await expect(page.getByTestId('review-due')).toHaveText('待审阅日志 1');
  await shot(app, 'shiftlog-review-due-zh-CN');
  await page.getByTestId('review-due').click();

  // The last finished shift's log: what happened, in order, from the ticket timeline.
  await expect(page.getByTestId('log-span')).toContainText('白班');
  const rows = page.getByTestId('log-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText(`${CLERK.name} 受理登记`);
  await expect(rows.nth(2)).toContainText('已通知工程部');
  // Filterable by kind.
  await kindChip(page, '请求与处理').click();
  await expect(rows).toHaveCount(0);
  await kindChip(page, '请求与处理').click();
  await expect(rows).toHaveCount(3);

  // Unfinished first: the repair's work-order deadline passed unacknowledged, then both requests still open; one is chased.
  const items = page.getByTestId('unfinished-item');
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toContainText('提醒未确认：FD-20261208-001 · 5分钟内开维修单');
  await expect(items.nth(1)).toContainText('请求未完成：FD-20261208-001 · 报修求助');
  await expect(items.nth(2)).toContainText('请求未完成：FD-20261208-002 · 投诉求助');
  await items.nth(1).getByTestId('mark-chased').click();
  await expect(items.nth(1).getByTestId('item-mark')).toContainText(`已跟进：${SUPERVISOR.name}`);
  await shot(app, 'shiftlog-review-zh-CN');

  // The export is logged and holds the log's rows, numbers masked.
  const file = await exported(page, 'log-export');
  expect(file.fileName).toBe(`值班日志 ${DAY} 白班.xlsx`);
  expect(file.rows[0]).toEqual(['时间', '类别', '请求', '事项', '工作站']);
  expect(file.rows).toHaveLength(4);

  await page.getByTestId('confirm-review').click();
  await expect(page.getByRole('dialog', { name: '主管审阅签字' })).toBeVisible();
  await shot(app, 'shiftlog-review-sign-zh-CN');
  await signWithPin(page, '主管审阅签字', SUPERVISOR.option, SUPERVISOR.pin);
  await expect(page.getByTestId('reviewed-by')).toContainText(`已由 ${SUPERVISOR.name}`);
  await expect(page.getByTestId('review-due')).toHaveCount(0);

  // The log on paper: only the sheet, with the review written on it.
  await page.getByTestId('log-preview').click();
  await expect(page.getByTestId('paper-preview').getByRole('heading', { name: '值班日志' })).toBeVisible();
  await shot(app, 'shiftlog-preview-zh-CN');
  await printed(page, 'shiftlog-print');
  const sheet = page.getByTestId('print-root');
  await expect(sheet).toContainText('翠湖花园');
  await expect(sheet.getByTestId('sheet-reviewed')).toContainText(SUPERVISOR.name);
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: '返回' }).click();

  // The daily report: the day's figures, checked and signed by the supervisor.
  await page.getByTestId('shift-log-tab').getByText('物业日报表').click();
  await page.getByTestId('report-day').fill(DAY);
  await expect(page.getByTestId('paper-preview').getByTestId('figure-opened')).toContainText('2');
  await expect(page.getByTestId('paper-preview').getByTestId('figure-stillOpen')).toContainText('2');
  await page.getByTestId('report-sign').click();
  await signWithPin(page, `物业日报表 ${DAY}：主管审核签字`, SUPERVISOR.option, SUPERVISOR.pin);
  await expect(page.getByTestId('report-signed')).toContainText(`主管 ${SUPERVISOR.name} 已于`);
  await shot(app, 'shiftlog-dayreport-zh-CN');
  await printed(page, 'dayreport-print');
  await expect(page.getByTestId('print-root').getByTestId('sheet-signed')).toContainText(SUPERVISOR.name);
  await page.emulateMedia({ media: 'screen' });
  const report = await exported(page, 'report-export');
  expect(report.fileName).toBe(`物业日报表 ${DAY}.xlsx`);
  expect(report.rows.flat()).toContain('当日受理请求');

  // Both exports and the review are in the evening shift's log, as the supervisor did them.
  await page.getByTestId('shift-log-tab').getByText('值班日志').click();
  await page.getByRole('button', { name: '当前班次' }).click();
  await expect(page.getByTestId('log-span')).toContainText('夜班');
  await expect(page.getByTestId('shift-log')).toContainText(`${SUPERVISOR.name} 审阅了 ${DAY} 白班的值班日志`);
  await expect(page.getByTestId('shift-log')).toContainText(`${SUPERVISOR.name} 审核签名了 ${DAY} 的物业日报表`);
  await kindChip(page, '其他').click();
  await expect(page.getByTestId('shift-log')).not.toContainText('的值班日志');
});

test('R-NIGHT-TRANSFER 补单, R-MORNING-REVIEW: a back-fill is in the log of the shift it was received in, marked with when and by whom it was entered; its own shift\'s log says what it back-fills', async ({ app, page }) => {
  test.setTimeout(150_000);
  // 20:40: the night shift; the clerk enters a repair the desk took on paper at 19:30, in the day shift.
  const received = Date.parse(`${DAY}T19:30:00+08:00`);
  await page.clock.install({ time: Date.parse(`${DAY}T20:40:00+08:00`) });
  await page.clock.resume();
  await app.open();
  await app.completeSetup();
  await app.addStaff(CLERK);
  await page.keyboard.press('Control+L');
  await app.signIn(CLERK.option, CLERK.pin);
  await app.expectOnDuty(CLERK.name);
  await record(app, page, { kind: '报修求助', room: '1502', description: '走廊灯不亮', backfill: { at: received, reason: '对讲机报修,纸质记录补录' } });

  // The running (night) shift's log: the entry as saved, a back-fill for its received time.
  await app.goTo('值班日志');
  await expect(page.getByTestId('log-span')).toContainText('夜班');
  const rows = page.getByTestId('log-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-kind', 'backfill');
  await expect(rows.first()).toContainText(`${CLERK.name} 补单登记(实际受理时间 2026/12/08 19:30:00)`);
  await shot(app, 'shiftlog-backfill-entered-zh-CN');

  // The day shift's log: at 19:30, marked 补单, entered at 20:40 by the clerk; filtered with the back-fills.
  await page.getByTestId('log-previous').click();
  await expect(page.getByTestId('log-span')).toContainText('白班');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-kind', 'backfill');
  await expect(rows.first()).toContainText('12/08 19:30');
  await expect(rows.first()).toContainText(`补单：${CLERK.name} 于 2026/12/08 20:40`);
  await expect(rows.first()).toContainText('实际受理时间 2026/12/08 19:30:00');
  await expect(rows.first()).toContainText('补单原因:对讲机报修,纸质记录补录');
  await kindChip(page, '补单').click();
  await expect(rows).toHaveCount(0);
  await kindChip(page, '补单').click();
  await expect(rows).toHaveCount(1);
  await shot(app, 'shiftlog-backfill-received-zh-CN');
});
