import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeskEvent } from '@shared/events/envelope';

const KNOWN = ['ticket.opened', 'ticket.noted', 'ticket.statusChanged', 'ticket.phoneRevealed'] as const;

/** One line of a ticket's history: who, what, when, at which station. */
export function TimelineEntry({ event, actor, when }: { event: DeskEvent; actor: string | undefined; when(ms: number): string }) {
  const { t } = useTranslation();
  const actorName = actor ?? event.actor ?? t('ticket.systemActor');
  const type = (KNOWN as readonly string[]).includes(event.type) ? (event.type as (typeof KNOWN)[number]) : null;
  const status = typeof event.payload.status === 'string' ? t(`common.statuses.${event.payload.status}` as never) : '';
  const millis = Date.parse(event.hlc.slice(0, 24));
  return (
    <>
      <Text size="sm" fw={500}>
        {type ? t(`ticket.events.${type}`, { actor: actorName, status }) : t('ticket.events.unknown', { actor: actorName, type: event.type })}
      </Text>
      {typeof event.payload.text === 'string' ? <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{event.payload.text}</Text> : null}
      <Text size="xs" c="dimmed">{when(millis)} · {event.station}</Text>
    </>
  );
}
