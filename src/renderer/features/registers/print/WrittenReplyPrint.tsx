import { useState } from 'react';
import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TICKET_WRITTEN_REPLY_SENT } from '@shared/tickets/handling/stepEvents';
import type { Ticket } from '@shared/tickets/ticketFold';
import { useDesk } from '../../../desk/DeskContext';
import { registerTime } from '../registerLabels';
import { PrintDocumentModal } from './PrintDocumentModal';
import { documentFileName } from './usePrint';
import { payloadText, useTicketSteps } from './useTicketSteps';

interface Props {
  ticket: Ticket;
}

/**
 * R-INQUIRY-WRITTEN: a written inquiry is answered in writing; this prints the reply as sent
 * (its stored text, the latest if there were several) as a letter on A4 portrait.
 */
export function PrintWrittenReplyButton({ ticket }: Props) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button size="xs" variant="default" onClick={() => setOpened(true)} data-testid="print-written-reply">{t('registers.reply.print')}</Button>
      <PrintDocumentModal title={t('registers.reply.title')} fileName={documentFileName(t('registers.reply.title'), ticket.number)} opened={opened} onClose={() => setOpened(false)}>
        <ReplyLetter ticket={ticket} enabled={opened} />
      </PrintDocumentModal>
    </>
  );
}

function ReplyLetter({ ticket, enabled }: Props & { enabled: boolean }) {
  const { t } = useTranslation();
  const { station } = useDesk();
  const sent = useTicketSteps(ticket.id, TICKET_WRITTEN_REPLY_SENT, enabled)?.at(-1);
  const time = registerTime(station.timeZone, true);
  const sentAt = sent && typeof sent.payload.at === 'number' ? sent.payload.at : ticket.handling?.writtenReplyAt;
  const to = ticket.callerName ? t('registers.reply.to', { name: ticket.callerName }) : t('registers.reply.toUnit', { unit: ticket.unitKey || ticket.handling?.place || '' });
  return (
    <div className="paper-form" data-testid="written-reply-sheet">
      <p className="estate">{station.estateName}</p>
      <h1>{t('registers.reply.title')}</h1>
      <div className="letter">
        <p>{to}</p>
        <p>{t('registers.reply.subject', { subject: ticket.description })}</p>
        <p>{t('registers.reply.receivedAt', { time: time(ticket.receivedAt) })}</p>
        <p className="body">{sent ? payloadText(sent) : t('registers.reply.notSent')}</p>
        <p>{t('registers.reply.closing')}</p>
        <p>{t('registers.reply.regards')}</p>
        <p className="sign">{t('registers.reply.signature', { estate: station.estateName })}<br />{sentAt ? time(sentAt).slice(0, 10) : ''}</p>
      </div>
    </div>
  );
}
