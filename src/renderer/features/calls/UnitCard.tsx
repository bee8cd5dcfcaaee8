import { Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../desk/DeskContext';
import type { UnitMatch } from '../directory/directoryQueries';
import { unitRequests } from './callQueries';
import { formatDateTime } from '../../i18n/format';

/** A matched unit: who lives there, its notes, its open requests and its last five. */
export function UnitCard({ match }: { match: UnitMatch }) {
  const { t, i18n } = useTranslation();
  const { db, station } = useDesk();
  const requests = useLiveQuery(() => unitRequests(db, match.unit.key), [db, match.unit.key]);
  const when = (ms: number) => formatDateTime(ms, station.timeZone, i18n.language);
  return (
    <Paper withBorder p="md" data-testid="call-unit">
      <Stack gap="xs">
        <Group>
          <Text size="xl" fw={700}>{match.unit.key}</Text>
          {match.unit.notes ? <Badge color="orange" variant="light">{match.unit.notes}</Badge> : null}
        </Group>
        {match.residents.map((r) => (
          <Group key={r.id} gap="xs">
            <Text fw={500}>{r.name}</Text>
            <Text size="sm" c="dimmed">{t(`calls.relations.${r.relation}`)}</Text>
            {r.notes ? <Text size="sm">{r.notes}</Text> : null}
          </Group>
        ))}
        <SimpleGrid cols={2}>
          <div>
            <Text size="sm" fw={600}>{t('calls.openRequests', { count: requests?.open.length ?? 0 })}</Text>
            {(requests?.open ?? []).map((r) => <Text key={r.id} size="sm">{r.number} · {t(`common.kinds.${r.kind}`)} · {t(`common.statuses.${r.status}`)}</Text>)}
          </div>
          <div>
            <Text size="sm" fw={600}>{t('calls.lastFive')}</Text>
            {(requests?.lastFive ?? []).map((r) => <Text key={r.id} size="sm">{when(r.receivedAt)} · {t(`common.kinds.${r.kind}`)} · {r.description.slice(0, 24)}</Text>)}
          </div>
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
