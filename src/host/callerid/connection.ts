import { createCallerIdParser, initCommands, type CallerIdEvent, type CallerIdFamily } from '../../shared/callerid';
import { createReplyWatcher, initialiseModem } from './modemInit';
import type { CallerIdReaderSettings, ReaderClock, ReaderLogger } from './readerTypes';
import type { PortHandle } from './serialPortOpener';

// One open port: bytes go to the raw listeners, the modem-reply watcher and the parser, with the
// host clock; the parser's timers run from one host timer set to its next deadline. Each open
// gets a fresh parser, since a replugged device starts a new byte stream.

const RING_ONLY_SESSIONS_BEFORE_REINIT = 2; // modems lose caller-ID mode (P12; docs/callerid.md "Modem init")

export interface ConnectionHooks {
  event(event: CallerIdEvent, at: number): void;
  raw(chunk: Uint8Array, at: number): void;
  family(family: CallerIdFamily): void;
}

export interface Connection {
  close(): Promise<void>;
  garbageCount(): number;
  family(): CallerIdFamily | null;
}

export interface ConnectionDeps {
  clock: ReaderClock;
  logger: ReaderLogger;
}

export function startConnection(port: PortHandle, settings: CallerIdReaderSettings, deps: ConnectionDeps, hooks: ConnectionHooks): Connection {
  const { clock, logger } = deps;
  const parser = createCallerIdParser({ family: settings.family });
  const replies = createReplyWatcher(clock);
  let timer: unknown = null;
  let timerDue = 0;
  let closed = false;
  let initialisedFor: CallerIdFamily | null = null;
  let initRunning = false;
  let ringOnlySessions = 0;

  function initialise(family: CallerIdFamily, why: string): void {
    if (closed || initRunning || !initCommands(family)) return;
    initRunning = true;
    initialisedFor = family;
    logger.info('caller ID: initialising the device', { family, why });
    const io = { write: (text: string) => port.write(text), replies };
    initialiseModem(family, io, logger)
      .then((ok) => ok || logger.warn('caller ID: the device did not accept every init command', { family }))
      .catch((error: unknown) => logger.warn('caller ID: init failed', { error: String(error) }))
      .finally(() => (initRunning = false));
  }

  function deliver(events: readonly CallerIdEvent[], at: number): void {
    // The family first, so a call's notice already names what `auto` detected.
    const detected = parser.family();
    if (detected) {
      hooks.family(detected);
      if (initialisedFor === null) initialise(detected, 'detected');
    }
    for (const event of events) {
      if (event.type === 'call') ringOnlySessions = 0;
      if (event.type === 'callEnded' && !event.callerIdSeen && event.reason !== 'endRecord') {
        ringOnlySessions++;
        // P12: a modem that lost caller-ID mode prints RING only.
        const family = parser.family();
        if (ringOnlySessions >= RING_ONLY_SESSIONS_BEFORE_REINIT && family) {
          ringOnlySessions = 0;
          initialise(family, 'ring-only sessions');
        }
      }
      hooks.event(event, at);
    }
  }

  // One host timer for all the parser's deadlines. A timer already due earlier is kept (it
  // reschedules when it fires), so a stream of reads does not churn timers.
  function schedule(): void {
    const due = parser.nextDeadline();
    if (due === null || closed || (timer !== null && timerDue <= due)) return;
    if (timer !== null) clock.clearTimeout(timer);
    timerDue = due;
    timer = clock.setTimeout(() => {
      timer = null;
      const now = clock.now();
      deliver(parser.tick(now), now);
      schedule();
    }, Math.max(0, due - clock.now()));
  }

  port.onData((chunk) => {
    if (closed) return;
    const at = clock.now();
    hooks.raw(chunk, at);
    replies.feed(chunk);
    deliver(parser.feed(chunk, at), at);
    schedule();
  });

  if (settings.family !== 'auto') {
    hooks.family(settings.family);
    initialise(settings.family, 'open');
  }

  return {
    async close() {
      closed = true;
      if (timer !== null) clock.clearTimeout(timer);
      await port.close();
    },
    garbageCount: () => parser.garbageCount(),
    family: () => parser.family(),
  };
}
