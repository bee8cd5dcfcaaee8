import { Code, Stack, Table, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { parseHlc } from '@shared/hlc';
import { useDesk } from '../../desk/DeskContext';
import { formatDateTime } from '../../i18n/format';

/** S7: events the folds did not apply because their actor lacked the permission; newest 50. */
export function RefusedEventsList() {
  const { t, i18n } = useTranslation();
  const { db, station } = useDesk();
  const refused = useLiveQuery(() => db.refusedEvents.orderBy('hlc').reverse().limit(50).toArray(), [db]);
  const actors = useLiveQuery(async () => {
    const ids = [...new Set((refused ?? []).map((r) => r.actor).filter((a): a is string => a !== null))];
    const rows = await db.staff.bulkGet(ids);
    return new Map(ids.map((id, i) => [id, rows[i]?.name]));
  }, [db, refused]);
  return (
    <Stack gap="xs" data-testid="refused-events">
      <Title order={4}>{t('staff.refused.title')}</Title>
      <Text size="sm" c="dimmed">{t('staff.refused.intro')}</Text>
      {refused && refused.length === 0 ? <Text size="sm">{t('staff.refused.none')}</Text> : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('staff.refused.when')}</Table.Th>
              <Table.Th>{t('staff.refused.who')}</Table.Th>
              <Table.Th>{t('staff.refused.what')}</Table.Th>
              <Table.Th>{t('staff.refused.station')}</Table.Th>
              <Table.Th>{t('staff.refused.why')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(refused ?? []).map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{formatDateTime(parseHlc(r.hlc)?.millis ?? 0, station.timeZone, i18n.language)}</Table.Td>
                <Table.Td>{(r.actor && actors?.get(r.actor)) || t('staff.refused.unknownPerson')}</Table.Td>
                <Table.Td><Code>{r.type}</Code></Table.Td>
                <Table.Td>{r.station}</Table.Td>
                <Table.Td>{t(`staff.refused.reasons.${r.reason}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
