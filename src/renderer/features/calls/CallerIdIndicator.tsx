import { useEffect, useState } from 'react';
import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CallerIdStatus } from '@shared/bridge/contract';
import { useDesk } from '../../desk/DeskContext';
import { formatTime } from '../../i18n/format';

const COLORS: Record<CallerIdStatus['state'], string> = { connected: 'teal', noDevice: 'orange', error: 'red', disabled: 'gray', stopped: 'gray' };

/** Header badge: is the caller-ID box there, and when did it last report a call. */
export function CallerIdIndicator() {
  const { t, i18n } = useTranslation();
  const { bridge, station } = useDesk();
  const [status, setStatus] = useState<CallerIdStatus | null>(null);
  useEffect(() => {
    let live = true;
    void bridge.invoke('callerId:status').then((s) => live && setStatus(s)).catch(() => {});
    const off = bridge.on('callerId:status', setStatus);
    return () => {
      live = false;
      off();
    };
  }, [bridge]);
  if (!status) return null;
  const last = status.lastCallAt ? t('callerId.indicator.lastCall', { time: formatTime(status.lastCallAt, station.timeZone, i18n.language) }) : '';
  return (
    <Tooltip label={last} disabled={!last}>
      <Badge color={COLORS[status.state]} variant="dot" size="lg" tt="none" data-testid="callerid-status" data-state={status.state}>
        {t(`callerId.indicator.${status.state}`)}
      </Badge>
    </Tooltip>
  );
}
