import { useLiveQuery } from 'dexie-react-hooks';
import { DEFAULT_SHIFTS, type ShiftDefinition } from '@shared/shifts/shiftPlan';
import type { DutyRow } from '@shared/shifts/dutyFold';
import type { ShiftLogRow } from '@shared/shifts/shiftLogFold';
import { byPinyin } from '@shared/staff/staffNames';
import type { StaffMember } from '@shared/staff/staffFold';
import { useDesk } from '../../desk/DeskContext';
import { readDutyRow, readShiftLog } from './handoverQueries';

// The handover screens' live reads: the estate's shift plan, who holds the desk, a shift's log, the staff.

const NO_STAFF: StaffMember[] = [];

export function useShiftPlan(): readonly ShiftDefinition[] {
  const { db } = useDesk();
  return useLiveQuery(async () => (await db.settings.get('desk'))?.shifts ?? DEFAULT_SHIFTS, [db]) ?? DEFAULT_SHIFTS;
}

export function useDutyHolder(): DutyRow | null | undefined {
  const { db } = useDesk();
  return useLiveQuery(() => readDutyRow(db), [db]);
}

/** undefined while loading; null: nothing written for that shift yet. */
export function useShiftLog(shift: { day: string; shiftId: string } | null): ShiftLogRow | null | undefined {
  const { db } = useDesk();
  return useLiveQuery(async () => (shift ? readShiftLog(db, shift) : null), [db, shift?.day, shift?.shiftId]);
}

/** Everyone, active first by pinyin (old logs name people who have left). */
export function useStaffList(): StaffMember[] {
  const { db } = useDesk();
  return useLiveQuery(async () => byPinyin(await db.staff.toArray()), [db]) ?? NO_STAFF;
}

export const nameOf = (staff: readonly StaffMember[], id: string | null | undefined) => staff.find((s) => s.id === id)?.name ?? id ?? '';

export const shiftName = (plan: readonly ShiftDefinition[], shiftId: string) => plan.find((s) => s.id === shiftId)?.name ?? shiftId;
