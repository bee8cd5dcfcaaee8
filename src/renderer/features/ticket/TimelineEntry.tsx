import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeskEvent } from '@shared/events/envelope';
import { parseHlc } from '@shared/hlc';
import { useDesk } from '../../desk/DeskContext';
import { timelineText, type Translate } from './timelineText';

/** One line of a ticket's history: who did what (timelineText.ts), its details, when, at which station. */
export function TimelineEntry({ event, actor, when }: { event: DeskEvent; actor: string | undefined; when(ms: number): string }) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useDesk().station;
  const actorName = actor ?? event.actor ?? t('ticket.systemActor');
  const text = timelineText(event, actorName, t as unknown as Translate, { timeZone, language: i18n.language });
  const savedAt = parseHlc(event.hlc)?.millis ?? Date.parse(event.hlc.slice(0, 24));
  return (
    <>
      <Text size="sm" fw={500}>
        {text.line}
        {text.happenedAt ? <Text span size="sm" c="dimmed" ml={6}>{text.happenedAt}</Text> : null}
      </Text>
      {text.details.map((line, i) => <Text key={i} size="sm" style={{ whiteSpace: 'pre-wrap' }}>{line}</Text>)}
      <Text size="xs" c="dimmed">{when(savedAt)} · {event.station}</Text>
    </>
  );
}
