import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Checkbox, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { DutyHolder } from '@shared/shifts/dutyFold';
import { useDesk } from '../../desk/DeskContext';
import { formatDateTime, formatTime } from '../../i18n/format';
import { dutyErrorText } from './dutyError';
import { PhoneNumber } from '../../components/PhoneNumber';
import { takeDeskBack } from './dutyCommands';
import { nightActivity } from './dutyQueries';

/**
 * R-NIGHT-TRANSFER, the morning: on the desk's station, what happened since the transfer (the
 * requests recorded, back-fills (补单) marked, the calls, the alarms acknowledged or escalated),
 * each with a link to its request; the clerk confirms having read it and takes the desk back.
 */
export function TakeBackPanel({ holder, onOpen }: { holder: DutyHolder; onOpen(ticketId: string): void }) {
  const { t, i18n } = useTranslation();
  const { db, store, station, staff } = useDesk();
  const [read, setRead] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const night = useLiveQuery(() => nightActivity(db, holder.since), [db, holder.since]);
  const names = useLiveQuery(async () => new Map((await db.staff.toArray()).map((m) => [m.id, m.name])), [db]);
  const time = (ms: number) => formatTime(ms, station.timeZone, i18n.language);
  const full = (ms: number) => formatDateTime(ms, station.timeZone, i18n.language);
  const who = (id: string | null) => (id ? (names?.get(id) ?? '') : '');
  const link = (ticketId: string, number: string) => (
    <Anchor component="button" type="button" size="sm" onClick={() => onOpen(ticketId)} aria-label={t('duty.takeBack.open', { number })}>{number}</Anchor>
  );
  const empty = <Text size="sm" c="dimmed">{t('duty.takeBack.empty')}</Text>;

  const confirm = async () => {
    setError(null);
    setSaving(true);
    try {
      await takeDeskBack(db, store, staff.id);
      notifications.show({ color: 'teal', message: t('duty.takeBack.saved') });
    } catch (e) {
      setError(dutyErrorText(t as never, e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Paper withBorder p="md" data-testid="take-back">
      <Stack gap="sm">
        <Title order={4}>{t('duty.takeBack.title')}</Title>
        <Text size="sm">{t('duty.takeBack.since', { station: holder.station ?? '', time: full(holder.since) })}</Text>

        <Title order={6}>{t('duty.takeBack.requests', { count: night?.requests.length ?? 0 })}</Title>
        {night?.requests.length ? (
          <Table data-testid="night-requests" withRowBorders={false} verticalSpacing={2}>
            <Table.Tbody>
              {night.requests.map((r) => (
                <Table.Tr key={r.ticketId} data-testid="night-request">
                  <Table.Td w={60}>{time(r.savedAt)}</Table.Td>
                  <Table.Td w={190} style={{ whiteSpace: 'nowrap' }}>{link(r.ticketId, r.number)}</Table.Td>
                  <Table.Td>
                    {r.backfilled ? <Badge size="sm" color="orange" mr={6} data-testid="night-backfilled">{t('duty.takeBack.backfilled')}</Badge> : null}
                    <Text size="sm" span>{r.description.slice(0, 60)}</Text>
                    {r.backfilled ? <Text size="xs" span c="dimmed"> · {t('duty.takeBack.received', { time: full(r.receivedAt) })}</Text> : null}
                  </Table.Td>
                  <Table.Td w={220} style={{ whiteSpace: 'nowrap' }}><Text size="sm" c="dimmed">{r.station} · {who(r.actor)}</Text></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : empty}

        <Title order={6}>{t('duty.takeBack.calls', { count: night?.calls.length ?? 0 })}</Title>
        {night?.calls.length ? (
          <Table data-testid="night-calls" withRowBorders={false} verticalSpacing={2}>
            <Table.Tbody>
              {night.calls.map((c) => (
                <Table.Tr key={c.id} data-testid="night-call">
                  <Table.Td w={60}>{time(c.at)}</Table.Td>
                  <Table.Td w={190} style={{ whiteSpace: 'nowrap' }}>{c.withheld || !c.number ? t('calls.numberWithheld') : <PhoneNumber phone={c.e164 ?? c.number} size="sm" testId="night-call-number" />}</Table.Td>
                  <Table.Td>
                    {c.outcome === 'ticket' && c.ticketId ? link(c.ticketId, c.ticketNumber ?? '') : <Text size="sm" span c="dimmed">{t(c.outcome === 'none' ? 'duty.takeBack.callNone' : 'duty.takeBack.callPending')}</Text>}
                  </Table.Td>
                  <Table.Td w={220} style={{ whiteSpace: 'nowrap' }}><Text size="sm" c="dimmed">{c.station}</Text></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : empty}

        <Title order={6}>{t('duty.takeBack.alarms', { count: night?.alarms.length ?? 0 })}</Title>
        {night?.alarms.length ? (
          <Table data-testid="night-alarms" withRowBorders={false} verticalSpacing={2}>
            <Table.Tbody>
              {night.alarms.map((a, i) => (
                <Table.Tr key={`${a.ticketId}-${i}`} data-testid="night-alarm">
                  <Table.Td w={60}>{time(a.at)}</Table.Td>
                  <Table.Td w={190} style={{ whiteSpace: 'nowrap' }}>{link(a.ticketId, a.number)}</Table.Td>
                  <Table.Td>
                    <Badge size="sm" color={a.kind === 'escalated' ? 'red' : 'teal'} mr={6}>{t(`duty.takeBack.${a.kind}`)}</Badge>
                    <Text size="sm" span>{t(`deadlines.rules.${a.ruleId}.name`, { defaultValue: a.ruleId })}</Text>
                  </Table.Td>
                  <Table.Td w={220} style={{ whiteSpace: 'nowrap' }}><Text size="sm" c="dimmed">{a.station} · {who(a.actor)}</Text></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : empty}

        <Checkbox label={t('duty.takeBack.read')} checked={read} onChange={(e) => setRead(e.currentTarget.checked)} />
        {error ? <Alert color="red" role="alert">{error}</Alert> : null}
        <Group justify="flex-end">
          <Button onClick={() => void confirm()} disabled={!read || !night} loading={saving}>{t('duty.takeBack.confirm')}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}
