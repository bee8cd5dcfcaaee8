import { useState } from 'react';
import { Button, Group, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { unitKey } from '@shared/domain/units';
import { RELATIONS, type Relation } from '@shared/directory/directoryEvents';
import { useDesk } from '../../desk/DeskContext';
import { SaveErrorAlert } from '../../components/SaveErrorAlert';
import { addResident, addUnit } from '../directory/directoryCommands';
import type { NewCaller } from './useCallIntake';

/** After a request from an unknown number: keep the number in the directory for next time. */
export function AddCallerModal({ caller, onClose }: { caller: NewCaller; onClose(): void }) {
  const { t } = useTranslation();
  const { db, store, staff } = useDesk();
  const [name, setName] = useState(caller.name);
  // U19: the clerk says who the caller is to the unit; nothing is filed as owner unasked.
  const [relation, setRelation] = useState<Relation | ''>('');
  const [error, setError] = useState<unknown>(null);
  const key = unitKey(caller);

  const save = async () => {
    setError(null);
    if (!relation) return;
    try {
      const existing = await db.units.get(key);
      const unitId = existing?.added ? existing.id : await addUnit(store, { building: caller.building, room: caller.room, floor: null, notes: '' }, staff.id);
      await addResident(store, { unitId, name: name.trim(), relation, phones: [{ e164: caller.e164 }], notes: '' }, staff.id);
      notifications.show({ color: 'teal', message: t('calls.addedToDirectory', { unit: key }) });
      onClose();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('calls.addToDirectoryTitle')}>
      <Stack>
        <Text>{t('calls.addToDirectoryBody', { unit: key })}</Text>
        <TextInput label={t('calls.residentName')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={name.trim() ? null : t('setup.errors.required')} />
        <NativeSelect
          label={t('directory.resident.relation')}
          value={relation}
          onChange={(e) => setRelation(e.currentTarget.value as Relation | '')}
          data={[{ value: '', label: t('calls.chooseRelation') }, ...RELATIONS.map((r) => ({ value: r, label: t(`directory.relations.${r}`) }))]}
          error={relation ? null : t('calls.relationRequired')}
        />
        {error ? <SaveErrorAlert error={error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('calls.notNow')}</Button>
          <Button onClick={save} disabled={!name.trim() || !relation}>{t('calls.addToDirectory')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
