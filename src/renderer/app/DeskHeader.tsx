import { Badge, Button, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../desk/DeskContext';
import { formatTime } from '../i18n/format';
import { useNow } from '../desk/useNow';
import { CallerIdIndicator } from '../features/calls/CallerIdIndicator';
import { SyncIndicator } from '../features/sync/SyncIndicator';
import { DutyIndicator } from '../features/duty/DutyIndicator';

/** `onOpenSync`: the Sync screen, null for the roles that may not see it. */
export function DeskHeader({ onNewRequest, onOpenSync }: { onNewRequest(): void; onOpenSync: (() => void) | null }) {
  const { t, i18n } = useTranslation();
  const { station, staff, lock } = useDesk();
  const now = useNow(15_000);

  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      {/* When the header is full (English, the desk held elsewhere) the estate's name gives way, not the badges or buttons. */}
      <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
        <Text fw={700} style={{ flexShrink: 0 }}>{t('common.appName')}</Text>
        <Text c="dimmed" size="sm" truncate="end" title={`${station.estateName} · ${station.stationName} (${station.stationCode})`}>{station.estateName} · {station.stationName} ({station.stationCode})</Text>
      </Group>
      <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
        <DutyIndicator />
        <SyncIndicator onOpen={onOpenSync} />
        <CallerIdIndicator />
        {/* Buttons and the clock keep their width. */}
        <Text size="lg" fw={600} style={{ flexShrink: 0 }} data-testid="station-clock">{formatTime(now, station.timeZone, i18n.language)}</Text>
        <Tooltip label={t('common.header.newRequestHint')}>
          <Button onClick={onNewRequest} style={{ flexShrink: 0 }}>{t('common.header.newRequest')}</Button>
        </Tooltip>
        {/* U21: names as written (a badge upper-cases by default: TOM LEE). */}
        <Badge size="lg" variant="light" tt="none" data-testid="on-duty">
          {t('common.header.onDuty', { name: staff.name })} · {t(`common.roles.${staff.role}`)}
        </Badge>
        <Tooltip label={t('common.header.lockHint')}>
          <Button variant="default" onClick={lock} style={{ flexShrink: 0 }}>{t('common.header.lock')}</Button>
        </Tooltip>
      </Group>
    </Group>
  );
}
