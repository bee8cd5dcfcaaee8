import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '@shared/tickets/ticketFold';
import { COMPLAINT_PROMISE_DAYS } from '@shared/tickets/handling/complaintTriage';
import { ContactStep, PromiseStep, TransferStep } from './FollowUpSteps';
import { MajorStep, ReportUpStep } from './MajorSteps';
import { ResolutionSteps } from './ResolutionSteps';
import { TriageLine, TriageStep } from './TriageStep';

const DAY_MS = 86_400_000;

/**
 * A complaint (R-COMPLAINT-*): triage, the department, the promised date (3 days by default,
 * R-COMPLAINT-CONTACT), updates to the resident and the resolution they confirm
 * (R-COMPLAINT-LISTEN); a major one goes to the manager at once (R-COMPLAINT-MAJOR).
 */
export function ComplaintSteps({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const h = ticket.handling ?? {};
  if (ticket.status === 'closed') return <TriageLine ticket={ticket} />;
  return (
    <Stack gap="xs" data-testid="complaint-steps">
      <Text fw={600}>{t('handling.complaint.title')}</Text>
      <TriageLine ticket={ticket} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs">
        {h.triage ? null : <TriageStep ticket={ticket} />}
        <TransferStep ticket={ticket} titled defaultDepartment={h.department ?? null} />
        <PromiseStep ticket={ticket} titled defaultPromise={ticket.receivedAt + COMPLAINT_PROMISE_DAYS * DAY_MS} hint={t('handling.complaint.promiseDefault')} />
        <ContactStep ticket={ticket} titled defaultPurpose="update" />
        <ResolutionSteps ticket={ticket} titled />
        <Stack gap="xs">
          <Text size="sm" c="dimmed">{t('handling.complaint.majorHint')}</Text>
          <MajorStep ticket={ticket} titled />
          {h.major ? <ReportUpStep ticket={ticket} titled defaultLevel="manager" /> : null}
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
