import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { can } from '@shared/domain/roles';
import type { Ticket } from '@shared/tickets/ticketFold';
import { WRITTEN_REPLY_DAYS } from '@shared/tickets/handling/complaintTriage';
import { TICKET_WRITTEN_REPLY_SENT } from '@shared/tickets/handling/stepEvents';
import { useDesk } from '../../desk/DeskContext';
import { formatDateTime } from '../../i18n/format';
import { ticketTimeline } from '../ticket/ticketQueries';
import { AnsweredStep, ConsultedStep, RepliedStep } from './ReplySteps';
import { TextStep } from './TextStep';
import { PrintWrittenReplyButton } from '../registers/print/WrittenReplyPrint';

const DAY_MS = 86_400_000;

/**
 * An inquiry: oral ones are answered at once, or after consulting the supervisor within 5
 * minutes (R-INQUIRY-ORAL); a written one is answered in writing within 2 days by a supervisor
 * or manager, its text kept (R-INQUIRY-WRITTEN).
 */
export function InquirySteps({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const open = ticket.status !== 'closed';
  if (ticket.channel === 'written') return <WrittenInquiry ticket={ticket} />;
  if (!open) return null;
  return (
    <Stack gap="xs" data-testid="inquiry-steps">
      <Text fw={600}>{t('handling.inquiry.title')}</Text>
      <Text size="sm" c="dimmed">{t('handling.inquiry.oral')}</Text>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="xs">
        <AnsweredStep ticket={ticket} titled />
        <ConsultedStep ticket={ticket} titled />
        <RepliedStep ticket={ticket} titled />
      </SimpleGrid>
    </Stack>
  );
}

function WrittenInquiry({ ticket }: { ticket: Ticket }) {
  const { t, i18n } = useTranslation();
  const { db, station, staff } = useDesk();
  const replies = useLiveQuery(
    async () => (await ticketTimeline(db, ticket.id)).filter((e) => e.type === TICKET_WRITTEN_REPLY_SENT).map((e) => ({ id: e.id, ...(e.payload as { at: number; text: string }) })),
    [db, ticket.id],
  );
  const due = ticket.receivedAt + WRITTEN_REPLY_DAYS * DAY_MS;
  const mayReply = can(staff.role, 'ticket.supervise');
  return (
    <Stack gap="xs" data-testid="inquiry-steps">
      <Text fw={600}>{t('handling.inquiry.written.title')}</Text>
      <Text size="sm" data-testid="written-reply-due">{`${t('handling.inquiry.written.due')}: ${formatDateTime(due, station.timeZone, i18n.language)}`}</Text>
      {(replies ?? []).map((reply) => (
        <Paper key={reply.id} withBorder p="sm" data-testid="written-reply">
          <Text size="xs" c="dimmed">{`${t('handling.inquiry.written.stored')} · ${formatDateTime(reply.at, station.timeZone, i18n.language)}`}</Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{reply.text}</Text>
          <PrintWrittenReplyButton ticket={ticket} />
        </Paper>
      ))}
      {ticket.status === 'closed' || ticket.handling?.writtenReplyAt !== undefined ? null : mayReply ? (
        <TextStep ticket={ticket} type={TICKET_WRITTEN_REPLY_SENT} label={t('handling.inquiry.written.text')} submitLabel={t('handling.inquiry.written.submit')}
          build={(at, text) => ({ at, text })} testId="step-written-reply" />
      ) : (
        <Text size="sm" c="dimmed" data-testid="written-reply-who">{t('handling.inquiry.written.who')}</Text>
      )}
    </Stack>
  );
}
