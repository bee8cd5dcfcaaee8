/**
 * The queue refreshes at once when a ticket changes after a quiet spell, then at most this
 * often while changes keep coming (saves in quick succession, a page of synced events): a save
 * does not queue behind a re-query for every save before it (docs/benchmarks.md, "One save").
 */
export const QUEUE_REFRESH_MS = 250;
