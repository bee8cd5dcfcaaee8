import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LeftoverRow } from '@shared/shifts/leftoverFold';
import type { Ticket } from '@shared/tickets/ticketFold';
import { useDesk } from '../../desk/DeskContext';
import { formatDateTime } from '../../i18n/format';
import { markLeftoverOk, noteLeftoverProgress } from './leftoverCommands';

interface Props {
  row: LeftoverRow;
  mayWrite: boolean;
  stale?: boolean;
  /** The request it was filed from, as it is now (absent: not on this station yet). */
  ticket?: Ticket;
  onOpenTicket?(id: string): void;
  /** The shift it came from as people name it (`<day>|<shiftId>` → 2026-12-06 夜班). */
  shiftLabel?(fromShift: string): string;
}

/** A request that is done: its own work is over, the issue is still only "OK" once a person says so. */
const isDone = (ticket: Ticket) => ticket.status === 'resolved' || ticket.status === 'closed';

/** One issue of the file: its text, where it came from, its progress, and "OK" (R-LEFTOVER). */
export function LeftoverItem({ row, mayWrite, stale, ticket, onOpenTicket, shiftLabel = (s) => s }: Props) {
  const { t, i18n } = useTranslation();
  const { store, station, staff } = useDesk();
  const [writing, setWriting] = useState<'progress' | 'ok' | null>(null);
  const [text, setText] = useState('');
  const [failed, setFailed] = useState(false);
  const time = (ms: number) => formatDateTime(ms, station.timeZone, i18n.language);

  const save = async () => {
    setFailed(false);
    try {
      if (writing === 'progress') {
        if (!text.trim()) return;
        await noteLeftoverProgress(store, row.id, text, staff.id);
      } else {
        await markLeftoverOk(store, row.id, text, staff.id);
      }
      setWriting(null);
      setText('');
    } catch {
      setFailed(true);
    }
  };

  return (
    <Card withBorder padding="sm" data-testid="leftover-item" data-open={row.open}>
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fw={500} style={{ whiteSpace: 'pre-wrap' }}>{row.text}</Text>
          {/* R-HANDOVER-READ: a done item is marked "OK" in red, as on paper. */}
          {row.open ? <Badge color="orange" variant="light">{t('keys.leftovers.open')}</Badge> : <Badge color="red">{t('keys.leftovers.ok')}</Badge>}
        </Group>
        <Text size="xs" c="dimmed">
          {t('keys.leftovers.filed', { time: time(row.filedAt) })}
          {row.fromShift ? ` · ${t('keys.leftovers.from', { shift: shiftLabel(row.fromShift) })}` : ''}
          {row.carried.length ? ` · ${t('keys.leftovers.carriedFrom', { from: row.filedMonth })}` : ''}
        </Text>
        {row.fromTicket ? (
          <Group gap={6} data-testid="leftover-ticket">
            <Text size="sm">{t('keys.leftovers.fromTicket')}</Text>
            {ticket ? (
              <>
                {onOpenTicket ? <Anchor component="button" size="sm" onClick={() => onOpenTicket(ticket.id)}>{ticket.number}</Anchor> : <Text size="sm">{ticket.number}</Text>}
                <Badge size="sm" variant="light" color={isDone(ticket) ? 'teal' : 'orange'} data-testid="leftover-ticket-status">{t(`common.statuses.${ticket.status}`)}</Badge>
                {row.open && isDone(ticket) ? <Text size="sm" c="teal" data-testid="leftover-ticket-done">{t('keys.leftovers.ticketDone')}</Text> : null}
              </>
            ) : <Text size="sm" c="dimmed">{t('keys.leftovers.ticketMissing', { number: row.fromTicket.number })}</Text>}
          </Group>
        ) : null}
        {stale ? <Text size="xs" c="orange">{t('keys.leftovers.notCarried', { month: row.month })}</Text> : null}
        {row.progress.map((p, i) => <Text key={i} size="sm">· {time(p.at)} {p.text}</Text>)}
        {row.resolved ? <Text size="sm" c="red" fw={600}>{t('keys.leftovers.resolved', { time: time(row.resolved.at) })} {row.resolved.text}</Text> : null}
        {mayWrite && row.open && !writing ? (
          <Group gap={6}>
            <Button size="xs" variant="light" onClick={() => setWriting('progress')}>{t('keys.leftovers.progress')}</Button>
            <Button size="xs" color="red" onClick={() => setWriting('ok')}>{t('keys.leftovers.markOk')}</Button>
          </Group>
        ) : null}
        {writing ? (
          <Group gap={6} align="flex-end">
            <TextInput style={{ flex: 1 }} label={writing === 'progress' ? t('keys.leftovers.progressText') : t('keys.leftovers.okNote')} value={text} onChange={(e) => setText(e.currentTarget.value)} maxLength={2000} data-autofocus />
            <Button size="sm" color={writing === 'ok' ? 'red' : undefined} onClick={() => void save()}>{writing === 'ok' ? t('keys.leftovers.markOk') : t('keys.form.submit')}</Button>
            <Button size="sm" variant="default" onClick={() => setWriting(null)}>{t('keys.form.cancel')}</Button>
          </Group>
        ) : null}
        {failed ? <Text size="sm" c="red" role="alert">{t('keys.failed')}</Text> : null}
      </Stack>
    </Card>
  );
}
