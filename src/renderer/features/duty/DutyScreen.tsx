import { useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../desk/DeskContext';
import { formatDateTime } from '../../i18n/format';
import { useDuty } from './useDuty';
import { lastTransferNote } from './dutyQueries';
import { TransferModal } from './TransferModal';
import { TakeBackPanel } from './TakeBackPanel';

/**
 * Issue 16: who holds the front desk; at night the desk's station transfers it to the control
 * room (转中控室), in the morning it takes it back (收回前台) having read the night (R-NIGHT-TRANSFER).
 */
export function DutyScreen({ onOpen }: { onOpen(ticketId: string): void }) {
  const { t, i18n } = useTranslation();
  const { db, station } = useDesk();
  const row = useDuty();
  const [transferring, setTransferring] = useState(false);
  const holder = row?.holder.station ? row.holder : null;
  const here = holder?.station === station.stationName;
  const note = useLiveQuery(() => lastTransferNote(db), [db, row?.lastHlc]);

  return (
    <Stack maw={960} data-testid="duty-screen">
      <Title order={3}>{t('duty.screen.title')}</Title>
      <Paper withBorder p="md">
        <Stack gap="sm">
          {!holder ? <Text>{t('duty.screen.nobody')}</Text> : null}
          {holder && here ? <Alert color="blue">{t('duty.screen.holdsHere')}</Alert> : null}
          {holder && !here ? (
            <Alert color="grape">{t('duty.screen.heldElsewhere', { station: holder.station ?? '', time: formatDateTime(holder.since, station.timeZone, i18n.language) })}</Alert>
          ) : null}
          {holder && !holder.staffId && note ? <Text size="sm" data-testid="transfer-note">{t('duty.screen.note', { text: note })}</Text> : null}
          {!holder || here ? (
            <Group justify="space-between">
              <Text size="sm" c="dimmed">{t('duty.screen.transferHint')}</Text>
              <Button color="grape" onClick={() => setTransferring(true)}>{t('duty.screen.transfer')}</Button>
            </Group>
          ) : null}
        </Stack>
      </Paper>
      {holder && !here ? <TakeBackPanel holder={holder} onOpen={onOpen} /> : null}
      <TransferModal opened={transferring} onClose={() => setTransferring(false)} />
    </Stack>
  );
}
