import type { Transaction } from 'dexie';
import type { Resident } from '@shared/directory/residentFold';
import { residentSearchKeys } from '@shared/directory/searchKeys';

/**
 * Schema v11 (U18): a resident's search keys now hold each number's last digits and, for a
 * name read with ü, its spelling with u (lubu). Residents folded before get their keys rebuilt
 * from their own fields; moved-out ones keep none (residentFold). The directory is small and
 * saved rarely: no ticket changes.
 */
export function rebuildResidentKeys(tx: Transaction) {
  return tx.table<Resident, string>('residents').toCollection().modify((resident) => {
    if (resident.added === 1 && resident.active === 1) resident.searchKeys = residentSearchKeys(resident);
  });
}
