import { SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { unitKey } from '@shared/domain/units';
import { shownPhone } from '@shared/directory/phone/shownPhone';
import type { HeaderMap } from '@shared/directory/sheet/importHeaders';
import type { ImportRow } from '@shared/directory/sheet/importRows';
import type { PhoneChoice } from '@shared/directory/sheet/importPlan';
import type { PhoneNumber } from '@shared/directory/phone/phoneTypes';
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

interface Props {
  rows: ImportRow[];
  map: HeaderMap;
  validShown: number;
  /** U2: per row number, the directory's numbers the row lacks, and whether they are kept. */
  removals: ReadonlyMap<number, PhoneNumber[]>;
  choices: ReadonlyMap<number, PhoneChoice>;
  onChoose(row: number, choice: PhoneChoice): void;
}

// U16: short columns never wrap (行号, 身份, 7-101 broke per character).
const NOWRAP = { whiteSpace: 'nowrap' } as const;

export function ImportPreviewTable({ rows, map, validShown, removals, choices, onChoose }: Props) {
  const { t } = useTranslation();
  const context = usePhoneContext();
  let valid = 0;
  // Rows whose numbers would change are always listed, like rows with problems.
  const listed = rows.filter((r) => !r.resident || removals.has(r.rowNumber) || valid++ < validShown);
  const shown = (phones: readonly PhoneNumber[]) => phones.map((p) => shownPhone(p.e164, false, context).number).join('、');
  return (
    <Table.ScrollContainer minWidth={720} mah={360}>
      <Table striped stickyHeader data-testid="import-preview">
        <Table.Thead>
          <Table.Tr>
            <Table.Th style={NOWRAP}>{t('directory.import.columns.row')}</Table.Th>
            <Table.Th style={NOWRAP}>{t('directory.import.columns.unit')}</Table.Th>
            <Table.Th style={NOWRAP}>{t('directory.import.columns.name')}</Table.Th>
            <Table.Th style={NOWRAP}>{t('directory.import.columns.relation')}</Table.Th>
            <Table.Th style={NOWRAP}>{t('directory.import.columns.phones')}</Table.Th>
            <Table.Th style={NOWRAP}>{t('directory.import.columns.result')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {listed.map((row) => {
            const { rowNumber, resident, problems } = row;
            return (
            <Table.Tr key={rowNumber} data-row={rowNumber} c={resident ? undefined : 'red.8'}>
              <Table.Td style={NOWRAP}>{rowNumber}</Table.Td>
              <Table.Td ff="monospace" style={NOWRAP}>{resident ? unitKey(resident.unit) : rawUnit(row, map)}</Table.Td>
              <Table.Td miw={80}>{resident ? resident.name : cellOf(row, map.columns.name)}</Table.Td>
              <Table.Td style={NOWRAP}>{resident?.relation ? t(`directory.relations.${resident.relation}`) : null}</Table.Td>
              <Table.Td ff="monospace" miw={120}>{resident ? shown(resident.phones) : null}</Table.Td>
              <Table.Td miw={160}>
                {resident ? (
                  <RowResult unitOnly={!resident.name} removed={removals.get(rowNumber)} shown={shown} choice={choices.get(rowNumber) ?? 'keep'} onChoose={(c) => onChoose(rowNumber, c)} />
                ) : problems.map((p, i) => <Text key={i} size="sm">{rowProblemMessage(t, p)}</Text>)}
              </Table.Td>
            </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

interface RowResultProps {
  unitOnly: boolean;
  removed: PhoneNumber[] | undefined;
  shown(phones: readonly PhoneNumber[]): string;
  choice: PhoneChoice;
  onChoose(choice: PhoneChoice): void;
}

/** A valid row: fine as it is, a unit's own row, or (U2) numbers the directory has that the file lacks. */
function RowResult({ unitOnly, removed, shown, choice, onChoose }: RowResultProps) {
  const { t } = useTranslation();
  if (!removed) return <Text size="sm" c="teal" style={NOWRAP}>{t(unitOnly ? 'directory.import.unitOnly' : 'directory.import.ok')}</Text>;
  return (
    <Stack gap={4} data-testid="phone-removal">
      <Text size="sm" c="orange.8">{t(choice === 'keep' ? 'directory.import.phonesKept' : 'directory.import.phonesRemoved', { numbers: shown(removed) })}</Text>
      <SegmentedControl
        size="xs"
        value={choice}
        onChange={(value) => onChoose(value as PhoneChoice)}
        data={[{ value: 'keep', label: t('directory.import.keepPhones') }, { value: 'replace', label: t('directory.import.replacePhones') }]}
      />
    </Stack>
  );
}
