import { useState, type ReactNode } from 'react';
import { Alert, Button, Center, Group, NativeSelect, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { PIN_PATTERN } from '@shared/staff/pin';
import { byPinyin, staffNameKey } from '@shared/staff/staffNames';
import type { StaffMember } from '@shared/staff/staffFold';
import type { DeskDatabase } from '../../db/database';
import type { EventStore } from '../../db/eventStore';
import { lastSignedIn, signIn } from './signIn';
import { SettingsWarning, type SettingsWarningState } from '../../components/SettingsWarning';

interface Props {
  db: DeskDatabase;
  store: EventStore;
  /** Set when the screen was locked: that person is preselected and unlocks with their PIN. */
  lockedStaffId: string | null;
  settingsWarning: SettingsWarningState;
  /** U19: calls that rang while nobody was signed in (the root passes them in). */
  waitingCalls?: ReactNode;
  /** Issue 15: the alarm bar (the root passes it in): deadlines ring and show while locked. */
  alarms?: ReactNode;
  onSignedIn(staffId: string): void;
}

export function SignInScreen({ db, store, lockedStaffId, settingsWarning, waitingCalls, alarms, onSignedIn }: Props) {
  const { t } = useTranslation();
  // U21: by pinyin, starting at whoever signed in last on this station.
  const staff = useLiveQuery(async () => byPinyin(await db.staff.filter((s) => s.active === 1).toArray()), [db]);
  const last = useLiveQuery(() => lastSignedIn(db), [db]);
  const [chosen, setChosen] = useState<string | null>(lockedStaffId);
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const staffId = chosen ?? staff?.find((s) => s.id === last)?.id ?? staff?.[0]?.id ?? '';
  // U9: two people of one name (from stations that added them offline) are told apart by their id's end.
  const keys = (staff ?? []).map((s) => staffNameKey(s.name));
  const label = (s: StaffMember, i: number) =>
    `${s.name}${keys.indexOf(keys[i]!) !== keys.lastIndexOf(keys[i]!) ? ` #${s.id.slice(-4)}` : ''} · ${t(`common.roles.${s.role}`)}`;
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
    <Center mih="100vh" p="md" bg="gray.0" style={{ flexDirection: 'column', gap: 'var(--mantine-spacing-md)' }}>
      {alarms ? <div style={{ width: 'min(960px, 100%)' }}>{alarms}</div> : null}
      <Paper withBorder shadow="sm" p="xl" w={420}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <Title order={2}>{lockedStaffId ? t('signIn.lockedTitle') : t('signIn.title')}</Title>
            {lockedStaffId ? <Text c="dimmed">{t('signIn.lockedBody', { name: lockedName ?? '' })}</Text> : null}
            {waitingCalls}
            <SettingsWarning state={settingsWarning} />
            <NativeSelect
              label={t('signIn.who')}
              value={staffId}
              onChange={(e) => {
                setChosen(e.currentTarget.value);
                setMessage(null);
              }}
              data={(staff ?? []).map((s, i) => ({ value: s.id, label: label(s, i) }))}
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
