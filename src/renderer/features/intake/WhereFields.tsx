import { Autocomplete, SimpleGrid, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { referenceLabel } from '../../i18n/referenceLabel';
import { useReferenceList } from '../settings/referenceLists';
import type { IntakeFormValues } from './intakeFormValues';

interface Props {
  form: UseFormReturnType<IntakeFormValues>;
  /** The channel select, first in the row. */
  channel: ReactNode;
  /** U19: which field the form opens on. */
  focusField: string;
  unitHint: boolean;
}

const INPUT_ORDER: ('label' | 'input' | 'description' | 'error')[] = ['label', 'input', 'description', 'error'];

/**
 * Where: a unit, or a place without a room (a common area from the estate's list, or as typed).
 * The place is stored as the text shown, so the queue's search finds it as read.
 */
export function WhereFields({ form, channel, focusField, unitHint }: Props) {
  const { t } = useTranslation();
  const areas = useReferenceList('commonAreas');
  const autofocus = (field: string) => (focusField === field ? { 'data-autofocus': true } : {});
  if (form.values.where === 'place') {
    return (
      <SimpleGrid cols={3}>
        {channel}
        <Autocomplete
          data-intake-field
          {...autofocus('place')}
          style={{ gridColumn: 'span 2' }}
          label={t('intake.place')}
          placeholder={t('intake.placeHint')}
          required
          data={areas.map((entry) => referenceLabel(t, 'commonAreas', entry))}
          limit={40}
          {...form.getInputProps('place')}
        />
      </SimpleGrid>
    );
  }
  return (
    <SimpleGrid cols={3}>
      {channel}
      <TextInput data-intake-field {...autofocus('building')} label={t('intake.building')} required {...form.getInputProps('building')} />
      <TextInput
        data-intake-field
        {...autofocus('room')}
        label={t('intake.room')}
        required
        {...form.getInputProps('room')}
        description={unitHint ? <Text span size="xs" c="orange" data-testid="unit-hint">{t('intake.unitNotInDirectory')}</Text> : undefined}
        inputWrapperOrder={INPUT_ORDER}
      />
    </SimpleGrid>
  );
}
