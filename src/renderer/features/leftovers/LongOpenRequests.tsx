import { useState } from 'react';
import { Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { can } from '@shared/domain/roles';
import type { Ticket } from '@shared/tickets/ticketFold';
import { useDesk } from '../../desk/DeskContext';
import { useNow } from '../../desk/useNow';
import { formatDateTime } from '../../i18n/format';
import { placeText } from '../handling/placeText';
import type { Translate } from '../ticket/timelineText';
import { fileOnce, ticketFiling } from './leftoverCommands';
import { longOpenRequests } from './longOpenQueries';
import { useLeftoverAfterDays } from './useLeftoverData';

const DAY = 86_400_000;

/**
 * R-LEFTOVER: requests open for long and not filed yet, each filed into the leftover-issues file
 * by its button or all listed at once. On the leftovers screen and in the 交班 view.
 */
export function LongOpenRequests({ onOpenTicket, hideWhenEmpty = false }: { onOpenTicket?(id: string): void; hideWhenEmpty?: boolean }) {
  const { t, i18n } = useTranslation();
  const { db, store, station, staff } = useDesk();
  const days = useLeftoverAfterDays();
  const now = useNow(60_000);
  const list = useLiveQuery(() => longOpenRequests(db, now, days), [db, now, days]);
  const [busy, setBusy] = useState(false);
  const mayWrite = can(staff.role, 'ticket.update');
  if (!list || (hideWhenEmpty && list.requests.length === 0)) return null;

  const file = async (tickets: readonly Ticket[]) => {
    setBusy(true);
    try {
      const count = await fileOnce(db, store, station.timeZone, tickets.map(ticketFiling), staff.id);
      notifications.show({ color: 'teal', message: t('keys.leftovers.longOpen.filed', { count }) });
    } catch {
      notifications.show({ color: 'red', message: t('keys.failed') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="sm" data-testid="long-open">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={5}>{t('keys.leftovers.longOpen.title')}</Title>
          {mayWrite && list.requests.length > 1 ? (
            <Button size="xs" variant="light" disabled={busy} onClick={() => void file(list.requests)} data-testid="long-open-file-all">
              {t('keys.leftovers.longOpen.fileAll', { count: list.requests.length })}
            </Button>
          ) : null}
        </Group>
        <Text size="sm" c="dimmed">{t('keys.leftovers.longOpen.hint', { days })}</Text>
        {list.requests.length === 0 ? <Text size="sm" c="dimmed">{t('keys.leftovers.longOpen.none')}</Text> : (
          <Table striped withTableBorder fz="sm" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('keys.leftovers.longOpen.number')}</Table.Th>
                <Table.Th>{t('keys.leftovers.longOpen.kind')}</Table.Th>
                <Table.Th>{t('keys.leftovers.longOpen.where')}</Table.Th>
                <Table.Th>{t('keys.leftovers.longOpen.received')}</Table.Th>
                <Table.Th>{t('keys.leftovers.longOpen.openFor')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.requests.map((ticket) => (
                <Table.Tr key={ticket.id} data-testid="long-open-request">
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {onOpenTicket ? <Anchor component="button" size="sm" onClick={() => onOpenTicket(ticket.id)}>{ticket.number}</Anchor> : ticket.number}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`common.kinds.${ticket.kind}`)}</Table.Td>
                  <Table.Td>{placeText(ticket, t as unknown as Translate)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(ticket.receivedAt, station.timeZone, i18n.language)}</Table.Td>
                  <Table.Td>{Math.floor((now - ticket.receivedAt) / DAY)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {mayWrite ? <Button size="compact-xs" variant="light" disabled={busy} onClick={() => void file([ticket])}>{t('keys.leftovers.longOpen.file')}</Button> : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {list.more ? <Text size="sm" c="orange" data-testid="long-open-more">{t('keys.leftovers.longOpen.more')}</Text> : null}
      </Stack>
    </Paper>
  );
}
