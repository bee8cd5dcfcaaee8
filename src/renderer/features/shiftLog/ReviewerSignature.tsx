import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { can } from '@shared/domain/roles';
import { SignatureModal } from '../../components/SignatureModal';
import { useDesk } from '../../desk/DeskContext';
import { RefusedError } from '../../db/eventStore';
import { signWithPin, type Actor } from './reviewCommands';

interface Props {
  title: string;
  /** Writes the event as the signer, once their PIN is right. */
  act(signer: Actor): Promise<unknown>;
  onClose(): void;
}

/**
 * R-MORNING-REVIEW / R-DAILY-REPORT: who signs (the staff who may review; the signed-in person
 * first when they may) and their PIN; the event is written as that person.
 */
export function ReviewerSignature({ title, act, onClose }: Props) {
  const { t } = useTranslation();
  const { db, store, staff } = useDesk();
  // A few dozen staff at most; the modal waits for the list so it opens on the right person.
  const reviewers = useLiveQuery(async () => (await db.staff.toArray()).filter((s) => s.active === 1 && can(s.role, 'shift.review')), [db]);
  if (!reviewers) return null;
  const errorText = (error: unknown) => (error instanceof RefusedError && error.code === 'notPermitted'
    ? t('shiftLog.review.notPermitted')
    : t('shiftLog.review.failed', { message: error instanceof Error ? error.message : String(error) }));
  return (
    <SignatureModal title={title} people={reviewers} initial={staff.id} errorText={errorText} onClose={onClose} testId="review-sign-modal"
      onSign={(staffId, pin) => signWithPin(db, store, staffId, pin, act)} />
  );
}
