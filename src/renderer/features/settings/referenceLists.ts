import { useLiveQuery } from 'dexie-react-hooks';
import { defaultDeskSettings } from '@shared/station/stationEvents';
import { useDesk } from '../../desk/DeskContext';

import type { ReferenceListName } from '../../i18n/referenceLabel';

/** The estate's list as stored (the defaults until a manager changes it; rows folded before issue 14 lack it). */
export function useReferenceList(list: ReferenceListName): string[] {
  const { db } = useDesk();
  const desk = useLiveQuery(() => db.settings.get('desk'), [db]);
  return desk?.[list] ?? defaultDeskSettings[list];
}
