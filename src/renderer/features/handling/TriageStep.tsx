import { useState } from 'react';
import { Group, Select, Text, TextInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '@shared/tickets/ticketFold';
import { TRIAGE_CATEGORIES, TRIAGE_REASONS, type TriageCategory } from '@shared/tickets/handling/complaintTriage';
import { TICKET_TRIAGED } from '@shared/tickets/handling/stepEvents';
import { StepForm, useAt, useStep } from './stepForm';

/** R-COMPLAINT-TRIAGE: valid complaint, matter to assist with or excessive demand, for the rulebook's reason. */
export function TriageStep({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const step = useStep(ticket);
  const at = useAt();
  const [category, setCategory] = useState<TriageCategory | null>(null);
  const [reason, setReason] = useState<string | null>(null);
  const [text, setText] = useState('');
  const reasons = category ? TRIAGE_REASONS[category] : [];
  return (
    <StepForm title={t('handling.complaint.triage.title')} step={step} at={at} submitLabel={t('handling.complaint.triage.submit')} canSubmit={!!category && !!reason} testId="step-triage"
      onSubmit={(when) => step.take(TICKET_TRIAGED, { at: when, category: category ?? 'valid', reason: reason ?? '', ...(text.trim() ? { text: text.trim() } : {}) })}
      onSaved={() => setText('')}>
      <Group grow align="flex-start">
        <Select label={t('handling.complaint.triage.category')} value={category} allowDeselect={false}
          onChange={(v) => { setCategory(v as TriageCategory); setReason(null); }}
          data={TRIAGE_CATEGORIES.map((c) => ({ value: c, label: t(`handling.complaint.categories.${c}`) }))} />
        <Select label={t('handling.complaint.triage.reason')} value={reason} onChange={setReason} allowDeselect={false} disabled={!category}
          data={reasons.map((r) => ({ value: r, label: category ? reasonLabel(category, r, t) : r }))} />
      </Group>
      <TextInput label={t('handling.complaint.triage.text')} value={text} onChange={(e) => setText(e.currentTarget.value)} />
    </StepForm>
  );
}

/** The triage a complaint has, as a line. */
export function TriageLine({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const triage = ticket.handling?.triage;
  if (!triage) return null;
  return (
    <Text size="sm" data-testid="complaint-triage">
      {t('handling.complaint.triaged', { category: t(`handling.complaint.categories.${triage.category}`), reason: reasonLabel(triage.category, triage.reason, t) })}
    </Text>
  );
}

type ReasonKey = { [C in TriageCategory]: `handling.complaint.reasons.${C}.${(typeof TRIAGE_REASONS)[C][number]}` }[TriageCategory];

function reasonLabel(category: TriageCategory, reason: string, t: TFunction): string {
  const known = (TRIAGE_REASONS[category] as readonly string[]).includes(reason);
  return known ? t(`handling.complaint.reasons.${category}.${reason}` as ReasonKey) : reason;
}
