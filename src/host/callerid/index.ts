// The caller-ID host service: see reader.ts for the API.
export { createCallerIdReader, type CallerIdReader, type CallerIdReaderOptions } from './reader';
export type { CallerIdCallNotice, CallerIdReaderSettings, CallerIdReaderStatus, ReaderClock, ReaderLogger } from './readerTypes';
export { listSerialPorts, openSerialPort, type PortHandle, type PortInfo, type PortOpener } from './serialPortOpener';
export type { PortErrorCode } from './portErrors';
