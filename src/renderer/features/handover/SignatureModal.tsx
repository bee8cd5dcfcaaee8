import { useState } from 'react';
import { Alert, Button, Group, Modal, NativeSelect, PasswordInput, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PIN_PATTERN } from '@shared/staff/pin';
import type { StaffMember } from '@shared/staff/staffFold';
import type { Translate } from '../ticket/timelineText';
import type { SignResult } from './handoverCommands';
import { handoverErrorText } from './handoverErrors';

interface Props {
  title: string;
  people: readonly StaffMember[];
  initial: string;
  onSign(staffId: string, pin: string): Promise<SignResult>;
  onClose(): void;
}

/** R-HANDOVER-SIGN: a signature is the person's PIN on this station (the sign-in's check: a wrong PIN counts). */
export function SignatureModal({ title, people, initial, onSign, onClose }: Props) {
  const { t } = useTranslation();
  const [staffId, setStaffId] = useState(initial || people[0]?.id || '');
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!PIN_PATTERN.test(pin)) return setMessage(t('signIn.pinFormat'));
    setBusy(true);
    try {
      const result = await onSign(staffId, pin);
      setPin('');
      if (result.ok) return onClose();
      if (result.reason === 'wrongPin') return setMessage(t('signIn.wrongPin', { left: result.triesLeft }));
      if (result.reason === 'lockedOut') return setMessage(t('signIn.lockedOut', { time: new Date(result.until).toLocaleTimeString(undefined, { hourCycle: 'h23' }) }));
      return setMessage(t('signIn.inactive'));
    } catch (error) {
      setMessage(handoverErrorText(t as unknown as Translate, error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={title} data-testid="handover-sign-modal">
      <form onSubmit={submit} noValidate>
        <Stack>
          <NativeSelect
            label={t('handover.sign.who')}
            value={staffId}
            onChange={(e) => setStaffId(e.currentTarget.value)}
            data={people.map((s) => ({ value: s.id, label: `${s.name} · ${t(`common.roles.${s.role}`)}` }))}
          />
          <PasswordInput label={t('handover.sign.pin')} value={pin} onChange={(e) => setPin(e.currentTarget.value)} inputMode="numeric" autoComplete="off" maxLength={12} data-autofocus />
          {message ? <Alert color="red" role="alert">{message}</Alert> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('handover.sign.cancel')}</Button>
            <Button type="submit" loading={busy}>{t('handover.sign.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
