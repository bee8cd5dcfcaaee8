import { memo } from 'react';
import { Badge, Group, Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { Ticket } from '@shared/tickets/ticketFold';
import { ageParts } from '../../i18n/format';
import { DESCRIPTION, NO_WRAP, WHOLE } from './queueColumns';

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
      <Table.Td style={NO_WRAP}>
        <Group gap={6} wrap="nowrap" preventGrowOverflow={false} style={WHOLE}>
          <Text ff="monospace" size="sm" style={WHOLE} data-testid="queue-number">{ticket.number}</Text>
          {ticket.urgency === 'urgent' ? <Badge color="red" size="sm" style={WHOLE} data-testid="queue-urgent">{t('common.urgencies.urgent')}</Badge> : null}
          {/* 补单: entered after the fact, with its real received time (the age counts from it). */}
          {ticket.backfilled ? <Badge color="grape" variant="light" size="sm" style={WHOLE} data-testid="queue-backfilled">{t('handling.header.backfilled')}</Badge> : null}
        </Group>
      </Table.Td>
      <Table.Td style={NO_WRAP}>{t(`common.kinds.${ticket.kind}`)}</Table.Td>
      {/* A place without a room (a common area, a patrol's find) where there is no unit. */}
      <Table.Td style={NO_WRAP}>
        {ticket.unitKey || <Text size="sm" w={120} truncate="end" title={ticket.handling?.place} data-testid="queue-place">{ticket.handling?.place}</Text>}
      </Table.Td>
      <Table.Td style={NO_WRAP}><Text size="sm" w={120} truncate="end" title={ticket.callerName}>{ticket.callerName}</Text></Table.Td>
      {/* U20: one line, the rest in the title; the column takes whatever width the others leave. */}
      <Table.Td style={DESCRIPTION}><Text size="sm" truncate="end" title={ticket.description} data-testid="queue-description">{ticket.description}</Text></Table.Td>
      <Table.Td style={NO_WRAP} data-testid="queue-age">{t(`queue.age.${age.unit}`, { count: age.count })}</Table.Td>
      <Table.Td style={NO_WRAP}><Badge variant="light" color={ticket.active ? 'orange' : 'gray'} style={WHOLE} data-testid="queue-status">{t(`common.statuses.${ticket.status}`)}</Badge></Table.Td>
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
