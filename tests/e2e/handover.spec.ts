import { mkdirSync } from 'node:fs';
import { test, expect } from './support/fixtures';
import { CLERK } from './pages/DeskApp';
import { NIGHT_CLERK as NIGHT, passOn, prepareForm, sign, switchTo } from './support/shiftSteps';

// Issue 16, 交接班: the day clerk passes two items on and hands over to the night clerk with both
// PINs (R-HANDOVER-SIGN: a wrong PIN and the wrong person refused); the night clerk then holds the
// desk, reads the day's items, sorts and marks each (R-HANDOVER-READ: urgent first); the signed
// form prints as the paper one (A4 portrait) and stays in the log.

const LIFT = '3栋2号电梯异响,维保公司明早九点来检修';
const LAMP = '中心花园路灯不亮,已报工程部';

test('R-HANDOVER-SIGN / R-HANDOVER-READ: the day clerk hands over to the night clerk with both PINs; the night clerk sorts and marks the items', async ({ app, page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await app.open();
  await app.completeSetup();
  await app.addStaff(CLERK);
  await app.addStaff(NIGHT);
  await switchTo(app, CLERK);

  // An open request: the form lists it with its next deadline.
  await app.recordLeakWithKeyboard('F2');
  await expect(app.queueRows()).toHaveCount(1);

  // Leaving: two items passed on for the next shift, as they happen.
  await app.goTo('交接班');
  await passOn(page, [LIFT, LAMP]);
  await expect(page.getByTestId('handover-item')).toHaveCount(2);

  // The work-transfer form, filled from the data; then the outgoing signature.
  await prepareForm(page, NIGHT, '对讲机4台、钥匙柜、电脑、打印机均完好', '今晚22:00停水检修,已贴通知');
  await app.screenshot('handover-outgoing-form-zh-CN');
  await page.getByRole('button', { name: '交班人签字' }).click();
  const outgoing = await sign(page, '交班人签字', null, '0000');
  await expect(outgoing.getByRole('alert')).toContainText('PIN 码错误');
  await outgoing.getByLabel('PIN 码').fill(CLERK.pin);
  await outgoing.getByRole('button', { name: '签字', exact: true }).click();
  await expect(outgoing).toBeHidden();
  await expect(page.getByText('交班人已签字,等待接班人签字。')).toBeVisible();

  // The incoming signature: the wrong person is refused, a wrong PIN is refused, then the night clerk's.
  await page.getByRole('button', { name: '接班人签字' }).click();
  const incoming = await sign(page, '接班人签字', `${CLERK.name} · 值班员`, CLERK.pin);
  await expect(incoming.getByRole('alert')).toContainText('签字人不是移交表上的接班人');
  await incoming.getByLabel('签字人').selectOption({ label: `${NIGHT.name} · 值班员` });
  await incoming.getByLabel('PIN 码').fill('9999');
  await incoming.getByRole('button', { name: '签字', exact: true }).click();
  await expect(incoming.getByRole('alert')).toContainText('PIN 码错误');
  await incoming.getByLabel('PIN 码').fill(NIGHT.pin);
  await incoming.getByRole('button', { name: '签字', exact: true }).click();
  await expect(incoming).toBeHidden();
  await expect(page.getByTestId('handover-done')).toContainText(`${NIGHT.name} 已接班`);
  // Every station's header shows who holds the desk (dutyFold): the night clerk, here.
  await expect(page.getByTestId('duty-holder')).toContainText(NIGHT.name);
  // The shift's list is closed once handed over; the form is read-only with both signatures.
  await expect(page.getByLabel('交下一班的事项')).toHaveCount(0);
  await expect(page.getByRole('button', { name: '重新填写' })).toHaveCount(0);
  await app.screenshot('handover-outgoing-signed-zh-CN');

  // The printed form: only the sheet, A4 portrait, with both signatures.
  await page.emulateMedia({ media: 'print' });
  const sheet = page.getByTestId('print-root');
  await expect(page.getByRole('navigation')).toBeHidden();
  await expect(sheet.getByRole('heading', { name: '工作移交表' })).toBeVisible();
  await expect(sheet).toContainText('翠湖花园');
  await expect(sheet.getByTestId('form-equipment')).toContainText('对讲机4台');
  await expect(sheet.getByTestId('form-request')).toHaveCount(1);
  await expect(sheet.getByTestId('form-request')).toContainText('报修求助');
  await expect(sheet.getByTestId('signature')).toHaveCount(2);
  await expect(sheet.getByTestId('signature').first()).toContainText(CLERK.name);
  await expect(sheet.getByTestId('signature').last()).toContainText(NIGHT.name);
  mkdirSync('test-results/handover', { recursive: true });
  await page.pdf({ path: 'test-results/handover/transfer-form.pdf', format: 'A4', preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });

  // Coming on duty: the night clerk reads the day's items, sorts each, urgent first, and marks them.
  await switchTo(app, NIGHT, '锁屏,由接班人登录');
  await app.goTo('交接班');
  const items = page.getByTestId('handover-item');
  await expect(items).toHaveCount(2);
  await expect(items.first()).toContainText(LIFT);
  // An item is sorted before it is marked.
  await expect(items.first().getByRole('button', { name: 'OK' })).toBeDisabled();
  await items.filter({ hasText: LAMP }).getByRole('button', { name: '一般' }).click();
  await expect(items.filter({ hasText: LAMP })).toHaveAttribute('data-urgency', 'normal');
  await items.filter({ hasText: LIFT }).getByRole('button', { name: '紧急' }).click();
  await expect(items.filter({ hasText: LIFT })).toHaveAttribute('data-urgency', 'urgent');
  // Urgent first.
  await expect(items.first()).toContainText(LIFT);
  await expect(items.last()).toContainText(LAMP);
  await app.screenshot('handover-incoming-sorted-zh-CN');

  const lamp = items.filter({ hasText: LAMP });
  await lamp.getByRole('button', { name: '今日无法解决' }).click();
  await lamp.getByLabel('无法解决的原因').fill('灯具需更换,配件明天到');
  await lamp.getByRole('button', { name: '记下原因' }).click();
  await expect(lamp.getByTestId('handover-item-mark')).toContainText('今日无法解决:灯具需更换,配件明天到');
  const lift = items.filter({ hasText: LIFT });
  await lift.getByRole('button', { name: '报经理' }).click();
  await expect(lift.getByTestId('handover-item-mark')).toContainText(`报经理 · ${NIGHT.name}`);
  await lift.getByRole('button', { name: 'OK' }).click();
  await expect(lift).toHaveAttribute('data-settled', 'yes');
  await expect(lift.getByTestId('handover-item-mark').last()).toContainText(`OK · ${NIGHT.name}`);
  // A settled item goes last; it can be marked no more.
  await expect(items.last()).toContainText(LIFT);
  await expect(lift.getByRole('button', { name: '紧急' })).toHaveCount(0);
  await expect(page.getByTestId('handover-progress')).toContainText('已分类 2/2 · 已解决 1');
  await app.screenshot('handover-incoming-marked-zh-CN');

  // The form the shift was handed over with stays in its log, read-only, with both signatures.
  const record = page.getByTestId('form-record');
  await expect(record.getByTestId('form-notes')).toContainText('今晚22:00停水检修');
  await expect(record.getByTestId('signature').last()).toContainText(NIGHT.name);
});
