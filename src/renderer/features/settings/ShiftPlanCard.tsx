import { useState } from 'react';
import { ActionIcon, Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { DEFAULT_SHIFTS, SHIFT_LIMITS, planProblem, shiftDefinitionSchema, type ShiftDefinition } from '@shared/shifts/shiftPlan';
import { useDesk } from '../../desk/DeskContext';
import { SaveErrorAlert } from '../../components/SaveErrorAlert';
import { changeDeskSettings } from './settingsCommands';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A free id for a new shift (ids are kept when a shift is renamed: a shift's log is filed under it). */
function freeId(plan: readonly ShiftDefinition[]): string {
  for (let n = 1; ; n++) if (!plan.some((s) => s.id === `shift-${n}`)) return `shift-${n}`;
}

/** Why the plan cannot be saved (the first reason), or null. */
export function shiftPlanError(plan: readonly ShiftDefinition[]): 'time' | NonNullable<ReturnType<typeof planProblem>> | null {
  if (plan.some((s) => !HHMM.test(s.start) || !HHMM.test(s.end))) return 'time';
  return planProblem(plan.map((s) => ({ ...s, name: s.name.trim() })));
}

/**
 * Issue 16: the estate's shifts (e.g. 白班 08:00–20:00, 夜班 20:00–08:00), edited by a supervisor
 * or a manager (settings.manage) and saved whole as the desk setting `shifts`. A plan that does
 * not tile the day (a gap, an overlap, a name twice) is refused here: nothing is saved.
 */
export function ShiftPlanCard({ canChange }: { canChange: boolean }) {
  const { t } = useTranslation();
  const { db, store, staff } = useDesk();
  const saved = useLiveQuery(async () => (await db.settings.get('desk'))?.shifts ?? DEFAULT_SHIFTS, [db]);
  const [edits, setEdits] = useState<ShiftDefinition[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const plan = edits ?? saved ?? DEFAULT_SHIFTS;
  const problem = edits ? shiftPlanError(edits) : null;
  const set = (i: number, changes: Partial<ShiftDefinition>) => setEdits(plan.map((s, j) => (j === i ? { ...s, ...changes } : s)));
  const add = () => {
    const last = plan[plan.length - 1];
    setEdits([...plan, { id: freeId(plan), name: t('duty.plan.defaultName', { n: plan.length + 1 }), start: last?.end ?? '08:00', end: plan[0]?.start ?? '08:00' }]);
  };

  const save = async () => {
    if (!edits || shiftPlanError(edits)) return;
    setError(null);
    try {
      await changeDeskSettings(store, { shifts: edits.map((s) => shiftDefinitionSchema.parse(s)) }, staff.id);
      setEdits(null);
      notifications.show({ color: 'teal', message: t('duty.plan.saved') });
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Paper withBorder p="md" data-testid="shift-plan">
      <Stack gap="sm">
        <Title order={4}>{t('duty.plan.title')}</Title>
        <Text size="sm" c="dimmed">{t('duty.plan.hint')}</Text>
        {!canChange ? <Alert color="yellow">{t('duty.plan.readOnly')}</Alert> : null}
        {plan.map((shift, i) => (
          <Group key={shift.id} gap="xs" wrap="nowrap" align="flex-start" data-testid="shift-row">
            <TextInput size="sm" style={{ flex: 1 }} label={i === 0 ? t('duty.plan.name') : undefined} aria-label={t('duty.plan.name')} maxLength={SHIFT_LIMITS.name}
              value={shift.name} disabled={!canChange} onChange={(e) => set(i, { name: e.currentTarget.value })} />
            <TextInput size="sm" w={90} label={i === 0 ? t('duty.plan.start') : undefined} aria-label={t('duty.plan.start')} placeholder={t('duty.plan.timePlaceholder')} maxLength={5}
              value={shift.start} disabled={!canChange} onChange={(e) => set(i, { start: e.currentTarget.value })} />
            <TextInput size="sm" w={90} label={i === 0 ? t('duty.plan.end') : undefined} aria-label={t('duty.plan.end')} placeholder={t('duty.plan.timePlaceholder')} maxLength={5}
              value={shift.end} disabled={!canChange} onChange={(e) => set(i, { end: e.currentTarget.value })} />
            {canChange ? (
              <ActionIcon variant="subtle" color="red" size="lg" mt={i === 0 ? 25 : 0} disabled={plan.length === 1} aria-label={t('duty.plan.remove', { name: shift.name })}
                onClick={() => setEdits(plan.filter((_, j) => j !== i))}>×</ActionIcon>
            ) : null}
          </Group>
        ))}
        {problem ? <Text size="sm" c="red" role="alert" data-testid="shift-plan-problem">{t(`duty.plan.problems.${problem}`)}</Text> : null}
        {canChange ? (
          <Group justify="space-between">
            <Button variant="default" size="sm" disabled={plan.length >= SHIFT_LIMITS.shifts} onClick={add}>{t('duty.plan.add')}</Button>
            <Button size="sm" disabled={!edits || problem !== null} onClick={() => void save()}>{t('duty.plan.save')}</Button>
          </Group>
        ) : null}
        {error ? <SaveErrorAlert error={error} /> : null}
      </Stack>
    </Paper>
  );
}
