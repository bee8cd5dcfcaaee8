import { useState } from 'react';
import { Alert, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '@shared/tickets/ticketFold';
import { TICKET_TECHNICIAN_CALLED, TICKET_TECHNICIAN_ON_SITE, TICKET_WORK_ORDER_ISSUED } from '@shared/tickets/handling/stepEvents';
import { DepartmentSelect } from './DepartmentSelect';
import { StepForm, useAt, useStep } from './stepForm';

/** R-REPAIR-ORDER-5MIN: a work order (维修服务通知单) to a department or technician; it gets its number on saving. */
export function WorkOrderStep({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const step = useStep(ticket);
  const at = useAt();
  const [department, setDepartment] = useState<string | null>('engineering');
  const [technician, setTechnician] = useState('');
  const [text, setText] = useState('');
  return (
    <StepForm title={t('handling.repair.workOrder.title')} step={step} at={at} submitLabel={t('handling.repair.workOrder.submit')} canSubmit={department !== null} testId="step-work-order"
      onSubmit={(when) => step.take(TICKET_WORK_ORDER_ISSUED, {
        at: when, orderNumber: 'pending', department: department ?? '', ...(technician.trim() ? { technician: technician.trim() } : {}), ...(text.trim() ? { text: text.trim() } : {}),
      })}
      onSaved={() => { setTechnician(''); setText(''); }}>
      <DepartmentSelect label={t('handling.repair.workOrder.department')} value={department} onChange={setDepartment} />
      <TextInput label={t('handling.repair.workOrder.technician')} value={technician} onChange={(e) => setTechnician(e.currentTarget.value)} />
      <Textarea label={t('handling.repair.workOrder.text')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={2} maxRows={6} />
      {step.orderNumber ? (
        <Alert color="green" data-testid="work-order-issued">{t('handling.repair.workOrder.issued', { number: step.orderNumber })}</Alert>
      ) : null}
    </StepForm>
  );
}

type How = 'phone' | 'radio';

/** R-REPAIR-URGENT-15MIN: the technician phoned or radioed (the 15 minutes start). */
export function TechnicianCalledStep({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const step = useStep(ticket);
  const at = useAt();
  const [how, setHow] = useState<How>('radio');
  const [technician, setTechnician] = useState('');
  return (
    <StepForm title={t('handling.repair.called.title')} step={step} at={at} submitLabel={t('handling.repair.called.submit')} canSubmit={technician.trim() !== ''} testId="step-called"
      onSubmit={(when) => step.take(TICKET_TECHNICIAN_CALLED, { at: when, how, technician: technician.trim() })}
      onSaved={() => setTechnician('')}>
      <Stack gap={4}>
        <Text size="sm" fw={500}>{t('handling.repair.called.how')}</Text>
        <SegmentedControl value={how} onChange={(v) => setHow(v as How)} data={(['phone', 'radio'] as const).map((h) => ({ value: h, label: t(`handling.repair.called.hows.${h}`) }))} />
      </Stack>
      <TextInput label={t('handling.repair.called.technician')} value={technician} onChange={(e) => setTechnician(e.currentTarget.value)} withAsterisk />
    </StepForm>
  );
}

/** R-REPAIR-URGENT-15MIN: on site (stops the 15 minutes). */
export function OnSiteStep({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const step = useStep(ticket);
  const at = useAt();
  return (
    <StepForm title={t('handling.repair.onSite.title')} step={step} at={at} submitLabel={t('handling.repair.onSite.submit')} testId="step-on-site"
      onSubmit={(when) => step.take(TICKET_TECHNICIAN_ON_SITE, { at: when })} />
  );
}
