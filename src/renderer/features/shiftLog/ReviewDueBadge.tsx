import { Badge, Tooltip } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { can } from '@shared/domain/roles';
import type { ReviewedShiftLogRow } from '@shared/shifts/reviewFold';
import { useDesk } from '../../desk/DeskContext';
import { useNow } from '../../desk/useNow';
import { recentFinishedShifts, shiftRowId } from './shiftChoice';
import { useShiftPlan } from './useShiftPlan';

/**
 * R-MORNING-REVIEW: shown to the supervisor and the manager while a shift that ended in the last
 * day (since the station was set up) has no review on its log (read by key: one row per shift, never a scan).
 */
export function ReviewDueBadge({ onOpen }: { onOpen(): void }) {
  const { t } = useTranslation();
  const { db, station, staff } = useDesk();
  const plan = useShiftPlan(db);
  const now = useNow(60_000);
  const allowed = can(staff.role, 'shift.review');
  // Shifts that ended before the station was set up have no log to review.
  const ids = allowed ? recentFinishedShifts(plan, station.timeZone, now).filter((o) => o.endsAt > station.configuredAt).map(shiftRowId) : [];
  const due = useLiveQuery(async () => (ids.length ? (await db.shifts.bulkGet(ids)).filter((row) => !(row as ReviewedShiftLogRow | undefined)?.review).length : 0), [db, ids.join(',')]);
  if (!allowed || !due) return null;
  return (
    <Tooltip label={t('shiftLog.due.hint')}>
      <Badge color="orange" size="lg" tt="none" style={{ cursor: 'pointer' }} onClick={onOpen} data-testid="review-due">{t('shiftLog.due.badge', { count: due })}</Badge>
    </Tooltip>
  );
}
