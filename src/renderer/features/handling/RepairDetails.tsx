import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '@shared/tickets/ticketFold';

/** R-REPAIR-FIELDS as asked at intake: where the fault is, anyone home, spare key, when staff may come. */
export function RepairDetails({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const d = ticket.handling?.details ?? {};
  const none = t('common.none');
  const fields: [string, string][] = [
    [t('handling.repair.details.faultLocation'), d.faultLocation || none],
    [t('handling.repair.details.anyoneHome'), d.anyoneHome ? t(`handling.repair.anyoneHome.${d.anyoneHome}`) : none],
    [t('handling.repair.details.spareKey'), d.spareKey ? t(`handling.repair.spareKey.${d.spareKey}`) : none],
    [t('handling.repair.details.accessTime'), d.accessTime || none],
  ];
  return (
    <Paper withBorder p="xs" aria-label={t('handling.repair.details.title')} data-testid="repair-details">
      <SimpleGrid cols={4} spacing="xs">
        {fields.map(([label, value]) => (
          <div key={label}>
            <Text size="xs" c="dimmed">{label}</Text>
            <Text size="sm">{value}</Text>
          </div>
        ))}
      </SimpleGrid>
    </Paper>
  );
}
