import type { TFunction } from 'i18next';

const FIELDS = ['number', 'name', 'numberStatus', 'reason', 'ringInCall'] as const;
type Field = (typeof FIELDS)[number];
const EVENT_TYPES = ['call', 'ring', 'callEnded', 'callRepeat', 'malformed', 'messageWaiting', 'offHook', 'outboundCall'] as const;
const NUMBER_STATUSES = ['present', 'private', 'unavailable', 'absent'] as const;

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/**
 * U21: a parsed event from the host (`call number=138… numberStatus=present`, English for the
 * log) in the desk's language: `来电 · 号码 138… · 号码状态 有号码`. Unknown words stay as sent.
 */
export function parsedEventText(type: string, summary: string, t: TFunction): string {
  const rest = summary.startsWith(type) ? summary.slice(type.length).trim() : summary;
  const parts: string[] = [isOneOf(EVENT_TYPES, type) ? t(`callerId.settings.events.${type}`) : type];
  // key=value pairs; a value (a caller's name) may hold spaces, up to the next known key.
  const pattern = new RegExp(`(${FIELDS.join('|')})=(.*?)(?= (?:${FIELDS.join('|')})=|$)`, 'g');
  for (const [, key, value] of rest.matchAll(pattern)) {
    const field = key as Field;
    const shown = field === 'numberStatus' && isOneOf(NUMBER_STATUSES, value!) ? t(`callerId.settings.numberStatuses.${value}`) : value!;
    parts.push(`${t(`callerId.settings.fields.${field}`)} ${shown}`);
  }
  return parts.join(' · ');
}
