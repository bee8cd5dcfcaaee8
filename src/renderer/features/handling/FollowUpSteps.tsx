import { useState } from 'react';
import { SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '@shared/tickets/ticketFold';
import { CONTACT_PURPOSES, TICKET_FEE_AGREED, TICKET_PROMISED, TICKET_RESIDENT_CONTACTED, TICKET_TRANSFERRED } from '@shared/tickets/handling/stepEvents';
import { DepartmentSelect } from './DepartmentSelect';
import { StepForm, useAt, useStep, ZonedDateTimeInput } from './stepForm';
import { TextStep } from './TextStep';

/** Transferred to a department of the estate's list. */
export function TransferStep({ ticket, titled = false, defaultDepartment = null }: { ticket: Ticket; titled?: boolean; defaultDepartment?: string | null }) {
  const { t } = useTranslation();
  const step = useStep(ticket);
  const at = useAt();
  const [department, setDepartment] = useState<string | null>(defaultDepartment);
  const [text, setText] = useState('');
  return (
    <StepForm title={titled ? t('handling.common.transferred.title') : undefined} step={step} at={at} submitLabel={t('handling.common.transferred.submit')} canSubmit={department !== null} testId="step-transferred"
      onSubmit={(when) => step.take(TICKET_TRANSFERRED, { at: when, department: department ?? '', ...(text.trim() ? { text: text.trim() } : {}) })}
      onSaved={() => setText('')}>
      <DepartmentSelect label={t('handling.common.transferred.department')} value={department} onChange={setDepartment} />
      <TextInput label={t('handling.common.transferred.text')} value={text} onChange={(e) => setText(e.currentTarget.value)} />
    </StepForm>
  );
}

/** R-VISIT, R-COMPLAINT-CONTACT: the resident is told by when it will be done. */
export function PromiseStep({ ticket, titled = false, defaultPromise = null, hint }: { ticket: Ticket; titled?: boolean; defaultPromise?: number | null; hint?: string }) {
  const { t } = useTranslation();
  const step = useStep(ticket);
  const at = useAt();
  const [promisedAt, setPromisedAt] = useState<number | null>(defaultPromise);
  const [text, setText] = useState('');
  return (
    <StepForm title={titled ? t('handling.common.promised.title') : undefined} step={step} at={at} submitLabel={t('handling.common.promised.submit')} canSubmit={promisedAt !== null} testId="step-promised"
      onSubmit={(when) => step.take(TICKET_PROMISED, { at: when, promisedAt: promisedAt ?? when, ...(text.trim() ? { text: text.trim() } : {}) })}
      onSaved={() => setText('')}>
      <ZonedDateTimeInput label={t('handling.common.promised.promisedAt')} value={promisedAt} onChange={setPromisedAt} description={hint} />
      <TextInput label={t('handling.common.promised.text')} value={text} onChange={(e) => setText(e.currentTarget.value)} />
    </StepForm>
  );
}

/** R-VISIT (call back), R-COMPLAINT-LISTEN (kept informed), or an explanation and apology. */
export function ContactStep({ ticket, titled = false, defaultPurpose = 'callback' }: { ticket: Ticket; titled?: boolean; defaultPurpose?: (typeof CONTACT_PURPOSES)[number] }) {
  const { t } = useTranslation();
  const step = useStep(ticket);
  const at = useAt();
  const [purpose, setPurpose] = useState<string>(defaultPurpose);
  const [text, setText] = useState('');
  return (
    <StepForm title={titled ? t('handling.common.contacted.title') : undefined} step={step} at={at} submitLabel={t('handling.common.contacted.submit')} canSubmit={text.trim() !== ''} testId="step-contacted"
      onSubmit={(when) => step.take(TICKET_RESIDENT_CONTACTED, { at: when, purpose: purpose as (typeof CONTACT_PURPOSES)[number], text: text.trim() })}
      onSaved={() => setText('')}>
      <Stack gap={4}>
        <Text size="sm" fw={500}>{t('handling.common.contacted.purpose')}</Text>
        <SegmentedControl value={purpose} onChange={setPurpose} data={CONTACT_PURPOSES.map((p) => ({ value: p, label: t(`handling.common.contacted.purposes.${p}`) }))} />
      </Stack>
      <Textarea label={t('handling.common.contacted.text')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={2} maxRows={6} withAsterisk />
    </StepForm>
  );
}

/** 有偿服务: the fee standard told and accepted before work starts (an event, not a checkbox). */
export function FeeStep({ ticket, titled = false }: { ticket: Ticket; titled?: boolean }) {
  const { t } = useTranslation();
  const fee = ticket.handling?.fee;
  if (fee) return <Text size="sm" data-testid="fee-agreed">{`${t('handling.common.fee.standard')}: ${fee.standard}`}</Text>;
  return (
    <TextStep ticket={ticket} type={TICKET_FEE_AGREED} title={titled ? t('handling.common.fee.title') : undefined} label={t('handling.common.fee.standard')} submitLabel={t('handling.common.fee.submit')}
      multiline={false} build={(at, feeStandard) => ({ at, feeStandard })} testId="step-fee" />
  );
}
