import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '@shared/tickets/ticketFold';
import { RepairDetails } from './RepairDetails';
import { AppointmentStep, ChasedStep, ReturnedStep, SignedOffStep } from './RepairFollowUpSteps';
import { OnSiteStep, TechnicianCalledStep, WorkOrderStep } from './RepairOrderSteps';
import { ResolutionSteps } from './ResolutionSteps';
import { WorkOrderList } from './WorkOrderList';

/**
 * A repair (R-REPAIR-*): its fields, its work orders, then the next steps. Non-urgent goes by
 * work order (R-REPAIR-ORDER-5MIN); urgent by phoning or radioing the technician, who is then
 * on site (R-REPAIR-URGENT-15MIN).
 */
export function RepairSteps({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const h = ticket.handling ?? {};
  const open = ticket.status !== 'closed';
  const urgent = ticket.urgency === 'urgent';
  const returned = h.returned;
  return (
    <Stack gap="xs" data-testid="repair-steps">
      <Text fw={600}>{t('handling.repair.title')}</Text>
      <RepairDetails ticket={ticket} />
      <WorkOrderList ticket={ticket} orders={h.workOrders ?? []} />
      {h.technician ? <Text size="sm" data-testid="repair-technician">{`${t('handling.repair.called.technician')}: ${h.technician}`}</Text> : null}
      {h.signedOff ? <Text size="sm" data-testid="repair-signed-off">{`${t('handling.repair.signedOff.title')}: ${t(`handling.repair.signedOff.signers.${h.signedOff.by}`)}`}</Text> : null}
      {open ? (
        <>
          <Text size="sm" c="dimmed">{urgent ? t('handling.repair.urgentHint') : t('handling.repair.orderHint')}</Text>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs">
            {urgent ? (h.technicianCalledAt === undefined ? <TechnicianCalledStep ticket={ticket} /> : h.onSiteAt === undefined ? <OnSiteStep ticket={ticket} /> : null) : <WorkOrderStep ticket={ticket} />}
            {ticket.status === 'resolved' ? null : <ReturnedStep ticket={ticket} />}
            {/* R-REPAIR-RETURN: not fixed leads to a new appointment. */}
            <AppointmentStep ticket={ticket} again={returned?.result === 'notFixed'} />
            <ChasedStep ticket={ticket} />
            {returned && !h.signedOff ? <SignedOffStep ticket={ticket} /> : null}
            {returned && returned.result !== 'notFixed' ? <ResolutionSteps ticket={ticket} titled /> : null}
          </SimpleGrid>
        </>
      ) : null}
    </Stack>
  );
}
