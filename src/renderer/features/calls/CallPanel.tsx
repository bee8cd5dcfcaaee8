import { useState } from 'react';
import { Alert, Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../desk/DeskContext';
import { formatTime } from '../../i18n/format';
import type { IncomingCall } from './callCommands';
import { CallerNumber } from './CallerNumber';
import { UnitCard } from './UnitCard';

interface Props {
  incoming: IncomingCall;
  onStartIntake(unitIndex: number | null): void;
  onDismiss(): void;
}

/** What the clerk sees as the phone rings: who, which unit, what is already open there. */
export function CallPanel({ incoming, onStartIntake, onDismiss }: Props) {
  const { t, i18n } = useTranslation();
  const { station } = useDesk();
  const [chosen, setChosen] = useState(0);
  const { call, matches } = incoming;
  const start = () => onStartIntake(matches.length ? chosen : null);

  return (
    <Modal opened onClose={onDismiss} title={t('calls.panelTitle', { time: formatTime(call.at, station.timeZone, i18n.language) })} size="xl" data-testid="call-panel">
      <Stack
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !(e.target instanceof HTMLButtonElement)) {
            e.preventDefault();
            start();
          }
        }}
      >
        <Group justify="space-between">
          <CallerNumber incoming={incoming} />
          {call.name ? <Text c="dimmed">{t('calls.deviceName', { name: call.name })}</Text> : null}
        </Group>
        {call.withheld ? <Alert color="gray">{t('calls.withheld')}</Alert> : null}
        {!call.withheld && matches.length === 0 ? <Alert color="yellow">{t('calls.unknownNumber')}</Alert> : null}
        {matches.length > 1 ? (
          <Radio.Group label={t('calls.pickUnit')} value={String(chosen)} onChange={(v) => setChosen(Number(v))}>
            <Group mt="xs">
              {matches.map((m, i) => <Radio key={m.unit.id} value={String(i)} label={m.unit.key} />)}
            </Group>
          </Radio.Group>
        ) : null}
        {matches[chosen] ? <UnitCard match={matches[chosen]} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDismiss}>{t('calls.noRequest')}</Button>
          <Button onClick={start} data-autofocus>{t('calls.startIntake')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
