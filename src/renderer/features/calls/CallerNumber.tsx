import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PhoneNumber } from '../../components/PhoneNumber';
import type { IncomingCall } from './callCommands';

/** The caller's number, masked for roles without the right (R-CONFIDENTIAL, S6). */
export function CallerNumber({ incoming }: { incoming: IncomingCall }) {
  const { t } = useTranslation();
  const { call, e164 } = incoming;
  if (call.withheld || !call.number) return <Text size="xl" fw={700} data-testid="caller-number">{t('calls.numberWithheld')}</Text>;
  return <PhoneNumber phone={e164 ?? call.number} size="xl" bold testId="caller-number" />;
}
