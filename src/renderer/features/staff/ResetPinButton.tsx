import { useState } from 'react';
import { Button, Group, Popover, PasswordInput, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { pinProblem } from '@shared/staff/pinPolicy';
import type { StaffMember } from '@shared/staff/staffFold';
import { useDesk } from '../../desk/DeskContext';
import { resetPin } from './staffCommands';

export function ResetPinButton({ member }: { member: StaffMember }) {
  const { t } = useTranslation();
  const { store, staff: me } = useDesk();
  const [opened, setOpened] = useState(false);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const problem = pinProblem(pin, member.role);
    if (problem) return setError(t(problem === 'short' ? 'staff.pinTooShort' : 'staff.pinFormat'));
    await resetPin(store, member, pin, me.id);
    notifications.show({ color: 'teal', message: t('staff.pinReset', { name: member.name }) });
    setPin('');
    setOpened(false);
  };
  return (
    <Popover opened={opened} onChange={setOpened} trapFocus>
      <Popover.Target>
        <Button size="xs" variant="default" onClick={() => setOpened((o) => !o)}>{t('staff.resetPin')}</Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <PasswordInput label={t('staff.newPin')} value={pin} error={error} inputMode="numeric" onChange={(e) => { setPin(e.currentTarget.value); setError(null); }} />
          <Group justify="flex-end"><Button size="xs" onClick={submit}>{t('common.save')}</Button></Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
