// The seven kinds of request the estate's service manual sorts residents' calls into (住户求助分类)
// and the channels they arrive by (R-CHANNELS).

export const REQUEST_KINDS = ['medical', 'repair', 'complaint', 'inquiry', 'security', 'disaster', 'other'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export const CHANNELS = ['phone', 'visit', 'written', 'staffReport', 'patrol', 'controlRoom'] as const;
export type Channel = (typeof CHANNELS)[number];

export const URGENCIES = ['urgent', 'normal'] as const;
export type Urgency = (typeof URGENCIES)[number];

/**
 * `open` as stored since the start; `inProgress` once a step is taken; `resolved`: solved and
 * awaiting the resident's confirmation (still active: the confirmation call is work); `closed`
 * with an outcome (R-NO-BUCK-PASSING). The active set is still "all but closed", so rows stored
 * before `resolved` existed keep their `active` key and terms (no upgrade of the index).
 */
export const TICKET_STATUSES = ['open', 'inProgress', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export function isActiveStatus(status: TicketStatus): boolean {
  return status !== 'closed';
}
