import type { Locator, Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { CLERK, MANAGER, type DeskApp } from './pages/DeskApp';

// Issue 14: repairs, complaints and inquiries handled from the ticket view, and the refusals of
// steps out of order: a translated reason where the user is, and nothing typed is lost. The
// setup's first user is a manager (who may also give a written reply).

interface Request {
  kind: string;
  description: string;
  room?: string;
  urgency?: string;
  channel?: string;
}

/** Records a request through the intake form (F2) and opens it from the queue. */
async function record(app: DeskApp, page: Page, request: Request, actor = MANAGER.name) {
  await page.keyboard.press('F2');
  const intake = app.intake();
  await expect(intake).toBeVisible();
  if (request.channel) await intake.getByLabel('来源渠道').selectOption({ label: request.channel });
  await intake.getByLabel('楼号').fill('7');
  await intake.getByLabel('房号').fill(request.room ?? '1201');
  await intake.getByLabel('来电/来访人').fill('王五');
  await intake.getByLabel('求助类别').selectOption({ label: request.kind });
  if (request.urgency) await intake.getByLabel('紧急程度').selectOption({ label: request.urgency });
  await intake.getByLabel('事项描述').fill(request.description);
  await intake.getByRole('button', { name: '保存' }).click();
  await expect(intake).toBeHidden();
  await app.queueRows().first().click();
  await expect(page.getByTestId('timeline')).toContainText(`${actor} 受理登记`);
}


/** Adds a clerk (no ticket.supervise) and signs them in. */
async function signInClerk(app: DeskApp, page: Page) {
  await app.addStaff(CLERK);
  await page.keyboard.press('Control+L');
  await app.signIn(CLERK.option, CLERK.pin);
  await app.expectOnDuty(CLERK.name);
  await page.getByRole('navigation').getByText('工作队列', { exact: true }).click();
}

/** Picks an option of a Mantine Select (a combobox whose list opens on click). */
async function pick(page: Page, scope: Locator, label: string, option: string) {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/**
 * Screenshots of a ticket view once transitions have finished: `name` from its top (header,
 * details, times), `name-steps` with the kind's steps at the top.
 */
async function shot(app: DeskApp, name: string) {
  const settle = () => app.page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  await app.page.evaluate(() => window.scrollTo(0, 0));
  await settle();
  await app.screenshot(name);
  // Below the fixed header bar.
  await app.page.getByTestId('handling').evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - 64));
  await settle();
  await app.screenshot(`${name.replace(/-zh-CN$/, '')}-steps-zh-CN`);
}

const status = (page: Page) => page.getByTestId('ticket-status');
const refusal = (form: Locator) => form.getByTestId('step-refused');

test.describe('handling repairs, complaints and inquiries (issue 14)', () => {
  test.beforeEach(async ({ app }) => {
    await app.open();
    await app.completeSetup();
  });

  test('R-REPAIR-ORDER-5MIN, R-REPAIR-RETURN: a work order gets its number, comes back fixed, and the resident confirms it closed', async ({ app, page }) => {
    await record(app, page, { kind: '报修求助', description: '厨房水龙头漏水' });
    await expect(page.getByTestId('repair-details')).toBeVisible();
    const order = page.getByTestId('step-work-order');
    await expect(order.getByRole('combobox', { name: '部门' })).toHaveValue('工程部');
    await order.getByLabel('维修人员').fill('赵师傅');
    await order.getByRole('button', { name: '派发维修单' }).click();
    const issued = order.getByTestId('work-order-issued');
    await expect(issued).toHaveText(/^已派发维修单 FD-W\d{8}-01$/);
    const number = (await issued.textContent())!.replace('已派发维修单 ', '');
    await expect(page.getByTestId('work-orders')).toContainText(number);
    await expect(page.getByTestId('work-orders')).toContainText('未回单');
    await expect(page.getByTestId('time-workOrder')).toBeVisible();
    await expect(status(page)).toHaveText('处理中');
    await expect(page.getByTestId('timeline')).toContainText(`${MANAGER.name} 派发维修单 ${number} 给 工程部(赵师傅)`);

    const returned = page.getByTestId('step-returned');
    await returned.getByLabel('回单说明').fill('更换水龙头阀芯');
    await returned.getByRole('button', { name: '登记回单' }).click();
    await expect(status(page)).toHaveText('待住户确认');
    await expect(page.getByTestId('work-orders')).toContainText('已修复');
    await expect(page.getByTestId('timeline')).toContainText(`维修单 ${number} 回单:已修复`);
    await shot(app, 'handling-repair-zh-CN');

    // The work order prints as the paper 维修服务通知单 (A4 portrait): its number, the fault, the
    // result, and the lines the technician and the resident sign.
    await page.getByTestId('work-orders').getByTestId('print-work-order').click();
    const sheet = page.getByRole('dialog').getByTestId('work-order-sheet').first();
    await expect(sheet).toContainText(number);
    await expect(sheet).toContainText('厨房水龙头漏水');
    await expect(sheet).toContainText('赵师傅');
    await expect(sheet.getByTestId('signature-lines')).toBeVisible();
    await shot(app, 'handling-work-order-print-zh-CN');
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: 'test-results/registers/work-order.pdf', format: 'A4' });
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('dialog').getByRole('button', { name: '关闭' }).click();

    await page.getByTestId('step-confirmed').getByRole('button', { name: '住户已确认' }).click();
    await expect(status(page)).toHaveText('已办结');
    await expect(page.getByTestId('time-confirmedAt')).toBeVisible();
    await expect(page.getByTestId('timeline')).toContainText('记录住户确认已解决,办结');
    // Closed: only a supervisor may reopen (the setup's manager may).
    await expect(page.getByTestId('step-reopen')).toBeVisible();
  });

  test('R-REPAIR-URGENT-15MIN: an urgent repair radios the technician, then records them on site, both times stored', async ({ app, page }) => {
    await record(app, page, { kind: '报修求助', description: '水管爆裂,水漫到走廊', urgency: '紧急' });
    await expect(page.getByTestId('step-work-order')).toHaveCount(0);
    const called = page.getByTestId('step-called');
    await called.getByText('对讲机').click();
    await called.getByLabel('维修人员').fill('赵师傅');
    // When it happened: now unless set earlier; a later time is refused in place, nothing lost.
    await called.getByLabel('发生时间').fill('2099-01-01 08:00');
    await expect(called.getByText('时间不能晚于现在')).toBeVisible();
    await called.getByRole('button', { name: '已通知' }).click();
    await expect(page.getByTestId('time-technicianCalledAt')).toHaveCount(0);
    await expect(called.getByLabel('维修人员')).toHaveValue('赵师傅');
    await called.getByRole('button', { name: '改为现在' }).click();
    await called.getByRole('button', { name: '已通知' }).click();
    await expect(page.getByTestId('time-technicianCalledAt')).toBeVisible();
    await expect(page.getByTestId('timeline')).toContainText(`${MANAGER.name} 用对讲机通知技术员 赵师傅`);
    await page.getByTestId('step-on-site').getByRole('button', { name: '已到场' }).click();
    await expect(page.getByTestId('time-onSiteAt')).toBeVisible();
    await expect(page.getByTestId('step-on-site')).toHaveCount(0);
    await expect(page.getByTestId('timeline')).toContainText('记录:技术员到场');
    await shot(app, 'handling-repair-urgent-zh-CN');
  });

  test('R-REPAIR-RETURN: a return before any order is refused with the reason, and the typed note stays', async ({ app, page }) => {
    await record(app, page, { kind: '报修求助', description: '阳台灯不亮' });
    const returned = page.getByTestId('step-returned');
    await returned.getByLabel('回单说明').fill('已更换灯泡');
    await returned.getByRole('button', { name: '登记回单' }).click();
    await expect(refusal(returned)).toHaveText('尚未派发维修单或通知维修人员,不能登记回单或催办。');
    await expect(returned.getByLabel('回单说明')).toHaveValue('已更换灯泡');
    await expect(status(page)).toHaveText('待处理');
  });

  test('R-COMPLAINT-TRIAGE, R-COMPLAINT-CONTACT: closed "done" before it is resolved is refused; triage, promise, resolution, confirmation', async ({ app, page }) => {
    await record(app, page, { kind: '投诉求助', description: '保安态度恶劣,出言不逊' });
    // R-NO-BUCK-PASSING / R-COMPLAINT-CONTACT: not done until resolved; the closing note stays.
    const close = page.getByTestId('step-close');
    await close.getByLabel('结案说明').fill('已向住户致歉');
    await close.getByRole('button', { name: '结案' }).click();
    await expect(refusal(close)).toHaveText('投诉尚未解决,不能以"已办妥"结案。');
    await expect(close.getByLabel('结案说明')).toHaveValue('已向住户致歉');

    const triage = page.getByTestId('step-triage');
    await pick(page, triage, '类别', '有效投诉');
    await pick(page, triage, '理由', '服务态度恶劣');
    await triage.getByRole('button', { name: '定性' }).click();
    await expect(page.getByTestId('complaint-triage')).toHaveText('定性:有效投诉 · 服务态度恶劣');
    await expect(page.getByTestId('timeline')).toContainText('投诉分类:有效投诉 · 服务态度恶劣');

    // The promised date defaults to three days after receipt.
    const promise = page.getByTestId('step-promised');
    await expect(promise.getByLabel('承诺完成时间')).not.toHaveValue('');
    await promise.getByRole('button', { name: '已告知住户' }).click();
    await expect(page.getByTestId('time-promisedAt')).toBeVisible();

    const resolved = page.getByTestId('step-resolved');
    await resolved.getByLabel('处理结果').fill('当事保安已调岗并当面致歉');
    await resolved.getByRole('button', { name: '已解决,待住户确认' }).click();
    await expect(status(page)).toHaveText('待住户确认');
    await shot(app, 'handling-complaint-zh-CN');
    await page.getByTestId('step-confirmed').getByRole('button', { name: '住户已确认' }).click();
    await expect(status(page)).toHaveText('已办结');
    await expect(page.getByTestId('timeline')).toContainText('记录住户确认已解决,办结');
  });

  test('R-INQUIRY-ORAL, R-REPLY-5MIN: answered at once on one inquiry; consulted the supervisor then replied on another', async ({ app, page }) => {
    await record(app, page, { kind: '咨询求助', description: '物业费缴费时间' });
    const answered = page.getByTestId('step-answered');
    await answered.getByLabel('答复内容').fill('每月 25 日前在管理处缴纳');
    await answered.getByRole('button', { name: '已即时答复' }).click();
    await expect(page.getByTestId('time-answeredAt')).toBeVisible();
    await expect(answered.getByLabel('答复内容')).toHaveValue('');
    await expect(page.getByTestId('timeline')).toContainText(`${MANAGER.name} 当即答复`);
    await shot(app, 'handling-inquiry-zh-CN');

    await page.getByRole('button', { name: '返回' }).click();
    await record(app, page, { kind: '咨询求助', description: '装修押金退还流程', room: '1202' });
    const consulted = page.getByTestId('step-consulted');
    await consulted.getByLabel('请示对象').fill('陈主管');
    await consulted.getByRole('button', { name: '已请示主管' }).click();
    await expect(page.getByTestId('time-consultedAt')).toBeVisible();
    const replied = page.getByTestId('step-replied');
    await replied.getByLabel('回复内容').fill('验收合格后 7 个工作日内退还');
    await replied.getByRole('button', { name: '已回复住户' }).click();
    await expect(page.getByTestId('time-repliedAt')).toBeVisible();
    await expect(page.getByTestId('timeline')).toContainText('请示 陈主管');
    await expect(page.getByTestId('timeline')).toContainText(`${MANAGER.name} 答复住户`);
  });

  test('R-INQUIRY-WRITTEN: a written inquiry shows its reply due in 2 days; the manager replies in writing and the text is kept', async ({ app, page }) => {
    await record(app, page, { kind: '咨询求助', description: '来函询问停车位租赁政策', channel: '书面' });
    await expect(page.getByTestId('written-reply-due')).toContainText('答复期限');
    await expect(page.getByTestId('time-writtenReplyDue')).toBeVisible();
    const form = page.getByTestId('step-written-reply');
    await form.getByLabel('书面答复内容').fill('本小区车位按年租赁,详见附件。');
    await form.getByRole('button', { name: '发出书面答复' }).click();
    await expect(page.getByTestId('written-reply')).toContainText('本小区车位按年租赁,详见附件。');
    await expect(page.getByTestId('step-written-reply')).toHaveCount(0);
    await expect(page.getByTestId('time-writtenReplyAt')).toBeVisible();
    await expect(page.getByTestId('timeline')).toContainText(`${MANAGER.name} 发出书面答复`);
    await shot(app, 'handling-inquiry-written-zh-CN');
    // The reply prints as a letter with the text as sent.
    await page.getByTestId('print-written-reply').click();
    await expect(page.getByRole('dialog')).toContainText('本小区车位按年租赁,详见附件。');
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: 'test-results/registers/written-reply.pdf', format: 'A4' });
    await page.emulateMedia({ media: 'screen' });
  });

  test('R-INQUIRY-WRITTEN: a clerk sees who may answer a written inquiry, not the reply form; a closed request offers no reopen', async ({ app, page }) => {
    await signInClerk(app, page);
    await record(app, page, { kind: '咨询求助', description: '来函询问宠物饲养规定', channel: '书面' }, CLERK.name);
    await expect(page.getByTestId('written-reply-who')).toHaveText('书面答复须由主管或经理作出。');
    await expect(page.getByTestId('step-written-reply')).toHaveCount(0);
    const close = page.getByTestId('step-close');
    await close.getByText('住户撤回').click();
    await close.getByLabel('结案说明').fill('住户来电撤回');
    await close.getByRole('button', { name: '结案' }).click();
    await expect(status(page)).toHaveText('已办结');
    await expect(page.getByTestId('step-reopen')).toHaveCount(0);
  });

  test('R-NO-BUCK-PASSING: a referral without whom is refused and what was typed stays; with whom and how it closes', async ({ app, page }) => {
    await record(app, page, { kind: '咨询求助', description: '询问有线电视报装' });
    const close = page.getByTestId('step-close');
    await close.getByText('已转介').click();
    await close.getByLabel('如何联系').fill('电话 96956');
    await close.getByLabel('结案说明').fill('本处不办理,已转介');
    await close.getByRole('button', { name: '结案' }).click();
    await expect(refusal(close)).toHaveText('转介结案须写明转介给谁、如何联系(严禁推诿)。');
    await expect(close.getByLabel('如何联系')).toHaveValue('电话 96956');
    await expect(close.getByLabel('结案说明')).toHaveValue('本处不办理,已转介');
    await expect(status(page)).not.toHaveText('已办结');

    await close.getByLabel('转介给谁').fill('有线电视公司');
    await close.getByRole('button', { name: '结案' }).click();
    await expect(status(page)).toHaveText('已办结');
    await expect(page.getByTestId('timeline')).toContainText('办结:转介给 有线电视公司(方式:电话 96956)');
  });
});
