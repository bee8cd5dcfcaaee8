import type { CallerIdStatus, HostSettings } from '../shared/bridge/contract';
import type { CallerIdEvent } from '../shared/callerid';
import { createCallerIdReader, listSerialPorts, type CallerIdReader, type CallerIdReaderStatus } from './callerid';
import type { HostEvents } from './hostEvents';
import type { Logger } from './logging/logger';

// Wires the caller-ID reader to the bridge: calls, status, raw bytes and parser events go to
// every renderer; a call also asks the shell to raise and flash the window (even minimised).

const DISABLED: CallerIdStatus = { state: 'disabled', code: null, message: null, family: null, lastCallAt: null, garbageCount: 0 };

function toBridgeStatus(status: CallerIdReaderStatus): CallerIdStatus {
  return { ...status, code: status.code ?? null, message: status.message ?? null, family: status.family ?? null };
}

function summarise(event: CallerIdEvent): string {
  const { type, ...rest } = event as unknown as Record<string, unknown>;
  const fields = ['number', 'name', 'numberStatus', 'reason', 'ringInCall'].filter((k) => rest[k] !== undefined).map((k) => `${k}=${String(rest[k])}`);
  return `${String(type)} ${fields.join(' ')}`.trim();
}

export interface CallerIdService {
  apply(settings: HostSettings['callerId']): Promise<void>;
  status(): CallerIdStatus;
  listPorts(): Promise<{ path: string; manufacturer: string | null; serialNumber: string | null }[]>;
  stop(): Promise<void>;
}

export function createCallerIdService(events: HostEvents, logger: Logger, onCall: () => void): CallerIdService {
  let reader: CallerIdReader | null = null;
  let unsubscribe: (() => void)[] = [];
  let current: CallerIdStatus = DISABLED;

  const stopReader = async () => {
    for (const off of unsubscribe) off();
    unsubscribe = [];
    await reader?.stop();
    reader = null;
  };

  return {
    async apply(settings) {
      await stopReader();
      if (!settings.enabled || !settings.path) {
        current = DISABLED;
        events.emit('callerId:status', current);
        return;
      }
      const next = createCallerIdReader({ settings: { path: settings.path, baudRate: settings.baudRate, family: settings.family }, logger });
      unsubscribe = [
        next.onCall((call) => {
          events.emit('callerId:call', { id: call.id, number: call.number, name: call.name, withheld: call.withheld, numberStatus: call.numberStatus, at: call.at });
          onCall();
        }),
        next.onStatus((status) => {
          current = toBridgeStatus(status);
          events.emit('callerId:status', current);
        }),
        next.onRaw((chunk, at) => events.emit('callerId:raw', { hex: Buffer.from(chunk).toString('hex'), at })),
        next.onEvent((event, at) => events.emit('callerId:event', { type: event.type, at, summary: summarise(event) })),
      ];
      reader = next;
      current = toBridgeStatus(next.status());
      next.start();
      logger.info('caller-ID reader started', { path: settings.path, baudRate: settings.baudRate, family: settings.family });
    },
    status: () => (reader ? toBridgeStatus(reader.status()) : current),
    async listPorts() {
      const ports = await listSerialPorts();
      return ports.map((p) => ({ path: p.path, manufacturer: p.manufacturer ?? null, serialNumber: p.serialNumber ?? null }));
    },
    stop: stopReader,
  };
}
