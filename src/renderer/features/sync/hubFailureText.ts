// One translated sentence for every way a call to the hub can fail (issue 13: "a clear
// message"), chosen by the failure's kind and status; only the names are read out of a
// `refused` message (the host's words are shown too, small, as a detail).
import type { HubFailure } from '@shared/sync/syncContract';

export interface FailureLike {
  failure: HubFailure | 'local';
  status?: number | null;
  message?: string | null;
}

/** What this workstation expected when enrolling: its own station name and its kept estate. */
export interface Expected {
  station: string | null;
  site: string | null;
}

export interface FailureText {
  key:
    | 'sync.failures.unreachable' | 'sync.failures.unauthorized' | 'sync.failures.refusedStation' | 'sync.failures.refusedSite'
    | 'sync.failures.refused' | 'sync.failures.badAnswer' | 'sync.failures.tooLarge' | 'sync.failures.unavailable'
    | 'sync.failures.notEnrolled' | 'sync.failures.local';
  values: Record<string, string | number>;
  /** The host's own words, shown small under the sentence (never carries the token: contract). */
  detail: string | null;
}

// The host names the token's station and estate in a refusal ("this token is for station X, …",
// "this token is for estate Y, …"; host/sync/syncService.ts); names are [A-Za-z0-9_-] only.
const NAMED = (what: string) => new RegExp(`\\b(?:${what})\\s+["“']?([A-Za-z0-9_-]{1,32})`, 'i');

export function hubFailureText(f: FailureLike, expected: Expected = { station: null, site: null }): FailureText {
  const detail = f.message ? f.message : null;
  switch (f.failure) {
    case 'refused': {
      const message = f.message ?? '';
      const site = NAMED('site|estate').exec(message)?.[1];
      const station = NAMED('station').exec(message)?.[1];
      // A token of another estate is the graver mismatch: said first.
      if (expected.site && site && site !== expected.site) return { key: 'sync.failures.refusedSite', values: { theirs: site, ours: expected.site }, detail };
      if (expected.station && station && station !== expected.station) return { key: 'sync.failures.refusedStation', values: { theirs: station, ours: expected.station }, detail };
      return { key: 'sync.failures.refused', values: {}, detail };
    }
    case 'unavailable':
      return { key: 'sync.failures.unavailable', values: { status: f.status ?? 503 }, detail };
    default:
      return { key: `sync.failures.${f.failure}`, values: {}, detail };
  }
}
