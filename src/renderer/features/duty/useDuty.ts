import { useLiveQuery } from 'dexie-react-hooks';
import type { DutyRow } from '@shared/shifts/dutyFold';
import type { DeskDatabase } from '../../db/database';
import { useDesk } from '../../desk/DeskContext';

/** Who holds the desk, live (null until the first handover or transfer; undefined while loading). */
export function useDutyRow(db: DeskDatabase | null): DutyRow | null | undefined {
  return useLiveQuery(async () => (db ? (((await db.shifts.get('desk')) as DutyRow | undefined) ?? null) : null), [db]);
}

/** The signed-in desk's view of who holds it. */
export function useDuty(): DutyRow | null | undefined {
  return useDutyRow(useDesk().db);
}
