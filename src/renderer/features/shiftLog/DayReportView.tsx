import { useMemo, useState } from 'react';
import { Alert, Badge, Button, Group, Loader, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { dayOf, dayStart, isDay, nextDay } from '@shared/registers/registerRange';
import { DAY_REPORT_FIGURES, dayReportStream } from '@shared/shifts/reviewEvents';
import type { DayReportRow } from '@shared/shifts/reviewFold';
import { useDesk } from '../../desk/DeskContext';
import { useNow } from '../../desk/useNow';
import { formatDateTime } from '../../i18n/format';
import { PaperPreview, PrintSheet } from '../registers/print/PrintSheet';
import { documentFileName, usePrint } from '../registers/print/usePrint';
import { dayReport } from './dayReport';
import { DayReportSheet } from './DayReportSheet';
import { exportSheet } from './exportLog';
import { signDayReport, type Actor } from './reviewCommands';
import { ReviewerSignature } from './ReviewerSignature';
import { useShiftLog, useStaffNames } from './useShiftLog';

/** A day's log can be long: the report reads this many events at most (and says so). */
const DAY_MAX_EVENTS = 20_000;

/**
 * R-DAILY-REPORT (物业日报表): the day's figures from the day's events, shown before the end of the
 * working day, checked and signed by the supervisor (an event on `shift:day|<date>`); printable
 * and exportable; once signed it shows who and when.
 */
export function DayReportView() {
  const { t, i18n } = useTranslation();
  const { db, store, station, staff } = useDesk();
  const now = useNow(60_000);
  const [day, setDay] = useState(() => dayOf(Date.now(), station.timeZone));
  const [signing, setSigning] = useState(false);
  const { print, busy: printing } = usePrint();
  const valid = isDay(day);
  const span = useMemo(() => (valid ? { start: dayStart(day, station.timeZone), end: dayStart(nextDay(day), station.timeZone) } : { start: 0, end: 0 }), [day, valid, station.timeZone]);
  const log = useShiftLog(db, span, DAY_MAX_EVENTS, false);
  const row = useLiveQuery(() => (valid ? db.shifts.get(`day|${day}`) : undefined), [db, day, valid]) as DayReportRow | undefined;
  const people = useStaffNames(db, row?.signed ? [row.signed.by] : []);
  const at = Math.min(now, span.end);
  const report = log ? dayReport(log.entries, log.tickets, log.calls, log.timings, at) : null;
  const when = (ms: number) => formatDateTime(ms, station.timeZone, i18n.language);
  const signedBy = row?.signed ? t('shiftLog.report.signedBy', { name: people.get(row.signed.by) ?? row.signed.by, time: when(row.signed.at) }) : null;
  const changed = row?.signed && report && DAY_REPORT_FIGURES.some((f) => row.signed!.figures[f] !== report.figures[f]);
  const title = t('shiftLog.report.title');
  // R-DAILY-REPORT: the desk shows the day's figures; the supervisor checks them and signs with their PIN.
  const signAs = async (signer: Actor) => {
    if (!report) return;
    await signDayReport(store, signer, { day, startsAt: span.start }, report.figures);
    notifications.show({ color: 'teal', message: t('shiftLog.report.signed') });
  };
  const runExport = async () => {
    if (!report) return;
    try {
      const figures = DAY_REPORT_FIGURES.map((f) => [t(`shiftLog.report.figures.${f}`), String(report.figures[f])]);
      const kinds = report.byKind.map((l) => [t(`common.kinds.${l.kind}`), String(l.opened), String(l.closed), String(l.stillOpen)]);
      const c = (key: 'figure' | 'count' | 'kind' | 'opened' | 'closed' | 'stillOpen') => t(`shiftLog.report.columns.${key}`);
      const rows = [[c('figure'), c('count')], ...figures, [], [c('kind'), c('opened'), c('closed'), c('stillOpen')], ...kinds, [], ...(signedBy ? [[signedBy]] : [])];
      await exportSheet({ store, actor: staff.id, stream: dayReportStream(day), startsAt: span.start, what: 'dayReport', rows, count: figures.length, sheetName: title, fileName: [title, day] });
      notifications.show({ color: 'teal', message: t('shiftLog.exported', { count: figures.length }) });
    } catch {
      notifications.show({ color: 'red', message: t('shiftLog.exportFailed') });
    }
  };
  const sheet = report ? <DayReportSheet estate={station.estateName} day={day} asOf={t('shiftLog.report.asOf', { time: when(at) })} report={report} signed={signedBy} /> : null;
  return (
    <Stack gap="sm">
      <Group gap="xs" align="flex-end">
        <TextInput type="date" size="xs" label={t('shiftLog.day')} value={day} onChange={(e) => setDay(e.currentTarget.value)} data-testid="report-day" />
        <Button size="xs" disabled={!report} onClick={() => setSigning(true)} data-testid="report-sign">{t('shiftLog.report.sign')}</Button>
        <Button size="xs" variant="default" loading={printing} disabled={!report} onClick={() => void print(documentFileName(title, day), false)} data-testid="report-print">{t('shiftLog.print')}</Button>
        <Button size="xs" variant="default" disabled={!report} onClick={() => void runExport()} data-testid="report-export">{t('shiftLog.exportXlsx')}</Button>
        {signedBy ? <Badge color="teal" variant="light" tt="none" size="lg" data-testid="report-signed">{signedBy}</Badge> : <Badge color="orange" variant="light" tt="none" size="lg">{t('shiftLog.report.notSigned')}</Badge>}
      </Group>
      {changed ? <Alert color="yellow" p="xs">{t('shiftLog.report.changed')}</Alert> : null}
      {log?.truncated ? <Alert color="yellow" p="xs">{t('shiftLog.truncated', { count: DAY_MAX_EVENTS })}</Alert> : null}
      {!sheet ? <Loader size="sm" /> : (
        <>
          <PaperPreview orientation="portrait">{sheet}</PaperPreview>
          <PrintSheet orientation="portrait">{sheet}</PrintSheet>
        </>
      )}
      {signing ? <ReviewerSignature title={t('shiftLog.report.signTitle', { day })} onClose={() => setSigning(false)} act={signAs} /> : null}
    </Stack>
  );
}
