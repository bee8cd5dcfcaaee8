import { SerialPort } from 'serialport';

// The real port, behind the small interface the reader needs, so tests and other transports can
// stand in for it. Opened 8N1 without flow control, as every supported box expects
// (docs/callerid.md "Port settings").

export interface PortHandle {
  write(data: string): Promise<void>;
  close(): Promise<void>;
  onData(listener: (chunk: Uint8Array) => void): void;
  /** Closed by the OS or the device (unplug): `error` says why. */
  onClose(listener: (error: Error | null) => void): void;
  onError(listener: (error: Error) => void): void;
}

export type PortOpener = (options: { path: string; baudRate: number }) => Promise<PortHandle>;

export interface PortInfo {
  path: string;
  manufacturer: string | null;
  serialNumber: string | null;
  vendorId: string | null;
  productId: string | null;
}

export const openSerialPort: PortOpener = async ({ path, baudRate }) => {
  const port = new SerialPort({ path, baudRate, dataBits: 8, parity: 'none', stopBits: 1, rtscts: false, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
  return {
    write: (data) =>
      new Promise((resolve, reject) => {
        port.write(data, 'latin1', (error) => (error ? reject(error) : port.drain((e) => (e ? reject(e) : resolve()))));
      }),
    close: () => new Promise((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve())),
    onData: (listener) => port.on('data', listener),
    onClose: (listener) => port.on('close', (error?: Error | null) => listener(error ?? null)),
    onError: (listener) => port.on('error', listener),
  };
};

/** `SerialPort.list()`; it never shows pseudo-terminals, so settings also accept a typed path. */
export async function listSerialPorts(): Promise<PortInfo[]> {
  const ports = await SerialPort.list();
  return ports.map((p) => ({
    path: p.path,
    manufacturer: p.manufacturer ?? null,
    serialNumber: p.serialNumber ?? null,
    vendorId: p.vendorId ?? null,
    productId: p.productId ?? null,
  }));
}
