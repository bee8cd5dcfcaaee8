import { useCallback, useEffect, useRef } from 'react';
import { useDesk } from '../../desk/DeskContext';
import { readIntakeDraft, readNoteDraft, type IntakeDraftRecord } from './draftStore';

interface Openers {
  openIntake(): void;
  openCallIntake(call: NonNullable<IntakeDraftRecord['call']>, receivedAt: number): void;
  openTicket(ticketId: string): void;
}

/**
 * U5: when a person signs in or unlocks, what they were typing comes back: the ticket whose
 * note they were writing, and the request form with its draft (through the call intake when it
 * came from a call, so saving still links the call). Returns "open the request form", which
 * also goes back to a draft kept with Esc.
 */
export function useDraftResume(openers: Openers): () => void {
  const { db, staff } = useDesk();
  const latest = useRef(openers);
  useEffect(() => {
    latest.current = openers;
  });

  const openIntake = useCallback(() => {
    void readIntakeDraft(db, staff.id)
      .catch(() => undefined)
      .then((draft) => {
        if (draft?.call) latest.current.openCallIntake(draft.call, draft.receivedAt);
        else latest.current.openIntake();
      });
  }, [db, staff.id]);

  useEffect(() => {
    let live = true;
    void Promise.all([readIntakeDraft(db, staff.id), readNoteDraft(db, staff.id)])
      .catch(() => [undefined, undefined] as const)
      .then(([intake, note]) => {
        if (!live) return;
        if (note) latest.current.openTicket(note.ticketId);
        if (intake) openIntake();
      });
    return () => {
      live = false;
    };
  }, [db, staff.id, openIntake]);

  return openIntake;
}
