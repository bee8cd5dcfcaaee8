import { drawnSignatureProblem, type Signature } from '@shared/keys/signature';
import { PIN_PATTERN } from '@shared/staff/pin';
import type { DeskDatabase } from '../../db/database';
import { RefusedError, type EventStore } from '../../db/eventStore';
import { checkPin } from '../signin/signIn';
import type { SignatureInput } from './SignatureField';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/**
 * The signature to store, or what to tell the person: a drawing within the size limit, or a PIN
 * checked as sign-in checks it (a wrong one counts as an attempt and can lock the person out).
 */
export async function resolveSignature(db: DeskDatabase, store: EventStore, input: SignatureInput, t: Translate): Promise<{ ok: true; signature: Signature } | { ok: false; message: string }> {
  if (input.mode === 'drawn') {
    const problem = drawnSignatureProblem(input.png);
    return problem ? { ok: false, message: t(`keys.refused.${problem}`) } : { ok: true, signature: { kind: 'drawn', png: input.png! } };
  }
  if (!PIN_PATTERN.test(input.pin)) return { ok: false, message: t('keys.pinRefused.format') };
  const result = await checkPin(db, store, input.staffId, input.pin);
  if (result.ok) return { ok: true, signature: { kind: 'pin', staffId: result.member.id } };
  if (result.reason === 'wrongPin') return { ok: false, message: t('keys.pinRefused.wrongPin', { left: result.triesLeft }) };
  if (result.reason === 'lockedOut') return { ok: false, message: t('keys.pinRefused.lockedOut', { time: new Date(result.until).toLocaleTimeString(undefined, { hourCycle: 'h23' }) }) };
  return { ok: false, message: t('keys.pinRefused.other') };
}

/** What to tell the person whose key step was not saved. */
export function keyErrorText(t: Translate, error: unknown): string {
  return error instanceof RefusedError ? t(`keys.refused.${error.code}`) : t('keys.failed');
}
