import { useState } from 'react';
import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { can } from '@shared/domain/roles';
import { registerPhone } from '@shared/registers/registerPhone';
import { TICKET_REPAIR_RETURNED, TICKET_WORK_ORDER_ISSUED } from '@shared/tickets/handling/stepEvents';
import type { Ticket } from '@shared/tickets/ticketFold';
import { useDesk } from '../../../desk/DeskContext';
import { registerLabels, registerTime } from '../registerLabels';
import { PrintDocumentModal } from './PrintDocumentModal';
import { documentFileName } from './usePrint';
import { payloadText, useTicketSteps } from './useTicketSteps';

interface Props {
  ticket: Ticket;
  orderNumber: string;
}

interface ButtonProps extends Props {
  /** In a list of orders (the repair record) the button is named by the order's number. */
  byNumber?: boolean;
}

/**
 * R-REPAIR-ORDER-5MIN, R-REPAIR-RETURN: the work order (维修服务通知单) as paper, A4 portrait:
 * what the technician needs, and what comes back (result, materials, time, the resident's
 * signature). The number is masked for a role without `phone.unmask` (R-CONFIDENTIAL).
 */
export function PrintWorkOrderButton({ ticket, orderNumber, byNumber = false }: ButtonProps) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button size={byNumber ? 'compact-xs' : 'xs'} variant="default" onClick={() => setOpened(true)} data-testid="print-work-order">{byNumber ? orderNumber : t('registers.workOrder.print')}</Button>
      <PrintDocumentModal title={t('registers.workOrder.title')} fileName={documentFileName(t('registers.workOrder.title'), orderNumber)} opened={opened} onClose={() => setOpened(false)}>
        <WorkOrderSheet ticket={ticket} orderNumber={orderNumber} enabled={opened} />
      </PrintDocumentModal>
    </>
  );
}

function WorkOrderSheet({ ticket, orderNumber, enabled }: Props & { enabled: boolean }) {
  const { t, i18n } = useTranslation();
  const { station, staff } = useDesk();
  const issued = useTicketSteps(ticket.id, TICKET_WORK_ORDER_ISSUED, enabled)?.find((e) => e.payload.orderNumber === orderNumber);
  const returned = useTicketSteps(ticket.id, TICKET_REPAIR_RETURNED, enabled)?.filter((e) => !e.payload.orderNumber || e.payload.orderNumber === orderNumber).at(-1);
  const labels = registerLabels({ t, i18n, timeZone: station.timeZone, canUnmask: false, phoneContext: station, staffNames: new Map(), withYear: true });
  const time = registerTime(station.timeZone, true);
  const phone = registerPhone(can(staff.role, 'phone.unmask'), { countryCode: station.countryCode, areaCode: station.areaCode })(ticket.callerPhone);
  const h = ticket.handling ?? {};
  const order = h.workOrders?.find((o) => o.number === orderNumber);
  const d = h.details ?? {};
  const line = (label: string, value: string, tall = false) => (
    <tr key={label}><td className="label">{label}</td><td className={tall ? 'tall' : undefined} colSpan={3}>{value}</td></tr>
  );
  const pair = (a: string, av: string, b: string, bv: string) => (
    <tr key={a}><td className="label">{a}</td><td>{av}</td><td className="label">{b}</td><td>{bv}</td></tr>
  );
  return (
    <div className="paper-form" data-testid="work-order-sheet">
      <p className="estate">{station.estateName}</p>
      <h1>{t('registers.workOrder.title')}</h1>
      <table className="fields">
        <tbody>
          {pair(t('registers.workOrder.number'), orderNumber, t('registers.workOrder.ticket'), ticket.number)}
          {pair(t('registers.workOrder.unit'), [ticket.unitKey, h.place ? labels.place(h.place) : ''].filter(Boolean).join(' '), t('registers.workOrder.resident'), ticket.callerName)}
          {pair(t('registers.workOrder.phone'), phone, t('registers.workOrder.issuedAt'), order ? time(order.issuedAt) : '')}
          {pair(t('registers.workOrder.department'), order ? labels.department(order.department) : '', t('registers.workOrder.technician'), order?.technician ?? '')}
          {line(t('registers.workOrder.fault'), d.faultLocation ?? '')}
          {line(t('registers.workOrder.description'), ticket.description, true)}
          {line(t('registers.workOrder.instructions'), payloadText(issued))}
          {pair(t('registers.workOrder.anyoneHome'), d.anyoneHome ? t(`registers.workOrder.anyoneHomeValues.${d.anyoneHome}`) : '', t('registers.workOrder.spareKey'), d.spareKey ? t(`registers.workOrder.spareKeyValues.${d.spareKey}`) : '')}
          {pair(t('registers.workOrder.accessTime'), d.accessTime ?? '', t('registers.workOrder.paid'), ticket.paid ? t('common.yes') : t('common.no'))}
          {pair(t('registers.workOrder.result'), order?.returned ? labels.result(order.returned.result) : '', t('registers.workOrder.returnedAt'), order?.returned ? time(order.returned.at) : '')}
          {line(t('registers.workOrder.returnNote'), payloadText(returned), true)}
          {line(t('registers.workOrder.materials'), '', true)}
          {pair(t('registers.workOrder.workTime'), '', t('registers.workOrder.fee'), '')}
        </tbody>
      </table>
      <div className="signatures" data-testid="signature-lines">
        <span>{t('registers.workOrder.technicianSignature')}<span className="signature-line" /></span>
        <span>{t('registers.workOrder.residentSignature')}<span className="signature-line" /></span>
        <span>{t('registers.workOrder.date')}<span className="signature-line" /></span>
      </div>
    </div>
  );
}
