import { useState } from 'react';
import { Badge, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '@shared/tickets/ticketFold';
import { REPORT_LEVELS, TICKET_MAJOR_MARKED, TICKET_REPORTED_UP } from '@shared/tickets/handling/stepEvents';
import { StepForm, useAt, useStep } from './stepForm';
import { TextStep } from './TextStep';

type Level = (typeof REPORT_LEVELS)[number];

/** R-MEDICAL-REPORT, R-REPAIR-MAJOR, R-COMPLAINT-MAJOR: a major case, reported up at once. */
export function MajorStep({ ticket, titled = false }: { ticket: Ticket; titled?: boolean }) {
  const { t } = useTranslation();
  const major = ticket.handling?.major;
  if (major) return <Badge color="red" variant="light">{`${t('handling.header.major')}: ${major.reason}`}</Badge>;
  return (
    <TextStep ticket={ticket} type={TICKET_MAJOR_MARKED} title={titled ? t('handling.common.major.title') : undefined} label={t('handling.common.major.reason')} submitLabel={t('handling.common.major.submit')}
      multiline={false} build={(at, reason) => ({ at, reason })} testId="step-major" />
  );
}

/** Who was told up the line; a major repair or complaint goes to the manager (the default then). */
export function ReportUpStep({ ticket, titled = false, defaultLevel = 'supervisor' }: { ticket: Ticket; titled?: boolean; defaultLevel?: Level }) {
  const { t } = useTranslation();
  const step = useStep(ticket);
  const at = useAt();
  const [to, setTo] = useState<Level>(defaultLevel);
  const [text, setText] = useState('');
  return (
    <StepForm title={titled ? t('handling.common.reportedUp.title') : undefined} step={step} at={at} submitLabel={t('handling.common.reportedUp.submit')} testId="step-reported-up"
      onSubmit={(when) => step.take(TICKET_REPORTED_UP, { at: when, to, ...(text.trim() ? { text: text.trim() } : {}) })}
      onSaved={() => setText('')}>
      <Select label={t('handling.common.reportedUp.to')} value={to} onChange={(v) => v && setTo(v as Level)} allowDeselect={false}
        data={REPORT_LEVELS.map((l) => ({ value: l, label: t(`handling.common.reportedUp.levels.${l}`) }))} />
      <TextInput label={t('handling.common.reportedUp.text')} value={text} onChange={(e) => setText(e.currentTarget.value)} />
    </StepForm>
  );
}
