import { useState } from 'react';
import { Button, Group, NativeSelect, Paper, PasswordInput, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '@shared/domain/roles';
import { LANGUAGES, type Language } from '@shared/station/stationEvents';
import { pinProblem } from '@shared/staff/pinPolicy';
import { useDesk } from '../../desk/DeskContext';
import { SaveErrorAlert } from '../../components/SaveErrorAlert';
import { addStaff } from './staffCommands';

export function AddStaffForm() {
  const { t } = useTranslation();
  const { store, staff: me } = useDesk();
  const [error, setError] = useState<unknown>(null);
  const form = useForm<{ name: string; role: Role; language: Language; pin: string }>({
    initialValues: { name: '', role: 'clerk', language: 'zh-CN', pin: '' },
    validate: {
      name: (v) => (v.trim() ? null : t('setup.errors.required')),
      pin: (v, values) => {
        const problem = pinProblem(v, values.role);
        return problem ? t(problem === 'short' ? 'staff.pinTooShort' : 'staff.pinFormat') : null;
      },
    },
  });
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      await addStaff(store, values, me.id);
      notifications.show({ color: 'teal', message: t('staff.added', { name: values.name }) });
      form.reset();
    } catch (e) {
      setError(e);
    }
  });
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={4}>{t('staff.add')}</Title>
          <SimpleGrid cols={4}>
            <TextInput label={t('staff.name')} required {...form.getInputProps('name')} />
            <NativeSelect label={t('staff.role')} data={ROLES.map((r) => ({ value: r, label: t(`common.roles.${r}`) }))} {...form.getInputProps('role')} />
            <NativeSelect label={t('staff.language')} data={LANGUAGES.map((l) => ({ value: l, label: t(`common.languages.${l}`) }))} {...form.getInputProps('language')} />
            <PasswordInput label={t('staff.pin')} description={t('staff.pinHint')} required inputMode="numeric" autoComplete="new-password" {...form.getInputProps('pin')} />
          </SimpleGrid>
          {error ? <SaveErrorAlert error={error} /> : null}
          <Group justify="flex-end"><Button type="submit">{t('staff.add')}</Button></Group>
        </Stack>
      </form>
    </Paper>
  );
}
