import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import type { DeskEvent } from '@shared/events/envelope';
import { formatHlc } from '@shared/hlc';
import { eventRegistry } from '@shared/events/registry';
import { zhCN } from '../../i18n/zh-CN';
import { en } from '../../i18n/en';
import { timelineText, type Translate } from './timelineText';

const TZ = 'Asia/Shanghai';
// 2026-12-06 03:20 in Shanghai: the save; steps happened a little earlier.
const SAVED = Date.UTC(2026, 11, 5, 19, 20);
const AT = SAVED - 8 * 60_000;
const hlc = (ms: number) => formatHlc({ millis: ms, counter: 0, node: 'aaaaaaaaaaaaaaaa' });

/** A valid payload of every event type of a ticket stream (the registry's). */
const SAMPLES: Record<string, Record<string, unknown>> = {
  'ticket.opened': {
    number: 'FD-20261206-001', channel: 'phone', kind: 'security', urgency: 'urgent', building: '', room: '', unitKey: '', callerName: '王', callerPhone: '13800000000',
    description: '停车场有人撬车', paid: false, receivedAt: AT - 3_600_000, place: 'carPark', backfill: { reason: '夜间对讲机报告' }, details: { subtype: 'theft', happenedAt: AT - 4_000_000 }, major: true,
  },
  'ticket.noted': { text: '已通知保安' },
  'ticket.statusChanged': { status: 'inProgress', reason: '开始处理' },
  'ticket.phoneRevealed': {},
  'ticket.answered': { at: AT, text: '电梯下午恢复' },
  'ticket.supervisorConsulted': { at: AT, whom: '' },
  'ticket.replied': { at: AT, text: '已答复' },
  'ticket.reported': { at: AT, to: '保安队长' },
  'ticket.transferred': { at: AT, department: 'engineering' },
  'ticket.promised': { at: AT, promisedAt: AT + 3 * 86_400_000 },
  'ticket.residentContacted': { at: AT, purpose: 'update', text: '明天上门' },
  'ticket.majorMarked': { at: AT, reason: '重大急救事件' },
  'ticket.reportedUp': { at: AT, to: 'supervisor' },
  'ticket.medicalBranchChosen': { at: AT, branch: 'ambulance' },
  'ticket.checked': { at: AT, list: 'ambulance', item: 'called120' },
  'ticket.emergencyCalled': { at: AT, number: '120' },
  'ticket.workOrderIssued': { at: AT, orderNumber: 'FD-W20261206-01', department: 'engineering', technician: '李师傅' },
  'ticket.technicianCalled': { at: AT, how: 'radio', technician: '李师傅' },
  'ticket.technicianOnSite': { at: AT },
  'ticket.appointmentAgreed': { at: AT, appointmentAt: AT + 86_400_000 },
  'ticket.repairReturned': { at: AT, result: 'temporary', text: '已临时止水', orderNumber: 'FD-W20261206-01' },
  'ticket.chased': { at: AT, whom: '工程部' },
  'ticket.feeAgreed': { at: AT, feeStandard: '每小时 50 元' },
  'ticket.signedOff': { at: AT, by: 'reporter', name: '张三' },
  'ticket.triaged': { at: AT, category: 'valid', reason: 'rudeService' },
  'ticket.resolved': { at: AT, text: '已更换灯泡' },
  'ticket.confirmed': { at: AT },
  'ticket.closed': { at: AT, outcome: 'referred', text: '本处不提供', referral: { to: '家政公司', how: '电话 12345' } },
  'ticket.reopened': { at: AT, reason: '住户再次来电' },
  'ticket.writtenReplySent': { at: AT, text: '书面答复正文' },
  'ticket.specialReportSent': { at: AT, mode: 'written', happenedAt: AT - 4_000_000, place: '停车场', course: '经过', outcome: '结果' },
  // Issue 15: the clock events.
  'ticket.clockPaused': { at: AT, rule: 'R-COMPLAINT-CONTACT', reason: 'resident', text: '住户出差,下周回来' },
  'ticket.clockResumed': { at: AT, rule: 'R-COMPLAINT-CONTACT' },
  'ticket.alarmAcknowledged': { at: AT, rule: 'R-REPAIR-ORDER-5MIN', dueAt: AT },
  'ticket.alarmSnoozed': { at: AT, rule: 'R-REPAIR-ORDER-5MIN', dueAt: AT, until: AT + 10 * 60_000, reason: '正在联系工程部' },
  'ticket.alarmEscalated': { at: AT, rule: 'R-REPAIR-ORDER-5MIN', dueAt: AT, to: 'supervisor' },
};

const ticketTypes = Object.entries(eventRegistry).filter(([, spec]) => spec.stream === 'ticket').map(([type]) => type);

function event(type: string, payload: Record<string, unknown>, saved = SAVED): DeskEvent {
  return { id: `e-${type}`, stream: 'ticket-1', type, payload, hlc: hlc(saved), station: 'front-desk', actor: 's1' } as unknown as DeskEvent;
}

async function translator(language: 'zh-CN' | 'en'): Promise<Translate> {
  const instance = i18next.createInstance();
  await instance.init({ lng: language, fallbackLng: false, resources: { [language]: { translation: language === 'en' ? en : zhCN } }, interpolation: { escapeValue: false } });
  return instance.t.bind(instance) as unknown as Translate;
}

describe('timeline lines (issue 14: every step shown in both languages)', () => {
  it('has a sample of every ticket event type of the registry', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...ticketTypes].sort());
    for (const [type, payload] of Object.entries(SAMPLES)) expect(eventRegistry[type as keyof typeof eventRegistry].schema.safeParse(payload).success, type).toBe(true);
  });

  for (const language of ['zh-CN', 'en'] as const) {
    it(`every ticket event type has its own ${language} sentence, no key or placeholder left`, async () => {
      const t = await translator(language);
      const unknownLine = t('ticket.events.unknown', { actor: '张三', type: 'x' });
      for (const type of ticketTypes) {
        const text = timelineText(event(type, SAMPLES[type]!), '张三', t, { timeZone: TZ, language });
        const all = [text.line, ...text.details, text.happenedAt ?? ''].join('\n');
        expect(text.line, type).toContain('张三');
        expect(text.line, type).not.toBe(unknownLine);
        expect(all, type).not.toMatch(/handling\.|ticket\.events|common\.|{{|undefined/);
      }
    });
  }

  it('says what was done with its figures (zh-CN)', async () => {
    const t = await translator('zh-CN');
    const line = (type: string, payload = SAMPLES[type]!) => timelineText(event(type, payload), '张三', t, { timeZone: TZ, language: 'zh-CN' });
    expect(line('ticket.workOrderIssued').line).toBe('张三 派发维修单 FD-W20261206-01 给 工程部(李师傅)');
    expect(line('ticket.technicianOnSite').line).toBe('张三 记录:技术员到场 03:12');
    expect(line('ticket.emergencyCalled').line).toBe('张三 拨打 120(急救)· 03:12');
    expect(line('ticket.triaged').line).toBe('张三 投诉分类:有效投诉 · 服务态度恶劣');
    expect(line('ticket.checked').line).toBe('张三 勾选「代拨 120」:已代住户拨打 120');
    expect(line('ticket.closed').line).toBe('张三 办结:转介给 家政公司(方式:电话 12345)');
    expect(line('ticket.writtenReplySent').details).toEqual(['书面答复正文']);
    expect(line('ticket.specialReportSent').details).toEqual(['发生时间:2026/12/06 02:05:20', '地点:停车场', '经过:经过', '结果:结果']);
  });

  it('shows the step\'s own time only when it differs from the save time', async () => {
    const t = await translator('zh-CN');
    const late = timelineText(event('ticket.replied', { at: AT, text: 'x' }), '张三', t, { timeZone: TZ, language: 'zh-CN' });
    expect(late.happenedAt).toBe('(发生于 03:12)');
    const now = timelineText(event('ticket.replied', { at: SAVED, text: 'x' }), '张三', t, { timeZone: TZ, language: 'zh-CN' });
    expect(now.happenedAt).toBeUndefined();
  });

  it('a back-filled request says 补单 with the reason and the real received time', async () => {
    const t = await translator('zh-CN');
    const text = timelineText(event('ticket.opened', SAMPLES['ticket.opened']!), '张三', t, { timeZone: TZ, language: 'zh-CN' });
    expect(text.line).toBe('张三 补单登记(实际受理时间 2026/12/06 02:12:00)');
    expect(text.details).toContain('补单原因:夜间对讲机报告');
    expect(text.details).toContain('地点:停车场');
    expect(text.details).toContain('事件类型:盗窃');
  });

  it('issue 15: what was done to a clock names the rule, the reason, the time and the role (zh-CN)', async () => {
    const t = await translator('zh-CN');
    const line = (type: string, actor = '张三') => timelineText(event(type, SAMPLES[type]!), actor, t, { timeZone: TZ, language: 'zh-CN' });
    expect(line('ticket.clockPaused')).toEqual({ line: '张三 暂停计时「投诉限期解决」:等待住户', details: ['住户出差,下周回来'] });
    expect(line('ticket.clockResumed').line).toBe('张三 恢复计时「投诉限期解决」');
    expect(line('ticket.alarmAcknowledged').line).toBe('张三 确认了「5分钟内开维修单」的提醒');
    expect(line('ticket.alarmSnoozed')).toEqual({ line: '张三 将「5分钟内开维修单」的提醒暂缓至 03:22', details: ['暂缓原因:正在联系工程部'] });
    // Written by the ringing station with nobody signed in: the timeline shows the system as its actor.
    expect(line('ticket.alarmEscalated', t('ticket.systemActor')).line).toBe('系统:「5分钟内开维修单」到期无人确认,已升级至主管');
  });

  it('an unknown type keeps the generic line', async () => {
    const t = await translator('en');
    expect(timelineText(event('ticket.fromTheFuture', {}), 'Zhang', t, { timeZone: TZ, language: 'en' }).line).toBe(t('ticket.events.unknown', { actor: 'Zhang', type: 'ticket.fromTheFuture' }));
  });
});
