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
      <Group gap="sm" wrap="nowrap">
        <Text fw={700}>{t('common.appName')}</Text>
        <Text c="dimmed" size="sm">{station.estateName} · {station.stationName} ({station.stationCode})</Text>
      </Group>
      <Group gap="sm" wrap="nowrap">
        <DutyIndicator />
        <SyncIndicator onOpen={onOpenSync} />
        <CallerIdIndicator />
        <Text size="lg" fw={600} data-testid="station-clock">{formatTime(now, station.timeZone, i18n.language)}</Text>
        <Tooltip label={t('common.header.newRequestHint')}>
          <Button onClick={onNewRequest}>{t('common.header.newRequest')}</Button>
        </Tooltip>
        {/* U21: names as written (a badge upper-cases by default: TOM LEE). */}
        <Badge size="lg" variant="light" tt="none" data-testid="on-duty">
          {t('common.header.onDuty', { name: staff.name })} · {t(`common.roles.${staff.role}`)}
        </Badge>
        <Tooltip label={t('common.header.lockHint')}>
          <Button variant="default" onClick={lock}>{t('common.header.lock')}</Button>
        </Tooltip>
      </Group>
    </Group>
  );
}
