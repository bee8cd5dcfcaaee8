import { Stack, Table, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../desk/DeskContext';

/** F12: pulled events this version cannot check, by type; kept, and folded once understood. */
export function NotUnderstoodList() {
  const { t } = useTranslation();
  const { db } = useDesk();
  const byType = useLiveQuery(async () => {
    const types = (await db.unknownEvents.orderBy('type').uniqueKeys()) as string[];
    return Promise.all(types.map(async (type) => ({ type, count: await db.unknownEvents.where('type').equals(type).count() })));
  }, [db]);
  return (
    <Stack gap="xs" data-testid="sync-not-understood-list">
      <Title order={4}>{t('sync.unknown.title')}</Title>
      <Text size="sm" c="dimmed">{t('sync.unknown.intro')}</Text>
      {byType && byType.length === 0 ? <Text size="sm">{t('sync.unknown.empty')}</Text> : null}
      {byType && byType.length > 0 ? (
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr><Table.Th>{t('sync.unknown.type')}</Table.Th><Table.Th>{t('sync.unknown.count')}</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {byType.map((row) => <Table.Tr key={row.type}><Table.Td>{row.type}</Table.Td><Table.Td>{row.count}</Table.Td></Table.Tr>)}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}
