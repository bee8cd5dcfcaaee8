/**
 * When the queue re-queries after tickets change: once changes have been quiet for `quietMs`
 * (a save shows in the queue a tenth of a second later), and at least every `maxWaitMs` while
 * they keep coming (saves in quick succession, pages of synced events). A save then rarely
 * waits behind a re-query and render caused by the saves before it (docs/benchmarks.md).
 */
export const QUEUE_REFRESH = { quietMs: 100, maxWaitMs: 1000 } as const;
