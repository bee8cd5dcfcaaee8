import { Alert, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { shownPhone } from '@shared/directory/phone/shownPhone';
import type { StationRecord } from '../../desk/boot';
import { formatTime } from '../../i18n/format';
import type { IncomingCall } from './callCommands';

/**
 * U19: a call that rings while the screen is locked shows on the lock screen, so the clerk signs
 * in and takes it (the call panel is there after signing in). Nobody is signed in: the number is
 * masked as for a role without `phone.unmask` (R-CONFIDENTIAL), through the one helper (U12).
 */
export function LockScreenCalls({ waiting, station }: { waiting: IncomingCall[]; station: Pick<StationRecord, 'countryCode' | 'areaCode' | 'timeZone'> }) {
  const { t, i18n } = useTranslation();
  if (waiting.length === 0) return null;
  const context = { countryCode: station.countryCode, areaCode: station.areaCode };
  return (
    <Alert color="red" title={t('calls.lockScreen.title', { count: waiting.length })} data-testid="lock-screen-calls" role="status">
      <Stack gap={4}>
        {waiting.map(({ callId, call, e164, matches }) => (
          <Group key={callId} gap="sm" wrap="nowrap" data-testid="lock-screen-call">
            <Text size="sm">{formatTime(call.at, station.timeZone, i18n.language)}</Text>
            <Text size="sm" ff="monospace" fw={700} data-testid="lock-screen-number">
              {call.withheld || !call.number ? t('calls.numberWithheld') : shownPhone(e164 ?? call.number, false, context).number}
            </Text>
            {matches.length ? <Text size="sm" fw={600}>{matches.map((m) => m.unit.key).join(', ')}</Text> : null}
          </Group>
        ))}
        <Text size="sm">{t('calls.lockScreen.signInToTake')}</Text>
      </Stack>
    </Alert>
  );
}
