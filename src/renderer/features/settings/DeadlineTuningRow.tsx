import { useState } from 'react';
import { Badge, Button, Group, NumberInput, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { DeadlineRule } from '@shared/deadlines/deadlineRules';
import { TUNING_LIMITS, type RuleTiming, type RuleTuning, type TuningFallbackReason } from '@shared/deadlines/tuning';
import { useDesk } from '../../desk/DeskContext';
import { SaveErrorAlert } from '../../components/SaveErrorAlert';
import { spanText, type Translate } from '../../i18n/spanText';
import { tuneDeadline } from './deadlineTuningCommands';
import { checkTuning, draftOf, isDefault, type TuningDraft, type TuningErrors } from './tuningForm';

const MINUTE = 60_000;

interface Props {
  rule: DeadlineRule;
  /** What the clocks use now (the defaults where nothing usable is stored). */
  timing: RuleTiming;
  /** What is stored for the rule, if anything. */
  stored: RuleTuning | undefined;
  /** Why a stored tuning was set aside (the clocks run on the defaults meanwhile). */
  fallback: TuningFallbackReason | undefined;
  canTune: boolean;
}

/** One rule of the tuning card: its name and id, the deadline and the warning in minutes beside their defaults. */
export function DeadlineTuningRow({ rule, timing, stored, fallback, canTune }: Props) {
  const { t } = useTranslation();
  const { store, staff } = useDesk();
  // U4: the saved values until someone types; what was typed stays until it is saved.
  const [edits, setEdits] = useState<TuningDraft | null>(null);
  const [errors, setErrors] = useState<TuningErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const draft = edits ?? draftOf(timing);
  const name = t(`deadlines.rules.${rule.id}.name`);
  // Untyped where the key or the values are built.
  const tx = t as unknown as Translate;
  const minutes = (m: number) => spanText(tx, m * MINUTE);
  const message = (field: keyof TuningErrors) => {
    const found = errors[field];
    if (!found) return null;
    const values = { ...found.values, ...(typeof found.values?.minutes === 'number' ? { value: minutes(found.values.minutes) } : {}) };
    return tx(`deadlines.tuning.errors.${found.key}`, values);
  };
  /** Under an input: what a changed value is in hours or days, and the default. */
  const hint = (value: number | string, byDefault: number) => {
    const long = typeof value === 'number' && value >= 60 && value !== byDefault ? `${minutes(value)} · ` : '';
    return `${long}${t('deadlines.tuning.defaultValue', { value: minutes(byDefault) })}`;
  };

  const save = async (tuning: RuleTuning | null) => {
    setBusy(true);
    setError(null);
    try {
      await tuneDeadline(store, rule.id, tuning, staff.id);
      setEdits(null);
      setErrors({});
      notifications.show({ color: 'teal', message: t(tuning ? 'deadlines.tuning.saved' : 'deadlines.tuning.resetDone', { rule: name }) });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const submit = () => {
    const checked = checkTuning(rule, draft);
    setErrors(checked.errors ?? {});
    if (checked.tuning) void save(isDefault(rule, checked.tuning) ? null : checked.tuning);
  };
  const set = (changes: Partial<TuningDraft>) => {
    setEdits({ ...draft, ...changes });
    setErrors({});
  };

  return (
    <Table.Tr data-testid="deadline-tuning-row" data-rule={rule.id}>
      <Table.Td>
        <Stack gap={2}>
          <Group gap={6} wrap="nowrap">
            <Text size="sm" fw={500}>{name}</Text>
            {stored && !fallback ? <Badge size="xs" variant="light" data-testid="tuning-tuned">{t('deadlines.tuning.tuned')}</Badge> : null}
          </Group>
          <Text size="xs" c="dimmed">{rule.id}</Text>
          {/* R-SPECIAL-EVENT: the rulebook's limit no estate may pass. */}
          {rule.hardLimitMinutes !== undefined ? <Text size="xs" c="dimmed">{t('deadlines.tuning.hardLimit', { value: minutes(rule.hardLimitMinutes) })}</Text> : null}
          {fallback ? <Text size="xs" c="orange" role="status" data-testid="tuning-fallback">{t(`deadlines.tuning.fallbacks.${fallback}`)}</Text> : null}
        </Stack>
      </Table.Td>
      <Table.Td>
        {rule.durationMinutes === null ? (
          <Text size="xs" c="dimmed" maw={140}>{t('deadlines.tuning.agreedOnly')}</Text>
        ) : (
          <NumberInput
            aria-label={`${name} · ${t('deadlines.tuning.duration')}`}
            data-testid="tuning-duration"
            size="xs"
            w={140}
            value={draft.duration}
            min={TUNING_LIMITS.minMinutes}
            max={rule.hardLimitMinutes ?? TUNING_LIMITS.maxMinutes}
            allowDecimal={false}
            clampBehavior="none"
            disabled={!canTune}
            onChange={(duration) => set({ duration })}
            description={hint(draft.duration, rule.durationMinutes)}
            inputWrapperOrder={['input', 'description', 'error']}
            error={message('duration')}
          />
        )}
      </Table.Td>
      <Table.Td>
        <NumberInput
          aria-label={`${name} · ${t('deadlines.tuning.warn')}`}
          data-testid="tuning-warn"
          size="xs"
          w={140}
          value={draft.warn}
          min={0}
          max={TUNING_LIMITS.maxMinutes}
          allowDecimal={false}
          clampBehavior="none"
          disabled={!canTune}
          onChange={(warn) => set({ warn })}
          description={hint(draft.warn, rule.warnMinutes)}
          inputWrapperOrder={['input', 'description', 'error']}
          error={message('warn')}
        />
      </Table.Td>
      <Table.Td>
        {canTune ? (
          <Stack gap={4} align="flex-start">
            {/* Only what can be done here: saving what was typed, putting a tuned rule back. */}
            {edits ? <Button size="compact-xs" onClick={submit} loading={busy} data-testid="tuning-save">{t('deadlines.tuning.save')}</Button> : null}
            {stored ? <Button size="compact-xs" variant="subtle" onClick={() => void save(null)} disabled={busy} data-testid="tuning-reset">{t('deadlines.tuning.reset')}</Button> : null}
          </Stack>
        ) : null}
        {error ? <SaveErrorAlert error={error} /> : null}
      </Table.Td>
    </Table.Tr>
  );
}
