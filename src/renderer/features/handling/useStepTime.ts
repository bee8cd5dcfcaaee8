import { useTranslation } from 'react-i18next';
import { useDesk } from '../../desk/DeskContext';
import { formatDateTime, formatTime } from '../../i18n/format';
import { stationDay } from '@shared/tickets/ticketNumber';

/** A step's time as the desk reads it: hh:mm today, the full date and time on another day. */
export function useStepTime(): (ms: number) => string {
  const { i18n } = useTranslation();
  const { timeZone } = useDesk().station;
  return (ms) => (stationDay(ms, timeZone) === stationDay(Date.now(), timeZone) ? formatTime(ms, timeZone, i18n.language) : formatDateTime(ms, timeZone, i18n.language));
}
