import { useState } from 'react';
import { Button, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { checkUnitForm, type UnitFormValues } from '@shared/directory/directoryForms';
import { unitKey } from '@shared/domain/units';
import type { Unit } from '@shared/directory/unitFold';
import { useDesk } from '../../desk/DeskContext';
import { SaveErrorAlert } from '../../components/SaveErrorAlert';
import { addUnit, updateUnit } from './directoryCommands';
import { formErrors, unitFormMessage } from './directoryMessages';

interface Props {
  /** The unit to edit; a new unit when absent. */
  unit?: Unit;
  onSaved(unitId: string): void;
  onCancel(): void;
}

export function UnitForm({ unit, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const { db, store, staff } = useDesk();
  const [error, setError] = useState<unknown>(null);
  const form = useForm<UnitFormValues>({
    initialValues: { building: unit?.building ?? '', room: unit?.room ?? '', floor: unit?.floor === null || !unit ? '' : String(unit.floor), notes: unit?.notes ?? '' },
    validate: (values) => {
      const check = checkUnitForm(values);
      if (check.ok) return {};
      return formErrors(check.errors, (code) => unitFormMessage(t, code));
    },
  });

  const submit = form.onSubmit(async (values) => {
    const check = checkUnitForm(values);
    if (!check.ok) return;
    setError(null);
    try {
      if (unit) {
        await updateUnit(store, unit.id, { floor: check.value.floor, notes: check.value.notes }, staff.id);
        onSaved(unit.id);
      } else {
        const key = unitKey(check.value);
        if ((await db.units.get(key))?.added) return form.setFieldError('room', t('directory.unit.exists', { key }));
        onSaved(await addUnit(store, check.value, staff.id));
      }
      notifications.show({ color: 'teal', message: t('directory.unit.saved', { key: unitKey(check.value) }) });
    } catch (e) {
      setError(e);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Group grow>
          <TextInput label={t('directory.unit.building')} required disabled={Boolean(unit)} data-autofocus {...form.getInputProps('building')} />
          <TextInput label={t('directory.unit.room')} required disabled={Boolean(unit)} {...form.getInputProps('room')} />
          <TextInput label={t('directory.unit.floor')} inputMode="numeric" {...form.getInputProps('floor')} />
        </Group>
        {unit ? <Text size="xs" c="dimmed">{t('directory.unit.addressFixed')}</Text> : null}
        <Textarea label={t('directory.unit.notes')} description={t('directory.unit.notesHint')} autosize minRows={2} {...form.getInputProps('notes')} />
        {error ? <SaveErrorAlert error={error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>
          <Button type="submit" loading={form.submitting}>{t('common.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
