import { useState } from 'react';
import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../desk/DeskContext';
import { useNow } from '../../desk/useNow';
import { formatDateTime, formatTime } from '../../i18n/format';
import { useSyncEngine, useSyncHostState, useSyncStatus } from '../../sync/SyncContext';
import { shownCount, useSyncCounts } from './useSyncCounts';
import { useRunHistory } from './useRunHistory';
import { SyncIndicator } from './SyncIndicator';
import { SyncRunHistory } from './SyncRunHistory';
import { QuarantineList } from './QuarantineList';
import { NotUnderstoodList } from './NotUnderstoodList';
import { FailureMessage } from './FailureMessage';

/** Supervisors and managers: the sync's state, its runs, "sync now", what the hub refused (F10) and what is not understood (F12). */
export function SyncScreen() {
  const { t, i18n } = useTranslation();
  const { db, bridge, station } = useDesk();
  const status = useSyncStatus();
  const host = useSyncHostState();
  const engine = useSyncEngine();
  const counts = useSyncCounts(db);
  const runs = useRunHistory(db);
  const [busy, setBusy] = useState(false);
  useNow(15_000);
  const tz = station.timeZone;
  const enrolled = Boolean(host?.enrolled);

  const syncNow = async () => {
    setBusy(true);
    try {
      // The leader tab runs it here; another tab asks the host, which ticks the leader (one loop per workstation).
      if (engine) {
        const result = await engine.runOnce();
        if (result.ok) notifications.show({ color: 'teal', message: t('sync.screen.syncDone') });
      } else {
        await bridge.invoke('sync:request', 'now');
      }
    } finally {
      setBusy(false);
    }
  };
  const errors = runs.filter((r) => r.failure).slice(0, 5);
  const reachable = host?.reachable == null ? t('sync.screen.reachableUnknown') : host.reachable ? t('sync.screen.reachableYes') : t('sync.screen.reachableNo');

  return (
    <Stack maw={960} data-testid="sync-screen">
      <Group justify="space-between">
        <Title order={3}>{t('sync.screen.title')}</Title>
        <Button onClick={() => void syncNow()} loading={busy || Boolean(status.running)} disabled={!enrolled}>{t('sync.screen.syncNow')}</Button>
      </Group>
      <SyncIndicator onOpen={null} />
      {!enrolled ? <Alert color="gray">{t('sync.screen.notEnrolled')}</Alert> : null}
      {status.resetDetectedAt != null ? (
        <Alert color="orange" withCloseButton={Boolean(engine)} closeButtonLabel={t('sync.screen.dismissReset')} onClose={() => void engine?.dismissReset()}>
          {t('sync.header.reset')}
        </Alert>
      ) : null}
      <Paper withBorder p="md">
        <Title order={4}>{t('sync.screen.hub')}</Title>
        <SimpleGrid cols={2} mt="sm" spacing="xs">
          <Text size="sm">{t('sync.screen.hubUrl')}: {host?.hubUrl ?? t('common.none')}</Text>
          <Text size="sm">{t('sync.screen.site')}: {host?.site ?? t('common.none')}</Text>
          <Text size="sm">{t('sync.screen.station')}: {host?.station ?? station.stationName}</Text>
          <Text size="sm">{t('sync.screen.epoch')}: {status.hubEpoch ?? host?.hubEpoch ?? t('common.none')}</Text>
          <Text size="sm" data-testid="sync-reachable">
            {t('sync.screen.reachable')}: {reachable}
            {host?.reachable === false && host.retryAt ? ` · ${t('sync.screen.retryAt', { time: formatTime(host.retryAt, tz, i18n.language) })}` : ''}
          </Text>
          <Text size="sm">{t('sync.screen.offset')}: {status.clockOffsetMs == null ? t('common.none') : t('sync.screen.offsetValue', { seconds: (status.clockOffsetMs / 1000).toFixed(1) })}</Text>
          <Text size="sm">{t('sync.screen.lastGood')}: {status.lastGoodAt ? formatDateTime(status.lastGoodAt, tz, i18n.language) : t('sync.screen.never')}</Text>
          <Text size="sm" data-testid="sync-counts">
            {t('sync.screen.waiting')}: {shownCount(counts.waiting)} · {t('sync.screen.quarantined')}: {shownCount(counts.quarantined)} · {t('sync.screen.notUnderstood')}: {shownCount(counts.notUnderstood)}
          </Text>
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Title order={4}>{t('sync.screen.lastErrors')}</Title>
          {host?.lastError ? (
            <Group gap="sm" align="flex-start" wrap="nowrap">
              <Text size="sm" c="dimmed" miw={150}>{formatDateTime(host.lastError.at, tz, i18n.language)}</Text>
              <FailureMessage failure={host.lastError} />
            </Group>
          ) : null}
          {errors.map((run) => (
            <Group key={run.startedAt} gap="sm" align="flex-start" wrap="nowrap">
              <Text size="sm" c="dimmed" miw={150}>{formatDateTime(run.endedAt, tz, i18n.language)}</Text>
              <FailureMessage failure={{ failure: run.failure!, message: run.message }} />
            </Group>
          ))}
          {!host?.lastError && errors.length === 0 ? <Text size="sm" c="dimmed">{t('sync.screen.noErrors')}</Text> : null}
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Title order={4} mb="sm">{t('sync.screen.history')}</Title>
        <SyncRunHistory runs={runs} />
      </Paper>
      <Paper withBorder p="md"><QuarantineList /></Paper>
      <Paper withBorder p="md"><NotUnderstoodList /></Paper>
    </Stack>
  );
}
