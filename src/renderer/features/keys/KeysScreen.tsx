import { useState } from 'react';
import { Badge, Button, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { can } from '@shared/domain/roles';
import { KEY_CATEGORIES, type KeyCategory } from '@shared/keys/keyEvents';
import type { KeyRow } from '@shared/keys/keyFold';
import { useDesk } from '../../desk/DeskContext';
import { formatDateTime } from '../../i18n/format';
import { readKeyRegister } from './keyQueries';
import { RegisterKeyModal } from './RegisterKeyModal';
import { KeyStepModal, type KeyStepKind } from './KeyStepModal';
import { KeyHistoryModal } from './KeyHistoryModal';
import { KeyRegisterPrint } from './KeyRegisterPrint';

type Open = { name: 'register' } | { name: 'step'; key: KeyRow; kind: KeyStepKind } | { name: 'history'; key: KeyRow } | null;

/** What can be done with a key as it is now (the guards refuse the rest anyway). */
function stepsFor(key: KeyRow): KeyStepKind[] {
  if (key.out) return ['return'];
  if (key.category === 'owner') return key.held ? ['lend', 'toOwner'] : ['deposit'];
  return ['lend'];
}

/** R-KEYS: the key register, keys out first (they are listed at every handover), filtered by category. */
export function KeysScreen() {
  const { t, i18n } = useTranslation();
  const { db, station, staff } = useDesk();
  const [category, setCategory] = useState<KeyCategory | 'all'>('all');
  const [open, setOpen] = useState<Open>(null);
  const [printing, setPrinting] = useState(false);
  const keys = useLiveQuery(() => readKeyRegister(db, category === 'all' ? null : category), [db, category]);
  const mayManage = can(staff.role, 'keys.manage');
  const outCount = keys?.filter((k) => k.out).length ?? 0;

  const state = (k: KeyRow) => {
    if (k.out) return <Badge color="orange" variant="light">{t('keys.state.out', { name: k.loan?.borrower ?? '' })}</Badge>;
    if (k.held) return <Badge color="green" variant="light">{t('keys.state.held')}</Badge>;
    return <Badge color="gray" variant="light">{t(k.owner ? 'keys.state.withOwner' : 'keys.state.notDeposited')}</Badge>;
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Group>
          <Title order={3}>{t('keys.title')}</Title>
          {outCount ? <Badge color="orange" data-testid="keys-out-count">{t('keys.outCount', { count: outCount })}</Badge> : null}
        </Group>
        {mayManage ? (
          <Group gap="xs">
            {printing ? null : <Button variant="default" onClick={() => setPrinting(true)} data-testid="key-register-preview">{t('keys.print.preview')}</Button>}
            <Button onClick={() => setOpen({ name: 'register' })}>{t('keys.register')}</Button>
          </Group>
        ) : null}
      </Group>
      {printing ? <KeyRegisterPrint onBack={() => setPrinting(false)} /> : null}
      {printing ? null : (
        <>
          <SegmentedControl
            w="fit-content"
            aria-label={t('keys.filterLabel')}
            value={category}
            onChange={(v) => setCategory(v as KeyCategory | 'all')}
            data={[{ value: 'all', label: t('keys.all') }, ...KEY_CATEGORIES.map((c) => ({ value: c, label: t(`keys.categories.${c}`) }))]}
            data-testid="key-filter"
          />
          <Table striped highlightOnHover data-testid="key-register">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('keys.columns.label')}</Table.Th>
                <Table.Th>{t('keys.columns.category')}</Table.Th>
                <Table.Th>{t('keys.columns.filedUnder')}</Table.Th>
                <Table.Th>{t('keys.columns.state')}</Table.Th>
                <Table.Th>{t('keys.columns.since')}</Table.Th>
                <Table.Th>{t('keys.columns.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(keys ?? []).map((k) => (
                <Table.Tr key={k.id} data-testid="key-row" data-out={k.out}>
                  <Table.Td fw={500}>{k.label}</Table.Td>
                  <Table.Td>{t(`keys.categories.${k.category}`)}</Table.Td>
                  <Table.Td>{k.filedUnder}</Table.Td>
                  <Table.Td>{state(k)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(k.lastAt, station.timeZone, i18n.language)}</Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      {mayManage ? stepsFor(k).map((kind) => (
                        <Button key={kind} size="xs" variant="light" onClick={() => setOpen({ name: 'step', key: k, kind })}>{t(`keys.actions.${kind}`)}</Button>
                      )) : null}
                      <Button size="xs" variant="subtle" onClick={() => setOpen({ name: 'history', key: k })}>{t('keys.actions.history')}</Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {keys && keys.length === 0 ? <Text c="dimmed" ta="center">{t('keys.empty')}</Text> : null}
        </>
      )}
      {open?.name === 'register' ? <RegisterKeyModal onClose={() => setOpen(null)} /> : null}
      {open?.name === 'step' ? <KeyStepModal keyRow={open.key} kind={open.kind} onClose={() => setOpen(null)} /> : null}
      {open?.name === 'history' ? <KeyHistoryModal keyRow={open.key} onClose={() => setOpen(null)} /> : null}
    </Stack>
  );
}
