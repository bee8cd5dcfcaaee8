import { Text, type MantineSize } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PhoneNumber } from '../../components/PhoneNumber';
import type { IncomingCall } from './callCommands';

/** The caller's number, masked for roles without the right (R-CONFIDENTIAL, S6). */
export function CallerNumber({ incoming, size = 'xl' }: { incoming: IncomingCall; size?: MantineSize }) {
  const { t } = useTranslation();
  const { call, e164 } = incoming;
  const big = size === 'xl';
  // Only the call shown carries the test id the panel's tests read; the list rows have their own.
  const testId = big ? 'caller-number' : 'waiting-caller-number';
  if (call.withheld || !call.number) return <Text size={size} fw={big ? 700 : undefined} data-testid={testId}>{t('calls.numberWithheld')}</Text>;
  return <PhoneNumber phone={e164 ?? call.number} size={size} bold={big} testId={testId} />;
}
