import { Badge } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../desk/DeskContext';
import { formatTime } from '../../i18n/format';
import { useDuty } from './useDuty';

/**
 * Issue 16: every station shows who holds the front desk, since when (the holder rings for the
 * deadlines and takes the calls). Nothing before anyone holds it: each station's own alarm
 * setting decides then.
 */
export function DutyIndicator() {
  const { t, i18n } = useTranslation();
  const { db, station } = useDesk();
  const row = useDuty();
  const holder = row?.holder;
  const person = useLiveQuery(async () => (holder?.staffId ? ((await db.staff.get(holder.staffId))?.name ?? null) : null), [db, holder?.staffId]);
  if (!holder?.station) return null;
  const time = formatTime(holder.since, station.timeZone, i18n.language);
  const here = holder.station === station.stationName;
  // A transfer names no person: the control room's station holds it, whoever answers there.
  const text = holder.staffId
    ? t('duty.header.desk', { station: holder.station, person: person ?? t('duty.header.unknownPerson'), time })
    : t('duty.header.controlRoom', { station: holder.station, time });
  return (
    <Badge size="lg" variant={here ? 'filled' : 'light'} color={holder.staffId ? 'blue' : 'grape'} tt="none" data-testid="duty-holder" data-here={here} data-station={holder.station} title={text}>
      {text}
    </Badge>
  );
}
