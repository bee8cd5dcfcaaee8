import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { WebShell } from '../support/webShell';

export const MANAGER = { name: '李经理', pin: '246813' };

/** Staff the specs add; `option` is how the sign-in list shows them. */
export interface StaffToAdd {
  name: string;
  role: 'clerk' | 'supervisor' | 'controlRoom';
  pin: string;
  option: string;
}
export const CLERK: StaffToAdd = { name: '王文员', role: 'clerk', pin: '2468', option: '王文员 · 值班员' };
export const CONTROL_ROOM: StaffToAdd = { name: '赵值班', role: 'controlRoom', pin: '5678', option: '赵值班 · 中控室' };
const SCREENSHOTS = join('test-results', 'screenshots');

/** Page object for the desk, spoken in its default language (zh-CN). */
export class DeskApp {
  constructor(readonly page: Page, readonly shell: WebShell) {}

  async open() {
    await this.page.goto(this.shell.url);
  }

  async screenshot(name: string) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await this.page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
  }

  async completeSetup() {
    const p = this.page;
    await expect(p.getByRole('heading', { name: '首次设置' })).toBeVisible();
    await p.getByLabel('小区(管理处)名称').fill('翠湖花园');
    await p.getByLabel('工作站名称').fill('front-desk');
    await p.getByLabel('工作站代码').fill('FD');
    await p.getByLabel('时区').fill('Asia/Shanghai');
    await p.getByLabel('本地区号').fill('755');
    await p.getByLabel('经理姓名').fill(MANAGER.name);
    await p.getByLabel('个人 PIN 码').fill(MANAGER.pin);
    await p.getByLabel('再次输入 PIN 码').fill(MANAGER.pin);
    await p.getByRole('button', { name: '完成设置' }).click();
    await this.expectOnDuty(MANAGER.name);
  }

  /** A screen of the side navigation, by its label (工作队列, 员工, 设置…). */
  async goTo(label: string) {
    await this.page.getByRole('navigation').getByText(label, { exact: true }).click();
  }

  /** The signed-in manager adds a member on the staff screen and waits for the list to show them. */
  async addStaff(person: StaffToAdd) {
    const p = this.page;
    await this.goTo('员工');
    await p.getByLabel('姓名').fill(person.name);
    await p.getByLabel('角色').selectOption(person.role);
    await p.getByLabel('个人 PIN 码').fill(person.pin);
    await p.getByRole('button', { name: '添加员工' }).click();
    await expect(p.getByTestId('staff-list')).toContainText(person.name);
  }

  async expectOnDuty(name: string) {
    await expect(this.page.getByTestId('on-duty')).toContainText(name);
  }

  /** `who` is the option as the list shows it, e.g. `李经理 · 管理处经理`. */
  async signIn(who: string, pin: string) {
    const p = this.page;
    await p.getByLabel('值班人员').selectOption({ label: who });
    await p.getByLabel('PIN 码').fill(pin);
    await p.getByLabel('PIN 码').press('Enter');
  }

  async enterPin(pin: string) {
    await this.page.getByLabel('PIN 码').fill(pin);
    await this.page.getByLabel('PIN 码').press('Enter');
  }

  /** Settings → caller-ID box: enable it on `device` as a GSM module, and wait for "connected". */
  async connectCallerId(device: string) {
    const p = this.page;
    await p.getByText('设置', { exact: true }).click();
    await p.getByLabel('启用来电显示').check();
    await p.getByLabel('串口', { exact: true }).fill(device);
    await p.getByLabel('波特率').fill('115200');
    await p.getByLabel('设备类型').selectOption('gsmClip');
    await p.getByRole('button', { name: '保存并连接' }).click();
    await expect(p.getByTestId('callerid-status')).toHaveAttribute('data-state', 'connected');
  }

  /**
   * Records the kitchen leak at 3-1502 without touching the mouse: `openKey` opens intake, Enter
   * walks the fields (checked at each step), ArrowUp makes it urgent, Ctrl+Enter saves.
   */
  async recordLeakWithKeyboard(openKey: 'F2' | 'Control+N', screenshotBeforeSave?: string) {
    const { keyboard } = this.page;
    await keyboard.press(openKey);
    const intake = this.intake();
    await expect(intake).toBeVisible();
    await expect(intake.getByLabel('楼号')).toBeFocused();
    await keyboard.type('3栋');
    await keyboard.press('Enter');
    await expect(intake.getByLabel('房号')).toBeFocused();
    await keyboard.type('1502');
    await keyboard.press('Enter');
    await keyboard.type('张三');
    await keyboard.press('Enter');
    await keyboard.type('13800138000');
    await keyboard.press('Enter');
    await expect(intake.getByLabel('求助类别')).toBeFocused();
    await keyboard.press('Enter');
    await keyboard.type('厨房水管漏水,水已流到客厅');
    await keyboard.press('Enter');
    await expect(intake.getByLabel('紧急程度')).toBeFocused();
    await keyboard.press('ArrowUp');
    if (screenshotBeforeSave) await this.screenshot(screenshotBeforeSave);
    await keyboard.press('Control+Enter');
    await expect(intake).toBeHidden();
  }

  queueRows() {
    return this.page.getByTestId('queue-row');
  }

  intake() {
    return this.page.getByRole('dialog', { name: '新建受理' });
  }
}
