import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { unitKey } from '@shared/domain/units';
import { shownPhone } from '@shared/directory/phone/shownPhone';
import type { HeaderMap } from '@shared/directory/sheet/importHeaders';
import type { ImportRow } from '@shared/directory/sheet/importRows';
import { rowProblemMessage } from './directoryMessages';
import { usePhoneContext } from './useDirectory';

/** Rows with problems are always listed (by their spreadsheet row number); correct ones up to a limit. */
/** What the file says, for a row that could not be read: staff find the row by it. */
function cellOf(row: ImportRow, index: number | undefined): string {
  return index === undefined ? '' : (row.cells[index] ?? '');
}

function rawUnit(row: ImportRow, map: HeaderMap): string {
  return cellOf(row, map.columns.unit) || [cellOf(row, map.columns.building), cellOf(row, map.columns.room)].filter(Boolean).join('-');
}

export function ImportPreviewTable({ rows, map, validShown }: { rows: ImportRow[]; map: HeaderMap; validShown: number }) {
  const { t } = useTranslation();
  const context = usePhoneContext();
  let valid = 0;
  const listed = rows.filter((r) => !r.resident || valid++ < validShown);
  return (
    <Table.ScrollContainer minWidth={640} mah={360}>
      <Table striped stickyHeader data-testid="import-preview">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('directory.import.columns.row')}</Table.Th>
            <Table.Th>{t('directory.import.columns.unit')}</Table.Th>
            <Table.Th>{t('directory.import.columns.name')}</Table.Th>
            <Table.Th>{t('directory.import.columns.relation')}</Table.Th>
            <Table.Th>{t('directory.import.columns.phones')}</Table.Th>
            <Table.Th>{t('directory.import.columns.result')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {listed.map((row) => {
            const { rowNumber, resident, problems } = row;
            return (
            <Table.Tr key={rowNumber} data-row={rowNumber} c={resident ? undefined : 'red.8'}>
              <Table.Td>{rowNumber}</Table.Td>
              <Table.Td ff="monospace">{resident ? unitKey(resident.unit) : rawUnit(row, map)}</Table.Td>
              <Table.Td>{resident ? resident.name : cellOf(row, map.columns.name)}</Table.Td>
              <Table.Td>{resident?.relation ? t(`directory.relations.${resident.relation}`) : null}</Table.Td>
              <Table.Td ff="monospace">{resident?.phones.map((p) => shownPhone(p.e164, false, context).number).join('、')}</Table.Td>
              <Table.Td>
                {resident ? <Text size="sm" c="teal">{t('directory.import.ok')}</Text> : problems.map((p, i) => <Text key={i} size="sm">{rowProblemMessage(t, p)}</Text>)}
              </Table.Td>
            </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
