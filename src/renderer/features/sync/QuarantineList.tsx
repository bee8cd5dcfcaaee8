import { Accordion, Code, Group, Stack, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../desk/DeskContext';
import { formatDateTime } from '../../i18n/format';

/** F10: events the hub refused, kept with its code and message; read-only, content as sent. */
export function QuarantineList() {
  const { t, i18n } = useTranslation();
  const { db, station } = useDesk();
  const rows = useLiveQuery(() => db.quarantine.orderBy('hlc').reverse().limit(200).toArray(), [db]);
  return (
    <Stack gap="xs" data-testid="sync-quarantine">
      <Title order={4}>{t('sync.quarantine.title')}</Title>
      <Text size="sm" c="dimmed">{t('sync.quarantine.intro')}</Text>
      {rows && rows.length === 0 ? <Text size="sm">{t('sync.quarantine.empty')}</Text> : null}
      <Accordion variant="contained" multiple>
        {(rows ?? []).map((row) => (
          <Accordion.Item key={row.id} value={row.id}>
            <Accordion.Control>
              <Group gap="sm" wrap="nowrap">
                <Code>{row.code}</Code>
                <Text size="sm" truncate="end">{row.message}</Text>
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <Stack gap={4}>
                <Text size="sm">{t('sync.quarantine.type')}: {row.type}</Text>
                <Text size="sm">{t('sync.quarantine.at')}: {formatDateTime(row.at, station.timeZone, i18n.language)}</Text>
                <Text size="sm">{t('sync.quarantine.message')}: {row.message}</Text>
                <Text size="sm">{t('sync.quarantine.content')}:</Text>
                <Code block>{JSON.stringify({ id: row.id, stream: row.stream, type: row.type, hlc: row.hlc, station: row.station, actor: row.actor, payload: row.payload }, null, 2)}</Code>
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Stack>
  );
}
