import { useState } from 'react';
import { Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '@shared/tickets/ticketFold';
import { TICKET_ANSWERED, TICKET_REPLIED, TICKET_REPORTED, TICKET_SUPERVISOR_CONSULTED } from '@shared/tickets/handling/stepEvents';
import { StepForm, useAt, useStep } from './stepForm';
import { TextStep } from './TextStep';

// R-REPLY-NOW, R-HELP, R-REPLY-5MIN: answered at once, or raised with the supervisor and then
// replied to, each a step with its own time (the 5 minutes run from the consultation).

export function AnsweredStep({ ticket, titled = false }: { ticket: Ticket; titled?: boolean }) {
  const { t } = useTranslation();
  return (
    <TextStep ticket={ticket} type={TICKET_ANSWERED} title={titled ? t('handling.common.answered.title') : undefined} label={t('handling.common.answered.text')} submitLabel={t('handling.common.answered.submit')}
      build={(at, text) => ({ at, text })} testId="step-answered" />
  );
}

export function ConsultedStep({ ticket, titled = false }: { ticket: Ticket; titled?: boolean }) {
  const { t } = useTranslation();
  const step = useStep(ticket);
  const at = useAt();
  const [whom, setWhom] = useState('');
  const [text, setText] = useState('');
  return (
    <StepForm title={titled ? t('handling.common.consulted.title') : undefined} step={step} at={at} submitLabel={t('handling.common.consulted.submit')} testId="step-consulted"
      onSubmit={(when) => step.take(TICKET_SUPERVISOR_CONSULTED, { at: when, whom: whom.trim(), ...(text.trim() ? { text: text.trim() } : {}) })}
      onSaved={() => { setWhom(''); setText(''); }}>
      <TextInput label={t('handling.common.consulted.whom')} value={whom} onChange={(e) => setWhom(e.currentTarget.value)} />
      <Textarea label={t('handling.common.consulted.text')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={2} maxRows={6} />
    </StepForm>
  );
}

export function RepliedStep({ ticket, titled = false }: { ticket: Ticket; titled?: boolean }) {
  const { t } = useTranslation();
  return (
    <TextStep ticket={ticket} type={TICKET_REPLIED} title={titled ? t('handling.common.replied.title') : undefined} label={t('handling.common.replied.text')} submitLabel={t('handling.common.replied.submit')}
      build={(at, text) => ({ at, text })} testId="step-replied" />
  );
}

/** R-FOUR-CLEAR (一报告): reported to the head of the responsible unit. */
export function ReportedStep({ ticket, titled = false }: { ticket: Ticket; titled?: boolean }) {
  const { t } = useTranslation();
  return (
    <TextStep ticket={ticket} type={TICKET_REPORTED} title={titled ? t('handling.common.reported.title') : undefined} label={t('handling.common.reported.to')} submitLabel={t('handling.common.reported.submit')}
      multiline={false} build={(at, to) => ({ at, to })} testId="step-reported" />
  );
}
