import { useState, type RefObject } from 'react';
import { Alert, Button, Group, Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { can } from '@shared/domain/roles';
import { useDesk } from '../../desk/DeskContext';
import type { IncomingCall } from './callCommands';
import { CallerNumber } from './CallerNumber';
import { UnitCard } from './UnitCard';

interface Props {
  incoming: IncomingCall;
  onStartIntake(unitIndex: number | null): void;
  onDismiss(): void;
  /** The panel puts the focus back here when a call leaves the list (Enter then starts this one). */
  startRef?: RefObject<HTMLButtonElement | null>;
}

/** One call: who, which unit, what is already open there; Enter starts the request. */
export function CallDetails({ incoming, onStartIntake, onDismiss, startRef }: Props) {
  const { t } = useTranslation();
  const { staff } = useDesk();
  const [chosen, setChosen] = useState(0);
  const { call, matches, e164 } = incoming;
  const start = () => onStartIntake(matches.length ? chosen : null);
  // U19: only a number that can be called back is "unknown"; a withheld or unreadable one is not
  // offered to the directory, and the offer is promised only to a role that may make it.
  const unknown = e164 !== null && !call.withheld && matches.length === 0;

  return (
    <Stack
      data-testid="call-details"
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
      {e164 === null ? <Alert color="gray">{t('calls.withheld')}</Alert> : null}
      {unknown ? <Alert color="yellow">{can(staff.role, 'directory.edit') ? t('calls.unknownNumber') : t('calls.notInDirectory')}</Alert> : null}
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
        <Button ref={startRef} onClick={start} data-autofocus>{t('calls.startIntake')}</Button>
      </Group>
    </Stack>
  );
}
