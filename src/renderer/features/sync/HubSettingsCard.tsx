import { useState } from 'react';
import { Alert, Button, Group, Modal, NativeSelect, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { can } from '@shared/domain/roles';
import type { WhoamiAnswer } from '@shared/sync/syncContract';
import { useDesk } from '../../desk/DeskContext';
import { useSyncHostState } from '../../sync/SyncContext';
import { FailureMessage } from './FailureMessage';
import { hubUrlLooksValid } from './hubUrlInput';

export const SCHEDULE_MINUTES = [1, 2, 5, 10, 15, 30, 60] as const;

// `thrown`: the host refused the call itself (an argument out of bounds, a host down): said, not swallowed.
type Outcome = { kind: 'test' | 'enrol'; answer: WhoamiAnswer } | { kind: 'thrown'; message: string } | null;

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Settings → sync hub (manager only for changes, `sync.manage`): the hub's address and this
 * station's token. The token is sent once to the host and the field is cleared: the renderer
 * never keeps it (not in state after use, not in IndexedDB).
 */
export function HubSettingsCard() {
  const { t } = useTranslation();
  const { bridge, staff, station } = useDesk();
  const host = useSyncHostState();
  const mayChange = can(staff.role, 'sync.manage');
  const [hubUrl, setHubUrl] = useState<string | null>(null);
  const [token, setToken] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState<'test' | 'enrol' | 'unenrol' | 'schedule' | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [touched, setTouched] = useState(false);
  const url = hubUrl ?? host?.hubUrl ?? '';
  const expected = { station: station.stationName, site: host?.site ?? null };

  const enrol = async () => {
    setTouched(true);
    if (!hubUrlLooksValid(url) || !token) return;
    setBusy('enrol');
    setOutcome(null);
    const sent = token;
    setToken('');
    try {
      // The station's own name: a token of another station is refused (its every event would be WRONG_STATION).
      const answer = await bridge.invoke('sync:enrol', { hubUrl: url.trim(), token: sent, expectStation: station.stationName, expectSite: host?.site ?? null });
      setOutcome({ kind: 'enrol', answer });
      if (answer.ok) {
        setHubUrl(null);
        setTouched(false);
        notifications.show({ color: 'teal', message: t('sync.hubCard.saved', { site: answer.site, station: answer.station }) });
      }
    } catch (e) {
      setOutcome({ kind: 'thrown', message: messageOf(e) });
    } finally {
      setBusy(null);
    }
  };
  const test = async () => {
    setBusy('test');
    setOutcome(null);
    try {
      setOutcome({ kind: 'test', answer: await bridge.invoke('sync:test') });
    } catch (e) {
      setOutcome({ kind: 'thrown', message: messageOf(e) });
    } finally {
      setBusy(null);
    }
  };
  const unenrol = async () => {
    setBusy('unenrol');
    try {
      await bridge.invoke('sync:unenrol');
      setOutcome(null);
      setConfirming(false);
      notifications.show({ color: 'teal', message: t('sync.hubCard.unenrolled') });
    } catch (e) {
      setConfirming(false);
      setOutcome({ kind: 'thrown', message: messageOf(e) });
    } finally {
      setBusy(null);
    }
  };
  const schedule = async (minutes: number) => {
    setBusy('schedule');
    try {
      await bridge.invoke('sync:schedule', minutes);
      notifications.show({ color: 'teal', message: t('sync.hubCard.scheduleSaved') });
    } catch (e) {
      setOutcome({ kind: 'thrown', message: messageOf(e) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Paper withBorder p="md" data-testid="hub-settings">
      <Stack>
        <Title order={4}>{t('sync.hubCard.title')}</Title>
        <Text size="sm" c="dimmed">{t('sync.hubCard.intro')}</Text>
        <Text fw={500} data-testid="hub-enrolment" data-enrolled={host?.enrolled ? 'yes' : 'no'}>
          {host?.enrolled
            ? host.site && host.station ? t('sync.hubCard.enrolled', { site: host.site, station: host.station }) : t('sync.hubCard.enrolledUnknown')
            : t('sync.hubCard.notEnrolled')}
        </Text>
        {!mayChange ? <Alert color="yellow">{t('sync.hubCard.managerOnly')}</Alert> : null}
        <TextInput
          label={t('sync.hubCard.hubUrl')} description={t('sync.hubCard.hubUrlHint')} value={url} disabled={!mayChange}
          onChange={(e) => setHubUrl(e.currentTarget.value)} error={touched ? (!url.trim() ? t('sync.hubCard.required') : !hubUrlLooksValid(url) ? t('sync.hubCard.badUrl') : null) : null}
          inputWrapperOrder={['label', 'input', 'description', 'error']} autoComplete="off"
        />
        <PasswordInput
          label={t('sync.hubCard.token')} description={t('sync.hubCard.tokenHint')} value={token} disabled={!mayChange}
          onChange={(e) => setToken(e.currentTarget.value)} error={touched && !token ? t('sync.hubCard.required') : null}
          inputWrapperOrder={['label', 'input', 'description', 'error']} autoComplete="new-password"
        />
        {outcome?.kind === 'thrown' ? (
          <Alert color="red" data-testid="hub-outcome" data-ok="no" data-failure="local">
            <FailureMessage failure={{ failure: 'local', message: outcome.message }} />
          </Alert>
        ) : null}
        {outcome && outcome.kind !== 'thrown' && outcome.answer.ok ? (
          <Alert color="teal" data-testid="hub-outcome" data-ok="yes">
            {t(outcome.kind === 'test' ? 'sync.hubCard.testOk' : 'sync.hubCard.saved', { site: outcome.answer.site, station: outcome.answer.station })}
          </Alert>
        ) : null}
        {outcome && outcome.kind !== 'thrown' && !outcome.answer.ok ? (
          <Alert color="red" data-testid="hub-outcome" data-ok="no" data-failure={outcome.answer.failure}>
            <FailureMessage failure={outcome.answer} expected={expected} />
          </Alert>
        ) : null}
        <Group>
          <Button onClick={() => void enrol()} loading={busy === 'enrol'} disabled={!mayChange}>{t('sync.hubCard.save')}</Button>
          <Button variant="default" onClick={() => void test()} loading={busy === 'test'} disabled={!host?.enrolled}>{t('sync.hubCard.test')}</Button>
          {host?.enrolled ? <Button variant="subtle" color="red" onClick={() => setConfirming(true)} disabled={!mayChange}>{t('sync.hubCard.unenrol')}</Button> : null}
        </Group>
        <NativeSelect
          label={t('sync.hubCard.schedule')} w={200} disabled={!mayChange || !host?.enrolled || busy === 'schedule'}
          value={String(host?.everyMinutes ?? 1)} onChange={(e) => void schedule(Number(e.currentTarget.value))}
          data={SCHEDULE_MINUTES.map((m) => ({ value: String(m), label: t('sync.hubCard.everyMinutes', { count: m }) }))}
        />
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('sync.hubCard.unenrolTitle')}>
        <Stack>
          <Text size="sm">{t('sync.hubCard.unenrolBody')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>{t('common.cancel')}</Button>
            <Button color="red" onClick={() => void unenrol()} loading={busy === 'unenrol'}>{t('sync.hubCard.unenrolConfirm')}</Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
