import { createContext, useContext } from 'react';
import type { DeadlineAlarms } from './useDeadlineAlarms';

/** The desk's alarms, derived at the root for the whole life of the booted desk (locked or not). */
export const AlarmContext = createContext<DeadlineAlarms | null>(null);

export function useAlarms(): DeadlineAlarms | null {
  return useContext(AlarmContext);
}
