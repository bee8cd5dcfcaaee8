// Sync protocol v1, shared by the hub and the stations: limits, codes, the wire event and the
// checks of requests and answers. Pure TypeScript: no Node, Electron or DOM imports.
export * from './limits';
export * from './codes';
export * from './names';
export * from './text';
export { isValidHlc } from '../hlc';
export * from './payload';
export * from './canonical';
export * from './wireEvent';
export * from './batch';
export * from './query';
export * from './answers';
