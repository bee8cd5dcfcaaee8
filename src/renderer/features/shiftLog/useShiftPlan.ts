import { useLiveQuery } from 'dexie-react-hooks';
import { DEFAULT_SHIFTS, planProblem, type ShiftDefinition } from '@shared/shifts/shiftPlan';
import type { DeskDatabase } from '../../db/database';

/** The estate's shifts (desk setting `shifts`); the defaults until a manager sets them or while a stored plan does not tile the day. */
export function useShiftPlan(db: DeskDatabase): readonly ShiftDefinition[] {
  const plan = useLiveQuery(async () => (await db.settings.get('desk'))?.shifts, [db]);
  return plan && !planProblem(plan) ? plan : DEFAULT_SHIFTS;
}
