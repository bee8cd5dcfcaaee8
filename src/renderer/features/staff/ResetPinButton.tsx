import { useState } from 'react';
import { Button, Group, Popover, PasswordInput, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { pinProblem } from '@shared/staff/pinPolicy';
import type { StaffMember } from '@shared/staff/staffFold';
import { useDesk } from '../../desk/DeskContext';
import { SaveErrorAlert } from '../../components/SaveErrorAlert';
import { resetPin } from './staffCommands';

export function ResetPinButton({ member }: { member: StaffMember }) {
  const { t } = useTranslation();
  const { store, staff: me } = useDesk();
  const [opened, setOpened] = useState(false);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failed, setFailed] = useState<unknown>(null);
  const submit = async () => {
    const problem = pinProblem(pin, member.role);
    if (problem) return setError(t(problem === 'short' ? 'staff.pinTooShort' : 'staff.pinFormat'));
    setFailed(null);
    try {
      // U10: the new PIN also lifts a lock-out (staffFold.ts), so it works at once.
      await resetPin(store, member, pin, me.id);
    } catch (e) {
      return setFailed(e);
    }
    notifications.show({ color: 'teal', message: t('staff.pinReset', { name: member.name }) });
    setPin('');
    setOpened(false);
  };
  return (
    // U15: wide enough for 12 digits' dots and the hint.
    <Popover opened={opened} onChange={setOpened} trapFocus width={280} position="bottom-end">
      <Popover.Target>
        <Button size="xs" variant="default" onClick={() => setOpened((o) => !o)}>{t('staff.resetPin')}</Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form onSubmit={(e) => { e.preventDefault(); void submit(); }} noValidate>
          <Stack gap="xs">
            <PasswordInput
              label={t('staff.newPin')}
              description={t('staff.pinResetLifts')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              value={pin}
              error={error}
              inputMode="numeric"
              autoComplete="new-password"
              maxLength={12}
              onChange={(e) => { setPin(e.currentTarget.value); setError(null); }}
            />
            {failed ? <SaveErrorAlert error={failed} /> : null}
            <Group justify="flex-end"><Button size="xs" type="submit">{t('common.save')}</Button></Group>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
