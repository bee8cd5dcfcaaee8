import { useMemo, useState } from 'react';
import { Alert, Group, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { incomingShift } from '@shared/shifts/handoverShift';
import { isSettled, readingOrder } from '@shared/shifts/shiftLogFold';
import type { HandoverMark, HandoverUrgency } from '@shared/shifts/handoverEvents';
import type { Translate } from '../ticket/timelineText';
import { useDesk } from '../../desk/DeskContext';
import { useNow } from '../../desk/useNow';
import { markItem, sortItem } from './handoverCommands';
import { handoverErrorText } from './handoverErrors';
import { recentShiftLogs } from './handoverQueries';
import { HandoverItemCard } from './HandoverItemCard';
import { FormRecord } from './FormRecord';
import { nameOf, shiftName, useDutyHolder, useShiftLog, useShiftPlan, useStaffList } from './useHandoverData';
import { useItemLeftovers } from '../leftovers/useLeftoverData';
import { fileOnce, itemFiling } from '../leftovers/leftoverCommands';
import { can } from '@shared/domain/roles';

/**
 * R-HANDOVER-READ, coming on duty: the last shift's items line by line, sorted by urgency (urgent
 * first once sorted), each marked "OK", passed to the manager, or not today with its reason.
 */
export function IncomingView({ onOpenLeftovers }: { onOpenLeftovers?(): void }) {
  const { t } = useTranslation();
  const { db, store, station, staff: me } = useDesk();
  const plan = useShiftPlan();
  const duty = useDutyHolder();
  const staff = useStaffList();
  const now = useNow(60_000);
  const [chosen, setChosen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fallback = useMemo(() => incomingShift(plan, station.timeZone, now, duty), [plan, station.timeZone, now, duty]);
  const recent = useLiveQuery(() => recentShiftLogs(db), [db]) ?? [];
  const key = chosen ?? `${fallback.day}|${fallback.shiftId}`;
  const [day = '', shiftId = ''] = key.split('|');
  const log = useShiftLog({ day, shiftId });
  const label = (d: string, id: string) => t('handover.shift', { day: d, name: shiftName(plan, id) });
  const options = [...new Set([key, ...recent.map((r) => r.id)])].map((id) => {
    const [d = '', s = ''] = id.split('|');
    return { value: id, label: label(d, s) };
  });
  const items = readingOrder(log?.items ?? []);
  const leftovers = useItemLeftovers(items);
  const run = async (step: () => Promise<void>) => {
    setBusy(true);
    try {
      await step();
    } catch (error) {
      notifications.show({ color: 'red', message: handoverErrorText(t as unknown as Translate, error) });
    } finally {
      setBusy(false);
    }
  };
  const shift = log ? { day: log.day, shiftId: log.shiftId, startsAt: log.startsAt } : null;
  const sort = (itemId: string) => (urgency: HandoverUrgency) => shift && void run(() => sortItem(db, store, shift, itemId, urgency, me.id, station.timeZone));
  // R-LEFTOVER: any item not yet "OK" may be filed by hand (sorting it 一时无法解决 files it anyway).
  const fileItem = (item: (typeof items)[number]) => shift && can(me.role, 'ticket.update') ? () => void run(async () => {
    await fileOnce(db, store, station.timeZone, [itemFiling(item, shift)], me.id);
  }) : undefined;
  const mark = (itemId: string) => (m: HandoverMark, reason?: string) => shift && void run(() => markItem(db, store, shift, itemId, m, reason, me.id));
  return (
    <Stack gap="sm" data-testid="handover-incoming">
      <Text size="sm" c="dimmed">{t('handover.incoming.hint')}</Text>
      <Group align="flex-end" justify="space-between">
        <Select label={t('handover.incoming.from')} data={options} value={key} onChange={(v) => v && setChosen(v)} allowDeselect={false} w={240} data-testid="handover-shift-choice" />
        {items.length ? (
          <Text size="sm" data-testid="handover-progress">
            {t('handover.incoming.progress', { sorted: items.filter((i) => i.urgency).length, total: items.length, settled: items.filter(isSettled).length })}
          </Text>
        ) : null}
      </Group>
      {log !== undefined && items.length === 0 ? <Alert color="gray">{t('handover.incoming.empty')}</Alert> : null}
      {items.map((item) => (
        <HandoverItemCard key={item.id} item={item} nameOf={(id) => nameOf(staff, id)} timeZone={station.timeZone} onSort={sort(item.id)} onMark={mark(item.id)} busy={busy}
          filed={leftovers?.has(item.id) ?? false} onFileLeftover={leftovers ? fileItem(item) : undefined} onOpenLeftovers={onOpenLeftovers} />
      ))}
      {log ? <FormRecord log={log} duty={duty} shiftLabel={label(log.day, log.shiftId)} /> : null}
    </Stack>
  );
}
