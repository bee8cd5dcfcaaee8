import type { Ticket } from '@shared/tickets/ticketFold';
import { isKnownCommonArea } from '@shared/tickets/handling/references';
import type { Translate } from '../ticket/timelineText';

/** Where the request is: its unit, else its place (a known common area translated), else ''. */
export function placeText(ticket: Pick<Ticket, 'unitKey' | 'handling'>, t: Translate): string {
  if (ticket.unitKey) return ticket.unitKey;
  const place = ticket.handling?.place ?? '';
  return isKnownCommonArea(place) ? t(`handling.commonAreas.${place}`) : place;
}
