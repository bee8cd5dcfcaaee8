import { initCommands, type CallerIdFamily } from '../../shared/callerid';
import type { ReaderClock, ReaderLogger } from './readerTypes';

// Puts an AT device into caller-ID mode (docs/callerid.md "Modem init"): `ATE0V1Q0`, then `AT+VCID=1`,
// falling back to `AT#CID=1` when the modem answers ERROR, the way NCID's initModem() does.
// Conexant modems forget +VCID after a reset (P12) and SIM800 forgets +CLIP after a reboot,
// so the reader runs this on open, after a replug and after two RING-only sessions in a row.
// Replies are watched on the same byte stream the parser reads; the parser ignores echo and OK.

export type Reply = 'OK' | 'ERROR' | 'timeout';

export interface ReplyWatcher {
  feed(chunk: Uint8Array): void;
  /** The next OK or ERROR line, or 'timeout'. */
  next(timeoutMs: number): Promise<Reply>;
}

export function createReplyWatcher(clock: ReaderClock): ReplyWatcher {
  let line = '';
  let waiter: ((reply: Reply) => void) | null = null;
  return {
    feed(chunk) {
      for (const b of chunk) {
        if (b !== 0x0d && b !== 0x0a) {
          if (line.length < 80) line += String.fromCharCode(b);
          continue;
        }
        const text = line.trim();
        line = '';
        const reply: Reply | null = text === 'OK' ? 'OK' : /^(?:ERROR|\+CM[ES] ERROR.*)$/.test(text) ? 'ERROR' : null;
        if (reply && waiter) waiter(reply);
      }
    },
    next(timeoutMs) {
      return new Promise((resolve) => {
        const timer = clock.setTimeout(() => settle('timeout'), timeoutMs);
        function settle(reply: Reply): void {
          clock.clearTimeout(timer);
          waiter = null;
          resolve(reply);
        }
        waiter = settle;
      });
    },
  };
}

export interface ModemIo {
  write(text: string): Promise<void>;
  replies: ReplyWatcher;
}

/** Sends the family's init steps; returns false if an essential step got no OK. */
export async function initialiseModem(family: CallerIdFamily, io: ModemIo, logger: ReaderLogger, replyTimeoutMs = 1500): Promise<boolean> {
  const steps = initCommands(family);
  if (!steps) return true;
  let allOk = true;
  for (const alternatives of steps) {
    let reply: Reply = 'timeout';
    for (const command of alternatives) {
      const pending = io.replies.next(replyTimeoutMs);
      await io.write(`${command}\r`);
      reply = await pending;
      logger.info('caller ID: modem init', { command, reply });
      if (reply === 'OK') break;
    }
    if (reply !== 'OK') allOk = false;
  }
  return allOk;
}
