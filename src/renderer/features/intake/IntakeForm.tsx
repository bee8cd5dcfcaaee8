import { useRef, useState } from 'react';
import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { CHANNELS, REQUEST_KINDS, URGENCIES, type Channel, type RequestKind, type Urgency } from '@shared/domain/requestKinds';
import { validateIntake } from '@shared/tickets/intakeValidation';
import { can } from '@shared/domain/roles';
import { useDesk } from '../../desk/DeskContext';
import { SaveErrorAlert } from '../../components/SaveErrorAlert';
import { formatDateTime } from '../../i18n/format';
import { CallerPhoneField } from './CallerPhoneField';
import { createTicket } from './createTicket';
import { enterNavigation } from './enterNavigation';

export interface IntakePrefill {
  channel?: Channel;
  building?: string;
  room?: string;
  callerName?: string;
  callerPhone?: string;
  receivedAt?: number;
}

interface Values {
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

interface Props {
  prefill?: IntakePrefill;
  onCancel(): void;
  onSaved(ticketId: string, number: string, values: { building: string; room: string; callerName: string }): void;
}

export function IntakeForm({ prefill, onCancel, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const { db, store, station, staff } = useDesk();
  const [receivedAt] = useState(() => prefill?.receivedAt ?? Date.now());
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  // S6: a role without `phone.unmask` never reads a prefilled caller's number from the form;
  // the form keeps it whole to save it on the request.
  const [phoneMasked, setPhoneMasked] = useState(() => !can(staff.role, 'phone.unmask') && Boolean(prefill?.callerPhone?.trim()));
  const phoneInput = useRef<HTMLInputElement>(null);
  const form = useForm<Values>({
    initialValues: {
      channel: prefill?.channel ?? 'phone', building: prefill?.building ?? '', room: prefill?.room ?? '', callerName: prefill?.callerName ?? '',
      callerPhone: prefill?.callerPhone ?? '', kind: 'repair', description: '', urgency: 'normal', paid: false,
    },
    validate: (values) => {
      const problems = validateIntake(values);
      return Object.fromEntries(Object.entries(problems).map(([field, code]) => [field, t(`intake.errors.${code}` as never)]));
    },
  });

  const save = form.onSubmit(async (values) => {
    if (saving) return;
    setSaving(true);
    setError(null);
    try {
      const { id, number } = await createTicket(db, store, station.timeZone, { ...values, receivedAt }, staff.id);
      notifications.show({ color: 'teal', message: t('intake.saved', { number }) });
      onSaved(id, number, values);
    } catch (e) {
      setError(e);
      setSaving(false);
    }
  });

  const options = <T extends string>(values: readonly T[], prefix: 'channels' | 'kinds' | 'urgencies') =>
    values.map((v) => ({ value: v, label: t(`common.${prefix}.${v}` as never) }));

  return (
    <form onSubmit={save} onKeyDown={enterNavigation(() => save())} noValidate aria-label={t('intake.title')}>
      <Stack>
        <Text size="sm" c="dimmed">{t('intake.receivedAt', { time: formatDateTime(receivedAt, station.timeZone, i18n.language) })}</Text>
        <SimpleGrid cols={3}>
          <NativeSelect data-intake-field label={t('intake.channel')} data={options(CHANNELS, 'channels')} {...form.getInputProps('channel')} />
          <TextInput data-intake-field data-autofocus label={t('intake.building')} required {...form.getInputProps('building')} />
          <TextInput data-intake-field label={t('intake.room')} required {...form.getInputProps('room')} />
        </SimpleGrid>
        <SimpleGrid cols={3}>
          <TextInput data-intake-field label={t('intake.callerName')} {...form.getInputProps('callerName')} />
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
        <Textarea data-intake-field label={t('intake.description')} description={t('intake.descriptionHint')} required autosize minRows={3} {...form.getInputProps('description')} />
        <Group grow align="flex-end">
          <NativeSelect data-intake-field label={t('intake.urgency')} data={options(URGENCIES, 'urgencies')} {...form.getInputProps('urgency')} />
          <Checkbox data-intake-field label={t('intake.paid')} {...form.getInputProps('paid', { type: 'checkbox' })} />
        </Group>
        {error ? <SaveErrorAlert error={error} /> : null}
        <Group justify="space-between">
          <Text size="xs" c="dimmed">{t('intake.keyboardHint')}</Text>
          <Group>
            <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>
            <Button type="submit" loading={saving} data-intake-save>{t('common.save')}</Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
