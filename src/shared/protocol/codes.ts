// Error codes of the hub's answers and of per-event rejections (sync protocol v1).

/** Request-level errors: the whole request is refused and nothing of it is stored. */
export const REQUEST_ERRORS = {
  NOT_JSON: 400,
  NOT_A_BATCH: 400,
  BATCH_SIZE: 400,
  BAD_QUERY: 400,
  UNAUTHORIZED: 401,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  BODY_TOO_LARGE: 413,
} as const;
export type RequestErrorCode = keyof typeof REQUEST_ERRORS;

/**
 * Codes the hub uses when it, not the request, is at fault (5xx) or when the HTTP framing
 * itself is broken. They are outside the contract's table but keep its body shape.
 */
export const HUB_ERRORS = {
  BAD_REQUEST: 400,
  /** A request body that stopped arriving (the hub's body timeout). */
  REQUEST_TIMEOUT: 408,
  HEADERS_TOO_LARGE: 431,
  INTERNAL_ERROR: 500,
  STORE_UNAVAILABLE: 503,
} as const;
export type HubErrorCode = keyof typeof HUB_ERRORS;

/** Per-event rejection codes, in the order the hub checks them. */
export const REJECTION_CODES = ['INVALID_EVENT', 'TOO_LARGE', 'WRONG_STATION', 'ID_CONFLICT'] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export type EventStatus = 'stored' | 'duplicate' | 'rejected';
