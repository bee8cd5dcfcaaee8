import { useEffect, useState } from 'react';
import { Group, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { can } from '@shared/domain/roles';
import type { Ticket } from '@shared/tickets/ticketFold';
import { SPECIAL_REPORT_HARD_HOURS, SPECIAL_REPORT_HOURS } from '@shared/tickets/handling/complaintTriage';
import { TICKET_SPECIAL_REPORT_SENT, type SPECIAL_REPORT_MODES } from '@shared/tickets/handling/stepEvents';
import { useDesk } from '../../desk/DeskContext';
import { StepForm, ZonedDateTimeInput, useStep } from './stepForm';
import { useStepTime } from './useStepTime';

type Mode = (typeof SPECIAL_REPORT_MODES)[number];
const HOUR = 3_600_000;

/**
 * R-SPECIAL-EVENT (特别事件报告): time, place, course of events, outcome; the written report
 * reaches the company within 24 hours of the event, 36 at the latest (a phone report first).
 * Everyone sees it and its limits; only a supervisor or manager sends it (ticket.supervise). It is
 * recorded as sent now: its own time field is when the event happened.
 */
export function SpecialReportForm({ ticket, defaultPlace }: { ticket: Ticket; defaultPlace: string }) {
  const { t } = useTranslation();
  const { staff } = useDesk();
  const step = useStep(ticket);
  const time = useStepTime();
  const h = ticket.handling ?? {};
  // The limits count from when the event happened, not from when the desk heard of it.
  const happened = h.details?.happenedAt ?? ticket.receivedAt;
  const [happenedAt, setHappenedAt] = useState<number | null>(happened);
  const [place, setPlace] = useState(defaultPlace);
  const [course, setCourse] = useState('');
  const [outcome, setOutcome] = useState('');
  const [mode, setMode] = useState<Mode>('written');
  const permitted = can(staff.role, 'ticket.supervise');
  const filled = happenedAt !== null && place.trim() !== '' && course.trim() !== '' && outcome.trim() !== '';
  const written = h.specialReport?.writtenAt;
  const phone = h.specialReport?.phoneAt;
  const submit = (when: number) =>
    step.take(TICKET_SPECIAL_REPORT_SENT, { at: when, mode, happenedAt: happenedAt ?? happened, place: place.trim(), course: course.trim(), outcome: outcome.trim() });
  return (
    <StepForm
      title={t('handling.incident.report.title')}
      step={step}
      submitLabel={t('handling.incident.report.submit')}
      canSubmit={permitted && filled && ticket.status !== 'closed'}
      onSubmit={submit}
      testId="special-report"
    >
      <Text size="sm" c="dimmed">{t('handling.incident.report.rule')}</Text>
      <Text size="sm">{t('handling.incident.report.countedFrom', { time: time(happened) })}</Text>
      <Group gap="xl" data-testid="special-report-limits">
        <Limit label={t('handling.incident.report.limit24')} deadline={happened + SPECIAL_REPORT_HOURS * HOUR} sentAt={written} />
        <Limit label={t('handling.incident.report.limit36')} deadline={happened + SPECIAL_REPORT_HARD_HOURS * HOUR} sentAt={written} />
      </Group>
      {phone !== undefined ? <Text size="sm" c="teal">{t('handling.incident.report.phoneSent', { time: time(phone) })}</Text> : null}
      {written !== undefined ? <Text size="sm" c="teal" data-testid="special-report-sent">{t('handling.incident.report.writtenSent', { time: time(written) })}</Text> : null}
      <SimpleGrid cols={2} spacing="xs">
        <ZonedDateTimeInput label={t('handling.incident.report.happenedAt')} value={happenedAt} onChange={setHappenedAt} />
        <TextInput label={t('handling.incident.report.place')} value={place} onChange={(e) => setPlace(e.currentTarget.value)} maxLength={200} />
      </SimpleGrid>
      <Textarea label={t('handling.incident.report.course')} value={course} onChange={(e) => setCourse(e.currentTarget.value)} autosize minRows={2} maxLength={4000} />
      <Textarea label={t('handling.incident.report.outcome')} value={outcome} onChange={(e) => setOutcome(e.currentTarget.value)} autosize minRows={2} maxLength={2000} />
      <Group>
        <Text size="sm">{t('handling.incident.report.mode')}</Text>
        <SegmentedControl value={mode} onChange={(v) => setMode(v as Mode)} data={(['phone', 'written'] as const).map((m) => ({ value: m, label: t(`handling.incident.report.modes.${m}`) }))} />
      </Group>
      {!permitted ? <Text size="sm" c="orange" data-testid="special-report-who">{t('handling.incident.report.onlySupervisor')}</Text> : null}
    </StepForm>
  );
}

/** A limit as a live countdown, "overdue by" past it; met once the written report went in time. */
function Limit({ label, deadline, sentAt }: { label: string; deadline: number; sentAt: number | undefined }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (sentAt !== undefined) return undefined;
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, [sentAt]);
  const duration = (ms: number) => t('handling.incident.report.duration', { hours: Math.floor(ms / HOUR), minutes: Math.floor((ms % HOUR) / 60_000) });
  const end = sentAt ?? now;
  const text = sentAt !== undefined && sentAt <= deadline
    ? t('handling.incident.report.met')
    : end <= deadline ? t('handling.incident.report.left', { duration: duration(deadline - end) }) : t('handling.incident.report.overdue', { duration: duration(end - deadline) });
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text fw={700} c={end > deadline ? 'red' : sentAt !== undefined ? 'teal' : 'orange'}>{text}</Text>
    </Stack>
  );
}
