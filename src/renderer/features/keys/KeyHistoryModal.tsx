import { Image, Modal, Stack, Table, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { KeyRow } from '@shared/keys/keyFold';
import { useDesk } from '../../desk/DeskContext';
import { formatDateTime } from '../../i18n/format';
import { readKeyHistory } from './keyQueries';
import { keyRecord, type KeyRecord } from './keyHistoryText';

/** Every record of one key, with who signed (a PIN's owner, or the drawn signature as it was given). */
export function KeyHistoryModal({ keyRow, onClose }: { keyRow: KeyRow; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const { db, station } = useDesk();
  const tx = t as unknown as (key: string, values?: Record<string, unknown>) => string;
  const data = useLiveQuery(async () => {
    const events = await readKeyHistory(db, keyRow.id);
    const records = events.map((e) => keyRecord(tx, e)).filter((r): r is KeyRecord => r !== null);
    const ids = [...new Set(records.flatMap((r) => [r.actor, r.signature?.kind === 'pin' ? r.signature.staffId : null]).filter((x): x is string => Boolean(x)))];
    const staff = await db.staff.bulkGet(ids);
    return { records, names: new Map(ids.map((id, i) => [id, staff[i]?.name ?? id])) };
  }, [db, keyRow.id, i18n.language]);

  const signed = (r: KeyRecord) => {
    if (!r.signature) return null;
    if (r.signature.kind === 'pin') return <Text size="sm">{t('keys.history.signedPin', { name: data?.names.get(r.signature.staffId) ?? '' })}</Text>;
    return <Image src={r.signature.png} alt={t('keys.history.signedDrawn')} h={48} w="auto" fit="contain" data-testid="key-history-signature" />;
  };

  return (
    <Modal opened onClose={onClose} size="xl" title={t('keys.titles.history', { label: keyRow.label })} data-testid="key-history-modal">
      <Stack>
        <Table data-testid="key-history">
          <Table.Tbody>
            {(data?.records ?? []).map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.at, station.timeZone, i18n.language)}</Table.Td>
                <Table.Td>{r.text}</Table.Td>
                <Table.Td>{signed(r)}</Table.Td>
                <Table.Td><Text size="xs" c="dimmed">{r.actor ? t('keys.history.recordedBy', { name: data?.names.get(r.actor) ?? '' }) : null}</Text></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {data && data.records.length === 0 ? <Text c="dimmed">{t('keys.history.empty')}</Text> : null}
      </Stack>
    </Modal>
  );
}
