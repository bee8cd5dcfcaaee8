import { useState } from 'react';
import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '@shared/tickets/ticketFold';
import { pendingDeadlines, type DeadlineLevel, type PendingDeadline } from '@shared/deadlines/pendingDeadlines';
import { PAUSABLE_RULES, type PauseReason } from '@shared/deadlines/clockEvents';
import type { ClockRefusal } from '@shared/deadlines/clockGuards';
import { useDesk } from '../../desk/DeskContext';
import { useNow } from '../../desk/useNow';
import { timingsOf } from '../../db/deadlineProjection';
import { RefusedError } from '../../db/eventStore';
import { SaveErrorAlert } from '../../components/SaveErrorAlert';
import { formatDateTime } from '../../i18n/format';
import { JUST_DUE_MS, spanText } from '../../i18n/spanText';
import { acknowledgeAlarm, pauseClock, resumeClock } from '../alarms/clockCommands';
import { ALARMS_SINCE_KEY, beforeAlarms } from '../alarms/deriveAlarms';
import { PauseForm } from './PauseForm';

export const LEVEL_COLORS: Record<DeadlineLevel, string> = { pending: 'blue', warn: 'yellow', due: 'orange', overdue: 'red' };

/**
 * Issue 15: the clocks running on this request (pendingDeadlines under the estate's tuning), each
 * with what is due, when, a live countdown and what was done about it; pause and resume where
 * the rulebook lets a clock wait on someone else, acknowledge once it rings.
 */
export function TicketDeadlines({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const { db, store, staff } = useDesk();
  // null: no settings row yet (the defaults); undefined: still reading.
  const settings = useLiveQuery(async () => (await db.settings.get('desk')) ?? null, [db]);
  // The bar's rule (deriveAlarms.ts): a deadline past before this station's alarms began is late, not overdue.
  const alarmsSince = useLiveQuery(async () => (await db.meta.get(ALARMS_SINCE_KEY))?.value, [db]);
  const now = useNow(1000);
  const [error, setError] = useState<unknown>(null);
  if (settings === undefined) return null;
  const ringsFrom = typeof alarmsSince === 'number' && Number.isFinite(alarmsSince) ? alarmsSince : null;
  const deadlines = pendingDeadlines(ticket, timingsOf(settings), now).map((d) => (ringsFrom === null ? d : beforeAlarms(d, ringsFrom)));
  if (deadlines.length === 0) return null;

  const actor = { id: staff.id, role: staff.role };
  const run = async (step: () => Promise<void>) => {
    setError(null);
    try {
      await step();
      return true;
    } catch (e) {
      setError(e);
      return false;
    }
  };
  const actions: DeadlineActions = {
    pause: (d, reason, text) => run(() => pauseClock(db, store, d, reason, text, actor)),
    resume: (d) => run(() => resumeClock(db, store, d, actor)),
    acknowledge: (d) => run(() => acknowledgeAlarm(db, store, d, actor)),
  };

  return (
    <Paper withBorder p="sm" data-testid="ticket-deadlines">
      <Stack gap="xs">
        <Title order={5}>{t('deadlines.ticket.title')}</Title>
        {deadlines.map((deadline) => <DeadlineRow key={deadline.ruleId} deadline={deadline} now={now} actions={actions} />)}
        <ClockError error={error} />
      </Stack>
    </Paper>
  );
}

interface DeadlineActions {
  pause(deadline: PendingDeadline, reason: PauseReason, text: string | undefined): Promise<boolean>;
  resume(deadline: PendingDeadline): Promise<boolean>;
  acknowledge(deadline: PendingDeadline): Promise<boolean>;
}

function DeadlineRow({ deadline: d, now, actions }: { deadline: PendingDeadline; now: number; actions: DeadlineActions }) {
  const { t, i18n } = useTranslation();
  const { station } = useDesk();
  const [pausing, setPausing] = useState(false);
  const [busy, setBusy] = useState(false);
  const when = (ms: number) => formatDateTime(ms, station.timeZone, i18n.language);
  const left = d.dueAt - now;
  const span = (ms: number) => spanText(t, ms);
  const pausable = (PAUSABLE_RULES as readonly string[]).includes(d.ruleId);
  const ringing = (d.level === 'due' || d.level === 'overdue') && !d.acknowledged;
  const act = async (step: () => Promise<boolean>) => {
    setBusy(true);
    const done = await step();
    setBusy(false);
    return done;
  };
  return (
    <Stack gap={4} data-testid="ticket-deadline" data-rule={d.ruleId} data-level={d.level} data-due-at={d.dueAt}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={0}>
          <Group gap={6}>
            <Badge color={LEVEL_COLORS[d.level]} variant={d.level === 'pending' ? 'light' : 'filled'} data-testid="deadline-level">{t(`deadlines.levels.${d.level}`)}</Badge>
            <Text size="sm" fw={500}>{t(`deadlines.rules.${d.ruleId}.name`)}</Text>
            <Text size="xs" c="dimmed">{d.ruleId}</Text>
          </Group>
          <Text size="sm">
            {t('deadlines.ticket.due', { what: t(`deadlines.rules.${d.ruleId}.due`) })} · <span data-testid="deadline-due">{t('deadlines.ticket.dueAt', { time: when(d.dueAt) })}</span>
          </Text>
        </Stack>
        <Text size="sm" fw={600} c={left < 0 ? 'red' : undefined} data-testid="deadline-countdown" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
          {left >= 0 ? t('deadlines.ticket.remaining', { span: span(left) }) : left > -JUST_DUE_MS ? t('deadlines.ticket.justDue') : t('deadlines.ticket.overdueBy', { span: span(-left) })}
        </Text>
      </Group>
      <Group gap={6}>
        <DeadlineBadges deadline={d} />
        {pausable && !d.paused && !pausing ? <Button size="compact-xs" variant="default" disabled={busy} onClick={() => setPausing(true)} data-testid="deadline-pause">{t('deadlines.ticket.pause')}</Button> : null}
        {d.paused ? <Button size="compact-xs" variant="default" loading={busy} onClick={() => void act(() => actions.resume(d))} data-testid="deadline-resume">{t('deadlines.ticket.resume')}</Button> : null}
        {ringing ? <Button size="compact-xs" color={LEVEL_COLORS[d.level]} loading={busy} onClick={() => void act(() => actions.acknowledge(d))} data-testid="deadline-ack">{t('deadlines.ticket.ack')}</Button> : null}
      </Group>
      {pausing ? (
        <PauseForm
          busy={busy}
          onCancel={() => setPausing(false)}
          onPause={async (reason, text) => {
            if (await act(() => actions.pause(d, reason, text))) setPausing(false);
          }}
        />
      ) : null}
    </Stack>
  );
}

/** What was done about the clock: late (补单), paused, acknowledged by whom, snoozed, escalated. */
function DeadlineBadges({ deadline: d }: { deadline: PendingDeadline }) {
  const { t, i18n } = useTranslation();
  const { db, station } = useDesk();
  const by = d.acknowledged?.by;
  const ackName = useLiveQuery(async () => (by ? (await db.staff.get(by))?.name ?? by : null), [db, by]);
  const time = (ms: number) => formatDateTime(ms, station.timeZone, i18n.language);
  return (
    <>
      {d.late ? <Badge color="grape" variant="light" data-testid="deadline-late">{t('deadlines.ticket.late')}</Badge> : null}
      {d.paused ? <Badge color="gray" data-testid="deadline-paused">{t('deadlines.ticket.paused')}</Badge> : null}
      {d.acknowledged ? <Badge color="teal" variant="light" data-testid="deadline-acknowledged">{t('deadlines.ticket.acknowledged', { name: ackName ?? t('ticket.systemActor') })}</Badge> : null}
      {d.snoozedUntil ? <Badge color="yellow" variant="light" data-testid="deadline-snoozed">{t('deadlines.ticket.snoozed', { time: time(d.snoozedUntil) })}</Badge> : null}
      {d.escalated ? <Badge color="red" variant="outline" data-testid="deadline-escalated">{t('deadlines.ticket.escalated', { role: t(`deadlines.escalateTo.${d.escalated.to}`) })}</Badge> : null}
    </>
  );
}

/** A refusal in the desk's words (deadlines.refused.<code>); any other failure as a failed save. */
function ClockError({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const code = error instanceof RefusedError ? error.code : null;
  if (code && i18n.exists(`deadlines.refused.${code}`)) return <Alert color="orange" role="alert" data-testid="deadline-refused">{t(`deadlines.refused.${code as ClockRefusal}`)}</Alert>;
  return <SaveErrorAlert error={error} />;
}
