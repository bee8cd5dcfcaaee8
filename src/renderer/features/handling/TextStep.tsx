import { useState } from 'react';
import { Textarea, TextInput } from '@mantine/core';
import type { Ticket } from '@shared/tickets/ticketFold';
import type { StepPayload, StepType } from '@shared/tickets/handling/stepEvents';
import { StepForm, useAt, useStep } from './stepForm';

/**
 * A step that is one text and its time (answered, replied, chased, …). `required` steps cannot
 * be sent empty; the text stays until the step is saved.
 */
export function TextStep<T extends StepType>({ ticket, type, title, label, submitLabel, required = true, multiline = true, build, testId }: {
  ticket: Ticket;
  type: T;
  title?: string;
  label: string;
  submitLabel: string;
  required?: boolean;
  multiline?: boolean;
  build(at: number, text: string): StepPayload<T>;
  testId?: string;
}) {
  const step = useStep(ticket);
  const at = useAt();
  const [text, setText] = useState('');
  const field = multiline ? (
    <Textarea label={label} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={2} maxRows={8} withAsterisk={required} />
  ) : (
    <TextInput label={label} value={text} onChange={(e) => setText(e.currentTarget.value)} withAsterisk={required} />
  );
  return (
    <StepForm
      title={title}
      step={step}
      at={at}
      submitLabel={submitLabel}
      canSubmit={!required || text.trim() !== ''}
      onSubmit={(when) => step.take(type, build(when, text.trim()))}
      onSaved={() => setText('')}
      testId={testId}
    >
      {field}
    </StepForm>
  );
}
