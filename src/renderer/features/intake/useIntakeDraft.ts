import { useEffect, useState } from 'react';
import { useDesk } from '../../desk/DeskContext';
import { DraftWriter } from '../drafts/draftWriter';
import { dropIntakeDraft, intakeKey, writeIntakeDraft, type IntakeDraftRecord, type IntakeDraftValues } from '../drafts/draftStore';

type Meta = Omit<IntakeDraftRecord, 'values'>;

/** What makes a form worth keeping as a draft: any text typed (switches and selects alone do not). */
const TEXT_FIELDS = ['building', 'room', 'place', 'callerName', 'callerPhone', 'description', 'backfillReason', 'reportedTo', 'faultLocation', 'accessTime'] as const;

/**
 * U5: the intake form's values, kept as the signed-in person's draft as they are typed, so
 * Esc, Ctrl+L, the idle lock or a reload lose nothing. A form started from a call is a draft
 * from the start (it carries the call link); an empty form is no draft.
 */
export function useIntakeDraft(values: IntakeDraftValues, meta: Meta) {
  const { db, staff } = useDesk();
  const [kept, setKept] = useState(false);
  const blank = !meta.call && TEXT_FIELDS.every((f) => !(values[f] ?? '').trim());
  // Compared as text, so a re-render with the same values writes nothing.
  const serialised = JSON.stringify(blank ? null : { ...meta, values });
  const current = () => JSON.parse(serialised) as IntakeDraftRecord | null;
  const [writer] = useState(
    () =>
      new DraftWriter<IntakeDraftRecord | null>(
        async (draft) => {
          if (!draft) return dropIntakeDraft(db, staff.id);
          await writeIntakeDraft(db, staff.id, draft);
          setKept(true);
        },
        () => dropIntakeDraft(db, staff.id),
      ),
  );
  useEffect(() => {
    writer.keep(JSON.parse(serialised) as IntakeDraftRecord | null);
  }, [writer, serialised]);

  return {
    blank,
    kept,
    /** Esc → keep as draft: resolves once the draft is stored. */
    keepNow: async () => {
      writer.keep(current());
      await writer.settled();
    },
    discard: () => writer.drop(),
    /** Saves with the draft removed in the save's own transaction; a failed save keeps the draft. */
    whileSaving: async <T,>(save: (dropKey: string) => Promise<T>): Promise<T> => {
      await writer.stop();
      try {
        return await save(intakeKey(staff.id));
      } catch (e) {
        writer.resume();
        writer.keep(current());
        throw e;
      }
    },
  };
}
