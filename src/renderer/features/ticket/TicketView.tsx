import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, Timeline, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { TicketStatus } from '@shared/domain/requestKinds';
import { referenceLabel } from '../../i18n/referenceLabel';
import { useDesk } from '../../desk/DeskContext';
import { PhoneNumber } from '../../components/PhoneNumber';
import { SaveErrorAlert } from '../../components/SaveErrorAlert';
import { formatDateTime } from '../../i18n/format';
import { HandlingPanel } from '../handling/HandlingPanel';
import { TicketDeadlines } from '../handling/TicketDeadlines';
import { addNote, revealTicketPhone } from './ticketCommands';
import { useTimeline } from './useTimeline';
import { TimelineEntry } from './TimelineEntry';
import { useNoteDraft } from './useNoteDraft';
import { FieldLimit, useTooLong } from '../intake/FieldLimit';

const STATUS_COLORS: Record<TicketStatus, string> = { open: 'orange', inProgress: 'blue', resolved: 'teal', closed: 'gray' };

export function TicketView({ ticketId, onBack }: { ticketId: string; onBack(): void }) {
  const { t, i18n } = useTranslation();
  const { db, store, station, staff } = useDesk();
  const ticket = useLiveQuery(() => db.tickets.get(ticketId), [db, ticketId]);
  const timeline = useTimeline(db, ticketId);
  const { note, setNote, restored, saved: noteSaved } = useNoteDraft(ticketId);
  const tooLong = useTooLong();
  const [error, setError] = useState<unknown>(null);

  if (ticket === undefined) return null;
  if (!ticket) return <Text>{t('ticket.notFound')}</Text>;
  const when = (ms: number) => formatDateTime(ms, station.timeZone, i18n.language);

  const run = async (action: () => Promise<void>) => {
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
    }
  };
  // U3: a note over the limit is refused with the field and the excess, never cut.
  const noteTooLong = tooLong('note', t('ticket.noteLabel'), note);
  const saveNote = () => {
    if (!note.trim() || noteTooLong) return;
    void run(async () => {
      await addNote(store, ticket.id, note, staff.id);
      await noteSaved();
    });
  };
  // U20: Ctrl+Enter adds the note, as it saves a request in the intake form.
  const noteKeys = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.nativeEvent.isComposing) return;
    event.preventDefault();
    saveNote();
  };
  const place = ticket.handling?.place ?? '';
  const fields: [string, ReactNode][] = [
    [t('ticket.fields.kind'), t(`common.kinds.${ticket.kind}`)],
    // Where: the unit, or a place without a room (a known common area translated).
    ticket.unitKey || !place
      ? [t('ticket.fields.unit'), ticket.unitKey || t('common.none')]
      : [t('handling.header.place'), referenceLabel(t, 'commonAreas', place)],
    [t('ticket.fields.caller'), ticket.callerName || t('common.none')],
    // S6: masked, and for a role that may see it, shown in full only after a logged reveal.
    [t('ticket.fields.phone'), ticket.callerPhone ? <PhoneNumber phone={ticket.callerPhone} reveal={() => revealTicketPhone(store, ticket.id, staff.id)} testId="ticket-phone" /> : t('common.none')],
    [t('ticket.fields.channel'), t(`common.channels.${ticket.channel}`)],
    [t('ticket.fields.urgency'), t(`common.urgencies.${ticket.urgency}`)],
    [t('ticket.fields.paid'), ticket.paid ? t('common.yes') : t('common.no')],
    [t('ticket.fields.receivedAt'), when(ticket.receivedAt)],
    [t('ticket.fields.station'), ticket.station],
  ];

  return (
    <Stack>
      <Group justify="space-between">
        <Group>
          <Button variant="subtle" onClick={onBack}>{t('common.back')}</Button>
          <Title order={3}>{t('ticket.title', { number: ticket.number })}</Title>
          <Badge color={STATUS_COLORS[ticket.status]} data-testid="ticket-status">{t(`common.statuses.${ticket.status}`)}</Badge>
          {ticket.backfilled ? <Badge color="grape" variant="light" data-testid="ticket-backfilled">{t('handling.header.backfilled')}</Badge> : null}
          {ticket.handling?.major ? <Badge color="red" data-testid="ticket-major">{t('handling.header.major')}</Badge> : null}
        </Group>
      </Group>
      <Paper withBorder p="md">
        <SimpleGrid cols={3} spacing="xs">
          {fields.map(([label, value]) => (
            <div key={label}>
              <Text size="xs" c="dimmed">{label}</Text>
              {typeof value === 'string' ? <Text>{value}</Text> : value}
            </div>
          ))}
        </SimpleGrid>
        <Text mt="md" style={{ whiteSpace: 'pre-wrap' }}>{ticket.description}</Text>
      </Paper>
      <TicketDeadlines ticket={ticket} />
      <HandlingPanel ticket={ticket} />
      <Title order={4}>{t('ticket.timeline')}</Title>
      <Timeline bulletSize={14} lineWidth={2} data-testid="timeline">
        {(timeline ?? []).map(({ event, actorName }) => (
          <Timeline.Item key={event.id}>
            <TimelineEntry event={event} actor={actorName} when={when} />
          </Timeline.Item>
        ))}
      </Timeline>
      <Group align="flex-start">
        <Textarea
          aria-label={t('ticket.addNote')}
          placeholder={t('ticket.notePlaceholder')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          onKeyDown={noteKeys}
          style={{ flex: 1 }}
          autosize
          minRows={2}
          maxRows={10}
          error={noteTooLong}
          description={<FieldLimit field="note" text={note} hint={restored ? t('intake.draftRestored') : t('ticket.noteHint')} />}
          inputWrapperOrder={['input', 'description', 'error']}
        />
        <Button disabled={!note.trim()} onClick={saveNote}>{t('ticket.addNote')}</Button>
      </Group>
      {error ? <SaveErrorAlert error={error} /> : null}
    </Stack>
  );
}
