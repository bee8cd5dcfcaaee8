import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { shownPhone } from '@shared/directory/phone/shownPhone';
import type { ReviewedShiftLogRow } from '@shared/shifts/reviewFold';
import { useDesk } from '../../desk/DeskContext';
import { useNow } from '../../desk/useNow';
import { formatDateTime } from '../../i18n/format';
import { markItem, reviewShift, type ShiftRef } from './reviewCommands';
import { ReviewerSignature } from './ReviewerSignature';
import { unfinishedItems, type UnfinishedItem } from './unfinished';
import { useStaffNames, type LoadedLog } from './useShiftLog';

interface Props {
  shift: ShiftRef & { endsAt: number };
  log: LoadedLog;
  row: ReviewedShiftLogRow | undefined;
  onOpenTicket(id: string): void;
}

/**
 * R-MORNING-REVIEW: the supervisor reads the shift's log with what is unfinished first (alarms
 * not acknowledged, requests still open, calls not handled); each item is opened and chased, or
 * marked; the review itself is an event (the read receipt) on the shift's stream.
 */
export function MorningReview({ shift, log, row, onOpenTicket }: Props) {
  const { t, i18n } = useTranslation();
  const { db, store, staff, station } = useDesk();
  const now = useNow(60_000);
  const [busy, setBusy] = useState(false);
  const [signing, setSigning] = useState(false);
  const items = unfinishedItems(log.entries, log.tickets, log.calls, log.timings, now, row);
  const when = (ms: number) => formatDateTime(ms, station.timeZone, i18n.language);
  const people = useStaffNames(db, [...(row?.review ? [row.review.by] : []), ...Object.values(row?.marks ?? {}).map((m) => m.by)]);
  const name = (id: string) => people.get(id) ?? id;
  const save = async (work: () => Promise<unknown>, ok?: string) => {
    setBusy(true);
    try {
      await work();
      if (ok) notifications.show({ color: 'teal', message: ok });
    } catch (error) {
      notifications.show({ color: 'red', message: t('shiftLog.review.failed', { message: error instanceof Error ? error.message : String(error) }) });
    } finally {
      setBusy(false);
    }
  };
  const label = (item: UnfinishedItem) => {
    if (item.type === 'alarm') return t('shiftLog.review.alarm', { number: item.ticket.number, rule: t(`deadlines.rules.${item.deadline.ruleId}.name`) });
    if (item.type === 'request') return t('shiftLog.review.request', { number: item.ticket.number, kind: t(`common.kinds.${item.ticket.kind}`), status: t(`common.statuses.${item.ticket.status}`) });
    if (item.type === 'item') return t('shiftLog.review.item', { text: item.item.ticketNumber ? `${item.item.ticketNumber} ${item.item.text}` : item.item.text });
    const number = item.call.withheld || !item.call.number ? t('shiftLog.text.withheld') : shownPhone(item.call.e164 ?? item.call.number, false, station).number;
    return t('shiftLog.review.call', { number });
  };
  const finished = shift.endsAt <= now;
  return (
    <Card withBorder padding="sm" data-testid="morning-review">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={5}>{t('shiftLog.review.title')}</Title>
          {row?.review
            ? <Badge color="teal" variant="light" tt="none" data-testid="reviewed-by">{t('shiftLog.review.reviewedBy', { name: name(row.review.by), time: when(row.review.at) })}</Badge>
            : <Badge color="orange" variant="light" tt="none">{t('shiftLog.review.notReviewed')}</Badge>}
        </Group>
        <Text size="sm" fw={500}>{t('shiftLog.review.unfinished')} ({items.length})</Text>
        {items.length === 0 ? <Text size="sm" c="dimmed">{t('shiftLog.review.none')}</Text> : null}
        {items.map((item) => {
          const mark = row?.marks?.[item.ref];
          return (
            <Group key={item.ref} justify="space-between" wrap="nowrap" data-testid="unfinished-item">
              <Group gap="xs" wrap="nowrap">
                <Text size="sm" c={item.type === 'alarm' ? 'red' : undefined}>{label(item)}</Text>
                {item.type === 'alarm' && item.deadline.escalated ? <Badge color="red" size="sm">{t('shiftLog.review.escalated')}</Badge> : null}
                {mark ? <Text size="xs" c="dimmed" data-testid="item-mark">{t('shiftLog.review.marked', { mark: t(`shiftLog.review.${mark.mark}`), name: name(mark.by), time: when(mark.at) })}</Text> : null}
              </Group>
              <Group gap={4} wrap="nowrap">
                {item.type === 'alarm' || item.type === 'request' || (item.type === 'item' && item.item.ticketId) ? <Button size="compact-xs" variant="default" onClick={() => onOpenTicket(item.type === 'item' ? item.item.ticketId! : item.ticket.id)}>{t('shiftLog.review.open')}</Button> : null}
                <Button size="compact-xs" variant="light" disabled={busy} onClick={() => void save(() => markItem(store, staff, shift, item.ref, 'chased'))} data-testid="mark-chased">{t('shiftLog.review.chase')}</Button>
                <Button size="compact-xs" variant="subtle" disabled={busy} onClick={() => void save(() => markItem(store, staff, shift, item.ref, 'noted'))}>{t('shiftLog.review.note')}</Button>
              </Group>
            </Group>
          );
        })}
        {finished ? (
          <Group>
            {/* Reviewed already: a later look (after chasing) may be signed again, as a quieter button. */}
            <Button size="xs" variant={row?.review ? 'default' : 'filled'} loading={busy} onClick={() => setSigning(true)} data-testid="confirm-review">
              {t(row?.review ? 'shiftLog.review.confirmAgain' : 'shiftLog.review.confirm')}
            </Button>
          </Group>
        ) : <Alert color="gray" p="xs">{t('shiftLog.review.notFinished')}</Alert>}
      </Stack>
      {signing ? (
        <ReviewerSignature title={t('shiftLog.review.signTitle')} onClose={() => setSigning(false)}
          act={async (signer) => {
            await reviewShift(store, signer, shift, items.length);
            notifications.show({ color: 'teal', message: t('shiftLog.review.saved') });
          }} />
      ) : null}
    </Card>
  );
}
