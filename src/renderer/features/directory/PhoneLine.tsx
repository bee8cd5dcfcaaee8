import { useState } from 'react';
import { Button, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { can } from '@shared/domain/roles';
import { formatPhone } from '@shared/directory/phone/formatPhone';
import { maskPhone } from '@shared/directory/phone/maskPhone';
import type { PhoneNumber } from '@shared/directory/phone/phoneTypes';
import { useDesk } from '../../app/DeskContext';
import { revealPhone } from './directoryCommands';
import { usePhoneContext } from './useDirectory';

interface Props {
  residentId: string;
  phone: PhoneNumber;
}

/**
 * R-CONFIDENTIAL: a number is shown masked. Staff with `phone.unmask` may show it in full, and
 * the reveal is saved as an event first: if that save fails, the number stays masked.
 */
export function PhoneLine({ residentId, phone }: Props) {
  const { t } = useTranslation();
  const { store, staff } = useDesk();
  const context = usePhoneContext();
  const [revealed, setRevealed] = useState(false);
  const [failed, setFailed] = useState(false);
  const show = async () => {
    setFailed(false);
    try {
      await revealPhone(store, residentId, phone.e164, staff.id);
      setRevealed(true);
    } catch {
      setFailed(true);
    }
  };
  const number = revealed ? formatPhone(phone.e164, context) : maskPhone(phone.e164, context);
  return (
    <Group gap="xs" wrap="nowrap">
      <Text ff="monospace" data-testid="phone-number">{number}</Text>
      {phone.extension ? <Text c="dimmed" size="sm">{t('directory.phone.extension', { ext: phone.extension })}</Text> : null}
      {can(staff.role, 'phone.unmask') ? (
        revealed ? (
          <Button size="compact-xs" variant="subtle" onClick={() => setRevealed(false)}>{t('directory.phone.hide')}</Button>
        ) : (
          <Tooltip label={t('directory.phone.revealHint')}>
            <Button size="compact-xs" variant="subtle" onClick={show}>{t('directory.phone.reveal')}</Button>
          </Tooltip>
        )
      ) : null}
      {failed ? <Text c="red" size="sm" role="alert">{t('directory.phone.revealFailed')}</Text> : null}
    </Group>
  );
}
