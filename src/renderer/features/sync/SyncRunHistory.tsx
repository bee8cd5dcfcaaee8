import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SyncRunRecord } from '../../sync/engineTypes';
import { useDesk } from '../../desk/DeskContext';
import { formatDateTime } from '../../i18n/format';
import { hubFailureText } from './hubFailureText';
import { useFailureSentence } from './FailureMessage';

/** The runs since this start, newest first: time, pushed, pulled, refused, result. */
export function SyncRunHistory({ runs }: { runs: SyncRunRecord[] }) {
  const { t, i18n } = useTranslation();
  const { station } = useDesk();
  const sentence = useFailureSentence();
  if (runs.length === 0) return <Text size="sm" c="dimmed">{t('sync.screen.historyEmpty')}</Text>;
  return (
    <Table withTableBorder striped data-testid="sync-history">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('sync.screen.columns.at')}</Table.Th>
          <Table.Th>{t('sync.screen.columns.pushed')}</Table.Th>
          <Table.Th>{t('sync.screen.columns.pulled')}</Table.Th>
          <Table.Th>{t('sync.screen.columns.quarantined')}</Table.Th>
          <Table.Th>{t('sync.screen.columns.result')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {runs.slice(0, 20).map((run) => {
          const failure = run.failure ? hubFailureText({ failure: run.failure, message: run.message }) : null;
          return (
            <Table.Tr key={run.startedAt}>
              <Table.Td>{formatDateTime(run.startedAt, station.timeZone, i18n.language)}</Table.Td>
              <Table.Td>{run.pushed}</Table.Td>
              <Table.Td>{run.pulled}</Table.Td>
              <Table.Td>{run.quarantined}</Table.Td>
              <Table.Td>{failure ? <Text size="sm" c="red">{sentence(failure)}</Text> : <Badge color="teal" variant="light" tt="none">{t('sync.screen.resultOk')}</Badge>}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
