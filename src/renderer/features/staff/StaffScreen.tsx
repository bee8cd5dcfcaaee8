import { Alert, Badge, Button, Group, Stack, Table, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { can } from '@shared/domain/roles';
import { useDesk } from '../../desk/DeskContext';
import { AddStaffForm } from './AddStaffForm';
import { updateStaff } from './staffCommands';
import { ResetPinButton } from './ResetPinButton';
import { RefusedEventsList } from './RefusedEventsList';

export function StaffScreen() {
  const { t } = useTranslation();
  const { db, store, staff: me } = useDesk();
  const people = useLiveQuery(() => db.staff.orderBy('name').toArray(), [db]);
  // Roles are enforced here as well as in the navigation.
  if (!can(me.role, 'staff.manage')) return <Alert color="yellow">{t('staff.noPermission')}</Alert>;

  const toggle = async (id: string, active: boolean) => {
    if (id === me.id) return notifications.show({ color: 'red', message: t('staff.cannotDeactivateSelf') });
    await updateStaff(store, id, { active }, me.id);
  };

  return (
    <Stack>
      <Title order={3}>{t('staff.title')}</Title>
      <Table data-testid="staff-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('staff.name')}</Table.Th>
            <Table.Th>{t('staff.role')}</Table.Th>
            <Table.Th>{t('staff.language')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(people ?? []).map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>{p.name}</Table.Td>
              <Table.Td>{t(`common.roles.${p.role}`)}</Table.Td>
              <Table.Td>{t(`common.languages.${p.language}`)}</Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end">
                  <Badge color={p.active ? 'teal' : 'gray'} variant="light">{p.active ? t('staff.active') : t('staff.inactive')}</Badge>
                  <ResetPinButton member={p} />
                  <Button size="xs" variant="default" onClick={() => toggle(p.id, !p.active)}>{p.active ? t('staff.deactivate') : t('staff.activate')}</Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <AddStaffForm />
      <RefusedEventsList />
    </Stack>
  );
}
