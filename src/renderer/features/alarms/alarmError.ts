import { RefusedError } from '../../db/eventStore';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** What to tell the person whose acknowledgement or snooze was not saved. */
export function alarmErrorText(t: Translate, error: unknown): string {
  return error instanceof RefusedError ? t(`deadlines.refused.${error.code}`) : t('alarms.failed');
}
