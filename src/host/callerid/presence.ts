import { stat } from 'node:fs/promises';
import type { PortInfo } from './serialPortOpener';

// Is the device there? serialport does not reconnect by itself and does not always report an
// unplug (P19: no `close` on Windows, #2351), so the reader polls. A device path (/dev/ttyUSB0,
// a socat pty link) exists or not; Windows COM names are only visible in the port list.

export type PresenceCheck = (path: string) => Promise<boolean>;

export function createPresenceCheck(listPorts: () => Promise<PortInfo[]>): PresenceCheck {
  return async (path) => {
    if (/^(?:COM\d+|\\\\\.\\.*)$/i.test(path)) {
      const ports = await listPorts().catch(() => null);
      // If the list itself fails, let the open attempt decide.
      return ports === null || ports.some((p) => p.path.toUpperCase() === path.toUpperCase());
    }
    return stat(path).then(
      () => true,
      () => false,
    );
  };
}
