import { Checkbox, Group, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { IntakeFormValues } from './intakeFormValues';

const CHECKS = ['listened', 'asked', 'readBack', 'recorded'] as const;

/** R-FOUR-CLEAR (四清楚,一报告) and R-PHONE: the clerk ticks what was done and says to whom it was reported. */
export function FourClearFields({ form }: { form: UseFormReturnType<IntakeFormValues> }) {
  const { t } = useTranslation();
  return (
    <Group gap="md" align="center" wrap="nowrap" data-testid="four-clear">
      <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>{t('intake.fourClear')}</Text>
      {CHECKS.map((check) => (
        <Checkbox key={check} size="sm" label={t(`intake.checks.${check}`)} style={{ whiteSpace: 'nowrap' }} {...form.getInputProps(check, { type: 'checkbox' })} />
      ))}
      <TextInput data-intake-field style={{ flex: 1 }} aria-label={t('intake.reportedTo')} placeholder={t('intake.reportedTo')} {...form.getInputProps('reportedTo')} />
    </Group>
  );
}
