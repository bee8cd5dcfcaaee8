import { Badge, Group, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../desk/DeskContext';
import { useNow } from '../../desk/useNow';
import { useSyncHostState, useSyncStatus } from '../../sync/SyncContext';
import { shownCount, useSyncCounts } from './useSyncCounts';
import { syncHeaderState, type SyncMain } from './syncHeaderState';

const MAIN_COLOR: Record<SyncMain['kind'], string> = { standalone: 'gray', unreachable: 'red', firstPull: 'blue', syncing: 'blue', never: 'gray', synced: 'teal' };

/**
 * Header: last good sync, events waiting, refused and not understood, hub unreachable, a clock
 * warning, a new station's first pull and a reset notice (F14). Short forms in the header (it
 * shares 1366 px with the clock, "new request" and who is on duty); each chip's sentence is its
 * accessible name, and all of them are the tooltip. `onOpen`: the Sync screen, for the roles
 * that may see it.
 */
export function SyncIndicator({ onOpen }: { onOpen: (() => void) | null }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const status = useSyncStatus();
  const host = useSyncHostState();
  const counts = useSyncCounts(db);
  const now = useNow(15_000);
  const state = syncHeaderState(status, host, counts, now);
  const main = state.main;

  const [mainShort, mainLong] = (() => {
    switch (main.kind) {
      case 'standalone': return [t('sync.header.standalone'), t('sync.header.standaloneHint')];
      case 'unreachable': return [t('sync.header.unreachable'), t('sync.header.unreachableHint')];
      case 'firstPull': return [t('sync.header.firstPullShort', { count: main.pulled }), t('sync.header.firstPull', { count: main.pulled, rate: Math.round(main.perSecond) })];
      case 'syncing': return [t('sync.header.syncing'), null];
      case 'never': return [t('sync.header.never'), null];
      case 'synced': {
        const text = main.ago.unit === 'now' ? t('sync.header.justNow') : t(`sync.header.ago.${main.ago.unit}`, { count: main.ago.count });
        return [text, null];
      }
    }
  })();

  const chips: { id: string; color: string; short: string; long: string; variant?: 'filled' }[] = [];
  if (state.counts.waiting > 0) chips.push({ id: 'sync-waiting', color: 'yellow', short: t('sync.header.waitingShort', { shown: shownCount(state.counts.waiting) }), long: t('sync.header.waiting', { shown: shownCount(state.counts.waiting) }) });
  if (state.counts.quarantined > 0) chips.push({ id: 'sync-quarantined', color: 'red', short: t('sync.header.quarantinedShort', { shown: shownCount(state.counts.quarantined) }), long: t('sync.header.quarantined', { shown: shownCount(state.counts.quarantined) }) });
  if (state.counts.notUnderstood > 0) chips.push({ id: 'sync-not-understood', color: 'orange', short: t('sync.header.notUnderstoodShort', { shown: shownCount(state.counts.notUnderstood) }), long: t('sync.header.notUnderstood', { shown: shownCount(state.counts.notUnderstood) }) });
  if (state.clockOffMinutes !== null) chips.push({ id: 'sync-clock', color: 'orange', short: t('sync.header.clockShort', { minutes: state.clockOffMinutes }), long: `${t('sync.header.clock', { minutes: state.clockOffMinutes })} ${t('sync.header.clockHint')}` });
  if (state.reset) chips.push({ id: 'sync-reset', color: 'orange', variant: 'filled', short: t('sync.header.resetShort'), long: t('sync.header.reset') });

  const lines = [mainLong, ...chips.map((c) => c.long), onOpen ? t('sync.header.details') : null].filter((l): l is string => Boolean(l));
  const badges = (
    <Group gap={4} wrap="nowrap" data-testid="sync-indicator" data-state={main.kind}>
      <Badge color={MAIN_COLOR[main.kind]} variant={main.kind === 'standalone' ? 'outline' : 'dot'} size="lg" tt="none" data-testid="sync-main" aria-label={mainLong ?? mainShort} style={{ flexShrink: 0 }}>{mainShort}</Badge>
      {chips.map((c) => (
        <Badge key={c.id} color={c.color} variant={c.variant ?? 'light'} size="lg" tt="none" data-testid={c.id} aria-label={c.long} style={{ flexShrink: 0 }}>{c.short}</Badge>
      ))}
    </Group>
  );
  const label = <Stack gap={2}>{lines.map((l) => <Text key={l} size="sm">{l}</Text>)}</Stack>;

  return (
    <Tooltip label={label} disabled={lines.length === 0} position="bottom" multiline maw={360}>
      {onOpen ? <UnstyledButton onClick={onOpen} style={{ flexShrink: 0 }}>{badges}</UnstyledButton> : <div style={{ flexShrink: 0 }}>{badges}</div>}
    </Tooltip>
  );
}
