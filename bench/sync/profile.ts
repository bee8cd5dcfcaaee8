// Where a bootstrap's renderer time goes (`npm run bench:sync -- --profile`): a CDP CPU profile
// of the page for a window of the pull, summed by function (self time) and by the stage of a
// page apply the function belongs to.
import { writeFileSync } from 'node:fs';
import type { CDPSession } from 'playwright-core';

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

/** Stages of a page apply, by the functions and files that do them (first match wins). */
const STAGES: [string, RegExp][] = [
  ['idle (waiting: the IndexedDB backend in the browser process, the host)', /^\(idle\)$/],
  ['native, outside JS (program: IPC, serialising values for IndexedDB)', /^\(program\)$/],
  ['garbage collection', /^\(garbage collector\)$/],
  ['IndexedDB requests (put, get, add, count, key ranges: native calls and Dexie methods of those names)', /^(put|get|add|delete|count|getAll|openCursor|bound|only|addRange|cmp2?|bulkPut|bulkAdd|bulkGet)$/],
  ['registry check (zod)', /checkEvent|safeParse|_parse|zod|ZodType/i],
  ['fold (foldTicket, search terms)', /fold|ticketTerms|withActiveTerms|searchTerms|pinyin|normalise/i],
  ['projections and Dexie (JS)', /projectAll|projectStream|readStreams|readAuthority|dexie|Table|Collection|WhereClause/i],
  ['bridge transfer (JSON, WebSocket)', /JSON|onMessage|deliver|WebSocket|^parse$/i],
];

export type ProfileSummary = ReturnType<typeof summarise>;

/** A CPU profile of the page while `work` runs, written to `file` (open it in DevTools) and summed. */
export async function profiled<T>(cdp: CDPSession, file: string, work: () => Promise<T>): Promise<{ result: T; summary: ProfileSummary }> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  let outcome: { ok: true; value: T } | { ok: false; error: unknown };
  try {
    outcome = { ok: true, value: await work() };
  } catch (error) {
    outcome = { ok: false, error };
  }
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  writeFileSync(file, JSON.stringify(profile));
  if (!outcome.ok) throw outcome.error;
  return { result: outcome.value, summary: summarise(profile) };
}

export function profileWindow(cdp: CDPSession, ms: number, file: string): Promise<ProfileSummary> {
  return profiled(cdp, file, () => new Promise((done) => setTimeout(done, ms))).then((p) => p.summary);
}

export function summarise(profile: Profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const byFn = new Map<string, number>();
  const byStage = new Map<string, number>();
  for (const [id, ms] of self) {
    const frame = byId.get(id)!.callFrame;
    const file = frame.url.split('/').pop() ?? '';
    const fn = `${frame.functionName || '(anonymous)'} ${file}${file ? `:${frame.lineNumber + 1}` : ''}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + ms);
    const stage = STAGES.find(([, pattern]) => pattern.test(frame.functionName) || pattern.test(file))?.[0] ?? 'other';
    byStage.set(stage, (byStage.get(stage) ?? 0) + ms);
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return {
    totalMs: (profile.endTime - profile.startTime) / 1000,
    stages: sorted(byStage).map(([stage, ms]) => ({ stage, ms })),
    top: sorted(byFn).slice(0, 25).map(([fn, ms]) => ({ fn, ms })),
  };
}
