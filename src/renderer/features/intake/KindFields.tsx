import { NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { DISASTER_SUBTYPES, SECURITY_SUBTYPES } from '@shared/tickets/handling/checklists';
import { toZonedInput } from '../handling/zonedTime';
import type { IntakeFormValues } from './intakeFormValues';

const ANYONE_HOME = ['yes', 'no', 'unknown'] as const;
const SPARE_KEY = ['none', 'mayUse', 'keptNoUse'] as const;

interface Props {
  form: UseFormReturnType<IntakeFormValues>;
  /** When the request was received (back-filled or not): what "happened at" shows until changed. */
  receivedAt: number | null;
  timeZone: string;
  now: number;
}

/** The chosen kind's own questions, one compact row (the form is a modal that must fit 1366×768). */
export function KindFields({ form, receivedAt, timeZone, now }: Props) {
  const { t } = useTranslation();
  const { kind } = form.values;
  const notAsked = { value: '', label: t('intake.notAsked') };
  if (kind === 'repair') {
    // R-REPAIR-FIELDS: where the fault is, anyone home, a spare key at the office, when staff may come.
    return (
      <SimpleGrid cols={4} data-testid="repair-fields">
        <TextInput data-intake-field label={t('intake.faultLocation')} {...form.getInputProps('faultLocation')} />
        <NativeSelect
          data-intake-field
          label={t('intake.anyoneHome')}
          data={[notAsked, ...ANYONE_HOME.map((v) => ({ value: v, label: t(`handling.repair.anyoneHome.${v}`) }))]}
          {...form.getInputProps('anyoneHome')}
        />
        <NativeSelect
          data-intake-field
          label={t('intake.spareKey')}
          data={[notAsked, ...SPARE_KEY.map((v) => ({ value: v, label: t(`handling.repair.spareKey.${v}`) }))]}
          {...form.getInputProps('spareKey')}
        />
        <TextInput data-intake-field label={t('intake.accessTime')} {...form.getInputProps('accessTime')} />
      </SimpleGrid>
    );
  }
  if (kind === 'security' || kind === 'disaster') {
    // R-SPECIAL-EVENT: the report's 24- and 36-hour limits count from when it happened.
    const subtypes = kind === 'security' ? SECURITY_SUBTYPES : DISASTER_SUBTYPES;
    const happened = form.getInputProps('happenedAt');
    return (
      <SimpleGrid cols={3} data-testid="incident-fields">
        <NativeSelect
          data-intake-field
          label={t('intake.subtype')}
          data={[notAsked, ...subtypes.map((v) => ({ value: v, label: t(`handling.subtypes.${v}`) }))]}
          {...form.getInputProps('subtype')}
          value={(subtypes as readonly string[]).includes(form.values.subtype) ? form.values.subtype : ''}
        />
        <TextInput
          data-intake-field
          type="datetime-local"
          label={t('intake.happenedAt')}
          description={t('intake.happenedHint')}
          max={toZonedInput(now, timeZone)}
          {...happened}
          value={form.values.happenedAt || (receivedAt === null ? '' : toZonedInput(receivedAt, timeZone))}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
        />
      </SimpleGrid>
    );
  }
  return null;
}
