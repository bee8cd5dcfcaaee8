import { useState } from 'react';
import { SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '@shared/tickets/ticketFold';
import { REPAIR_RESULTS, SIGNERS, TICKET_APPOINTMENT_AGREED, TICKET_CHASED, TICKET_REPAIR_RETURNED, TICKET_SIGNED_OFF } from '@shared/tickets/handling/stepEvents';
import { StepForm, useAt, useStep, ZonedDateTimeInput } from './stepForm';
import { TextStep } from './TextStep';

type Result = (typeof REPAIR_RESULTS)[number];
type Signer = (typeof SIGNERS)[number];

/** R-REPAIR-APPOINTMENT: the time agreed with the resident, stored for its deadline. */
export function AppointmentStep({ ticket, again = false }: { ticket: Ticket; again?: boolean }) {
  const { t } = useTranslation();
  const step = useStep(ticket);
  const at = useAt();
  const [appointmentAt, setAppointmentAt] = useState<number | null>(null);
  const [text, setText] = useState('');
  return (
    <StepForm title={t('handling.repair.appointment.title')} step={step} at={at} submitLabel={t('handling.repair.appointment.submit')} canSubmit={appointmentAt !== null} testId="step-appointment"
      onSubmit={(when) => step.take(TICKET_APPOINTMENT_AGREED, { at: when, appointmentAt: appointmentAt ?? when, ...(text.trim() ? { text: text.trim() } : {}) })}
      onSaved={() => setText('')}>
      {again ? <Text size="sm" c="orange" data-testid="appointment-again">{t('handling.repair.appointment.again')}</Text> : null}
      <ZonedDateTimeInput label={t('handling.repair.appointment.appointmentAt')} value={appointmentAt} onChange={setAppointmentAt} />
      <TextInput label={t('handling.repair.appointment.text')} value={text} onChange={(e) => setText(e.currentTarget.value)} />
    </StepForm>
  );
}

/**
 * R-REPAIR-RETURN: the order comes back fixed, not fixed or with a temporary measure. Always
 * offered while the request is open: a return before any order is the command's to refuse.
 */
export function ReturnedStep({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const step = useStep(ticket);
  const at = useAt();
  const [result, setResult] = useState<Result>('fixed');
  const [text, setText] = useState('');
  const order = ticket.handling?.workOrders?.findLast((o) => !o.returned)?.number;
  return (
    <StepForm title={t('handling.repair.returned.title')} step={step} at={at} submitLabel={t('handling.repair.returned.submit')} canSubmit={text.trim() !== ''} testId="step-returned"
      onSubmit={(when) => step.take(TICKET_REPAIR_RETURNED, { at: when, result, text: text.trim(), ...(order ? { orderNumber: order } : {}) })}
      onSaved={() => setText('')}>
      <Stack gap={4}>
        <Text size="sm" fw={500}>{t('handling.repair.returned.result')}</Text>
        <SegmentedControl value={result} onChange={(v) => setResult(v as Result)} data={REPAIR_RESULTS.map((r) => ({ value: r, label: t(`handling.repair.returned.results.${r}`) }))} />
      </Stack>
      <Textarea label={t('handling.repair.returned.text')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={2} maxRows={6} withAsterisk />
    </StepForm>
  );
}

/** R-REPAIR-CHASE: an order not returned, or not fixed, for long is chased (催办). */
export function ChasedStep({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  return (
    <TextStep ticket={ticket} type={TICKET_CHASED} title={t('handling.repair.chased.title')} label={t('handling.repair.chased.whom')} submitLabel={t('handling.repair.chased.submit')}
      multiline={false} build={(at, whom) => ({ at, whom })} testId="step-chased" />
  );
}

/** R-REPAIR-RETURN: the resident signs the order; a common-part fault is signed off by its reporter. */
export function SignedOffStep({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const step = useStep(ticket);
  const at = useAt();
  const [by, setBy] = useState<Signer>(ticket.unitKey ? 'resident' : 'reporter');
  const [name, setName] = useState('');
  return (
    <StepForm title={t('handling.repair.signedOff.title')} step={step} at={at} submitLabel={t('handling.repair.signedOff.submit')} testId="step-signed-off"
      onSubmit={(when) => step.take(TICKET_SIGNED_OFF, { at: when, by, ...(name.trim() ? { name: name.trim() } : {}) })}
      onSaved={() => setName('')}>
      <SegmentedControl value={by} onChange={(v) => setBy(v as Signer)} data={SIGNERS.map((s) => ({ value: s, label: t(`handling.repair.signedOff.signers.${s}`) }))} />
      <TextInput label={t('handling.repair.signedOff.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} />
    </StepForm>
  );
}
