import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { CHANNELS, REQUEST_KINDS, URGENCIES, type Channel, type RequestKind, type Urgency } from '@shared/domain/requestKinds';
import { checkIntakePhone, validateIntake, type IntakeField, type IntakeProblem } from '@shared/tickets/intakeValidation';
import { can } from '@shared/domain/roles';
import { useDesk } from '../../desk/DeskContext';
import { SaveErrorAlert } from '../../components/SaveErrorAlert';
import { formatDateTime } from '../../i18n/format';
import { CallerPhoneField } from './CallerPhoneField';
import { createTicket } from './createTicket';
import { enterNavigation } from './enterNavigation';
import { FieldLimit, useTooLong } from './FieldLimit';
import { LeaveConfirm } from './LeaveConfirm';
import { useUnitHint } from './useUnitHint';
import { useIntakeDraft } from './useIntakeDraft';
import type { IntakeDraftRecord } from '../drafts/draftStore';

export interface IntakePrefill {
  channel?: Channel;
  building?: string;
  room?: string;
  callerName?: string;
  callerPhone?: string;
  receivedAt?: number;
}

export interface Values {
  channel: Channel;
  building: string;
  room: string;
  callerName: string;
  callerPhone: string;
  kind: RequestKind;
  description: string;
  urgency: Urgency;
  paid: boolean;
}

export interface IntakeFormHandle {
  /** Esc, the close button or Cancel: asks first when something is typed (U5). */
  requestClose(): void;
}

interface Props {
  prefill?: IntakePrefill;
  /** A draft of this person's to carry on with (U5). */
  restored: IntakeDraftRecord | null;
  /** Set when the form was started from the call panel: the draft keeps the call link. */
  call: IntakeDraftRecord['call'];
  onClose(): void;
  onSaved(ticketId: string, number: string, values: { building: string; room: string; callerName: string }): void;
}

/** U19: the first required field still empty; with the unit known (a matched call), the description. */
function firstToFill(values: Pick<Values, 'building' | 'room'>): 'building' | 'room' | 'description' {
  if (!values.building.trim()) return 'building';
  if (!values.room.trim()) return 'room';
  return 'description';
}

export const IntakeForm = forwardRef<IntakeFormHandle, Props>(function IntakeForm({ prefill, restored, call, onClose, onSaved }, ref) {
  const { t, i18n } = useTranslation();
  const { db, store, station, staff } = useDesk();
  const phoneContext = { countryCode: station.countryCode, areaCode: station.areaCode };
  const [receivedAt] = useState(() => restored?.receivedAt ?? prefill?.receivedAt ?? Date.now());
  const [lineNumber] = useState(() => restored?.lineNumber ?? (call ? (prefill?.callerPhone ?? '') : ''));
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [asking, setAsking] = useState(false);
  // S6: a role without `phone.unmask` never reads a prefilled caller's number from the form;
  // the form keeps it whole to save it on the request.
  const [phoneMasked, setPhoneMasked] = useState(() => restored?.phoneMasked ?? (!can(staff.role, 'phone.unmask') && Boolean(prefill?.callerPhone?.trim())));
  const phoneInput = useRef<HTMLInputElement>(null);
  const tooLong = useTooLong();
  const label = (field: IntakeField) => t(`intake.${field}`);
  const message = (field: IntakeField, problem: IntakeProblem) => {
    if (problem.code === 'tooLong') return t('intake.errors.tooLong', { field: label(field), over: 'over' in problem ? problem.over : 0 });
    if (field === 'callerPhone') return t(`directory.phoneProblem.${problem.code}` as never);
    return t(`intake.errors.${problem.code}` as never);
  };
  const form = useForm<Values>({
    initialValues: (restored?.values as Values | undefined) ?? {
      channel: prefill?.channel ?? 'phone', building: prefill?.building ?? '', room: prefill?.room ?? '', callerName: prefill?.callerName ?? '',
      callerPhone: prefill?.callerPhone ?? '', kind: 'repair', description: '', urgency: 'normal', paid: false,
    },
    validate: (values) => {
      const problems = validateIntake(values, phoneContext, lineNumber);
      return Object.fromEntries(Object.entries(problems).map(([field, problem]) => [field, message(field as IntakeField, problem)]));
    },
  });
  const [focusField] = useState(() => firstToFill(form.values));
  const draft = useIntakeDraft(form.values, { receivedAt, lineNumber, phoneMasked, call });
  const unitHint = useUnitHint(form.values.building, form.values.room);

  useImperativeHandle(ref, () => ({
    requestClose: () => {
      if (draft.blank) void draft.discard().then(onClose);
      else setAsking(true);
    },
  }));

  const save = form.onSubmit(async (values) => {
    if (saving) return;
    setSaving(true);
    setError(null);
    try {
      const phone = checkIntakePhone(values.callerPhone, phoneContext, lineNumber);
      const callerPhone = phone.ok ? phone.stored : values.callerPhone;
      const { id, number } = await draft.whileSaving((dropKey) => createTicket(db, store, station.timeZone, { ...values, callerPhone, receivedAt }, staff.id, Date.now(), dropKey));
      notifications.show({ color: 'teal', message: t('intake.saved', { number }) });
      onSaved(id, number, values);
    } catch (e) {
      setError(e);
      setSaving(false);
    }
  });

  const options = <T extends string>(values: readonly T[], prefix: 'channels' | 'kinds' | 'urgencies') =>
    values.map((v) => ({ value: v, label: t(`common.${prefix}.${v}` as never) }));
  const autofocus = (field: 'building' | 'room' | 'description') => (focusField === field ? { 'data-autofocus': true } : {});
  const live = (field: 'callerName' | 'description') => form.errors[field] ?? tooLong(field, label(field), form.values[field]);
  const inputOrder = useMemo(() => ['label', 'input', 'description', 'error'] as ('label' | 'input' | 'description' | 'error')[], []);

  // On opening, the modal's focus trap puts the caret on the field to fill (`data-autofocus`, U19);
  // focusing it here too raced the trap, which could pull the caret back from a field the clerk
  // had already moved on to. After the leave-confirm closes, the trap does not refocus: this does.
  const asked = useRef(false);
  useEffect(() => {
    if (asking) {
      asked.current = true;
      return;
    }
    if (!asked.current) return;
    const id = requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-intake-autofocus="true"]')?.focus());
    return () => cancelAnimationFrame(id);
  }, [asking]);

  return (
    <form onSubmit={save} onKeyDown={asking ? undefined : enterNavigation(() => save())} noValidate aria-label={t('intake.title')}>
      <Stack>
        <Group justify="space-between">
          <Text size="sm" c="dimmed">{t('intake.receivedAt', { time: formatDateTime(receivedAt, station.timeZone, i18n.language) })}</Text>
          {restored ? <Text size="sm" c="teal" data-testid="draft-restored">{t('intake.draftRestored')}</Text> : null}
        </Group>
        <SimpleGrid cols={3}>
          <NativeSelect data-intake-field label={t('intake.channel')} data={options(CHANNELS, 'channels')} {...form.getInputProps('channel')} />
          <TextInput data-intake-field {...autofocus('building')} data-intake-autofocus={focusField === 'building'} label={t('intake.building')} required {...form.getInputProps('building')} />
          <TextInput
            data-intake-field
            {...autofocus('room')}
            data-intake-autofocus={focusField === 'room'}
            label={t('intake.room')}
            required
            {...form.getInputProps('room')}
            description={unitHint ? <Text span size="xs" c="orange" data-testid="unit-hint">{t('intake.unitNotInDirectory')}</Text> : undefined}
            inputWrapperOrder={inputOrder}
          />
        </SimpleGrid>
        <SimpleGrid cols={3}>
          <TextInput
            data-intake-field
            label={t('intake.callerName')}
            {...form.getInputProps('callerName')}
            error={live('callerName')}
            description={<FieldLimit field="callerName" text={form.values.callerName} />}
            inputWrapperOrder={inputOrder}
          />
          <CallerPhoneField
            masked={phoneMasked}
            inputRef={phoneInput}
            inputProps={form.getInputProps('callerPhone')}
            onReplace={() => {
              form.setFieldValue('callerPhone', '');
              setPhoneMasked(false);
              requestAnimationFrame(() => phoneInput.current?.focus());
            }}
          />
          <NativeSelect data-intake-field label={t('intake.kind')} data={options(REQUEST_KINDS, 'kinds')} {...form.getInputProps('kind')} />
        </SimpleGrid>
        <Textarea
          data-intake-field
          {...autofocus('description')}
          data-intake-autofocus={focusField === 'description'}
          label={t('intake.description')}
          required
          autosize
          minRows={3}
          maxRows={12}
          {...form.getInputProps('description')}
          error={live('description')}
          description={<FieldLimit field="description" text={form.values.description} hint={t('intake.descriptionHint')} />}
          inputWrapperOrder={['label', 'description', 'input', 'error']}
        />
        <Group grow align="flex-end">
          <NativeSelect data-intake-field label={t('intake.urgency')} data={options(URGENCIES, 'urgencies')} {...form.getInputProps('urgency')} />
          <Checkbox data-intake-field label={t('intake.paid')} {...form.getInputProps('paid', { type: 'checkbox' })} />
        </Group>
        {error ? <SaveErrorAlert error={error} /> : null}
        {asking ? (
          <LeaveConfirm
            onKeep={() => void draft.keepNow().then(onClose)}
            onDiscard={() => void draft.discard().then(onClose)}
            onContinue={() => setAsking(false)}
          />
        ) : (
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {t('intake.keyboardHint')}
              {draft.kept ? <Text span size="xs" c="dimmed" data-testid="draft-kept">{` · ${t('intake.draftKept')}`}</Text> : null}
            </Text>
            <Group>
              <Button variant="default" onClick={() => (draft.blank ? void draft.discard().then(onClose) : setAsking(true))}>{t('common.cancel')}</Button>
              <Button type="submit" loading={saving} data-intake-save>{t('common.save')}</Button>
            </Group>
          </Group>
        )}
      </Stack>
    </form>
  );
});
