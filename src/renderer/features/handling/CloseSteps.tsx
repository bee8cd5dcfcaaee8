import { useState } from 'react';
import { Group, SegmentedControl, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { can } from '@shared/domain/roles';
import type { Ticket } from '@shared/tickets/ticketFold';
import { CLOSE_OUTCOMES, TICKET_CLOSED, TICKET_REOPENED } from '@shared/tickets/handling/stepEvents';
import { useDesk } from '../../desk/DeskContext';
import { StepForm, useAt, useStep } from './stepForm';
import { TextStep } from './TextStep';

type Outcome = (typeof CLOSE_OUTCOMES)[number];

/** Closing (with an outcome) while the request is open; reopening, for a supervisor, once closed. */
export function CloseSteps({ ticket }: { ticket: Ticket }) {
  const { staff } = useDesk();
  if (ticket.status !== 'closed') return <CloseForm ticket={ticket} />;
  return can(staff.role, 'ticket.supervise') ? <ReopenForm ticket={ticket} /> : null;
}

/**
 * R-NO-BUCK-PASSING: never closed without an outcome; a referral says whom the resident was put
 * in touch with and how. Whether "done" is allowed (a complaint resolved, a repair fixed) is the
 * command's to say, so the form stays usable and shows its refusal.
 */
function CloseForm({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const step = useStep(ticket);
  const at = useAt();
  const [outcome, setOutcome] = useState<Outcome>('done');
  const [text, setText] = useState('');
  const [to, setTo] = useState('');
  const [how, setHow] = useState('');
  const submit = async (when: number) => {
    const referral = { to: to.trim(), how: how.trim() };
    if (outcome === 'referred' && (!referral.to || !referral.how)) {
      step.refuse('referralMissing');
      return false;
    }
    return step.take(TICKET_CLOSED, { at: when, outcome, text: text.trim(), ...(outcome === 'referred' ? { referral } : {}) });
  };
  return (
    <StepForm title={t('handling.close.title')} step={step} at={at} submitLabel={t('handling.close.submit')} canSubmit={text.trim() !== ''} onSubmit={submit} testId="step-close">
      <Group gap="xs">
        <Text size="sm" fw={500}>{t('handling.close.outcome')}</Text>
        <SegmentedControl value={outcome} onChange={(v) => setOutcome(v as Outcome)} data={CLOSE_OUTCOMES.map((o) => ({ value: o, label: t(`handling.close.outcomes.${o}`) }))} />
      </Group>
      {outcome === 'referred' ? (
        <Group grow>
          <TextInput label={t('handling.close.referralTo')} value={to} onChange={(e) => setTo(e.currentTarget.value)} withAsterisk />
          <TextInput label={t('handling.close.referralHow')} value={how} onChange={(e) => setHow(e.currentTarget.value)} withAsterisk />
        </Group>
      ) : null}
      <Textarea label={t('handling.close.text')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={2} maxRows={6} withAsterisk />
    </StepForm>
  );
}

function ReopenForm({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  return (
    <TextStep ticket={ticket} type={TICKET_REOPENED} title={t('handling.reopen.title')} label={t('handling.reopen.reason')} submitLabel={t('handling.reopen.submit')}
      multiline={false} build={(at, reason) => ({ at, reason })} testId="step-reopen" />
  );
}
