import { useCallback, useEffect, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { Alert, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '@shared/tickets/ticketFold';
import type { StepPayload, StepType } from '@shared/tickets/handling/stepEvents';
import { FUTURE_SLACK_MS, type StepRefusal } from '@shared/tickets/handling/stepGuards';
import { ZodError } from 'zod';
import { useDesk } from '../../desk/DeskContext';
import { SaveErrorAlert } from '../../components/SaveErrorAlert';
import { SaveError } from '../../db/eventStore';
import { StepRefusedError, takeStep } from './stepCommands';
import { fromZonedInput, toZonedInput } from './zonedTime';

// The primitives every step form of the ticket view is made of: a hook that takes a step and
// keeps its refusal or failure, a "when it happened" input, and a small form around them.
// A refused or failed step never clears what was typed: only a saved one resets its form.

/** The refusal (translated) or the save failure of a step; nothing when there is none. */
export function StepAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (error instanceof StepRefusedError) {
    return (
      <Alert color="orange" role="alert" data-testid="step-refused">
        {t(`handling.refused.${error.code}`)}
      </Alert>
    );
  }
  return <SaveErrorAlert error={error} />;
}

export interface Step {
  /** Takes the step; true when it was saved (the form may then clear), false when refused or failed. */
  take<T extends StepType>(type: T, payload: StepPayload<T>): Promise<boolean>;
  error: unknown;
  busy: boolean;
  /** The work order number the last saved step got (ticket.workOrderIssued). */
  orderNumber: string | undefined;
  /** `error` as an alert, to render under the form. */
  alert: ReactNode;
  /** Shows a refusal decided in the form (e.g. a referral without whom, which the payload cannot carry). */
  refuse(code: StepRefusal): void;
  clear(): void;
}

export function useStep(ticket: Pick<Ticket, 'id'>): Step {
  const { db, store, staff, station } = useDesk();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [orderNumber, setOrderNumber] = useState<string>();
  const take = useCallback(
    async <T extends StepType>(type: T, payload: StepPayload<T>): Promise<boolean> => {
      setBusy(true);
      setError(null);
      try {
        const result = await takeStep(db, store, ticket.id, type, payload, { id: staff.id, role: staff.role }, station.timeZone);
        setOrderNumber(result.orderNumber);
        return true;
      } catch (e) {
        // A payload the schema refuses (a form let an empty field through) is an invalid save.
        setError(e instanceof ZodError ? new SaveError('invalid', e) : e);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [db, store, ticket.id, staff.id, staff.role, station.timeZone],
  );
  return { take, error, busy, orderNumber, alert: <StepAlert error={error} />, refuse: (code) => setError(new StepRefusedError(code)), clear: () => setError(null) };
}

/** When a step happened: now unless set earlier; a time later than now is refused in place. */
export interface At {
  /** The typed station wall time, or null while it follows "now". */
  typed: string | null;
  set(value: string | null): void;
  /** The epoch ms to save, or null (and the field shows why) when it is not a past time. */
  resolve(): number | null;
  problem: 'future' | 'invalid' | null;
  reset(): void;
}

export function useAt(): At {
  const { station } = useDesk();
  const [typed, setTyped] = useState<string | null>(null);
  const [problem, setProblem] = useState<At['problem']>(null);
  const check = (value: string | null): { at: number | null; problem: At['problem'] } => {
    if (value === null) return { at: Date.now(), problem: null };
    const at = fromZonedInput(value, station.timeZone);
    if (at === null) return { at: null, problem: 'invalid' };
    return at > Date.now() + FUTURE_SLACK_MS ? { at: null, problem: 'future' } : { at, problem: null };
  };
  return {
    typed,
    set(value) {
      setTyped(value);
      // Said as soon as it is typed, not only when the step is saved.
      setProblem(value === null ? null : check(value).problem === 'future' ? 'future' : null);
    },
    resolve() {
      const result = check(typed);
      setProblem(result.problem);
      return result.at;
    },
    problem,
    reset() {
      setTyped(null);
      setProblem(null);
    },
  };
}

const PLACEHOLDER = 'YYYY-MM-DD HH:mm';

/** A date-time on the station's clock; `value` (epoch ms, null when empty) seeds it, typing sets it. */
export function ZonedDateTimeInput({ label, value, onChange, description }: {
  label: string; value: number | null; onChange(value: number | null): void; description?: ReactNode;
}) {
  const { t } = useTranslation();
  const { station } = useDesk();
  const [text, setText] = useState(value === null ? '' : toZonedInput(value, station.timeZone));
  const invalid = text.trim() !== '' && fromZonedInput(text, station.timeZone) === null;
  return (
    <TextInput
      label={label}
      placeholder={PLACEHOLDER}
      value={text}
      error={invalid ? t('handling.at.invalid') : undefined}
      description={description}
      onChange={(e) => {
        setText(e.currentTarget.value);
        onChange(fromZonedInput(e.currentTarget.value, station.timeZone));
      }}
    />
  );
}

/** The "when it happened" field of a step: shows now (ticking) until the user types an earlier time. */
export function AtInput({ at, label }: { at: At; label?: string }) {
  const { t } = useTranslation();
  const { station } = useDesk();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (at.typed !== null) return undefined;
    const timer = window.setInterval(() => setNow(Date.now()), 15_000);
    return () => window.clearInterval(timer);
  }, [at.typed]);
  const problem = at.problem ? t(`handling.at.${at.problem}`) : null;
  return (
    <Group align="flex-end" gap="xs" wrap="nowrap">
      <TextInput
        label={label ?? t('handling.at.label')}
        placeholder={PLACEHOLDER}
        value={at.typed ?? toZonedInput(now, station.timeZone)}
        onChange={(e) => at.set(e.currentTarget.value)}
        error={problem}
        title={t('handling.at.nowHint')}
        w={170}
      />
      {at.typed !== null ? (
        <Button variant="subtle" size="xs" mb={problem ? 24 : 6} onClick={() => at.reset()}>{t('handling.at.setNow')}</Button>
      ) : null}
    </Group>
  );
}

/**
 * A step's small form: its fields, when it happened, the submit button and the refusal. Enter
 * in a field submits (a plain form); `onSubmit` gets the resolved time and returns whether the
 * step was saved, and only then are the fields cleared (by `onSaved`).
 */
export function StepForm({ title, step, at, submitLabel, canSubmit = true, onSubmit, onSaved, children, testId }: {
  title?: string;
  step: Step;
  at?: At;
  submitLabel: string;
  canSubmit?: boolean;
  onSubmit(at: number): Promise<boolean>;
  onSaved?(): void;
  children?: ReactNode;
  testId?: string;
}) {
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!canSubmit || step.busy) return;
    const when = at ? at.resolve() : Date.now();
    if (when === null) return;
    if (await onSubmit(when)) {
      at?.reset();
      onSaved?.();
    }
  };
  return (
    <Paper
      withBorder
      p="sm"
      component="form"
      onSubmit={(e: FormEvent) => void submit(e)}
      // U20: Ctrl+Enter saves from a multi-line field too, as in the intake form.
      onKeyDown={(e: KeyboardEvent<HTMLFormElement>) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.nativeEvent.isComposing) {
          e.preventDefault();
          e.currentTarget.requestSubmit();
        }
      }}
      data-testid={testId}
      aria-label={title}
    >
      <Stack gap="xs">
        {title ? <Text fw={600} size="sm">{title}</Text> : null}
        {children}
        <Group align="flex-end" justify="space-between">
          {at ? <AtInput at={at} /> : <span />}
          <Button type="submit" loading={step.busy} disabled={!canSubmit}>{submitLabel}</Button>
        </Group>
        {step.alert}
      </Stack>
    </Paper>
  );
}
