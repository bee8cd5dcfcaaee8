// Reading request bodies ourselves rather than through the framework's parsers: the contract
// ignores the content type, and a too-large body must still be read to its end so that the
// client, still sending, receives the 413 instead of a reset connection.
import type { IncomingMessage } from 'node:http';

export type BodyRead = { ok: true; bytes: Buffer } | { ok: false; size: number };

export async function readBody(req: IncomingMessage, limit: number): Promise<BodyRead> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    // Past the limit the rest is read and dropped, so memory stays bounded.
    if (size <= limit) chunks.push(chunk);
  }
  return size > limit ? { ok: false, size } : { ok: true, bytes: Buffer.concat(chunks, size) };
}

/** Reads and drops whatever is left of the body, so an early answer reaches the client. */
export async function drain(req: IncomingMessage): Promise<void> {
  if (req.readableEnded || req.destroyed) return;
  try {
    for await (const _chunk of req as AsyncIterable<Buffer>) {
      // dropped
    }
  } catch {
    // The client went away; there is no one left to answer.
  }
}
