import { useState } from 'react';
import { Button, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { can } from '@shared/domain/roles';
import { monthOf } from '@shared/shifts/leftoverEvents';
import { useDesk } from '../../desk/DeskContext';
import { useNow } from '../../desk/useNow';
import { fileLeftover } from './leftoverCommands';
import { readMonthFile, shiftMonth } from './leftoverQueries';
import { LeftoverItem } from './LeftoverItem';
import { LongOpenRequests } from './LongOpenRequests';
import { useLeftoverTickets } from './useLeftoverData';
import { shiftName, useShiftPlan } from '../handover/useHandoverData';

/** R-LEFTOVER: the month's leftover-issues file (遗留问题档案), open first; filing and "OK". */
export function LeftoversScreen({ onOpenTicket }: { onOpenTicket?(id: string): void }) {
  const { t } = useTranslation();
  const { db, store, station, staff } = useDesk();
  const now = useNow(60_000);
  const current = monthOf(now, station.timeZone);
  const [chosen, setChosen] = useState<string | null>(null);
  const month = chosen ?? current;
  const file = useLiveQuery(() => readMonthFile(db, month, month === current), [db, month, current]);
  const mayWrite = can(staff.role, 'ticket.update');
  const plan = useShiftPlan();
  // A shift typed by hand is shown as typed; one filed from a handover names its day and shift.
  const shiftLabel = (fromShift: string) => {
    const [day, shiftId, extra] = fromShift.split('|');
    return day && shiftId && extra === undefined ? t('handover.shift', { day, name: shiftName(plan, shiftId) }) : fromShift;
  };
  const tickets = useLeftoverTickets(file ? [...file.notCarried, ...file.rows] : undefined);
  const [text, setText] = useState('');
  const [fromShift, setFromShift] = useState('');
  const [failed, setFailed] = useState(false);

  const submitFiling = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    setFailed(false);
    try {
      await fileLeftover(store, station.timeZone, { text, ...(fromShift.trim() ? { fromShift: fromShift.trim() } : {}) }, staff.id);
      setText('');
      setFromShift('');
      setChosen(null);
    } catch {
      setFailed(true);
    }
  };

  const open = file?.rows.filter((r) => r.open).length ?? 0;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('keys.leftovers.title')}</Title>
        <Group gap={6}>
          <Button size="xs" variant="default" onClick={() => setChosen(shiftMonth(month, -1))}>{t('keys.leftovers.previous')}</Button>
          <Text fw={600} data-testid="leftover-month">{month}</Text>
          <Button size="xs" variant="default" disabled={month >= current} onClick={() => setChosen(shiftMonth(month, 1))}>{t('keys.leftovers.next')}</Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed">{t('keys.leftovers.count', { open: open + (file?.notCarried.length ?? 0), ok: (file?.rows.length ?? 0) - open })}</Text>
      {mayWrite && month === current ? (
        <form onSubmit={submitFiling} aria-label={t('keys.leftovers.file')}>
          <Group align="flex-end">
            <Textarea style={{ flex: 1 }} label={t('keys.leftovers.text')} value={text} onChange={(e) => setText(e.currentTarget.value)} maxLength={2000} autosize minRows={1} />
            <TextInput w={180} label={t('keys.leftovers.fromShift')} value={fromShift} onChange={(e) => setFromShift(e.currentTarget.value)} maxLength={40} />
            <Button type="submit">{t('keys.leftovers.submit')}</Button>
          </Group>
          {failed ? <Text size="sm" c="red" role="alert">{t('keys.failed')}</Text> : null}
        </form>
      ) : null}
      {month === current ? <LongOpenRequests onOpenTicket={onOpenTicket} /> : null}
      {(file?.notCarried ?? []).map((row) => <LeftoverItem key={row.id} row={row} mayWrite={mayWrite} stale ticket={tickets.get(row.fromTicket?.id ?? '')} onOpenTicket={onOpenTicket} shiftLabel={shiftLabel} />)}
      {(file?.rows ?? []).map((row) => <LeftoverItem key={row.id} row={row} mayWrite={mayWrite} ticket={tickets.get(row.fromTicket?.id ?? '')} onOpenTicket={onOpenTicket} shiftLabel={shiftLabel} />)}
      {file && file.rows.length + file.notCarried.length === 0 ? <Text c="dimmed" ta="center">{t('keys.leftovers.empty')}</Text> : null}
    </Stack>
  );
}
