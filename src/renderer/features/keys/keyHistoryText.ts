import type { DeskEvent } from '@shared/events/envelope';
import { KEY_DEPOSITED, KEY_LENT, KEY_PAYLOADS, KEY_REGISTERED, KEY_RETURNED, type KeyEventType, type KeyPayload } from '@shared/keys/keyEvents';
import type { Signature } from '@shared/keys/signature';

type Translate = (key: string, values?: Record<string, unknown>) => string;

export interface KeyRecord {
  id: string;
  at: number;
  text: string;
  signature: Signature | null;
  actor: string | null;
}

/** One line of a key's history, as the paper register reads; null for an event the schema refuses. */
export function keyRecord(t: Translate, event: DeskEvent): KeyRecord | null {
  if (!Object.prototype.hasOwnProperty.call(KEY_PAYLOADS, event.type)) return null;
  const type = event.type as KeyEventType;
  const parsed = KEY_PAYLOADS[type].safeParse(event.payload);
  if (!parsed.success) return null;
  const base = { id: event.id, at: parsed.data.at, actor: event.actor };
  switch (type) {
    case KEY_REGISTERED: {
      const p = parsed.data as KeyPayload<typeof KEY_REGISTERED>;
      return { ...base, text: t('keys.history.registered', { filedUnder: p.filedUnder }), signature: null };
    }
    case KEY_DEPOSITED: {
      const p = parsed.data as KeyPayload<typeof KEY_DEPOSITED>;
      return { ...base, text: t('keys.history.deposited', { name: p.owner }), signature: p.signature };
    }
    case KEY_LENT: {
      const p = parsed.data as KeyPayload<typeof KEY_LENT>;
      const purpose = `${t(`keys.form.purposes.${p.purpose}`)} · ${p.purposeText}`;
      return { ...base, text: t('keys.history.lent', { name: p.borrower, identity: t(`keys.form.identities.${p.identity}`), purpose }), signature: p.signature };
    }
    case KEY_RETURNED: {
      const p = parsed.data as KeyPayload<typeof KEY_RETURNED>;
      return { ...base, text: t(p.kind === 'borrowed' ? 'keys.history.returnedBorrowed' : 'keys.history.returnedToOwner', { name: p.by }), signature: p.signature };
    }
  }
}
