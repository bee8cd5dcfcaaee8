import { test, expect } from './support/fixtures';
import { SocatPair } from '../../src/host/callerid/testing/socatPair';

// The incoming call through a real pseudo-terminal pair (socat): the test plays the caller-ID
// box (a GSM module's +CLIP lines) and the web shell's host reads the other end.

const clip = (number: string) => `\r\nRING\r\n\r\n+CLIP: "${number}",129,"",0,"",0\r\n`;
// The caller hangs up: the module ends the ringing session, so the next +CLIP is a new call.
const hangUp = '\r\nNO CARRIER\r\n';
const withheldClip = '\r\nRING\r\n\r\n+CLIP: "",128,"",0,"",1\r\n';

test.describe('caller ID', () => {
  let pty: SocatPair;
  test.beforeEach(async () => {
    pty = new SocatPair();
    await pty.start();
  });
  test.afterEach(async () => {
    await pty.dispose();
  });

  test('an unknown caller becomes a resident; the next call shows the unit and prefills the request', async ({ app, page }) => {
    await app.open();
    await app.completeSetup();
    await app.connectCallerId(pty.device);
    await page.getByText('工作队列', { exact: true }).click();

    await pty.write(clip('13800138000'));
    const panel = page.getByRole('dialog', { name: /来电/ });
    await expect(panel).toBeVisible();
    await expect(panel.getByTestId('caller-number')).toContainText('138');
    await expect(panel).toContainText('该号码不在住户资料中');
    await page.keyboard.press('Enter');
    await pty.write(hangUp);

    const intake = app.intake();
    await expect(intake.getByLabel('联系电话')).toHaveValue('+8613800138000');
    await expect(intake.getByLabel('来源渠道')).toHaveValue('phone');
    await intake.getByLabel('楼号').fill('3');
    await intake.getByLabel('房号').fill('1502');
    await intake.getByLabel('来电/来访人').fill('张三');
    await intake.getByLabel('事项描述').fill('卫生间天花板渗水');
    await page.keyboard.press('Control+Enter');
    const offer = page.getByRole('dialog', { name: '加入住户资料?' });
    await expect(offer).toBeVisible();
    await expect(offer.getByLabel('住户姓名')).toHaveValue('张三');
    await offer.getByRole('button', { name: '加入' }).click();
    await expect(offer).toBeHidden();

    await pty.write(clip('13800138000'));
    await expect(panel).toBeVisible();
    await expect(panel.getByTestId('call-unit')).toContainText('3-1502');
    await expect(panel.getByTestId('call-unit')).toContainText('张三');
    await expect(panel.getByTestId('call-unit')).toContainText('卫生间天花板渗水');
    await app.screenshot('12-call-panel');
    await page.keyboard.press('Enter');
    await expect(intake.getByLabel('楼号')).toHaveValue('3');
    await expect(intake.getByLabel('房号')).toHaveValue('1502');
    await expect(intake.getByLabel('来电/来访人')).toHaveValue('张三');
    await intake.getByLabel('事项描述').fill('渗水更严重了');
    await page.keyboard.press('Control+Enter');
    await expect(intake).toBeHidden();
    await expect(app.queueRows()).toHaveCount(2);

    await page.getByText('来电记录', { exact: true }).click();
    const log = page.getByTestId('call-log-row');
    await expect(log).toHaveCount(2);
    await expect(log.nth(0)).toContainText(/已建单 FD-\d{8}-002/);
    await expect(log.nth(1)).toContainText(/已建单 FD-\d{8}-001/);
    await app.screenshot('13-call-log');
  });

  test('a withheld number is noted as such and never looked up; "no request" is logged', async ({ app, page }) => {
    await app.open();
    await app.completeSetup();
    await app.connectCallerId(pty.device);
    await pty.write(withheldClip);
    const panel = page.getByRole('dialog', { name: /来电/ });
    await expect(panel.getByTestId('caller-number')).toHaveText('号码已隐藏');
    await expect(panel).toContainText('对方隐藏了号码');
    await panel.getByRole('button', { name: '不建单' }).click();
    await page.getByText('来电记录', { exact: true }).click();
    await expect(page.getByTestId('call-log-row').first()).toContainText('未建单');
  });

  test('unplugging the box shows "no device", replugging shows "connected", and the next call works', async ({ app, page }) => {
    await app.open();
    await app.completeSetup();
    await app.connectCallerId(pty.device);
    await pty.kill();
    await expect(page.getByTestId('callerid-status')).toHaveAttribute('data-state', 'noDevice');
    await expect(page.getByTestId('callerid-status')).toContainText('未检测到来电显示盒');
    await pty.start();
    await expect(page.getByTestId('callerid-status')).toHaveAttribute('data-state', 'connected');
    await pty.write(clip('075588881234'));
    const panel = page.getByRole('dialog', { name: /来电/ });
    await expect(panel).toBeVisible();
    await expect(panel.getByTestId('caller-number')).toContainText('8888');
  });
});
