import { createContext, useContext } from 'react';
import type { IncomingCall } from './callCommands';

/** The latest caller-ID call waiting for the call panel, apart from the desk so a ring re-renders only its readers (P3). */
export interface IncomingCallState {
  incomingCall: IncomingCall | null;
  clearIncomingCall(): void;
}

export const IncomingCallContext = createContext<IncomingCallState>({ incomingCall: null, clearIncomingCall: () => {} });

export function useIncomingCall(): IncomingCallState {
  return useContext(IncomingCallContext);
}
