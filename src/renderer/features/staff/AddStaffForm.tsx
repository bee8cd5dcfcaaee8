import { useState } from 'react';
import { Button, Group, NativeSelect, Paper, PasswordInput, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '@shared/domain/roles';
import { LANGUAGES, type Language } from '@shared/station/stationEvents';
import { pinProblem } from '@shared/staff/pinPolicy';
import { isNameTaken } from '@shared/staff/staffNames';
import type { StaffMember } from '@shared/staff/staffFold';
import { useDesk } from '../../desk/DeskContext';
import { SaveErrorAlert } from '../../components/SaveErrorAlert';
import { addStaff, isDuplicateName } from './staffCommands';

// U21: hints under the inputs, so a long hint does not push its input out of line with the others.
const HINT_BELOW = ['label', 'input', 'description', 'error'] as ('label' | 'input' | 'description' | 'error')[];

export function AddStaffForm({ people }: { people: readonly StaffMember[] }) {
  const { t } = useTranslation();
  const { db, store, staff: me } = useDesk();
  const [error, setError] = useState<unknown>(null);
  const form = useForm<{ name: string; role: Role; language: Language; pin: string }>({
    initialValues: { name: '', role: 'clerk', language: 'zh-CN', pin: '' },
    validate: {
      // U9: the form says so before the command refuses it.
      name: (v) => (!v.trim() ? t('setup.errors.required') : isNameTaken(v, people) ? t('staff.duplicateName') : null),
      pin: (v, values) => {
        const problem = pinProblem(v, values.role);
        return problem ? t(problem === 'short' ? 'staff.pinTooShort' : 'staff.pinFormat') : null;
      },
    },
  });
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      await addStaff(db, store, values, me.id);
      notifications.show({ color: 'teal', message: t('staff.added', { name: values.name }) });
      form.reset();
    } catch (e) {
      // Another window or a synced event took the name meanwhile.
      if (isDuplicateName(e)) return form.setFieldError('name', t('staff.duplicateName'));
      setError(e);
    }
  });
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={4}>{t('staff.add')}</Title>
          <SimpleGrid cols={4}>
            <TextInput label={t('staff.name')} required inputWrapperOrder={HINT_BELOW} {...form.getInputProps('name')} />
            <NativeSelect label={t('staff.role')} data={ROLES.map((r) => ({ value: r, label: t(`common.roles.${r}`) }))} {...form.getInputProps('role')} />
            <NativeSelect label={t('staff.language')} data={LANGUAGES.map((l) => ({ value: l, label: t(`common.languages.${l}`) }))} {...form.getInputProps('language')} />
            <PasswordInput label={t('staff.pin')} description={t('staff.pinHint')} inputWrapperOrder={HINT_BELOW} required inputMode="numeric" autoComplete="new-password" {...form.getInputProps('pin')} />
          </SimpleGrid>
          {error ? <SaveErrorAlert error={error} /> : null}
          <Group justify="flex-end"><Button type="submit">{t('staff.add')}</Button></Group>
        </Stack>
      </form>
    </Paper>
  );
}
