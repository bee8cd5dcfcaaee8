import { useState } from 'react';
import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PAUSE_REASONS, type PauseReason } from '@shared/deadlines/clockEvents';

/** Why a clock waits (R-COMPLAINT-CONTACT, R-REPAIR-CHASE: the resident, parts, or as typed). */
export function PauseForm({ busy, onPause, onCancel }: { busy: boolean; onPause(reason: PauseReason, text: string | undefined): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<PauseReason>('resident');
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = () => {
    // "Other" says why (the payload's own rule, clockEvents.ts).
    if (reason === 'other' && !text.trim()) return setMissing(true);
    onPause(reason, text.trim() || undefined);
  };
  return (
    <Group align="flex-start" gap="xs" data-testid="deadline-pause-form">
      <NativeSelect
        size="xs"
        aria-label={t('deadlines.ticket.pauseReason')}
        data-testid="deadline-pause-reason"
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value as PauseReason)}
        data={PAUSE_REASONS.map((r) => ({ value: r, label: t(`deadlines.pauseReasons.${r}`) }))}
      />
      <TextInput
        size="xs"
        style={{ flex: 1 }}
        maxLength={400}
        placeholder={t('deadlines.ticket.pauseText')}
        aria-label={t('deadlines.ticket.pauseText')}
        data-testid="deadline-pause-text"
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          setMissing(false);
        }}
        error={missing ? t('deadlines.ticket.pauseTextRequired') : null}
      />
      <Button size="xs" loading={busy} onClick={submit} data-testid="deadline-pause-confirm">{t('deadlines.ticket.confirmPause')}</Button>
      <Button size="xs" variant="subtle" onClick={onCancel}>{t('deadlines.ticket.cancel')}</Button>
    </Group>
  );
}
