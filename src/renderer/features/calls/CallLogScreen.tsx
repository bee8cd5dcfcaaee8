import { Fragment } from 'react';
import { Stack, Table, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../desk/DeskContext';
import { PhoneNumber } from '../../components/PhoneNumber';
import { formatDateTime, formatTime } from '../../i18n/format';
import { callsSince } from './callQueries';
import { callLogShifts } from './shiftStart';
import { useNow } from '../../desk/useNow';

/** Every call of the shift and of the one before (issue 16: the estate's shifts), and what became of each (request N, or none). */
export function CallLogScreen() {
  const { t, i18n } = useTranslation();
  const { db, station } = useDesk();
  const now = useNow(60_000);
  const plan = useLiveQuery(async () => (await db.settings.get('desk'))?.shifts, [db]);
  const { current, previous, since } = callLogShifts(plan, station.timeZone, now);
  const calls = useLiveQuery(() => callsSince(db, since), [db, since]);
  const time = (ms: number) => formatDateTime(ms, station.timeZone, i18n.language);
  // Newest first: the current shift's calls, then the previous shift's, each under its heading.
  const heading = (c: { at: number }, i: number) => {
    const inCurrent = c.at >= current.startsAt;
    const before = i > 0 && calls![i - 1]!.at >= current.startsAt;
    if (i > 0 && inCurrent === before) return null;
    const text = inCurrent
      ? t('duty.calls.current', { name: current.shift.name, time: time(current.startsAt) })
      : t('duty.calls.previous', { name: previous.shift.name, from: time(previous.startsAt), to: time(previous.endsAt) });
    return (
      <Table.Tr data-testid="call-log-shift" data-shift={inCurrent ? 'current' : 'previous'}>
        <Table.Td colSpan={4}><Text size="sm" fw={600}>{text}</Text></Table.Td>
      </Table.Tr>
    );
  };
  // S6: one way to show a number (PhoneNumber), masked for a role without `phone.unmask`.
  const number = (c: NonNullable<typeof calls>[number]) =>
    c.withheld || !c.number ? t('calls.numberWithheld') : <PhoneNumber phone={c.e164 ?? c.number} size="sm" testId="call-log-number" />;

  return (
    <Stack>
      <Title order={3}>{t('calls.log.title')}</Title>
      <Text size="sm" c="dimmed">{t('duty.calls.current', { name: current.shift.name, time: time(current.startsAt) })} · {t('duty.calls.previous', { name: previous.shift.name, from: time(previous.startsAt), to: time(previous.endsAt) })}</Text>
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
          {(calls ?? []).map((c, i) => (
            <Fragment key={c.id}>
            {heading(c, i)}
            <Table.Tr data-testid="call-log-row">
              <Table.Td>{formatTime(c.at, station.timeZone, i18n.language)}</Table.Td>
              <Table.Td>{number(c)}</Table.Td>
              <Table.Td>{c.unitKeys.join(', ')}</Table.Td>
              <Table.Td>{t(`calls.log.outcomes.${c.outcome}`, { number: c.ticketNumber ?? '' })}</Table.Td>
            </Table.Tr>
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
      {calls && calls.length === 0 ? <Text c="dimmed" ta="center">{t('calls.log.empty')}</Text> : null}
    </Stack>
  );
}
