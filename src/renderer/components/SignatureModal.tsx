import { useState } from 'react';
import { Alert, Button, Group, Modal, NativeSelect, PasswordInput, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PIN_PATTERN } from '@shared/staff/pin';
import type { StaffMember } from '@shared/staff/staffFold';

/** What a PIN signature came to: signed, or the sign-in check's refusal (signIn.ts checkPin: a wrong PIN counts as an attempt). */
export type PinSignResult =
  | { ok: true }
  | { ok: false; reason: 'wrongPin'; triesLeft: number }
  | { ok: false; reason: 'lockedOut'; until: number }
  | { ok: false; reason: 'inactive' | 'unknown' };

interface Props {
  title: string;
  people: readonly Pick<StaffMember, 'id' | 'name' | 'role'>[];
  /** Who is chosen at first (the signed-in person when they may sign). */
  initial: string;
  onSign(staffId: string, pin: string): Promise<PinSignResult>;
  onClose(): void;
  /** A refusal thrown by `onSign` (the command's own rule), in the desk's language. */
  errorText(error: unknown): string;
  testId?: string;
}

/**
 * R-HANDOVER-SIGN, R-MORNING-REVIEW, R-DAILY-REPORT: a signature is the person's PIN on this
 * station, checked as at sign-in without signing in (checkPin: a wrong PIN counts, too many lock out).
 */
export function SignatureModal({ title, people, initial, onSign, onClose, errorText, testId }: Props) {
  const { t } = useTranslation();
  const [staffId, setStaffId] = useState(people.some((s) => s.id === initial) ? initial : (people[0]?.id ?? ''));
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
      setMessage(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={title} data-testid={testId}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <NativeSelect
            label={t('common.signature.who')}
            value={staffId}
            onChange={(e) => setStaffId(e.currentTarget.value)}
            data={people.map((s) => ({ value: s.id, label: `${s.name} · ${t(`common.roles.${s.role}`)}` }))}
          />
          <PasswordInput label={t('common.signature.pin')} value={pin} onChange={(e) => setPin(e.currentTarget.value)} inputMode="numeric" autoComplete="off" maxLength={12} data-autofocus />
          {message ? <Alert color="red" role="alert">{message}</Alert> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.signature.cancel')}</Button>
            <Button type="submit" loading={busy} disabled={!staffId}>{t('common.signature.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
