import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '@shared/tickets/ticketFold';
import { WRITTEN_REPLY_DAYS } from '@shared/tickets/handling/complaintTriage';
import { useDesk } from '../../desk/DeskContext';
import { formatDateTime } from '../../i18n/format';

const DAY_MS = 86_400_000;

type TimeKey =
  | 'receivedAt' | 'answeredAt' | 'consultedAt' | 'repliedAt' | 'reportedAt' | 'transferredAt' | 'promisedAt' | 'lastContactAt' | 'workOrder'
  | 'technicianCalledAt' | 'onSiteAt' | 'appointmentAt' | 'returnedAt' | 'lastChasedAt' | 'resolvedAt' | 'confirmedAt' | 'closedAt'
  | 'writtenReplyDue' | 'writtenReplyAt';

/** Every stored time the deadlines run on (received, replied, ordered, on site, appointment, promised…), compactly. */
export function TimesBlock({ ticket }: { ticket: Ticket }) {
  const { t, i18n } = useTranslation();
  const { station } = useDesk();
  const h = ticket.handling ?? {};
  const times: [TimeKey, number | undefined][] = [
    ['receivedAt', ticket.receivedAt],
    ['answeredAt', h.answeredAt],
    ['consultedAt', h.consultedAt],
    ['repliedAt', h.repliedAt],
    ['reportedAt', h.reportedAt],
    ['transferredAt', h.transferredAt],
    ['workOrder', h.workOrders?.[0]?.issuedAt],
    ['technicianCalledAt', h.technicianCalledAt],
    ['onSiteAt', h.onSiteAt],
    ['appointmentAt', h.appointmentAt],
    ['returnedAt', h.returned?.at],
    ['lastChasedAt', h.lastChasedAt],
    ['promisedAt', h.promisedAt],
    ['lastContactAt', h.lastContactAt],
    // R-INQUIRY-WRITTEN: answered in writing within 2 days of receipt.
    ['writtenReplyDue', ticket.kind === 'inquiry' && ticket.channel === 'written' ? ticket.receivedAt + WRITTEN_REPLY_DAYS * DAY_MS : undefined],
    ['writtenReplyAt', h.writtenReplyAt],
    ['resolvedAt', h.resolvedAt],
    ['confirmedAt', h.confirmedAt],
    ['closedAt', h.closedAt],
  ];
  const shown = times.filter((entry): entry is [TimeKey, number] => entry[1] !== undefined);
  return (
    <Paper withBorder p="xs" data-testid="handling-times" aria-label={t('handling.times.title')}>
      <SimpleGrid cols={{ base: 3, lg: 6 }} spacing="xs" verticalSpacing={4}>
        {shown.map(([key, ms]) => (
          <div key={key} data-testid={`time-${key}`}>
            <Text size="xs" c="dimmed">{t(`handling.times.${key}`)}</Text>
            <Text size="sm">{formatDateTime(ms, station.timeZone, i18n.language)}</Text>
          </div>
        ))}
      </SimpleGrid>
    </Paper>
  );
}
