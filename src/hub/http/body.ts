// Reading request bodies ourselves rather than through the framework's parsers: the contract
// ignores the content type, and a too-large body must still be read to its end so that the
// client, still sending, receives the 413 instead of a reset connection. A body that stops
// arriving for `idleMs` is given up (408, S16); a client that goes away is no hub failure.
import type { IncomingMessage } from 'node:http';

export type BodyRead =
  | { ok: true; bytes: Buffer }
  | { ok: false; why: 'too-large'; size: number }
  | { ok: false; why: 'stalled' | 'aborted' };

export function readBody(req: IncomingMessage, limit: number, idleMs: number): Promise<BodyRead> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let timer: NodeJS.Timeout | undefined;
    let settled = false;
    const done = (result: BodyRead) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.off('data', onData);
      resolve(result);
    };
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => done({ ok: false, why: 'stalled' }), idleMs);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit the rest is read and dropped, so memory stays bounded.
      if (size <= limit) chunks.push(chunk);
      arm();
    };
    req.on('data', onData);
    req.once('end', () => done(size > limit ? { ok: false, why: 'too-large', size } : { ok: true, bytes: Buffer.concat(chunks, size) }));
    req.once('error', () => done({ ok: false, why: 'aborted' }));
    req.once('close', () => done({ ok: false, why: 'aborted' }));
    arm();
  });
}

/** Reads and drops whatever is left of the body, so an early answer reaches the client. */
export async function drain(req: IncomingMessage, idleMs: number): Promise<void> {
  if (req.readableEnded || req.destroyed) return;
  await readBody(req, 0, idleMs);
}
