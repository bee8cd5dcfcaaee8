import type { Ticket } from '@shared/tickets/ticketFold';
import { referenceLabel } from '../../i18n/referenceLabel';
import type { Translate } from '../ticket/timelineText';

/** Where the request is: its unit, else its place (a known common area translated), else ''. */
export function placeText(ticket: Pick<Ticket, 'unitKey' | 'handling'>, t: Translate): string {
  if (ticket.unitKey) return ticket.unitKey;
  return referenceLabel(t, 'commonAreas', ticket.handling?.place ?? '');
}
