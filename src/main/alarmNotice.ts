import type { AlarmFiring } from '../host/alarms/alarmClock';

// The system notification's words for one firing (issue 15). Main has no i18next: the two
// languages of the desk are spelled out here, chosen by the app's locale (zh-CN unless the
// system speaks English: the desk's default language). The notification names the ticket and
// where it is from (the renderer's labels) and the rule's id, which staff know from the rulebook.

export type NoticeLanguage = 'zh-CN' | 'en';

export function noticeLanguage(locale: string): NoticeLanguage {
  return /^en\b/i.test(locale) ? 'en' : 'zh-CN';
}

const WORDS = {
  'zh-CN': {
    levels: { warn: '即将到期', due: '已到期', escalate: '已升级', overdue: '已超时' },
    ticket: (n: string) => `工单 ${n}`,
    unknownTicket: '工单',
    rule: (id: string) => `规则 ${id}`,
    sep: ' · ',
    title: (level: string, ticket: string) => `期限${level}:${ticket}`,
    more: (count: number) => `另有 ${count} 项期限报警`,
    moreBody: '请在值班台的报警栏查看',
  },
  en: {
    levels: { warn: 'due soon', due: 'due now', escalate: 'escalated', overdue: 'overdue' },
    ticket: (n: string) => `ticket ${n}`,
    unknownTicket: 'a ticket',
    rule: (id: string) => `rule ${id}`,
    sep: ' · ',
    title: (level: string, ticket: string) => `Deadline ${level}: ${ticket}`,
    more: (count: number) => `${count} more deadline alarms`,
    moreBody: 'See the alarm bar on the desk',
  },
} as const;

/** One line, short: a notification shows little, and labels are renderer input (≤ 300 chars). */
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function alarmNoticeText(firing: Pick<AlarmFiring, 'level' | 'deadline'>, language: NoticeLanguage): { title: string; body: string } {
  const words = WORDS[language];
  const labels = firing.deadline.labels ?? {};
  const number = labels.number?.trim();
  const ticket = number ? words.ticket(clip(number, 40)) : words.unknownTicket;
  const parts = [labels.where?.trim() ? clip(labels.where.trim(), 80) : '', labels.ruleId ? words.rule(clip(labels.ruleId, 60)) : ''].filter((p) => p !== '');
  return { title: words.title(words.levels[firing.level], ticket), body: parts.join(words.sep) };
}

/** The one notification that stands for the alarms beyond the few shown one by one. */
export function moreAlarmsText(count: number, language: NoticeLanguage): { title: string; body: string } {
  const words = WORDS[language];
  return { title: words.more(count), body: words.moreBody };
}
