import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WorkOrder } from '@shared/tickets/handling/handlingState';
import type { Ticket } from '@shared/tickets/ticketFold';
import { PrintWorkOrderButton } from '../registers/print/WorkOrderPrint';
import { useDesk } from '../../desk/DeskContext';
import { formatDateTime } from '../../i18n/format';
import { referenceLabel } from '../../i18n/referenceLabel';

/** The request's work orders (维修服务通知单): number (it prints the order), department, issued, returned. */
export function WorkOrderList({ ticket, orders }: { ticket: Ticket; orders: readonly WorkOrder[] }) {
  const { t, i18n } = useTranslation();
  const { station } = useDesk();
  const when = (ms: number) => formatDateTime(ms, station.timeZone, i18n.language);
  if (orders.length === 0) return <Text size="sm" c="dimmed">{t('handling.repair.orders.none')}</Text>;
  return (
    <Table withTableBorder striped data-testid="work-orders" aria-label={t('handling.repair.orders.title')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('handling.repair.orders.number')}</Table.Th>
          <Table.Th>{t('handling.repair.orders.department')}</Table.Th>
          <Table.Th>{t('handling.repair.orders.technician')}</Table.Th>
          <Table.Th>{t('handling.repair.orders.issued')}</Table.Th>
          <Table.Th>{t('handling.repair.orders.returned')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {orders.map((order) => (
          <Table.Tr key={order.number}>
            <Table.Td><PrintWorkOrderButton ticket={ticket} orderNumber={order.number} byNumber /></Table.Td>
            <Table.Td>{referenceLabel(t, 'departments', order.department)}</Table.Td>
            <Table.Td>{order.technician || t('common.none')}</Table.Td>
            <Table.Td>{when(order.issuedAt)}</Table.Td>
            <Table.Td>
              {order.returned ? `${when(order.returned.at)} · ${t(`handling.repair.returned.results.${order.returned.result}`)}` : t('handling.repair.orders.notReturned')}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
