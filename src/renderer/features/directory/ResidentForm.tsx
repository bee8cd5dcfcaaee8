import { useState } from 'react';
import { Button, Checkbox, Group, NativeSelect, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { RELATIONS, type ResidentAddedPayload, type ResidentUpdatedPayload } from '@shared/directory/directoryEvents';
import { addPhone, checkResidentForm, type ResidentFormValues } from '@shared/directory/directoryForms';
import type { Resident } from '@shared/directory/residentFold';
import { samePhones } from '@shared/directory/sheet/samePhones';
import { unitQueryKey } from '@shared/domain/units';
import { useDesk } from '../../desk/DeskContext';
import { SaveErrorAlert } from '../../components/SaveErrorAlert';
import { addResident, updateResident } from './directoryCommands';
import { formErrors, residentFormMessage } from './directoryMessages';
import { PhoneListInput } from './PhoneListInput';
import { usePhoneContext } from './useDirectory';

interface Props {
  unitId: string;
  /** The resident to edit; a new resident when absent. */
  resident?: Resident;
  onDone(): void;
}

export function ResidentForm({ unitId, resident, onDone }: Props) {
  const { t } = useTranslation();
  const { db, store, staff } = useDesk();
  const context = usePhoneContext();
  const [error, setError] = useState<unknown>(null);
  // U7: where the resident lives; another unit moves them (a `resident.updated` with `unitId`).
  const [unitText, setUnitText] = useState(unitId);
  const [unitError, setUnitError] = useState<string | null>(null);
  const [livesHere, setLivesHere] = useState(resident ? resident.active === 1 : true);
  const form = useForm<ResidentFormValues>({
    initialValues: { name: resident?.name ?? '', relation: resident?.relation ?? 'owner', phones: resident?.phoneNumbers ?? [], newPhone: '', notes: resident?.notes ?? '' },
    validate: (values) => {
      const check = checkResidentForm(values, unitId, context);
      return check.ok ? {} : formErrors(check.errors, (code) => residentFormMessage(t, code));
    },
  });

  const add = () => {
    const added = addPhone(form.values.phones, form.values.newPhone, context);
    if (!added.ok) return form.setFieldError('newPhone', residentFormMessage(t, added.problem));
    form.setValues({ phones: added.phones, newPhone: '' });
  };

  const submit = form.onSubmit(async (values) => {
    const check = checkResidentForm(values, unitId, context);
    if (!check.ok) return;
    setError(null);
    setUnitError(null);
    try {
      if (!resident) await addResident(store, check.value, staff.id);
      else {
        const target = await movedTo(unitText);
        if (target === null) return;
        const changes = changesOf(resident, { ...check.value, unitId: target }, livesHere);
        if (Object.keys(changes).length > 0) await updateResident(store, resident.id, changes, staff.id);
      }
      notifications.show({ color: 'teal', message: t('directory.resident.saved', { name: check.value.name }) });
      onDone();
    } catch (e) {
      setError(e);
    }
  });

  /** The unit typed, if it is in the directory; null (with the field's message) if not. */
  const movedTo = async (text: string): Promise<string | null> => {
    const key = unitQueryKey(text);
    if (key === unitId) return unitId;
    const unit = key && !key.endsWith('-') ? await db.units.get(key) : undefined;
    if (unit?.added === 1) return unit.id;
    setUnitError(t(key && !key.endsWith('-') ? 'directory.resident.unitNotFound' : 'directory.resident.unitUnreadable', { unit: text.trim() }));
    return null;
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Group grow align="flex-start">
          <TextInput label={t('directory.resident.name')} required data-autofocus {...form.getInputProps('name')} />
          <NativeSelect label={t('directory.resident.relation')} data={RELATIONS.map((r) => ({ value: r, label: t(`directory.relations.${r}`) }))} {...form.getInputProps('relation')} />
        </Group>
        <PhoneListInput
          phones={form.values.phones}
          newPhone={form.values.newPhone}
          newPhoneError={form.errors.newPhone as string | undefined}
          onNewPhoneChange={(text) => form.setFieldValue('newPhone', text)}
          onAdd={add}
          onRemove={(index) => form.setFieldValue('phones', form.values.phones.filter((_, i) => i !== index))}
        />
        <Textarea label={t('directory.resident.notes')} description={t('directory.resident.notesHint')} autosize minRows={2} {...form.getInputProps('notes')} />
        {resident ? (
          <TextInput
            label={t('directory.resident.unit')}
            description={t('directory.resident.unitHint')}
            value={unitText}
            onChange={(e) => { setUnitText(e.currentTarget.value); setUnitError(null); }}
            error={unitError}
            data-testid="resident-unit"
          />
        ) : null}
        {resident ? <Checkbox label={t('directory.resident.livesHere')} checked={livesHere} onChange={(e) => setLivesHere(e.currentTarget.checked)} /> : null}
        {error ? <SaveErrorAlert error={error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>{t('common.cancel')}</Button>
          <Button type="submit" loading={form.submitting}>{t('common.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Only the fields that changed, so an edit never overwrites another station's change to another field. */
function changesOf(before: Resident, after: ResidentAddedPayload, livesHere: boolean): ResidentUpdatedPayload {
  const changes: ResidentUpdatedPayload = {};
  if (after.unitId !== before.unitId) changes.unitId = after.unitId;
  if (after.name !== before.name) changes.name = after.name;
  if (after.relation !== before.relation) changes.relation = after.relation;
  if (after.notes !== before.notes) changes.notes = after.notes;
  if (!samePhones(after.phones, before.phoneNumbers)) changes.phones = after.phones;
  if (livesHere !== (before.active === 1)) changes.active = livesHere;
  return changes;
}
