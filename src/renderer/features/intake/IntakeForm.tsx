import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { CHANNELS, REQUEST_KINDS, URGENCIES, type Channel } from '@shared/domain/requestKinds';
import { checkIntakePhone, validateIntake, type IntakeField, type IntakeProblem } from '@shared/tickets/intakeValidation';
import { can } from '@shared/domain/roles';
import { useDesk } from '../../desk/DeskContext';
import { SaveErrorAlert } from '../../components/SaveErrorAlert';
import { focusMarkedField } from '../../components/dialogFocus';
import { formatDateTime } from '../../i18n/format';
import { CallerPhoneField } from './CallerPhoneField';
import { createTicket } from './createTicket';
import { enterNavigation } from './enterNavigation';
import { FieldLimit, useTooLong } from './FieldLimit';
import { LeaveConfirm } from './LeaveConfirm';
import { useUnitHint } from './useUnitHint';
import { useIntakeDraft } from './useIntakeDraft';
import type { IntakeDraftRecord } from '../drafts/draftStore';
import { toZonedInput } from '../handling/zonedTime';
import { blankIntakeValues, effectiveReceivedAt, intakePayload, mayBeMajor, validationDraft, valuesFromDraft, type IntakeFormValues } from './intakeFormValues';
import { WhereFields } from './WhereFields';
import { BackfillFields } from './BackfillFields';
import { KindFields } from './KindFields';
import { FourClearFields } from './FourClearFields';

export interface IntakePrefill {
  channel?: Channel;
  building?: string;
  room?: string;
  callerName?: string;
  callerPhone?: string;
  receivedAt?: number;
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

/** U19: the first required field still empty; with where it is known (a matched call), the description. */
function firstToFill(values: Pick<IntakeFormValues, 'building' | 'room' | 'where' | 'place'>): 'building' | 'room' | 'place' | 'description' {
  if (values.where === 'place') return values.place.trim() ? 'description' : 'place';
  if (!values.building.trim()) return 'building';
  if (!values.room.trim()) return 'room';
  return 'description';
}

export const IntakeForm = forwardRef<IntakeFormHandle, Props>(function IntakeForm({ prefill, restored, call, onClose, onSaved }, ref) {
  const { t, i18n } = useTranslation();
  const { db, store, station, staff } = useDesk();
  const phoneContext = { countryCode: station.countryCode, areaCode: station.areaCode };
  // The ring time (or when the form opened): the received time unless the request is back-filled.
  const [ringAt] = useState(() => restored?.receivedAt ?? prefill?.receivedAt ?? Date.now());
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
    if (field === 'callerPhone' && problem.code !== 'phoneMissing') return t(`directory.phoneProblem.${problem.code}` as never);
    return t(`intake.errors.${problem.code}` as never);
  };
  const form = useForm<IntakeFormValues>({
    initialValues: restored
      ? valuesFromDraft(restored.values)
      : {
        ...blankIntakeValues,
        channel: prefill?.channel ?? 'phone', building: prefill?.building ?? '', room: prefill?.room ?? '', callerName: prefill?.callerName ?? '', callerPhone: prefill?.callerPhone ?? '',
      },
    validate: (values) => {
      const problems = validateIntake(validationDraft(values, ringAt, station.timeZone), phoneContext, lineNumber, Date.now());
      return Object.fromEntries(Object.entries(problems).map(([field, problem]) => [field, message(field as IntakeField, problem)]));
    },
  });
  const [focusField] = useState(() => firstToFill(form.values));
  const draft = useIntakeDraft(form.values, { receivedAt: ringAt, lineNumber, phoneMasked, call });
  const { values } = form;
  const receivedAt = effectiveReceivedAt(values, ringAt, station.timeZone);
  const now = Date.now();
  const unitHint = useUnitHint(values.where === 'place' ? '' : values.building, values.where === 'place' ? '' : values.room);

  useImperativeHandle(ref, () => ({
    requestClose: () => {
      if (draft.blank) void draft.discard().then(onClose);
      else setAsking(true);
    },
  }));

  const save = form.onSubmit(async (typed) => {
    if (saving) return;
    setSaving(true);
    setError(null);
    try {
      const phone = checkIntakePhone(typed.callerPhone, phoneContext, lineNumber);
      const payload = intakePayload(typed, ringAt, station.timeZone, phone.ok ? phone.stored : typed.callerPhone);
      const { id, number } = await draft.whileSaving((dropKey) => createTicket(db, store, station.timeZone, payload, staff.id, Date.now(), dropKey));
      notifications.show({ color: 'teal', message: t('intake.saved', { number }) });
      onSaved(id, number, payload);
    } catch (e) {
      setError(e);
      setSaving(false);
    }
  });

  const options = <T extends string>(list: readonly T[], prefix: 'channels' | 'kinds' | 'urgencies') =>
    list.map((v) => ({ value: v, label: t(`common.${prefix}.${v}` as never) }));
  const autofocus = (field: 'description') => (focusField === field ? { 'data-autofocus': true } : {});
  const live = (field: 'callerName' | 'description') => form.errors[field] ?? tooLong(field, label(field), form.values[field]);
  const inputOrder = useMemo(() => ['label', 'input', 'description', 'error'] as ('label' | 'input' | 'description' | 'error')[], []);

  // On opening, the modal's focus trap puts the caret on the field to fill (`data-autofocus`, U19);
  // focusing it here too raced the trap. The mark then follows the clerk (`components/dialogFocus`),
  // so a late pass of the trap cannot pull the caret back. After the leave-confirm closes, the trap does
  // not refocus: this brings the caret back to the field the clerk was in.
  const formElement = useRef<HTMLFormElement>(null);
  const asked = useRef(false);
  useEffect(() => {
    if (asking) {
      asked.current = true;
      return;
    }
    if (!asked.current) return;
    const id = requestAnimationFrame(() => focusMarkedField(formElement.current));
    return () => cancelAnimationFrame(id);
  }, [asking]);

  const channel = <NativeSelect data-intake-field label={t('intake.channel')} data={options(CHANNELS, 'channels')} {...form.getInputProps('channel')} />;
  const medical = values.kind === 'medical';
  const phoneField = (
    <CallerPhoneField
      masked={phoneMasked}
      inputRef={phoneInput}
      inputProps={form.getInputProps('callerPhone')}
      required={medical}
      onReplace={() => {
        form.setFieldValue('callerPhone', '');
        setPhoneMasked(false);
        requestAnimationFrame(() => phoneInput.current?.focus());
      }}
    />
  );
  const nameField = (
    <TextInput
      data-intake-field
      label={t('intake.callerName')}
      {...form.getInputProps('callerName')}
      error={live('callerName')}
      description={<FieldLimit field="callerName" text={values.callerName} />}
      inputWrapperOrder={inputOrder}
    />
  );

  return (
    <form ref={formElement} onSubmit={save} onKeyDown={asking ? undefined : enterNavigation(() => save())} noValidate aria-label={t('intake.title')}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="md" wrap="nowrap">
            {values.backfill ? null : <Text size="sm" c="dimmed">{t('intake.receivedAt', { time: formatDateTime(ringAt, station.timeZone, i18n.language) })}</Text>}
            {restored ? <Text size="sm" c="teal" data-testid="draft-restored">{t('intake.draftRestored')}</Text> : null}
          </Group>
          <Group gap="lg" wrap="nowrap">
            <Switch
              label={t('intake.atPlace')}
              checked={values.where === 'place'}
              onChange={(e) => form.setFieldValue('where', e.currentTarget.checked ? 'place' : 'unit')}
            />
            <Switch
              label={t('intake.backfill')}
              checked={values.backfill}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                form.setFieldValue('backfill', on);
                // Starts from the ring time, which the clerk sets back.
                if (on && !values.backfillAt) form.setFieldValue('backfillAt', toZonedInput(ringAt, station.timeZone));
              }}
            />
          </Group>
        </Group>
        {values.backfill ? <BackfillFields form={form} timeZone={station.timeZone} now={now} /> : null}
        <WhereFields form={form} channel={channel} focusField={focusField} unitHint={unitHint} />
        {values.channel === 'visit' ? <Text size="sm" c="blue" data-testid="visit-hint">{t('intake.visitHint')}</Text> : null}
        {/* R-MEDICAL-REPORT: address and phone first. */}
        <SimpleGrid cols={3}>
          {medical ? phoneField : nameField}
          {medical ? nameField : phoneField}
          <NativeSelect data-intake-field label={t('intake.kind')} data={options(REQUEST_KINDS, 'kinds')} {...form.getInputProps('kind')} />
        </SimpleGrid>
        {medical ? <Text size="sm" c="red" data-testid="medical-hint">{t('intake.medicalHint')}</Text> : null}
        <Textarea
          data-intake-field
          {...autofocus('description')}
          label={t('intake.description')}
          required
          autosize
          minRows={2}
          maxRows={8}
          {...form.getInputProps('description')}
          error={live('description')}
          description={<FieldLimit field="description" text={values.description} hint={t('intake.descriptionHint')} />}
          inputWrapperOrder={['label', 'description', 'input', 'error']}
        />
        <Group align="flex-end" gap="xl" wrap="nowrap">
          <NativeSelect data-intake-field w={180} label={t('intake.urgency')} data={options(URGENCIES, 'urgencies')} {...form.getInputProps('urgency')} />
          <Checkbox data-intake-field mb={8} label={t('intake.paid')} {...form.getInputProps('paid', { type: 'checkbox' })} />
          {mayBeMajor(values.kind) ? <Checkbox data-intake-field mb={8} label={t('intake.major')} {...form.getInputProps('major', { type: 'checkbox' })} /> : null}
        </Group>
        <KindFields form={form} receivedAt={receivedAt} timeZone={station.timeZone} now={now} />
        <FourClearFields form={form} />
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
