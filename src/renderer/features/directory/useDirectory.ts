// Data hooks of the directory screen: live queries, so an import or an edit on another
// station (through sync) shows at once.
import { useMemo } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { useLiveQuery } from 'dexie-react-hooks';
import type { PhoneContext } from '@shared/directory/phone/phoneTypes';
import { can } from '@shared/domain/roles';
import { useDesk } from '../../desk/DeskContext';
import { searchDirectory, unitDetail, type DirectoryHit, type UnitMatch } from './directoryQueries';

export const SEARCH_LIMIT = 30;

/** Hits for the typed text; `undefined` while the first answer is on its way. */
export function useDirectorySearch(query: string): DirectoryHit[] | undefined {
  const { db, staff } = useDesk();
  const [debounced] = useDebouncedValue(query.trim(), 120);
  const phones = can(staff.role, 'phone.unmask');
  return useLiveQuery(() => (debounced ? searchDirectory(db, debounced, SEARCH_LIMIT, phones) : Promise.resolve([])), [db, debounced, phones]);
}

export function useUnitDetail(unitId: string | null): UnitMatch | null | undefined {
  const { db } = useDesk();
  return useLiveQuery(() => (unitId ? unitDetail(db, unitId) : Promise.resolve(null)), [db, unitId]);
}

/** The station's country and area code, for reading and showing numbers. */
export function usePhoneContext(): PhoneContext {
  const { station } = useDesk();
  return useMemo(() => ({ countryCode: station.countryCode, areaCode: station.areaCode }), [station.countryCode, station.areaCode]);
}
