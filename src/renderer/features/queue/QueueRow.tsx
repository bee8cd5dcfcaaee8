import { memo } from 'react';
import { Badge, Group, Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { Ticket } from '@shared/tickets/ticketFold';
import { ageParts } from '../../i18n/format';

interface Props {
  ticket: Ticket;
  now: number;
  /** The screen's translator: one i18n subscription for the queue, not one per row. */
  t: TFunction;
  onOpen(ticketId: string): void;
}

function Row({ ticket, now, t, onOpen }: Props) {
  const age = ageParts(ticket.receivedAt, now);
  return (
    <Table.Tr
      tabIndex={0}
      onClick={() => onOpen(ticket.id)}
      onKeyDown={(e) => e.key === 'Enter' && onOpen(ticket.id)}
      style={{ cursor: 'pointer' }}
      data-testid="queue-row"
    >
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Text ff="monospace" size="sm">{ticket.number}</Text>
          {ticket.urgency === 'urgent' ? <Badge color="red" size="sm">{t('common.urgencies.urgent')}</Badge> : null}
        </Group>
      </Table.Td>
      <Table.Td>{t(`common.kinds.${ticket.kind}`)}</Table.Td>
      <Table.Td>{ticket.unitKey}</Table.Td>
      <Table.Td>{ticket.callerName}</Table.Td>
      <Table.Td>{t(`queue.age.${age.unit}`, { count: age.count })}</Table.Td>
      <Table.Td><Badge variant="light" color={ticket.active ? 'orange' : 'gray'}>{t(`common.statuses.${ticket.status}`)}</Badge></Table.Td>
    </Table.Tr>
  );
}

/**
 * A live query hands back fresh objects on every change; a row re-renders only when its ticket
 * really changed (a new event folded in) or the minute shown as its age moved on.
 */
export const QueueRow = memo(Row, (before, after) =>
  before.ticket.id === after.ticket.id && before.ticket.lastHlc === after.ticket.lastHlc && before.onOpen === after.onOpen && before.t === after.t
  && ageParts(before.ticket.receivedAt, before.now).count === ageParts(after.ticket.receivedAt, after.now).count);
