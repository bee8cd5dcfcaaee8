import { useState } from 'react';
import { Alert, Button, Center, Group, NativeSelect, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { PIN_PATTERN } from '@shared/staff/pin';
import type { DeskDatabase } from '../../db/database';
import type { EventStore } from '../../db/eventStore';
import { signIn } from './signIn';
import { SettingsWarning, type SettingsWarningState } from '../../components/SettingsWarning';

interface Props {
  db: DeskDatabase;
  store: EventStore;
  /** Set when the screen was locked: that person is preselected and unlocks with their PIN. */
  lockedStaffId: string | null;
  settingsWarning: SettingsWarningState;
  onSignedIn(staffId: string): void;
}

export function SignInScreen({ db, store, lockedStaffId, settingsWarning, onSignedIn }: Props) {
  const { t } = useTranslation();
  const staff = useLiveQuery(() => db.staff.orderBy('name').filter((s) => s.active === 1).toArray(), [db]);
  const [chosen, setChosen] = useState<string | null>(lockedStaffId);
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const staffId = chosen ?? staff?.[0]?.id ?? '';
  const lockedName = staff?.find((s) => s.id === lockedStaffId)?.name;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!staffId) return setMessage(t('signIn.chooseStaff'));
    if (!PIN_PATTERN.test(pin)) return setMessage(t('signIn.pinFormat'));
    setBusy(true);
    let result: Awaited<ReturnType<typeof signIn>>;
    try {
      result = await signIn(db, store, staffId, pin, lockedStaffId === staffId ? 'unlock' : lockedStaffId ? 'switch' : 'signIn');
    } catch {
      // S12: a failed save (closed database, full disk) must not leave the button spinning.
      return setMessage(t('signIn.failed'));
    } finally {
      setBusy(false);
      setPin('');
    }
    if (result.ok) return onSignedIn(staffId);
    if (result.reason === 'wrongPin') setMessage(t('signIn.wrongPin', { left: result.triesLeft }));
    else if (result.reason === 'lockedOut') setMessage(t('signIn.lockedOut', { time: new Date(result.until).toLocaleTimeString(undefined, { hourCycle: 'h23' }) }));
    else setMessage(t('signIn.inactive'));
  };

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={420}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <Title order={2}>{lockedStaffId ? t('signIn.lockedTitle') : t('signIn.title')}</Title>
            {lockedStaffId ? <Text c="dimmed">{t('signIn.lockedBody', { name: lockedName ?? '' })}</Text> : null}
            <SettingsWarning state={settingsWarning} />
            <NativeSelect
              label={t('signIn.who')}
              value={staffId}
              onChange={(e) => {
                setChosen(e.currentTarget.value);
                setMessage(null);
              }}
              data={(staff ?? []).map((s) => ({ value: s.id, label: `${s.name} · ${t(`common.roles.${s.role}`)}` }))}
            />
            <PasswordInput
              label={t('signIn.pin')}
              value={pin}
              onChange={(e) => setPin(e.currentTarget.value)}
              inputMode="numeric"
              autoComplete="off"
              autoFocus
              maxLength={12}
            />
            {message ? <Alert color="red" role="alert">{message}</Alert> : null}
            <Group justify="flex-end">
              <Button type="submit" loading={busy}>{lockedStaffId === staffId ? t('signIn.unlock') : t('signIn.submit')}</Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
