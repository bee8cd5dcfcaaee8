import { useState } from 'react';
import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '@shared/tickets/ticketFold';
import { MEDICAL_BRANCHES, checklistsFor, type MedicalBranch } from '@shared/tickets/handling/checklists';
import { TICKET_MAJOR_MARKED, TICKET_MEDICAL_BRANCH, TICKET_REPORTED_UP } from '@shared/tickets/handling/stepEvents';
import { useDesk } from '../../desk/DeskContext';
import { PhoneNumber } from '../../components/PhoneNumber';
import { revealTicketPhone } from '../ticket/ticketCommands';
import type { Translate } from '../ticket/timelineText';
import { AtInput, useAt, useStep, type At, type Step } from './stepForm';
import { ChecklistView } from './ChecklistView';
import { placeText } from './placeText';
import { useStepTime } from './useStepTime';

/**
 * R-MEDICAL-REPORT: the patient's address and phone first, then the branch (hospital, 120,
 * short-term care) and its checklist, each line with its time; a major case is reported to the
 * supervisor at once, an ordinary one when done. Staff give no medical opinion.
 */
export function MedicalSteps({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const { store, staff } = useDesk();
  const step = useStep(ticket);
  const at = useAt();
  const h = ticket.handling ?? {};
  const branch = h.medicalBranch;
  const closed = ticket.status === 'closed';
  const choose = async (chosen: MedicalBranch) => {
    const when = at.resolve();
    if (when !== null && (await step.take(TICKET_MEDICAL_BRANCH, { at: when, branch: chosen }))) at.reset();
  };
  const address = placeText(ticket, t as unknown as Translate);
  return (
    <Paper withBorder p="md" data-testid="medical-steps">
      <Stack gap="sm">
        <Title order={5}>{t('handling.medical.title')}</Title>
        <SimpleGrid cols={2} spacing="xs">
          <div>
            <Text size="xs" c="dimmed">{t('handling.medical.address')}</Text>
            <Text fw={600} size="lg" data-testid="medical-address">{address || t('handling.medical.missing')}</Text>
          </div>
          <div>
            <Text size="xs" c="dimmed">{t('handling.medical.phone')}</Text>
            {ticket.callerPhone ? (
              <PhoneNumber phone={ticket.callerPhone} reveal={() => revealTicketPhone(store, ticket.id, staff.id)} size="lg" bold testId="medical-phone" />
            ) : (
              <Text fw={600} size="lg">{t('handling.medical.missing')}</Text>
            )}
          </div>
        </SimpleGrid>
        {!address || !ticket.callerPhone ? <Text size="sm" c="orange">{t('handling.medical.addressFirst')}</Text> : null}
        <Alert color="yellow" py={6}>{t('handling.medical.noOpinion')}</Alert>
        <AtInput at={at} />
        <div>
          <Text size="sm" fw={600} mb={4}>{t('handling.medical.branch')}</Text>
          <SimpleGrid cols={3} spacing="xs">
            {MEDICAL_BRANCHES.map((b) => (
              <Button key={b} variant={branch === b ? 'filled' : 'light'} h="auto" py="xs" disabled={closed || step.busy} onClick={() => void choose(b)} aria-pressed={branch === b}>
                <Stack gap={0} align="center">
                  <Text fw={700}>{t(`handling.medical.branches.${b}`)}</Text>
                  <Text size="xs">{t(`handling.medical.branchHints.${b}`)}</Text>
                </Stack>
              </Button>
            ))}
          </SimpleGrid>
        </div>
        {branch === 'care' ? <Alert color="red" py={6} data-testid="care-rule">{t('handling.medical.careRule')}</Alert> : null}
        {/* The checklist opens with the branch: before it there is no line to tick (branchNotChosen). */}
        {checklistsFor('medical', branch, undefined).map((list) => <ChecklistView key={list} ticket={ticket} list={list} step={step} at={at} />)}
        <MajorCase ticket={ticket} step={step} at={at} />
        {step.alert}
      </Stack>
    </Paper>
  );
}

/** The major-case switch and the supervisor report it makes due at once (R-MEDICAL-REPORT). */
function MajorCase({ ticket, step, at }: { ticket: Ticket; step: Step; at: At }) {
  const { t } = useTranslation();
  const time = useStepTime();
  const h = ticket.handling ?? {};
  const [opening, setOpening] = useState(false);
  const [reason, setReason] = useState<string>(() => t('handling.medical.majorReasonDefault'));
  const closed = ticket.status === 'closed';
  const major = h.major !== undefined;
  const told = h.reportedUp?.supervisor;
  const mark = async () => {
    const when = at.resolve();
    if (when === null || !reason.trim()) return;
    if (await step.take(TICKET_MAJOR_MARKED, { at: when, reason: reason.trim() })) {
      at.reset();
      setOpening(false);
    }
  };
  const tell = async () => {
    const when = at.resolve();
    if (when !== null && (await step.take(TICKET_REPORTED_UP, { at: when, to: 'supervisor' }))) at.reset();
  };
  return (
    <Stack gap="xs">
      {/* Marked once; there is no step that unmarks a major case. */}
      {major ? (
        <Group gap="xs">
          <Badge color="red" size="lg">{t('handling.medical.majorMarked')}</Badge>
          {h.major?.reason ? <Text size="sm">{h.major.reason}</Text> : null}
        </Group>
      ) : (
        <Switch label={t('handling.medical.major')} checked={opening} disabled={closed} onChange={(e) => setOpening(e.currentTarget.checked)} />
      )}
      {opening && !major ? (
        <Group align="flex-end">
          <TextInput label={t('handling.medical.majorReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} style={{ flex: 1 }} maxLength={400} />
          <Button color="red" disabled={!reason.trim() || step.busy} onClick={() => void mark()}>{t('handling.medical.majorSubmit')}</Button>
        </Group>
      ) : null}
      <Group justify="space-between" data-testid="supervisor-report">
        {told !== undefined ? (
          <Text size="sm" c="teal">{t('handling.medical.supervisorDone', { time: time(told) })}</Text>
        ) : major ? (
          <Text size="sm" c="red" fw={700} data-due="now">{t('handling.medical.supervisorDueNow')}</Text>
        ) : (
          <Text size="sm" c="dimmed">{t('handling.medical.supervisorAfter')}</Text>
        )}
        {told === undefined ? (
          <Button size="xs" color={major ? 'red' : 'gray'} variant={major ? 'filled' : 'light'} disabled={closed || step.busy} onClick={() => void tell()}>
            {t('handling.medical.supervisorSubmit')}
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}
