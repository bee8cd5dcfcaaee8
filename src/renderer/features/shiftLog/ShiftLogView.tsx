import { useMemo, useState } from 'react';
import { Alert, Button, Chip, Group, Loader, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { can } from '@shared/domain/roles';
import { isDay } from '@shared/registers/registerRange';
import { shiftStream } from '@shared/shifts/reviewEvents';
import type { ReviewedShiftLogRow } from '@shared/shifts/reviewFold';
import { shiftAt, type ShiftOccurrence } from '@shared/shifts/shiftPlan';
import { useDesk } from '../../desk/DeskContext';
import { useNow } from '../../desk/useNow';
import { formatDateTime } from '../../i18n/format';
import type { Translate } from '../ticket/timelineText';
import { PaperPreview, PrintSheet } from '../registers/print/PrintSheet';
import { documentFileName, usePrint } from '../registers/print/usePrint';
import { exportSheet } from './exportLog';
import { LOG_KINDS, type LogKind } from './logEntries';
import { LOG_COLUMNS, logRows, rowCells } from './logRows';
import { MorningReview } from './MorningReview';
import { recentFinishedShifts, shiftOn, shiftRowId } from './shiftChoice';
import { ShiftLogSheet } from './ShiftLogSheet';
import { LOG_MAX_EVENTS } from './shiftLogQuery';
import { useShiftLog, useStaffNames } from './useShiftLog';
import { useShiftPlan } from './useShiftPlan';

const PAGE = 100;

/**
 * R-MORNING-REVIEW: one shift's log (picked by day and name in the estate's plan): everything
 * saved in its time, in order, filterable by kind, printable (A4) and exportable; for the
 * supervisor, the review above it.
 */
export function ShiftLogView({ onOpenTicket }: { onOpenTicket(id: string): void }) {
  const { t, i18n } = useTranslation();
  const { db, store, station, staff } = useDesk();
  const plan = useShiftPlan(db);
  const now = useNow(60_000);
  const reviewer = can(staff.role, 'shift.review');
  // The supervisor arrives to the last finished shift; everyone else sees the running one. Worked
  // out from the estate's plan on every render until someone picks (the plan is read after the
  // first render: fixed then, the defaults' shift would be kept), at the time the screen opened.
  const [openedAt] = useState(() => Date.now());
  const initial = (reviewer ? recentFinishedShifts(plan, station.timeZone, openedAt)[0] : undefined) ?? shiftAt(plan, station.timeZone, openedAt);
  const [picked, setPicked] = useState<{ day: string; shiftId: string } | null>(null);
  const day = picked?.day ?? initial.day;
  const shiftId = picked?.shiftId ?? initial.shift.id;
  const setDay = (value: string) => setPicked({ day: value, shiftId });
  const setShiftId = (value: string) => setPicked({ day, shiftId: value });
  const [kinds, setKinds] = useState<string[]>([...LOG_KINDS]);
  const [page, setPage] = useState(0);
  const [preview, setPreview] = useState(false);
  const { print, busy } = usePrint();
  const occurrence: ShiftOccurrence | null = isDay(day) ? shiftOn(plan, station.timeZone, day, shiftId) : null;
  const start = occurrence?.startsAt ?? 0;
  const end = occurrence?.endsAt ?? 0;
  const span = useMemo(() => ({ start, end }), [start, end]);
  const log = useShiftLog(db, span);
  const row = useLiveQuery(() => (occurrence ? db.shifts.get(shiftRowId(occurrence)) : undefined), [db, occurrence?.day, occurrence?.shift.id]) as ReviewedShiftLogRow | undefined;
  const people = useStaffNames(db, row?.review ? [row.review.by] : []);
  const ctx = { timeZone: station.timeZone, language: i18n.language, phone: { countryCode: station.countryCode, areaCode: station.areaCode }, shiftNames: Object.fromEntries(plan.map((s) => [s.id, s.name])) };
  const allRows = useMemo(() => (log ? logRows(log, log.entries, t as unknown as Translate, ctx) : []), [log, i18n.language, plan]); // eslint-disable-line react-hooks/exhaustive-deps
  const rows = allRows.filter((r) => kinds.includes(r.kind));
  const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  const shown = rows.slice(page * PAGE, page * PAGE + PAGE);
  const when = (ms: number) => formatDateTime(ms, station.timeZone, i18n.language);
  const go = (o: ShiftOccurrence) => {
    setPicked({ day: o.day, shiftId: o.shift.id });
    setPage(0);
  };
  const spanText = occurrence ? t('shiftLog.span', { shift: occurrence.shift.name, from: when(occurrence.startsAt), to: when(occurrence.endsAt) }) : '';
  const reviewed = row?.review ? t('shiftLog.review.reviewedBy', { name: people.get(row.review.by) ?? row.review.by, time: when(row.review.at) }) : null;
  const fileName = occurrence ? [t('shiftLog.title'), occurrence.day, occurrence.shift.name] : [];
  const runExport = async () => {
    if (!occurrence) return;
    try {
      const headers = LOG_COLUMNS.map((c) => t(`shiftLog.columns.${c}`));
      await exportSheet({ store, actor: staff.id, stream: shiftStream(occurrence.day, occurrence.shift.id), startsAt: occurrence.startsAt, what: 'log', rows: [headers, ...rows.map(rowCells)], count: rows.length, sheetName: t('shiftLog.title'), fileName });
      notifications.show({ color: 'teal', message: t('shiftLog.exported', { count: rows.length }) });
    } catch {
      notifications.show({ color: 'red', message: t('shiftLog.exportFailed') });
    }
  };
  const sheet = <ShiftLogSheet estate={station.estateName} span={spanText} rows={rows} reviewed={reviewed} />;

  return (
    <Stack gap="sm">
      <Group gap="xs" align="flex-end">
        <TextInput type="date" size="xs" label={t('shiftLog.day')} value={day} onChange={(e) => { setDay(e.currentTarget.value); setPage(0); }} data-testid="log-day" />
        <Select size="xs" label={t('shiftLog.shift')} value={shiftId} allowDeselect={false} data={plan.map((s) => ({ value: s.id, label: `${s.name} ${s.start}–${s.end}` }))} onChange={(v) => { if (v) { setShiftId(v); setPage(0); } }} data-testid="log-shift" w={170} />
        <Button size="xs" variant="default" onClick={() => go(shiftAt(plan, station.timeZone, now))}>{t('shiftLog.current')}</Button>
        <Button size="xs" variant="default" onClick={() => occurrence && go(shiftAt(plan, station.timeZone, occurrence.startsAt - 1))} data-testid="log-previous">{t('shiftLog.previous')}</Button>
        {preview ? null : (
          <>
            <Button size="xs" variant="default" onClick={() => setPreview(true)} disabled={!occurrence} data-testid="log-preview">{t('shiftLog.printPreview')}</Button>
            <Button size="xs" variant="default" onClick={() => void runExport()} disabled={!log} data-testid="log-export">{t('shiftLog.exportXlsx')}</Button>
          </>
        )}
      </Group>
      <Text size="sm" c="dimmed" data-testid="log-span">{spanText}{occurrence && occurrence.endsAt > now ? ` · ${t('shiftLog.running')}` : ''}</Text>
      {!log || !occurrence ? <Loader size="sm" /> : preview ? (
        <>
          <Group>
            <Button variant="default" onClick={() => setPreview(false)}>{t('shiftLog.back')}</Button>
            <Button loading={busy} onClick={() => void print(documentFileName(...fileName), false)} data-testid="log-print">{t('shiftLog.print')}</Button>
          </Group>
          <PaperPreview orientation="portrait">{sheet}</PaperPreview>
          <PrintSheet orientation="portrait">{sheet}</PrintSheet>
        </>
      ) : (
        <>
          {reviewer ? <MorningReview shift={{ day: occurrence.day, shiftId: occurrence.shift.id, startsAt: occurrence.startsAt, endsAt: occurrence.endsAt }} log={log} row={row} onOpenTicket={onOpenTicket} /> : null}
          {log.truncated ? <Alert color="yellow" p="xs">{t('shiftLog.truncated', { count: LOG_MAX_EVENTS })}</Alert> : null}
          <Group gap="xs">
            <Text size="sm">{t('shiftLog.filter')}</Text>
            <Chip.Group multiple value={kinds} onChange={(v) => { setKinds(v); setPage(0); }}>
              {LOG_KINDS.map((k: LogKind) => <Chip key={k} value={k} size="xs" data-testid={`log-kind-${k}`}>{t(`shiftLog.kinds.${k}`)}</Chip>)}
            </Chip.Group>
          </Group>
          <Table striped data-testid="shift-log">
            <Table.Thead>
              <Table.Tr>{LOG_COLUMNS.map((c) => <Table.Th key={c}>{t(`shiftLog.columns.${c}`)}</Table.Th>)}</Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((r) => (
                <Table.Tr key={r.id} data-testid="log-row" data-kind={r.kind}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.time}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.kindLabel}</Table.Td>
                  <Table.Td>{r.ticketId && r.request ? <Button size="compact-xs" variant="subtle" onClick={() => onOpenTicket(r.ticketId!)}>{r.request}</Button> : r.request}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{r.line}</Text>
                    {r.details.map((d, i) => <Text key={i} size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>{d}</Text>)}
                  </Table.Td>
                  <Table.Td>{r.station}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {rows.length === 0 ? <Text c="dimmed" ta="center">{t('shiftLog.empty')}</Text> : null}
          {pages > 1 ? (
            <Group justify="center" gap="xs">
              <Button size="xs" variant="default" disabled={page === 0} onClick={() => setPage(page - 1)}>{t('shiftLog.previousPage')}</Button>
              <Text size="sm">{t('shiftLog.page', { page: page + 1, pages })}</Text>
              <Button size="xs" variant="default" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>{t('shiftLog.nextPage')}</Button>
            </Group>
          ) : null}
        </>
      )}
    </Stack>
  );
}
