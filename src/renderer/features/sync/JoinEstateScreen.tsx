import { useState } from 'react';
import { Alert, Button, Group, Loader, Paper, PasswordInput, Progress, Stack, Text, TextInput, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { DeskBridge } from '@shared/bridge/contract';
import type { WhoamiAnswer } from '@shared/sync/syncContract';
import { STATION_CODE_PATTERN } from '@shared/tickets/ticketNumber';
import type { DeskDatabase } from '../../db/database';
import type { EventStore } from '../../db/eventStore';
import type { StationRecord } from '../../desk/boot';
import { useSyncHostState, useSyncStatus } from '../../sync/SyncContext';
import { completeJoin, deriveStationCode, JoinError, joinReadiness, startJoin } from '../setup/joinEstate';
import { FailureMessage } from './FailureMessage';
import { hubUrlLooksValid } from './hubUrlInput';

interface Props {
  db: DeskDatabase;
  bridge: DeskBridge;
  onJoined(result: { store: EventStore; station: StationRecord }): void;
  onBack(): void;
}

const HINT_BELOW = ['label', 'input', 'description', 'error'] as ('label' | 'input' | 'description' | 'error')[];

/**
 * A second station of an estate joins it (issue 13): hub address and token → whoami names the
 * estate and station → the estate's events arrive (progress shown) → a station code → people
 * sign in with their existing PINs. The logic is features/setup/joinEstate.ts.
 */
export function JoinEstateScreen({ db, bridge, onJoined, onBack }: Props) {
  const { t } = useTranslation();
  const host = useSyncHostState();
  const status = useSyncStatus();
  const [hubUrl, setHubUrl] = useState('');
  const [token, setToken] = useState('');
  const [touched, setTouched] = useState(false);
  const [answer, setAnswer] = useState<WhoamiAnswer | null>(null);
  const [thrown, setThrown] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [code, setCode] = useState<string | null>(null);
  const [joinError, setJoinError] = useState<string | null>(null);
  const readiness = useLiveQuery(() => joinReadiness(db), [db]);

  // Enrolled already (this screen reloaded mid-join, or `--hub` at start): straight to the pull.
  const joined = answer?.ok ? { site: answer.site, station: answer.station } : host?.enrolled && host.site && host.station ? { site: host.site, station: host.station } : null;

  const connect = async () => {
    setTouched(true);
    if (!hubUrlLooksValid(hubUrl) || !token) return;
    setBusy(true);
    setThrown(null);
    const sent = token;
    // The token goes to the host once and is not kept here.
    setToken('');
    try {
      setAnswer(await startJoin(bridge, { hubUrl: hubUrl.trim(), token: sent }));
    } catch (e) {
      setThrown(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const suggested = joined && readiness ? deriveStationCode(joined.station, readiness.codes) : '';
  const chosen = (code ?? suggested).toUpperCase();
  const codeError = !chosen ? null : !STATION_CODE_PATTERN.test(chosen) ? t('setup.errors.stationCode') : readiness?.codes.includes(chosen) ? t('sync.join.stationCodeTaken') : null;

  const finish = async () => {
    if (!joined || codeError || !chosen) return;
    setBusy(true);
    setJoinError(null);
    try {
      onJoined(await completeJoin(db, { stationName: joined.station, stationCode: chosen }));
    } catch (e) {
      setJoinError(e instanceof JoinError && e.reason === 'codeTaken' ? t('sync.join.stationCodeTaken') : e instanceof JoinError && e.reason === 'badCode' ? t('setup.errors.stationCode') : t('common.saveErrors.unknown'));
      setBusy(false);
    }
  };

  const progress = status.progress;
  return (
    <Stack data-testid="join-estate">
      <Title order={2}>{t('sync.join.title')}</Title>
      {!joined ? (
        <>
          <Text c="dimmed">{t('sync.join.intro')}</Text>
          <TextInput
            label={t('sync.hubCard.hubUrl')} description={t('sync.hubCard.hubUrlHint')} value={hubUrl} onChange={(e) => setHubUrl(e.currentTarget.value)}
            error={touched ? (!hubUrl.trim() ? t('sync.hubCard.required') : !hubUrlLooksValid(hubUrl) ? t('sync.hubCard.badUrl') : null) : null}
            inputWrapperOrder={HINT_BELOW} autoComplete="off" data-autofocus
          />
          <PasswordInput
            label={t('sync.hubCard.token')} description={t('sync.hubCard.tokenHint')} value={token} onChange={(e) => setToken(e.currentTarget.value)}
            error={touched && !token ? t('sync.hubCard.required') : null} inputWrapperOrder={HINT_BELOW} autoComplete="new-password"
          />
          {answer && !answer.ok ? <Alert color="red" data-testid="join-failure" data-failure={answer.failure}><FailureMessage failure={answer} /></Alert> : null}
          {thrown ? <Alert color="red" data-testid="join-failure" data-failure="local"><FailureMessage failure={{ failure: 'local', message: thrown }} /></Alert> : null}
          <Group justify="space-between">
            <Button variant="default" onClick={onBack}>{t('sync.join.newEstate')}</Button>
            <Button onClick={() => void connect()} loading={busy}>{t('sync.join.connect')}</Button>
          </Group>
        </>
      ) : (
        <>
          <Paper withBorder p="sm" bg="gray.0">
            <Text fw={600} data-testid="join-whoami">{t('sync.join.whoami', { site: joined.site, station: joined.station })}</Text>
          </Paper>
          <Stack gap={4} data-testid="join-progress">
            <Text size="sm">{t('sync.join.pulling', { count: progress?.pulled ?? 0, rate: Math.round(progress?.perSecond ?? 0) })}</Text>
            {readiness?.ready ? null : <Progress value={100} animated striped />}
          </Stack>
          {!readiness?.ready ? (
            <Group gap="xs"><Loader size="xs" /><Text size="sm" c="dimmed">{t('sync.join.waitingFor')}</Text></Group>
          ) : (
            <>
              <Alert color="teal">{t('sync.join.ready')}</Alert>
              <TextInput
                label={t('sync.join.stationCode')} description={t('sync.join.stationCodeHint')} value={chosen}
                onChange={(e) => setCode(e.currentTarget.value.toUpperCase())} error={codeError} inputWrapperOrder={HINT_BELOW}
              />
              <Text size="sm" c="dimmed">{t('sync.join.signInNext')}</Text>
              {joinError ? <Alert color="red">{joinError}</Alert> : null}
              <Group justify="flex-end">
                <Button onClick={() => void finish()} loading={busy} disabled={Boolean(codeError) || !chosen}>{t('sync.join.finish')}</Button>
              </Group>
            </>
          )}
        </>
      )}
    </Stack>
  );
}
