import { Alert, Badge, Button, Group, Stack, Table, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { can } from '@shared/domain/roles';
import { byPinyin } from '@shared/staff/staffNames';
import { lockedOutUntil } from '@shared/staff/lockout';
import type { StaffMember } from '@shared/staff/staffFold';
import { useDesk } from '../../desk/DeskContext';
import { useNow } from '../../desk/useNow';
import { formatTime } from '../../i18n/format';
import { AddStaffForm } from './AddStaffForm';
import { liftLockout, updateStaff } from './staffCommands';
import { ResetPinButton } from './ResetPinButton';
import { RefusedEventsList } from './RefusedEventsList';

export function StaffScreen() {
  const { t } = useTranslation();
  const { db, store, staff: me } = useDesk();
  // U21: in pinyin order, as the sign-in list.
  const people = useLiveQuery(async () => byPinyin(await db.staff.toArray()), [db]);
  // Roles are enforced here as well as in the navigation.
  if (!can(me.role, 'staff.manage')) return <Alert color="yellow">{t('staff.noPermission')}</Alert>;

  const toggle = async (id: string, active: boolean) => {
    if (id === me.id) return notifications.show({ color: 'red', message: t('staff.cannotDeactivateSelf') });
    await updateStaff(db, store, id, { active }, me.id);
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
            <Table.Tr key={p.id} data-testid="staff-row">
              <Table.Td>{p.name}</Table.Td>
              <Table.Td>{t(`common.roles.${p.role}`)}</Table.Td>
              <Table.Td>{t(`common.languages.${p.language}`)}</Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end" wrap="nowrap">
                  <Badge color={p.active ? 'teal' : 'gray'} variant="light" tt="none">{p.active ? t('staff.active') : t('staff.inactive')}</Badge>
                  <LockoutState member={p} />
                  <ResetPinButton member={p} />
                  <Button size="xs" variant="default" onClick={() => toggle(p.id, !p.active)}>{p.active ? t('staff.deactivate') : t('staff.activate')}</Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <AddStaffForm people={people ?? []} />
      <RefusedEventsList />
    </Stack>
  );
}

/** U10: a PIN lock-out (from any station) says until when; a manager lifts it here. */
function LockoutState({ member }: { member: StaffMember }) {
  const { t, i18n } = useTranslation();
  const { store, staff: me, station } = useDesk();
  const now = useNow(5_000);
  const until = lockedOutUntil(member, now);
  if (until === null) return null;
  const lift = async () => {
    await liftLockout(store, member.id, me.id);
    notifications.show({ color: 'teal', message: t('staff.lockoutLifted', { name: member.name }) });
  };
  return (
    <>
      <Badge color="red" variant="light" tt="none" data-testid="staff-locked">{t('staff.lockedUntil', { time: formatTime(until, station.timeZone, i18n.language) })}</Badge>
      <Button size="xs" color="red" variant="light" onClick={() => void lift()}>{t('staff.liftLockout')}</Button>
    </>
  );
}
