import { useState } from 'react';
import { Button, Group, NativeSelect, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { REQUEST_KINDS, type RequestKind } from '@shared/domain/requestKinds';
import { can } from '@shared/domain/roles';
import { useDesk } from '../../desk/DeskContext';
import { useQueue } from './useQueue';
import type { QueueScope } from './queueQuery';
import { QueueRow } from './QueueRow';
import { DESCRIPTION, NO_WRAP } from './queueColumns';
import { useNow } from '../../desk/useNow';

const PAGE = 50;

export function QueueScreen({ onOpen }: { onOpen(ticketId: string): void }) {
  const { t } = useTranslation();
  const { staff } = useDesk();
  const [kind, setKind] = useState<RequestKind | null>(null);
  const [scope, setScope] = useState<QueueScope>('active');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 150);
  const [limit, setLimit] = useState(PAGE);
  // S6: only a role that may see numbers finds requests by the caller's number.
  const result = useQueue({ kind, scope, search: debounced, limit, phones: can(staff.role, 'phone.unmask') });
  const tickets = result?.tickets;
  const now = useNow(30_000);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('queue.title')}</Title>
        <Group>
          <TextInput aria-label={t('queue.search')} placeholder={t('queue.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={260} />
          <NativeSelect
            aria-label={t('queue.kindFilter')}
            value={kind ?? ''}
            onChange={(e) => setKind((e.currentTarget.value || null) as RequestKind | null)}
            data={[{ value: '', label: t('queue.allKinds') }, ...REQUEST_KINDS.map((k) => ({ value: k, label: t(`common.kinds.${k}`) }))]}
          />
          <SegmentedControl
            aria-label={t('queue.scope')}
            value={scope}
            onChange={(v) => setScope(v as QueueScope)}
            data={(['active', 'closed', 'all'] as const).map((s) => ({ value: s, label: t(`queue.scopes.${s}`) }))}
          />
        </Group>
      </Group>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid="queue">
        <Table.Thead>
          <Table.Tr>
            <Table.Th style={NO_WRAP}>{t('queue.columns.number')}</Table.Th>
            <Table.Th style={NO_WRAP}>{t('queue.columns.kind')}</Table.Th>
            <Table.Th style={NO_WRAP}>{t('queue.columns.unit')}</Table.Th>
            <Table.Th style={NO_WRAP}>{t('queue.columns.caller')}</Table.Th>
            <Table.Th style={DESCRIPTION}>{t('queue.columns.description')}</Table.Th>
            <Table.Th style={NO_WRAP}>{t('queue.columns.age')}</Table.Th>
            <Table.Th style={NO_WRAP}>{t('queue.columns.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(tickets ?? []).map((ticket) => <QueueRow key={ticket.id} ticket={ticket} now={now} t={t} onOpen={onOpen} />)}
        </Table.Tbody>
      </Table>
      {tickets && tickets.length === 0 && !result?.truncated ? <Text c="dimmed" ta="center">{t('queue.empty')}</Text> : null}
      {result?.truncated ? <Text c="orange" ta="center" data-testid="queue-truncated">{t('queue.narrowSearch')}</Text> : null}
      {tickets && tickets.length >= limit ? (
        <Group justify="center"><Button variant="subtle" onClick={() => setLimit(limit + PAGE)}>{t('queue.loadMore')}</Button></Group>
      ) : null}
    </Stack>
  );
}
