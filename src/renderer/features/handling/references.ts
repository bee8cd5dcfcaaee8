import { useLiveQuery } from 'dexie-react-hooks';
import type { TFunction } from 'i18next';
import { DEFAULT_DEPARTMENTS, isKnownDepartment } from '@shared/tickets/handling/references';
import { useDesk } from '../../desk/DeskContext';

/** The estate's departments (the desk settings' list; the defaults until a manager changes it). */
export function useDepartments(): readonly string[] {
  const { db } = useDesk();
  const row = useLiveQuery(() => db.settings.get('desk'), [db]);
  return row?.departments?.length ? row.departments : DEFAULT_DEPARTMENTS;
}

/** A known department translated, anything else as typed. */
export function departmentLabel(department: string, t: TFunction): string {
  return isKnownDepartment(department) ? t(`handling.departments.${department}`) : department;
}
