import { useState } from 'react';
import { useDesk } from '../../desk/DeskContext';
import type { ShiftRef } from './handoverCommands';
import { gatherForm, type GatheredLists } from './handoverQueries';

export interface FormDraft {
  at: number;
  lists: GatheredLists;
  incoming: string;
  equipment: string;
  notes: string;
}

/** The form being prepared: filled from the data when opened, the texts and the incoming person typed. */
export function useFormDraft(shift: ShiftRef) {
  const { db } = useDesk();
  const [draft, setDraft] = useState<FormDraft | null>(null);
  const [loading, setLoading] = useState(false);
  const prepare = async () => {
    setLoading(true);
    try {
      const at = Date.now();
      const lists = await gatherForm(db, shift, at);
      setDraft((old) => ({ at, lists, incoming: old?.incoming ?? '', equipment: old?.equipment ?? '', notes: old?.notes ?? '' }));
    } finally {
      setLoading(false);
    }
  };
  const change = (patch: Partial<Pick<FormDraft, 'incoming' | 'equipment' | 'notes'>>) => setDraft((d) => (d ? { ...d, ...patch } : d));
  return { draft, prepare, change, close: () => setDraft(null), loading };
}
