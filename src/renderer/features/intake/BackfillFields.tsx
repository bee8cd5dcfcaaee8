import { SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { toZonedInput } from '../handling/zonedTime';
import type { IntakeFormValues } from './intakeFormValues';

/**
 * 补单 (R-NIGHT-TRANSFER): a request the control room took at night, entered in the morning
 * with its real time (station wall clock) and why. The checks refuse a time in the future.
 */
export function BackfillFields({ form, timeZone, now }: { form: UseFormReturnType<IntakeFormValues>; timeZone: string; now: number }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={3} data-testid="backfill-fields">
      <TextInput
        data-intake-field
        type="datetime-local"
        label={t('intake.backfillAt')}
        required
        max={toZonedInput(now, timeZone)}
        {...form.getInputProps('backfillAt')}
        // The hint gives way to a refusal, which says the same more pointedly (one line, not two).
        description={form.errors.backfillAt ? undefined : t('intake.backfillHint')}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
      />
      <TextInput data-intake-field style={{ gridColumn: 'span 2' }} label={t('intake.backfillReason')} required {...form.getInputProps('backfillReason')} />
    </SimpleGrid>
  );
}
