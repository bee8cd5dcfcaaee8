import { useEffect, useState } from 'react';
import { Alert, Code, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CallerIdStatus } from '@shared/bridge/contract';
import { can } from '@shared/domain/roles';
import { useDesk } from '../../desk/DeskContext';
import { parsedEventText } from './parsedEventText';

const KEEP = 40;

/**
 * Live view for installers. R-CONFIDENTIAL (S6): the raw bytes and parsed events carry callers'
 * full numbers, so only a role with `phone.unmask` and `settings.manage` (who set the box up)
 * opens it; any other role gets a notice and no subscription.
 */
export function CallerIdTestView() {
  const { t } = useTranslation();
  const { staff } = useDesk();
  if (!can(staff.role, 'phone.unmask') || !can(staff.role, 'settings.manage')) {
    return <Alert color="yellow" data-testid="callerid-test-denied">{t('callerId.settings.testNotPermitted')}</Alert>;
  }
  return <CallerIdLiveView />;
}

function CallerIdLiveView() {
  const { t } = useTranslation();
  const { bridge } = useDesk();
  const [raw, setRaw] = useState<string[]>([]);
  // The host's events as sent; shown in the desk's language (U21), so a language switch redraws them.
  const [parsed, setParsed] = useState<{ type: string; summary: string }[]>([]);
  const [status, setStatus] = useState<CallerIdStatus | null>(null);
  useEffect(() => {
    void bridge.invoke('callerId:status').then(setStatus).catch(() => {});
    const offs = [
      bridge.on('callerId:raw', (r) => setRaw((lines) => [...lines.slice(-KEEP + 1), r.hex.replace(/(..)/g, '$1 ').trim()])),
      bridge.on('callerId:event', (e) => setParsed((lines) => [...lines.slice(-KEEP + 1), { type: e.type, summary: e.summary }])),
      bridge.on('callerId:status', setStatus),
    ];
    return () => offs.forEach((off) => off());
  }, [bridge]);
  return (
    <Stack gap="xs" data-testid="callerid-test">
      {status ? <Text size="sm">{t('callerId.settings.status', { status: t(`callerId.indicator.${status.state}`) })} · {t('callerId.settings.garbage', { count: status.garbageCount })}</Text> : null}
      <SimpleGrid cols={2}>
        <div>
          <Text size="sm" fw={600}>{t('callerId.settings.raw')}</Text>
          <Code block mah={200} style={{ overflow: 'auto' }}>{raw.join('\n')}</Code>
        </div>
        <div>
          <Text size="sm" fw={600}>{t('callerId.settings.parsed')}</Text>
          <Code block mah={200} style={{ overflow: 'auto' }} data-testid="callerid-parsed">{parsed.map((e) => parsedEventText(e.type, e.summary, t)).join('\n')}</Code>
        </div>
      </SimpleGrid>
    </Stack>
  );
}
