import { memo } from 'react';
import { Badge, Button, Group, Paper, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Translate } from '../ticket/timelineText';
import { placeText } from '../handling/placeText';
import { LEVEL_COLORS } from '../handling/TicketDeadlines';
import { formatTime } from '../../i18n/format';
import { JUST_DUE_MS, spanText } from '../../i18n/spanText';
import type { AlarmView } from './deriveAlarms';

export interface AlarmItemProps {
  view: AlarmView;
  now: number;
  ringing: boolean;
  /** Escalated to the role of the person signed in here: shown first and loud. */
  forMe: boolean;
  timeZone: string;
  onOpen?: (ticketId: string) => void;
  onAcknowledge?: (view: AlarmView) => void;
  onSnooze?: (view: AlarmView) => void;
}

/**
 * One alarm of the bar: a live countdown, the request, what is due, and what was done about it.
 * Memo: a derivation re-renders the bar, not the items whose view and second did not change.
 */
export const AlarmItem = memo(function AlarmItem({ view, now, ringing, forMe, timeZone, onOpen, onAcknowledge, onSnooze }: AlarmItemProps) {
  const { t, i18n } = useTranslation();
  const tx = t as unknown as Translate;
  // The level moves with the clock between derivations; the host's ring is the due moment even
  // when this second's tick has not come yet (a ringing alarm never reads "0 s left, due soon").
  const clockLevel = view.late || now >= view.overdueAt ? 'overdue' : now >= view.dueAt ? 'due' : now >= view.warnAt ? 'warn' : 'pending';
  const level = ringing && (clockLevel === 'pending' || clockLevel === 'warn') ? 'due' : clockLevel;
  const left = ringing ? Math.min(-1, view.dueAt - now) : view.dueAt - now;
  const canAct = !view.acknowledged && view.rings && (level === 'due' || level === 'overdue');
  const role = view.escalated ? t(`deadlines.escalateTo.${view.escalated.to}`) : '';
  const summary = (
    <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
      <Badge color={LEVEL_COLORS[level]} variant={ringing ? 'filled' : 'light'} data-testid="alarm-level">{t(`deadlines.levels.${level}`)}</Badge>
      <Text fw={700} size="sm" ff="monospace" data-testid="alarm-countdown" c={left < 0 ? 'red' : undefined}>
        {left >= 0 ? t('alarms.item.remaining', { span: spanText(tx, left) }) : left > -JUST_DUE_MS ? t('alarms.item.justDue') : t('alarms.item.overdueBy', { span: spanText(tx, left) })}
      </Text>
      <Text size="sm" fw={600} data-testid="alarm-number">{view.number}</Text>
      <Text size="sm" truncate="end" maw={160} data-testid="alarm-where">{placeText({ unitKey: view.unitKey, handling: { place: view.place } }, tx)}</Text>
      <Text size="sm" truncate="end" data-testid="alarm-due">{t('alarms.item.due', { what: t(`deadlines.rules.${view.ruleId}.due`) })}</Text>
      {view.escalated ? <Badge color="red" variant="filled" data-testid="alarm-escalated">{t('alarms.item.escalated', { role })}</Badge> : null}
      {view.snoozedUntil ? <Badge color="gray" variant="light">{t('alarms.item.snoozedUntil', { time: formatTime(view.snoozedUntil, timeZone, i18n.language) })}</Badge> : null}
      {view.paused ? <Badge color="gray" variant="light">{t('alarms.item.paused')}</Badge> : null}
      {view.late ? <Badge color="gray" variant="light">{t('alarms.item.late')}</Badge> : null}
      {view.acknowledged ? <Badge color="green" variant="light">{t('alarms.item.acknowledged')}</Badge> : null}
    </Group>
  );
  return (
    <Paper
      withBorder
      px="xs"
      py={4}
      data-testid="alarm-item"
      data-rule={view.ruleId}
      data-number={view.number}
      data-level={level}
      data-ringing={String(ringing)}
      {...(view.escalated ? { 'data-escalated': 'true' } : {})}
      bg={forMe ? 'red.1' : ringing ? 'orange.0' : undefined}
      style={{ borderColor: ringing || forMe ? 'var(--mantine-color-red-6)' : undefined, borderWidth: forMe ? 2 : undefined }}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs">
        {onOpen ? (
          <UnstyledButton onClick={() => onOpen(view.ticketId)} aria-label={t('alarms.item.open', { number: view.number })} style={{ minWidth: 0, flex: 1 }}>
            {summary}
          </UnstyledButton>
        ) : (
          <div style={{ minWidth: 0, flex: 1 }}>{summary}</div>
        )}
        {canAct ? (
          <Group gap={4} wrap="nowrap">
            {onAcknowledge ? <Button size="compact-sm" color="red" onClick={() => onAcknowledge(view)} data-testid="alarm-ack">{t('alarms.ack')}</Button> : null}
            {onSnooze ? <Button size="compact-sm" variant="default" onClick={() => onSnooze(view)} data-testid="alarm-snooze">{t('alarms.snooze')}</Button> : null}
          </Group>
        ) : null}
      </Group>
    </Paper>
  );
});
