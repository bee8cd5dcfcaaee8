import { useState } from 'react';
import { Alert, Autocomplete, Button, Group, List, Modal, ScrollArea, Stack, Text, Textarea, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { nameSchema } from '@shared/protocol/names';
import { useDesk } from '../../desk/DeskContext';
import { formatDateTime } from '../../i18n/format';
import { useNow } from '../../desk/useNow';
import { dutyErrorText } from './dutyError';
import { referenceLabel } from '../../i18n/referenceLabel';
import { transferDesk } from './dutyCommands';
import { handedOver, knownStations } from './dutyQueries';

const TEXT_MAX = 2000;

/**
 * R-NIGHT-TRANSFER: at the end of the desk's day the clerk transfers the desk (phone, alarms) to
 * the control room's station, seeing what is handed over: the open requests with their next
 * deadline and the alarms nobody acknowledged.
 */
export function TransferModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const { db, store, station, staff } = useDesk();
  const [toStation, setToStation] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const now = useNow(30_000);
  const stations = useLiveQuery(async () => (opened ? (await knownStations(db)).filter((s) => s !== station.stationName) : []), [db, opened, station.stationName]);
  const items = useLiveQuery(async () => (opened ? handedOver(db) : null), [db, opened]);
  const when = (ms: number) => formatDateTime(ms, station.timeZone, i18n.language);
  const rule = (id: string) => t(`deadlines.rules.${id}.name`, { defaultValue: id });
  const nameValid = nameSchema.safeParse(toStation.trim()).success;

  const close = () => {
    setError(null);
    onClose();
  };
  const confirm = async () => {
    setError(null);
    setSaving(true);
    try {
      await transferDesk(db, store, toStation.trim(), text, staff.id);
      notifications.show({ color: 'teal', message: t('duty.transfer.saved', { station: toStation.trim() }) });
      setText('');
      close();
    } catch (e) {
      setError(dutyErrorText(t as never, e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal opened={opened} onClose={close} title={t('duty.transfer.title')} size="lg">
      <Stack gap="sm">
        <Autocomplete
          label={t('duty.transfer.station')}
          description={t('duty.transfer.stationHint')}
          data={stations ?? []}
          value={toStation}
          onChange={setToStation}
          error={toStation && !nameValid ? t('duty.transfer.stationInvalid') : null}
          data-autofocus
        />
        <Title order={6}>{t('duty.transfer.requests', { count: items?.requests.length ?? 0 })}</Title>
        <ScrollArea.Autosize mah={200} data-testid="transfer-requests">
          {items?.requests.length ? (
            <List size="sm" spacing={2}>
              {items.requests.map(({ ticket, nextDue }) => (
                <List.Item key={ticket.id} data-testid="transfer-request">
                  <Text size="sm" span fw={600}>{ticket.number}</Text>{' '}
                  <Text size="sm" span>{ticket.unitKey || (ticket.handling?.place ? referenceLabel(t, 'commonAreas', ticket.handling.place) : '')} {ticket.description.slice(0, 40)}</Text>{' · '}
                  <Text size="sm" span c={nextDue && nextDue.dueAt < now ? 'red' : 'dimmed'}>
                    {nextDue ? t('duty.transfer.nextDue', { rule: rule(nextDue.ruleId), time: when(nextDue.dueAt) }) : t('duty.transfer.noDeadline')}
                  </Text>
                </List.Item>
              ))}
            </List>
          ) : <Text size="sm" c="dimmed">{t('duty.transfer.none')}</Text>}
        </ScrollArea.Autosize>
        <Title order={6}>{t('duty.transfer.unacknowledged', { count: items?.unacknowledged.length ?? 0 })}</Title>
        {items?.unacknowledged.length ? (
          <List size="sm" spacing={2} data-testid="transfer-alarms">
            {items.unacknowledged.map((a) => (
              <List.Item key={`${a.ticketId}|${a.ruleId}`}>{t('duty.transfer.alarmDue', { number: a.number, rule: rule(a.ruleId), time: when(a.dueAt) })}</List.Item>
            ))}
          </List>
        ) : <Text size="sm" c="dimmed">{t('duty.transfer.none')}</Text>}
        <Textarea label={t('duty.transfer.text')} value={text} onChange={(e) => setText(e.currentTarget.value)} maxLength={TEXT_MAX} autosize minRows={2} maxRows={5} />
        {error ? <Alert color="red" role="alert">{error}</Alert> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>{t('common.cancel')}</Button>
          <Button onClick={() => void confirm()} disabled={!nameValid || toStation.trim() === station.stationName} loading={saving}>{t('duty.transfer.confirm')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
