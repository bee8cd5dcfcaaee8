import { RefusedError } from '../../db/eventStore';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** What to tell the clerk whose transfer or taking back was not saved. */
export function dutyErrorText(t: Translate, error: unknown): string {
  return error instanceof RefusedError ? t(`duty.refused.${error.code}`) : t('duty.failed');
}
