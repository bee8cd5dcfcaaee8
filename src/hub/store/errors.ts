// The store is unreachable or failing (database down, disk full): answered 503 so stations back
// off and retry, never mistaken for a problem with their request.
export class StoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

/** Refusals of an administrative action (non-empty store on restore, unknown schema, …). */
export class StoreRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreRefusal';
  }
}
