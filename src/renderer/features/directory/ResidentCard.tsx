import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Resident } from '@shared/directory/residentFold';
import { PhoneLine } from './PhoneLine';

interface Props {
  resident: Resident;
  canEdit: boolean;
  onEdit(): void;
}

export function ResidentCard({ resident, canEdit, onEdit }: Props) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" opacity={resident.active ? 1 : 0.6} data-testid="resident-card">
      <Stack gap={4}>
        <Group justify="space-between">
          <Group gap="xs">
            <Text fw={600}>{resident.name}</Text>
            <Badge variant="light">{t(`directory.relations.${resident.relation}`)}</Badge>
            {resident.active ? null : <Badge color="gray">{t('directory.resident.movedOut')}</Badge>}
          </Group>
          {canEdit ? <Button size="compact-sm" variant="subtle" onClick={onEdit}>{t('directory.resident.edit')}</Button> : null}
        </Group>
        {resident.phoneNumbers.length === 0 ? <Text size="sm" c="dimmed">{t('directory.resident.noPhones')}</Text> : null}
        {resident.phoneNumbers.map((phone) => (
          <PhoneLine key={`${phone.e164}-${phone.extension ?? ''}`} residentId={resident.id} phone={phone} />
        ))}
        {resident.notes ? <Text size="sm" c="orange.8">{resident.notes}</Text> : null}
      </Stack>
    </Paper>
  );
}
