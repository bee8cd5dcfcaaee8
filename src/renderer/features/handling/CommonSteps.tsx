import type { ReactNode } from 'react';
import { Accordion, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RequestKind } from '@shared/domain/requestKinds';
import type { Ticket } from '@shared/tickets/ticketFold';
import { ContactStep, FeeStep, PromiseStep, TransferStep } from './FollowUpSteps';
import { MajorStep, ReportUpStep } from './MajorSteps';
import { AnsweredStep, ConsultedStep, RepliedStep, ReportedStep } from './ReplySteps';
import { ResolutionSteps } from './ResolutionSteps';

type CommonStep = 'answered' | 'consulted' | 'replied' | 'reported' | 'transferred' | 'promised' | 'contacted' | 'major' | 'reportedUp' | 'fee' | 'resolution';

/** What a kind's own panel already offers (kept out of the common list so no step shows twice). */
const IN_KIND_PANEL: Partial<Record<RequestKind, readonly CommonStep[]>> = {
  repair: ['resolution'],
  complaint: ['transferred', 'promised', 'contacted', 'major', 'reportedUp', 'resolution'],
  inquiry: ['answered', 'consulted', 'replied'],
  medical: ['major', 'reportedUp'],
  other: ['fee'],
};

/**
 * The steps every request may take (R-REPLY-NOW, R-HELP, R-REPLY-5MIN, R-FOUR-CLEAR, R-VISIT,
 * transfer, paid service, major), each folded away until opened so the kind's own steps lead.
 */
export function CommonSteps({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const resolutionTitle = ticket.status === 'resolved' ? t('handling.common.confirmed.title') : t('handling.common.resolved.title');
  const steps: [CommonStep, string, ReactNode][] = [
    ['answered', t('handling.common.answered.title'), <AnsweredStep ticket={ticket} />],
    ['consulted', t('handling.common.consulted.title'), <ConsultedStep ticket={ticket} />],
    ['replied', t('handling.common.replied.title'), <RepliedStep ticket={ticket} />],
    ['reported', t('handling.common.reported.title'), <ReportedStep ticket={ticket} />],
    ['transferred', t('handling.common.transferred.title'), <TransferStep ticket={ticket} defaultDepartment={ticket.handling?.department ?? null} />],
    ['promised', t('handling.common.promised.title'), <PromiseStep ticket={ticket} />],
    ['contacted', t('handling.common.contacted.title'), <ContactStep ticket={ticket} />],
    ['major', t('handling.common.major.title'), <MajorStep ticket={ticket} />],
    // R-REPAIR-MAJOR: a repair that turns major goes to the manager at once.
    ['reportedUp', t('handling.common.reportedUp.title'), <ReportUpStep ticket={ticket} defaultLevel={ticket.kind === 'repair' ? 'manager' : 'supervisor'} />],
    ['fee', t('handling.common.fee.title'), <FeeStep ticket={ticket} />],
    ['resolution', resolutionTitle, <ResolutionSteps ticket={ticket} />],
  ];
  const omitted = IN_KIND_PANEL[ticket.kind] ?? [];
  return (
    <div>
      <Text fw={600} mb={4}>{t('handling.common.title')}</Text>
      <Accordion multiple variant="separated" chevronPosition="left" data-testid="common-steps">
        {steps.filter(([id]) => !omitted.includes(id)).map(([id, title, form]) => (
          <Accordion.Item key={id} value={id}>
            <Accordion.Control>{title}</Accordion.Control>
            <Accordion.Panel>{form}</Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </div>
  );
}
