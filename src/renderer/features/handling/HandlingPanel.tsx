import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '@shared/tickets/ticketFold';
import { CloseSteps } from './CloseSteps';
import { CommonSteps } from './CommonSteps';
import { ComplaintSteps } from './ComplaintSteps';
import { IncidentSteps } from './IncidentSteps';
import { InquirySteps } from './InquirySteps';
import { MedicalSteps } from './MedicalSteps';
import { OtherSteps } from './OtherSteps';
import { RepairSteps } from './RepairSteps';
import { TimesBlock } from './TimesBlock';

/** The handling of a request by the rulebook: its times, its kind's steps, the common steps, closing. */
export function HandlingPanel({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" data-testid="handling">
      <Title order={4}>{t('handling.title')}</Title>
      <TimesBlock ticket={ticket} />
      <KindSteps ticket={ticket} />
      {ticket.status === 'closed' ? null : <CommonSteps ticket={ticket} />}
      <CloseSteps ticket={ticket} />
    </Stack>
  );
}

function KindSteps({ ticket }: { ticket: Ticket }) {
  switch (ticket.kind) {
    case 'medical':
      return <MedicalSteps ticket={ticket} />;
    case 'repair':
      return <RepairSteps ticket={ticket} />;
    case 'complaint':
      return <ComplaintSteps ticket={ticket} />;
    case 'inquiry':
      return <InquirySteps ticket={ticket} />;
    case 'security':
    case 'disaster':
      return <IncidentSteps ticket={ticket} />;
    case 'other':
      return <OtherSteps ticket={ticket} />;
  }
}
