import { streams } from '@shared/events/envelope';
import type { DeadlineRuleId } from '@shared/deadlines/deadlineRules';
import { ruleTuningSchema, type RuleTuning } from '@shared/deadlines/tuning';
import { DEADLINE_TUNED } from '@shared/station/stationEvents';
import type { EventStore } from '../../db/eventStore';

/**
 * Issue 15: one rule's duration and warning for the estate, or back to the rulebook's defaults
 * (`null`). Only the manager holds `deadline.tune`: anyone else's event is refused by the fold
 * (S7), here as on every station it reaches. Whether the numbers are usable together (warning
 * within the duration, R-SPECIAL-EVENT's 36 h) is judged by resolveTuning where they are used.
 */
export async function tuneDeadline(store: EventStore, rule: DeadlineRuleId, tuning: RuleTuning | null, actor: string) {
  const payload = { rule, tuning: tuning === null ? null : ruleTuningSchema.parse(tuning) };
  await store.append([{ stream: streams.settings, type: DEADLINE_TUNED, payload }], actor);
}
