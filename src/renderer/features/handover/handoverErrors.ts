import type { Translate } from '../ticket/timelineText';
import { SaveError } from '../../db/eventStore';
import { HandoverRefusedError } from './handoverCommands';

/** A handover command's failure in the desk's language. */
export function handoverErrorText(t: Translate, error: unknown): string {
  if (error instanceof HandoverRefusedError) return t(`handover.refused.${error.code}`);
  const message = error instanceof SaveError ? error.reason : error instanceof Error ? error.message : String(error);
  return t('handover.saveFailed', { message });
}
