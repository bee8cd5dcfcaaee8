import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import type { DeskEvent } from '@shared/events/envelope';
import { formatHlc } from '@shared/hlc';
import { zhCN } from '../../i18n/zh-CN';
import { en } from '../../i18n/en';
import type { Translate } from '../ticket/timelineText';
import { logLine, toEntry, type LineContext } from './logEntries';

// R-MORNING-REVIEW: every line of a shift's log says, in the desk's words, who did what: the
// handover's items and form, the leftover file and the key register included, never an event's
// type name.

const AT = Date.parse('2026-12-06T21:00:00+08:00');
const ctx: LineContext = { timeZone: 'Asia/Shanghai', language: 'zh-CN', phone: { countryCode: '86', areaCode: '21' } };
let n = 0;
const event = (stream: string, type: string, payload: Record<string, unknown>): DeskEvent => ({
  id: `e${++n}`, stream, type, hlc: formatHlc({ millis: AT, counter: n, node: '00000000000000aa' }), station: 'front-desk', actor: 'clerk', payload,
}) as DeskEvent;

async function translator(language: 'zh-CN' | 'en'): Promise<Translate> {
  const instance = i18next.createInstance();
  await instance.init({ lng: language, fallbackLng: false, resources: { [language]: { translation: language === 'en' ? en : zhCN } }, interpolation: { escapeValue: false } });
  return instance.t.bind(instance) as unknown as Translate;
}

const SHIFT = 'shift:2026-12-06|night';
const events = [
  event(SHIFT, 'handover.itemAdded', { at: AT, startsAt: AT, itemId: 'i1', text: '5栋电梯配件未到', ticketNumber: 'R20261206-003' }),
  event(SHIFT, 'handover.itemSorted', { at: AT, startsAt: AT, itemId: 'i1', urgency: 'notNow' }),
  event(SHIFT, 'handover.itemMarked', { at: AT, startsAt: AT, itemId: 'i1', mark: 'notToday', reason: '厂家周一来' }),
  event(SHIFT, 'handover.formWritten', {
    at: AT, startsAt: AT, formId: 'f1', outgoing: 'a', incoming: 'b', requests: [{ ticketId: 't', number: 'R1', kind: 'repair', status: 'open' }], alarms: [], calls: [],
    keys: [{ keyId: 'k', label: '1号水泵房' }], more: { requests: 2, alarms: 0, calls: 0, keys: 0 }, equipment: '对讲机 2 台', notes: '',
  }),
  event('leftover:h-i1', 'leftover.filed', { at: AT, month: '2026-12', text: '5栋电梯配件未到' }),
  event('leftover:h-i1', 'leftover.progressed', { at: AT, text: '厂家已确认周一到' }),
  event('leftover:h-i1', 'leftover.resolved', { at: AT }),
  event('leftover:h-i1', 'leftover.carried', { at: AT, fromMonth: '2026-11', toMonth: '2026-12' }),
  event('key:k1', 'key.registered', { at: AT, label: '1号水泵房', category: 'plantRoom', filedUnder: '1号水泵' }),
];

describe('the shift log\'s lines (R-MORNING-REVIEW)', () => {
  it.each(['zh-CN', 'en'] as const)('R-MORNING-REVIEW: handover, leftover and key lines are sentences, never type names (%s)', async (language) => {
    const t = await translator(language);
    for (const e of events) {
      const { line, details } = logLine(toEntry(e), '王芳', t, { ...ctx, language });
      expect(line, e.type).not.toContain(e.type);
      expect(line, e.type).not.toMatch(/\{\{|shiftLog\.|handover\.item/);
      expect(line, e.type).toContain(e.type === 'leftover.carried' ? '2026-11' : '王芳');
      expect(details.join(' ')).not.toContain('{{');
    }
  });

  it('R-HANDOVER-READ / R-LEFTOVER: the lines carry what the paper log would: the item, its sorting and mark with the reason, the form\'s counts, the issue', async () => {
    const t = await translator('zh-CN');
    const lines = events.map((e) => logLine(toEntry(e), '王芳', t, ctx));
    expect(lines[0]).toEqual({ line: '王芳 记入交接事项：5栋电梯配件未到', details: ['R20261206-003'] });
    expect(lines[1]!.line).toBe('王芳 将一项交接事项列为「一时无法解决」');
    expect(lines[2]).toEqual({ line: '王芳 将一项交接事项标为「今日无法解决」', details: ['厂家周一来'] });
    // Three open requests: one listed on the form and two that did not fit.
    expect(lines[3]!.line).toBe('王芳 填写工作移交表（未完成请求 3 项，未确认提醒 0 项，借出钥匙 1 把）');
    expect(lines[3]!.details).toEqual(['对讲机 2 台']);
    expect(lines[4]!.line).toBe('王芳 登记遗留问题：5栋电梯配件未到');
    expect(lines[7]!.line).toBe('遗留问题由 2026-11 转入 2026-12 档案');
    expect(lines[8]!.line).toBe('王芳：登记:1号水泵');
  });
});
