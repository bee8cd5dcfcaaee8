import { useEffect, useMemo, useState } from 'react';
import { useDesk } from '../../desk/DeskContext';
import { DraftWriter } from '../drafts/draftWriter';
import { dropNoteDraft, readNoteDraft, writeNoteDraft } from '../drafts/draftStore';

/**
 * U5: the note being typed on a ticket is the person's draft, so a lock or a reload does not
 * lose it (the desk reopens the ticket on unlock). One note draft per person: typing a note
 * on another ticket replaces it.
 */
export function useNoteDraft(ticketId: string) {
  const { db, staff } = useDesk();
  const [note, setNoteState] = useState('');
  const [restored, setRestored] = useState(false);
  const writer = useMemo(
    () =>
      new DraftWriter<string>(
        (text) => (text.trim() ? writeNoteDraft(db, staff.id, { ticketId, text }) : dropNoteDraft(db, staff.id)),
        () => dropNoteDraft(db, staff.id),
      ),
    [db, staff.id, ticketId],
  );

  useEffect(() => {
    let live = true;
    void readNoteDraft(db, staff.id)
      .catch(() => undefined)
      .then((draft) => {
        if (!live || draft?.ticketId !== ticketId) return;
        // Typing may have begun while the draft was read: what is on screen wins.
        setNoteState((typed) => (typed ? typed : draft.text));
        setRestored(true);
      });
    return () => {
      live = false;
    };
  }, [db, staff.id, ticketId]);

  const setNote = (text: string) => {
    setNoteState(text);
    writer.keep(text);
  };
  return {
    note,
    restored,
    setNote,
    /** After the note is saved: empty field, no draft. A new note may start a new draft. */
    saved: async () => {
      setNoteState('');
      setRestored(false);
      await writer.stop();
      await dropNoteDraft(db, staff.id);
      writer.resume();
    },
  };
}
