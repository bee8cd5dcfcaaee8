import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { can } from '@shared/domain/roles';
import { formatPhone } from '@shared/directory/phone/formatPhone';
import { maskPhone } from '@shared/directory/phone/maskPhone';
import { useDesk } from '../../app/DeskContext';
import type { IncomingCall } from './callCommands';

/** The caller's number, masked for roles without the right (R-CONFIDENTIAL). */
export function CallerNumber({ incoming }: { incoming: IncomingCall }) {
  const { t } = useTranslation();
  const { staff, station } = useDesk();
  const context = { countryCode: station.countryCode, areaCode: station.areaCode };
  const { call, e164 } = incoming;
  let text: string;
  if (call.withheld || !call.number) text = t('calls.numberWithheld');
  else if (!e164) text = can(staff.role, 'phone.unmask') ? call.number : t('calls.numberHidden');
  else text = can(staff.role, 'phone.unmask') ? formatPhone(e164, context) : maskPhone(e164, context);
  return <Text size="xl" fw={700} data-testid="caller-number">{text}</Text>;
}
