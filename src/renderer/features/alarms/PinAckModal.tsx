import { useState } from 'react';
import { Alert, Button, Group, Modal, NativeSelect, PasswordInput, Stack, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Translate } from '../ticket/timelineText';
import { PIN_PATTERN } from '@shared/staff/pin';
import { byPinyin } from '@shared/staff/staffNames';
import type { DeskDatabase } from '../../db/database';
import type { EventStore } from '../../db/eventStore';
import { checkPin } from '../signin/signIn';
import type { Actor } from '../handling/stepCommands';
import type { AlarmView } from './deriveAlarms';
import { alarmErrorText } from './alarmError';

/**
 * Acknowledging from the lock screen: the person picks their name and types their PIN (the
 * sign-in's check: a wrong PIN counts as an attempt), then acknowledges as themselves.
 */
export function PinAckModal({ db, store, view, onAcknowledge, onClose }: { db: DeskDatabase; store: EventStore; view: AlarmView; onAcknowledge(actor: Actor): Promise<void>; onClose(): void }) {
  const { t } = useTranslation();
  const tx = t as unknown as Translate;
  const staff = useLiveQuery(async () => byPinyin(await db.staff.filter((s) => s.active === 1).toArray()), [db]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const staffId = chosen ?? staff?.[0]?.id ?? '';
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!staffId) return setMessage(t('signIn.chooseStaff'));
    if (!PIN_PATTERN.test(pin)) return setMessage(t('signIn.pinFormat'));
    setBusy(true);
    try {
      const result = await checkPin(db, store, staffId, pin);
      setPin('');
      if (!result.ok) {
        if (result.reason === 'wrongPin') return setMessage(t('signIn.wrongPin', { left: result.triesLeft }));
        if (result.reason === 'lockedOut') return setMessage(t('signIn.lockedOut', { time: new Date(result.until).toLocaleTimeString(undefined, { hourCycle: 'h23' }) }));
        return setMessage(t('signIn.inactive'));
      }
      await onAcknowledge({ id: result.member.id, role: result.member.role });
      onClose();
    } catch (error) {
      setMessage(alarmErrorText(tx, error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('alarms.pinModal.title', { number: view.number })} data-testid="pin-ack-modal">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">{t('alarms.pinModal.body')}</Text>
          <NativeSelect
            label={t('alarms.pinModal.who')}
            value={staffId}
            onChange={(e) => setChosen(e.currentTarget.value)}
            data={(staff ?? []).map((s) => ({ value: s.id, label: `${s.name} · ${t(`common.roles.${s.role}`)}` }))}
          />
          <PasswordInput label={t('alarms.pinModal.pin')} value={pin} onChange={(e) => setPin(e.currentTarget.value)} inputMode="numeric" autoComplete="off" maxLength={12} data-autofocus />
          {message ? <Alert color="red" role="alert">{message}</Alert> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('alarms.pinModal.cancel')}</Button>
            <Button type="submit" color="red" loading={busy}>{t('alarms.pinModal.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
