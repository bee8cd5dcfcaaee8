import { useEffect, useRef, useState } from 'react';
import { Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../desk/DeskContext';
import { readIntakeDraft, type IntakeDraftRecord } from '../drafts/draftStore';
import { IntakeForm, type IntakeFormHandle, type IntakePrefill } from './IntakeForm';

interface Props {
  opened: boolean;
  prefill?: IntakePrefill;
  /** Set for a request started from the call panel (U5: its draft keeps the call link). */
  call?: IntakeDraftRecord['call'];
  onClose(): void;
  onSaved(ticketId: string, number: string, values: { building: string; room: string; callerName: string }): void;
}

/** The person's draft belongs to this form when both come from the same call, or neither does. */
function sameOrigin(draft: IntakeDraftRecord, call: IntakeDraftRecord['call']): boolean {
  return Boolean(draft.call) === Boolean(call) && (draft.call?.callId ?? null) === (call?.callId ?? null);
}

export function IntakeModal(props: Props) {
  // Mounted per opening, so each opening reads the person's draft afresh.
  return props.opened ? <OpenIntake {...props} /> : null;
}

function OpenIntake({ prefill, call = null, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { db, staff } = useDesk();
  const form = useRef<IntakeFormHandle>(null);
  // The draft is read before the form shows, so the form starts with it (and its focus, U19).
  const [restored, setRestored] = useState<{ draft: IntakeDraftRecord | null } | null>(null);
  const [origin] = useState(call);
  useEffect(() => {
    let live = true;
    void readIntakeDraft(db, staff.id)
      .catch(() => undefined)
      .then((draft) => {
        if (live) setRestored({ draft: draft && sameOrigin(draft, origin) ? draft : null });
      });
    return () => {
      live = false;
    };
  }, [db, staff.id, origin]);

  // Close to the top: with back-fill and a kind's fields the form is tall for 1366×768.
  return (
    <Modal opened={restored !== null} onClose={() => form.current?.requestClose()} title={t('intake.title')} size="xl" yOffset="2dvh" closeOnClickOutside={false} trapFocus returnFocus>
      {restored ? (
        <IntakeForm
          ref={form}
          prefill={prefill}
          restored={restored.draft}
          call={origin}
          onClose={onClose}
          onSaved={(id, number, values) => {
            onSaved(id, number, values);
            onClose();
          }}
        />
      ) : null}
    </Modal>
  );
}
