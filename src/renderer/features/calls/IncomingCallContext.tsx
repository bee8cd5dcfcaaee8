import { createContext, useContext } from 'react';
import type { IncomingCall } from './callCommands';

/**
 * The caller-ID calls waiting for the call panel, newest first (U19: a second ring does not
 * replace the first), apart from the desk so a ring re-renders only its readers (P3).
 */
export interface IncomingCallState {
  waitingCalls: IncomingCall[];
  /** The call was taken (an intake started from it) or dismissed. */
  removeCall(callId: string): void;
}

export const IncomingCallContext = createContext<IncomingCallState>({ waitingCalls: [], removeCall: () => {} });

export function useIncomingCall(): IncomingCallState {
  return useContext(IncomingCallContext);
}
