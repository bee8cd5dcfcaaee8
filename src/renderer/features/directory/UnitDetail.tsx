import type { TFunction } from 'i18next';
import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { can } from '@shared/domain/roles';
import type { Resident } from '@shared/directory/residentFold';
import { useDesk } from '../../desk/DeskContext';
import { ResidentCard } from './ResidentCard';
import { ResidentForm } from './ResidentForm';
import { UnitForm } from './UnitForm';
import { useUnitDetail } from './useDirectory';

type Editing = { kind: 'unit' } | { kind: 'resident'; resident?: Resident } | null;

export function UnitDetail({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const { staff } = useDesk();
  const detail = useUnitDetail(unitId);
  const [editing, setEditing] = useState<Editing>(null);
  if (!detail) return null;
  const { unit, residents } = detail;
  const canEdit = can(staff.role, 'directory.edit');
  const close = () => setEditing(null);
  return (
    <Stack data-testid="unit-detail">
      <Group justify="space-between">
        <Group gap="sm" align="baseline">
          <Title order={3} ff="monospace">{unit.key}</Title>
          {unit.floor === null ? null : <Text c="dimmed">{t('directory.unit.floorValue', { floor: unit.floor })}</Text>}
        </Group>
        {canEdit ? (
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={() => setEditing({ kind: 'unit' })}>{t('directory.unit.edit')}</Button>
            <Button size="xs" onClick={() => setEditing({ kind: 'resident' })}>{t('directory.resident.add')}</Button>
          </Group>
        ) : null}
      </Group>
      {unit.notes ? <Alert color="orange" title={t('directory.unit.notes')}>{unit.notes}</Alert> : null}
      {residents.length === 0 ? <Text c="dimmed">{t('directory.unit.noResidents')}</Text> : null}
      {residents.map((r) => (
        <ResidentCard key={r.id} resident={r} canEdit={canEdit} onEdit={() => setEditing({ kind: 'resident', resident: r })} />
      ))}
      <Modal opened={editing !== null} onClose={close} title={titleOf(editing, t)} size="lg" closeOnClickOutside={false}>
        {editing?.kind === 'unit' ? <UnitForm unit={unit} onSaved={close} onCancel={close} /> : null}
        {editing?.kind === 'resident' ? <ResidentForm unitId={unit.id} resident={editing.resident} onDone={close} /> : null}
      </Modal>
    </Stack>
  );
}

function titleOf(editing: Editing, t: TFunction): string {
  if (editing?.kind === 'unit') return t('directory.unit.edit');
  if (editing?.kind === 'resident') return editing.resident ? t('directory.resident.editTitle') : t('directory.resident.add');
  return '';
}
