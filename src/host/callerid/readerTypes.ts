import type { CallEvent, CallerIdEvent, CallerIdFamily, FamilySetting, NumberStatus } from '../../shared/callerid';
import type { PortErrorCode } from './portErrors';

// The caller-ID reader's public types (see reader.ts for the API).

export interface CallerIdReaderSettings {
  /** /dev/ttyUSB0, COM3, or a typed pty path (list() never shows ptys). */
  path: string;
  baudRate: number;
  family: FamilySetting;
}

export type ReaderState = 'connected' | 'noDevice' | 'error' | 'stopped';

/** Same shape as `callerIdStatus` in shared/bridge/contract.ts (which adds 'disabled'). */
export interface CallerIdReaderStatus {
  state: ReaderState;
  code: PortErrorCode | null;
  message: string | null;
  /** The family in use: the setting, or what `auto` detected; null while undetected. */
  family: CallerIdFamily | null;
  lastCallAt: number | null;
  /** Lines or byte runs that matched nothing, since start(). */
  garbageCount: number;
}

/** One incoming call for the app: a superset of `callerIdCall` in the bridge contract. */
export interface CallerIdCallNotice {
  id: string;
  /** Host clock, epoch ms: device dates have no year and reset after a power loss (P17). */
  at: number;
  /** Digits and a leading + only; null when withheld or unavailable (never looked up). */
  number: string | null;
  name: string | null;
  withheld: boolean;
  numberStatus: NumberStatus;
  /** Failed or missing checksum: confirm before prefilling (docs/callerid.md "Numbers for the lookup"). */
  unverified: boolean;
  family: CallerIdFamily | null;
  line: string | null;
  raw: string;
  event: CallEvent;
}

export interface ReaderClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface ReaderLogger {
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

export type EventListener = (event: CallerIdEvent, at: number) => void;
