// The seven kinds of request the estate's service manual sorts residents' calls into (住户求助分类)
// and the channels they arrive by (R-CHANNELS).

export const REQUEST_KINDS = ['medical', 'repair', 'complaint', 'inquiry', 'security', 'disaster', 'other'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export const CHANNELS = ['phone', 'visit', 'written', 'staffReport', 'patrol', 'controlRoom'] as const;
export type Channel = (typeof CHANNELS)[number];

export const URGENCIES = ['urgent', 'normal'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const TICKET_STATUSES = ['open', 'inProgress', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export function isActiveStatus(status: TicketStatus): boolean {
  return status !== 'closed';
}
