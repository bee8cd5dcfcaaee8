import { Stack, Table, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../desk/DeskContext';
import { PhoneNumber } from '../../components/PhoneNumber';
import { formatDateTime, formatTime } from '../../i18n/format';
import { callsSince } from './callQueries';
import { shiftStart } from './shiftStart';
import { useNow } from '../../desk/useNow';

/** Every call of the shift and what became of it (request N, or none). */
export function CallLogScreen() {
  const { t, i18n } = useTranslation();
  const { db, station } = useDesk();
  const now = useNow(60_000);
  const since = shiftStart(now, station.timeZone);
  const calls = useLiveQuery(() => callsSince(db, since), [db, since]);
  // S6: one way to show a number (PhoneNumber), masked for a role without `phone.unmask`.
  const number = (c: NonNullable<typeof calls>[number]) =>
    c.withheld || !c.number ? t('calls.numberWithheld') : <PhoneNumber phone={c.e164 ?? c.number} size="sm" testId="call-log-number" />;

  return (
    <Stack>
      <Title order={3}>{t('calls.log.title')}</Title>
      <Text size="sm" c="dimmed">{t('calls.log.since', { time: formatDateTime(since, station.timeZone, i18n.language) })}</Text>
      <Table striped data-testid="call-log">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('calls.log.time')}</Table.Th>
            <Table.Th>{t('calls.log.number')}</Table.Th>
            <Table.Th>{t('calls.log.units')}</Table.Th>
            <Table.Th>{t('calls.log.outcome')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(calls ?? []).map((c) => (
            <Table.Tr key={c.id} data-testid="call-log-row">
              <Table.Td>{formatTime(c.at, station.timeZone, i18n.language)}</Table.Td>
              <Table.Td>{number(c)}</Table.Td>
              <Table.Td>{c.unitKeys.join(', ')}</Table.Td>
              <Table.Td>{t(`calls.log.outcomes.${c.outcome}`, { number: c.ticketNumber ?? '' })}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {calls && calls.length === 0 ? <Text c="dimmed" ta="center">{t('calls.log.empty')}</Text> : null}
    </Stack>
  );
}
