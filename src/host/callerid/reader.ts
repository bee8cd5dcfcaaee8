import { uuidv7 } from '../../shared/ids';
import { toCallerIdCall, type CallerIdEvent, type CallerIdFamily } from '../../shared/callerid';
import { startConnection, type Connection } from './connection';
import { createListeners } from './listeners';
import { classifyPortError, type PortErrorCode } from './portErrors';
import { createPresenceCheck, type PresenceCheck } from './presence';
import type {
  CallerIdCallNotice,
  CallerIdReaderSettings,
  CallerIdReaderStatus,
  EventListener,
  ReaderClock,
  ReaderLogger,
  ReaderState,
} from './readerTypes';
import { listSerialPorts, openSerialPort, type PortHandle, type PortInfo, type PortOpener } from './serialPortOpener';

/**
 * The caller-ID serial reader (host service, plain Node).
 *
 *   const reader = createCallerIdReader({ settings: { path: '/dev/ttyUSB0', baudRate: 9600, family: 'auto' } });
 *   const off = reader.onCall((call) => …);   // every on* returns its unsubscribe function
 *   reader.start();
 *   …
 *   await reader.reconfigure({ path: 'COM3', baudRate: 1200, family: 'xdmfBinary' });
 *   await reader.stop();
 *
 * - `onCall(call: CallerIdCallNotice)`: one per `call` event, stamped with the host clock (`at`);
 *   `number` is null for withheld/unavailable callers so they never reach the lookup.
 * - `onEvent(event: CallerIdEvent, at)`: every parser event (ring, call, callRepeat, callEnded,
 *   offHook, onHook, outboundCall, messageWaiting, malformed), for the settings "test" view.
 * - `onRaw(chunk: Uint8Array, at)`: the bytes as read, for the live view and `--raw` capture.
 * - `onStatus(status: CallerIdReaderStatus)`: `connected` | `noDevice` | `error` | `stopped`,
 *   with `code` busy / accessDenied / notFound / disconnected / openFailed, the family in use,
 *   the last call time and the garbage count; `status()` reads it at any time.
 * - `listPorts()`: `SerialPort.list()`; pseudo-terminals never appear there, so paths are typed.
 *
 * Unplug and replug: presence is the device path existing (fs.stat; the port list for Windows
 * COM names), polled while connected, plus the port's close event (P19). The reader reopens with
 * a backoff from 250 ms doubling to 5 s and re-initialises AT devices on every open.
 * Dependencies (port opener, port lister, presence check, clock, logger) are parameters.
 */

export interface CallerIdReaderOptions {
  settings: CallerIdReaderSettings;
  openPort?: PortOpener;
  listPorts?: () => Promise<PortInfo[]>;
  deviceExists?: PresenceCheck;
  clock?: ReaderClock;
  logger?: ReaderLogger;
  presencePollMs?: number;
  backoff?: { initialMs: number; maxMs: number };
}

export interface CallerIdReader {
  start(): void;
  stop(): Promise<void>;
  reconfigure(settings: CallerIdReaderSettings): Promise<void>;
  status(): CallerIdReaderStatus;
  onCall(listener: (call: CallerIdCallNotice) => void): () => void;
  onEvent(listener: EventListener): () => void;
  onStatus(listener: (status: CallerIdReaderStatus) => void): () => void;
  onRaw(listener: (chunk: Uint8Array, at: number) => void): () => void;
  listPorts(): Promise<PortInfo[]>;
}

const systemClock: ReaderClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
const silentLogger: ReaderLogger = { info() {}, warn() {}, error() {} };

export function createCallerIdReader(options: CallerIdReaderOptions): CallerIdReader {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const openPort = options.openPort ?? openSerialPort;
  const listPorts = options.listPorts ?? listSerialPorts;
  const deviceExists = options.deviceExists ?? createPresenceCheck(listPorts);
  const pollMs = options.presencePollMs ?? 1000;
  const backoff = options.backoff ?? { initialMs: 250, maxMs: 5000 };
  const calls = createListeners<[CallerIdCallNotice]>('call', logger);
  const events = createListeners<Parameters<EventListener>>('event', logger);
  const statuses = createListeners<[CallerIdReaderStatus]>('status', logger);
  const raws = createListeners<[Uint8Array, number]>('raw', logger);

  let settings = options.settings;
  let running = false;
  let generation = 0; // bumped by stop/reconfigure: late callbacks of an older run do nothing
  let connection: Connection | null = null;
  let timer: unknown = null;
  let retryMs = backoff.initialMs;
  let garbageBefore = 0;
  let current = { state: 'stopped' as ReaderState, code: null as PortErrorCode | null, message: null as string | null };
  let family: CallerIdFamily | null = null;
  let lastCallAt: number | null = null;

  const status = (): CallerIdReaderStatus => ({ ...current, family, lastCallAt, garbageCount: garbageBefore + (connection?.garbageCount() ?? 0) });
  const announce = (): void => statuses.emit(status());

  function setState(state: ReaderState, code: PortErrorCode | null = null, message: string | null = null): void {
    if (current.state === state && current.code === code && current.message === message) return;
    current = { state, code, message };
    logger.info('caller ID: status', { state, code, message, path: settings.path });
    announce();
  }

  function later(run: () => void, ms: number): void {
    if (timer !== null) clock.clearTimeout(timer);
    timer = clock.setTimeout(() => {
      timer = null;
      run();
    }, ms);
  }

  function retry(gen: number): void {
    later(() => void connect(gen), retryMs);
    retryMs = Math.min(retryMs * 2, backoff.maxMs);
  }

  function onEvent(event: CallerIdEvent, at: number): void {
    events.emit(event, at);
    if (event.type !== 'call') return;
    lastCallAt = at;
    const info = toCallerIdCall(event);
    calls.emit({ id: uuidv7(at), at, ...info, family, line: event.line ?? null, event });
    announce();
  }

  async function dropConnection(): Promise<void> {
    const closing = connection;
    if (closing) garbageBefore += closing.garbageCount();
    connection = null;
    await closing?.close().catch(() => {});
  }

  async function lost(gen: number, why: string): Promise<void> {
    if (gen !== generation || !connection) return;
    await dropConnection();
    const present = await deviceExists(settings.path);
    if (gen !== generation) return;
    if (present) setState('error', 'disconnected', `The port closed: ${why}`);
    else setState('noDevice', 'notFound', `The device at ${settings.path} was unplugged.`);
    retry(gen);
  }

  function poll(gen: number): void {
    later(() => {
      void deviceExists(settings.path).then((present) => {
        if (gen !== generation || !connection) return;
        if (present) poll(gen);
        else void lost(gen, 'device gone');
      });
    }, pollMs);
  }

  async function connect(gen: number): Promise<void> {
    if (gen !== generation) return;
    if (!(await deviceExists(settings.path))) {
      if (gen !== generation) return;
      setState('noDevice', 'notFound', `No device at ${settings.path}.`);
      return retry(gen);
    }
    let opened: PortHandle;
    try {
      opened = await openPort({ path: settings.path, baudRate: settings.baudRate });
    } catch (error) {
      if (gen !== generation) return;
      const problem = classifyPortError(error);
      setState(problem.code === 'notFound' ? 'noDevice' : 'error', problem.code, problem.message);
      return retry(gen);
    }
    if (gen !== generation) return void opened.close().catch(() => {});
    retryMs = backoff.initialMs;
    opened.onClose((error) => void lost(gen, error?.message ?? 'closed'));
    opened.onError((error) => logger.warn('caller ID: port error', { error: error.message }));
    family = settings.family === 'auto' ? null : settings.family;
    connection = startConnection(opened, settings, { clock, logger }, {
      event: onEvent,
      raw: (chunk, at) => raws.emit(chunk, at),
      family: (detected) => {
        if (detected === family) return;
        family = detected;
        announce();
      },
    });
    setState('connected');
    poll(gen);
  }

  async function halt(): Promise<void> {
    generation++;
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
    await dropConnection();
  }

  return {
    start() {
      if (running) return;
      running = true;
      retryMs = backoff.initialMs;
      void connect(++generation);
    },
    async stop() {
      running = false;
      await halt();
      setState('stopped');
    },
    async reconfigure(next) {
      settings = next;
      if (!running) return;
      await halt();
      family = null;
      retryMs = backoff.initialMs;
      void connect(generation);
    },
    status,
    onCall: (listener) => calls.add(listener),
    onEvent: (listener) => events.add(listener),
    onStatus: (listener) => statuses.add(listener),
    onRaw: (listener) => raws.add(listener),
    listPorts,
  };
}
