import { useState } from 'react';
import { Button, Group, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '@shared/tickets/ticketFold';
import { EMERGENCY_NUMBERS, type EmergencyNumber } from '@shared/tickets/handling/checklists';
import { TICKET_EMERGENCY_CALLED } from '@shared/tickets/handling/stepEvents';
import { AtInput, useAt, type Step } from './stepForm';
import { useStepTime } from './useStepTime';

/**
 * R-EMERGENCY-NUMBERS: 110 police, 119 fire, 120 ambulance, 122 traffic accident, large on
 * screen. A click asks to confirm the call (and when it was made) and logs it with its time;
 * the last call of each number shows beside it.
 */
export function EmergencyNumbers({ ticket, step }: { ticket: Ticket; step: Step }) {
  const { t } = useTranslation();
  const time = useStepTime();
  const at = useAt();
  const [calling, setCalling] = useState<EmergencyNumber | null>(null);
  const calls = ticket.handling?.emergencyCalls ?? {};
  const service = (n: EmergencyNumber) => t(`handling.incident.numbers.services.${n}`);
  const confirm = async () => {
    const when = at.resolve();
    if (when === null || !calling) return;
    if (await step.take(TICKET_EMERGENCY_CALLED, { at: when, number: calling })) {
      at.reset();
      setCalling(null);
    }
  };
  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">{t('handling.incident.numbers.title')}</Text>
      <SimpleGrid cols={4} spacing="xs">
        {EMERGENCY_NUMBERS.map((n) => (
          <Stack key={n} gap={2} align="stretch">
            <Button color="red" h={72} onClick={() => setCalling(n)} disabled={ticket.status === 'closed'} aria-label={`${n} ${service(n)}`} data-testid={`call-${n}`}>
              <Stack gap={0} align="center">
                <Text fz={28} fw={800} lh={1.1}>{n}</Text>
                <Text size="sm">{service(n)}</Text>
              </Stack>
            </Button>
            <Text size="xs" ta="center" c={calls[n] !== undefined ? 'teal' : 'dimmed'} data-testid={`called-${n}`}>
              {calls[n] !== undefined ? t('handling.incident.numbers.lastCalled', { time: time(calls[n]) }) : t('handling.incident.numbers.notCalled')}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
      <Modal opened={calling !== null} onClose={() => setCalling(null)} title={calling ? t('handling.incident.numbers.confirmTitle', { number: calling }) : ''}>
        {calling ? (
          <Stack>
            <Text>{t('handling.incident.numbers.confirmBody', { number: calling, service: service(calling) })}</Text>
            <AtInput at={at} />
            {step.alert}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setCalling(null)}>{t('common.cancel')}</Button>
              <Button color="red" loading={step.busy} onClick={() => void confirm()}>{t('handling.incident.numbers.confirm')}</Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </Stack>
  );
}
