import { useLiveQuery } from 'dexie-react-hooks';
import { unitKey, validateUnit } from '@shared/domain/units';
import { useDesk } from '../../desk/DeskContext';

/**
 * U13: true when the typed unit is well formed but not in the directory (a typo such as 9-909).
 * A hint, never a refusal: a new unit may not be entered yet. One indexed look-up by key; no
 * hint while the directory is empty (a station that does not keep one).
 */
export function useUnitHint(building: string, room: string): boolean {
  const { db } = useDesk();
  const key = validateUnit({ building, room }).length === 0 ? unitKey({ building, room }) : null;
  return (
    useLiveQuery(async () => {
      if (!key) return false;
      const units = await db.units.where('key').equals(key).toArray();
      if (units.some((u) => u.added)) return false;
      return (await db.units.limit(1).first()) !== undefined;
    }, [db, key]) ?? false
  );
}
