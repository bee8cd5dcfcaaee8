import { describe, expect, it } from 'vitest';
import type { AlarmFiring } from '../host/alarms/alarmClock';
import type { Logger } from '../host/logging/logger';
import { alarmNoticeText, noticeLanguage } from './alarmNotice';
import { createDesktopAlarms, type AlarmWindowTarget } from './alarmWindow';

// The desktop alarm channels with fakes of the window and the notification: what a person at
// the desk would see (a notification, the window restored, raised, flashing and on top).

class FakeWindow implements AlarmWindowTarget {
  calls: string[] = [];
  minimized = true;
  visible = false;
  destroyed = false;
  onTop = false;
  flashing = false;
  isDestroyed = () => this.destroyed;
  isMinimized = () => this.minimized;
  isVisible = () => this.visible;
  restore = () => {
    this.calls.push('restore');
    this.minimized = false;
  };
  show = () => {
    this.calls.push('show');
    this.visible = true;
  };
  moveTop = () => this.calls.push('moveTop');
  focus = () => this.calls.push('focus');
  flashFrame = (flag: boolean) => {
    this.calls.push(`flash ${flag}`);
    this.flashing = flag;
  };
  setAlwaysOnTop = (flag: boolean, level?: string) => {
    this.calls.push(`onTop ${flag}${level ? ` ${level}` : ''}`);
    this.onTop = flag;
  };
}

const labels = { ticketId: 't-1', number: '20261206-007', ruleId: 'R-REPAIR-URGENT-15MIN', where: '3-1502' };
function firing(level: AlarmFiring['level'], id = 't-1|R-REPAIR-URGENT-15MIN'): AlarmFiring {
  return { id, level, at: 1, firedAt: 2, lateMs: 1, deadline: { id, dueAt: 1, labels } };
}

function setup(options: { window?: FakeWindow | null; language?: 'zh-CN' | 'en'; notifyThrows?: boolean } = {}) {
  const win = options.window === undefined ? new FakeWindow() : options.window;
  const notices: { title: string; body: string; closed: boolean; click: () => void }[] = [];
  const warnings: string[] = [];
  const logger: Logger = { info() {}, warn: (m) => warnings.push(m), error: (m) => warnings.push(m) };
  const alarms = createDesktopAlarms({
    window: () => win,
    notify: (text, click) => {
      if (options.notifyThrows) throw new Error('no notification server');
      const notice = { ...text, closed: false, click };
      notices.push(notice);
      return { close: () => (notice.closed = true) };
    },
    language: () => options.language ?? 'zh-CN',
    logger,
  });
  return { win, notices, warnings, alarms };
}

describe('desktop alarm channels', () => {
  it('R-REPAIR-URGENT-15MIN: a due alarm notifies (ticket, where, rule), restores, raises, focuses, flashes and holds the window on top', () => {
    const { win, notices, alarms } = setup();
    alarms.onAlarm(firing('due'), 1);
    expect(notices).toMatchObject([{ title: '期限已到期:工单 20261206-007', body: '3-1502 · 规则 R-REPAIR-URGENT-15MIN', closed: false }]);
    expect(win!.calls).toEqual(['restore', 'show', 'moveTop', 'focus', 'flash true', 'onTop true screen-saver']);
    expect(alarms.onTop()).toBe(true);
  });

  it('R-REPAIR-URGENT-15MIN: when nothing rings any more the window leaves the top, stops flashing and the notifications close', () => {
    const { win, notices, alarms } = setup();
    alarms.onAlarm(firing('due'), 1);
    alarms.onQuiet();
    expect(win!.onTop).toBe(false);
    expect(win!.flashing).toBe(false);
    expect(notices.every((n) => n.closed)).toBe(true);
    expect(alarms.onTop()).toBe(false);
  });

  it('an overdue repeat replaces its own notification instead of piling up; another alarm has its own', () => {
    const { notices, alarms } = setup();
    alarms.onAlarm(firing('due'), 1);
    alarms.onAlarm(firing('overdue'), 1);
    alarms.onAlarm(firing('due', 't-2|R-REPLY-5MIN'), 2);
    expect(notices.map((n) => [n.title, n.closed])).toEqual([
      ['期限已到期:工单 20261206-007', true],
      ['期限已超时:工单 20261206-007', false],
      ['期限已到期:工单 20261206-007', false],
    ]);
  });

  it('hundreds falling due at once (a desk back after a night off) notify three one by one and one for the rest', () => {
    const { notices, alarms } = setup();
    for (let i = 0; i < 200; i++) alarms.onAlarm(firing('due', `t-${i}|R-REPLY-5MIN`), i + 1);
    alarms.onAlarm(firing('overdue', 't-150|R-REPLY-5MIN'), 200);
    const open = notices.filter((n) => !n.closed);
    expect(open.map((n) => n.title)).toEqual(['期限已到期:工单 20261206-007', '期限已到期:工单 20261206-007', '期限已到期:工单 20261206-007', '另有 197 项期限报警']);
    alarms.onQuiet();
    expect(notices.every((n) => n.closed)).toBe(true);
  });

  it('a warning with nothing ringing notifies and flashes but does not take the screen', () => {
    const { win, notices, alarms } = setup();
    alarms.onAlarm(firing('warn'), 0);
    expect(notices).toHaveLength(1);
    expect(win!.calls).toEqual(['flash true']);
    expect(alarms.onTop()).toBe(false);
  });

  it('clicking the notification brings the desk to the front', () => {
    const { win, notices, alarms } = setup();
    alarms.onAlarm(firing('warn'), 0);
    win!.calls = [];
    notices[0]!.click();
    expect(win!.calls).toEqual(['restore', 'show', 'moveTop', 'focus', 'flash true']);
  });

  it('a failing notification does not stop the window channels (each channel is best-effort)', () => {
    const { win, warnings, alarms } = setup({ notifyThrows: true });
    alarms.onAlarm(firing('escalate'), 1);
    expect(win!.onTop).toBe(true);
    expect(warnings).toEqual(['alarm channel failed: notification']);
  });

  it('with no window (closed, or not open yet) the notification still goes out, and a window opened later takes the screen at once', () => {
    let current: FakeWindow | null = null;
    const notices: string[] = [];
    const alarms = createDesktopAlarms({
      window: () => current,
      notify: (text) => (notices.push(text.title), null),
      language: () => 'en',
      logger: { info() {}, warn() {}, error() {} },
    });
    alarms.onAlarm(firing('due'), 1);
    expect(notices).toEqual(['Deadline due now: ticket 20261206-007']);
    current = new FakeWindow();
    alarms.windowOpened(1);
    expect(current.calls).toEqual(['restore', 'show', 'moveTop', 'focus', 'flash true', 'onTop true screen-saver']);
    const quiet = new FakeWindow();
    current = quiet;
    alarms.windowOpened(0);
    expect(quiet.calls).toEqual([]);
  });

  it('a destroyed window is left alone', () => {
    const win = new FakeWindow();
    win.destroyed = true;
    const { alarms } = setup({ window: win });
    alarms.onAlarm(firing('due'), 1);
    alarms.onQuiet();
    expect(win.calls).toEqual([]);
  });
});

describe('alarm notification text', () => {
  it('is in the desk language chosen by the app locale: English only for an English locale, else zh-CN', () => {
    expect(noticeLanguage('en-US')).toBe('en');
    expect(noticeLanguage('en')).toBe('en');
    expect(noticeLanguage('zh-CN')).toBe('zh-CN');
    expect(noticeLanguage('')).toBe('zh-CN');
    expect(noticeLanguage('de-DE')).toBe('zh-CN');
  });

  it('names each level', () => {
    const titles = (language: 'zh-CN' | 'en') => (['warn', 'due', 'escalate', 'overdue'] as const).map((level) => alarmNoticeText(firing(level), language).title);
    expect(titles('zh-CN')).toEqual(['期限即将到期:工单 20261206-007', '期限已到期:工单 20261206-007', '期限已升级:工单 20261206-007', '期限已超时:工单 20261206-007']);
    expect(titles('en')).toEqual(['Deadline due soon: ticket 20261206-007', 'Deadline due now: ticket 20261206-007', 'Deadline escalated: ticket 20261206-007', 'Deadline overdue: ticket 20261206-007']);
  });

  it('copes with missing or oversized labels (they are renderer input)', () => {
    const bare = alarmNoticeText({ level: 'due', deadline: { id: 'x', dueAt: 1 } }, 'en');
    expect(bare).toEqual({ title: 'Deadline due now: a ticket', body: '' });
    const huge = alarmNoticeText({ level: 'due', deadline: { id: 'x', dueAt: 1, labels: { number: '9'.repeat(300), where: '楼'.repeat(300) } } }, 'zh-CN');
    expect(huge.title.length).toBeLessThan(60);
    expect(huge.body.length).toBeLessThanOrEqual(80);
  });
});
