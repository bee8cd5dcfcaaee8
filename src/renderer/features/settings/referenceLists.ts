import { useLiveQuery } from 'dexie-react-hooks';
import type { TFunction } from 'i18next';
import { defaultDeskSettings } from '@shared/station/stationEvents';
import { isKnownCommonArea, isKnownDepartment } from '@shared/tickets/handling/references';
import { useDesk } from '../../desk/DeskContext';

export type ReferenceListName = 'departments' | 'commonAreas';

/** An entry as shown: a known id in the reader's language, anything else as typed. */
export function referenceLabel(t: TFunction, list: ReferenceListName, entry: string): string {
  if (list === 'departments' && isKnownDepartment(entry)) return t(`handling.departments.${entry}`);
  if (list === 'commonAreas' && isKnownCommonArea(entry)) return t(`handling.commonAreas.${entry}`);
  return entry;
}

/** The estate's list as stored (the defaults until a manager changes it; rows folded before issue 14 lack it). */
export function useReferenceList(list: ReferenceListName): string[] {
  const { db } = useDesk();
  const desk = useLiveQuery(() => db.settings.get('desk'), [db]);
  return desk?.[list] ?? defaultDeskSettings[list];
}
