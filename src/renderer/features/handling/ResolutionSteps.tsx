import { useTranslation } from 'react-i18next';
import type { Ticket } from '@shared/tickets/ticketFold';
import { TICKET_CONFIRMED, TICKET_RESOLVED } from '@shared/tickets/handling/stepEvents';
import { TextStep } from './TextStep';

/** Solved, awaiting the resident's confirmation (R-COMPLAINT-LISTEN: check with them when solved). */
export function ResolvedStep({ ticket, titled = false }: { ticket: Ticket; titled?: boolean }) {
  const { t } = useTranslation();
  return (
    <TextStep ticket={ticket} type={TICKET_RESOLVED} title={titled ? t('handling.common.resolved.title') : undefined} label={t('handling.common.resolved.text')} submitLabel={t('handling.common.resolved.submit')}
      build={(at, text) => ({ at, text })} testId="step-resolved" />
  );
}

/** The resident confirms it is solved: the request is closed done. */
export function ConfirmedStep({ ticket, titled = false }: { ticket: Ticket; titled?: boolean }) {
  const { t } = useTranslation();
  return (
    <TextStep ticket={ticket} type={TICKET_CONFIRMED} title={titled ? t('handling.common.confirmed.title') : undefined} label={t('handling.common.confirmed.text')} submitLabel={t('handling.common.confirmed.submit')}
      required={false} multiline={false} build={(at, text) => ({ at, ...(text ? { text } : {}) })} testId="step-confirmed" />
  );
}

/** Resolution while working, confirmation once resolved. */
export function ResolutionSteps({ ticket, titled = false }: { ticket: Ticket; titled?: boolean }) {
  return ticket.status === 'resolved' ? <ConfirmedStep ticket={ticket} titled={titled} /> : <ResolvedStep ticket={ticket} titled={titled} />;
}
