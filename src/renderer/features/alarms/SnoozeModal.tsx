import { useState } from 'react';
import { Alert, Button, Group, Modal, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Translate } from '../ticket/timelineText';
import { SNOOZE_LIMITS } from '@shared/deadlines/clockEvents';
import type { AlarmView } from './deriveAlarms';
import { alarmErrorText } from './alarmError';

/** A snooze needs a reason and is short (≤ 15 minutes) and rare (3 per round): it says how many are left. */
export function SnoozeModal({ view, onSnooze, onClose }: { view: AlarmView; onSnooze(minutes: number, reason: string): Promise<void>; onClose(): void }) {
  const { t } = useTranslation();
  const tx = t as unknown as Translate;
  const [minutes, setMinutes] = useState<number>(5);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const left = Math.max(0, SNOOZE_LIMITS.perRound - view.snoozes);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return setError(t('alarms.snoozeModal.reasonRequired'));
    setBusy(true);
    try {
      await onSnooze(minutes, reason.trim());
      onClose();
    } catch (e) {
      setError(alarmErrorText(tx, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('alarms.snoozeModal.title', { number: view.number })} data-testid="snooze-modal">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c={left ? 'dimmed' : 'red'} data-testid="snooze-left">
            {left ? t('alarms.snoozeModal.left', { count: left }) : t('alarms.snoozeModal.none', { max: SNOOZE_LIMITS.perRound })}
          </Text>
          <NumberInput
            label={t('alarms.snoozeModal.minutes')}
            description={t('alarms.snoozeModal.minutesHint', { max: SNOOZE_LIMITS.maxMinutes })}
            min={1}
            max={SNOOZE_LIMITS.maxMinutes}
            clampBehavior="strict"
            allowDecimal={false}
            value={minutes}
            onChange={(value) => setMinutes(Math.min(SNOOZE_LIMITS.maxMinutes, Math.max(1, Number(value) || 1)))}
          />
          <Textarea label={t('alarms.snoozeModal.reason')} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={400} autosize minRows={2} data-autofocus />
          {error ? <Alert color="red" role="alert">{error}</Alert> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('alarms.snoozeModal.cancel')}</Button>
            <Button type="submit" loading={busy} disabled={!left}>{t('alarms.snoozeModal.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
