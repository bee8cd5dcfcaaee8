import { useMemo } from 'react';
import { Alert, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { outgoingShift } from '@shared/shifts/handoverShift';
import { signedHandover } from '@shared/shifts/handoverGuards';
import { useDesk } from '../../desk/DeskContext';
import { useNow } from '../../desk/useNow';
import { HandoverItemCard } from './HandoverItemCard';
import { PassOnItemForm } from './PassOnItemForm';
import { TransferFormPanel } from './TransferFormPanel';
import { nameOf, useDutyHolder, useShiftLog, useShiftPlan, useStaffList } from './useHandoverData';
import { LongOpenRequests } from '../leftovers/LongOpenRequests';
import { useItemLeftovers } from '../leftovers/useLeftoverData';

/** Leaving (R-HANDOVER-SIGN): this shift's items for the next one, then the work-transfer form and both signatures. */
export function OutgoingView({ onOpenTicket, onOpenLeftovers }: { onOpenTicket?(id: string): void; onOpenLeftovers?(): void }) {
  const { t } = useTranslation();
  const { station } = useDesk();
  const plan = useShiftPlan();
  const duty = useDutyHolder();
  const staff = useStaffList();
  const now = useNow(60_000);
  const occurrence = useMemo(() => outgoingShift(plan, station.timeZone, now, duty), [plan, station.timeZone, now, duty]);
  const shift = useMemo(() => ({ day: occurrence.day, shiftId: occurrence.shift.id, startsAt: occurrence.startsAt }), [occurrence]);
  const log = useShiftLog(shift);
  const label = t('handover.shift', { day: shift.day, name: occurrence.shift.name });
  const handedOver = Boolean(signedHandover(duty?.forms ?? [], shift.day, shift.shiftId));
  const items = log?.items ?? [];
  const leftovers = useItemLeftovers(items);
  return (
    <Stack gap="sm" data-testid="handover-outgoing">
      <Text size="sm" c="dimmed">{t('handover.outgoing.hint')}</Text>
      <Text fw={500} data-testid="outgoing-shift">{t('handover.form.labelled', { label: t('handover.outgoing.shift') })}{label}</Text>
      {handedOver ? <Alert color="gray">{t('handover.outgoing.handedOver')}</Alert> : <PassOnItemForm shift={shift} />}
      <Title order={5}>{t('handover.outgoing.items')}</Title>
      {items.length === 0 ? <Text size="sm" c="dimmed">{t('handover.outgoing.none')}</Text> : null}
      {items.map((item) => <HandoverItemCard key={item.id} item={item} nameOf={(id) => nameOf(staff, id)} timeZone={station.timeZone} filed={leftovers?.has(item.id) ?? false} onOpenLeftovers={onOpenLeftovers} />)}
      {/* R-LEFTOVER: what has been open for long is filed before leaving, not handed on shift after shift. */}
      <LongOpenRequests onOpenTicket={onOpenTicket} hideWhenEmpty />
      {log !== undefined && duty !== undefined ? <TransferFormPanel shift={shift} shiftLabel={label} log={log} duty={duty} /> : null}
    </Stack>
  );
}
