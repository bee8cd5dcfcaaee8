import type { ReactNode, Ref } from 'react';
import { Button, TextInput, Tooltip } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { shownPhone } from '@shared/directory/phone/shownPhone';
import { useDesk } from '../../desk/DeskContext';

interface Props {
  /** True while the field holds a number the signed-in role may not see (S6). */
  masked: boolean;
  inputRef: Ref<HTMLInputElement>;
  inputProps: GetInputPropsReturnType;
  /** Clears the number so another can be typed. */
  onReplace(): void;
  /** R-MEDICAL-REPORT: a medical request needs the phone. */
  required?: boolean;
}

/**
 * The caller's number on the intake form. R-CONFIDENTIAL (S6): for a role without
 * `phone.unmask`, a number prefilled from caller ID is shown masked and read-only (the form
 * still saves it whole); "replace" empties the field for a number the caller gives instead.
 */
export function CallerPhoneField({ masked, inputRef, inputProps, onReplace, required }: Props) {
  const { t } = useTranslation();
  const { station } = useDesk();
  if (!masked) return <TextInput data-intake-field ref={inputRef} label={t('intake.callerPhone')} required={required} inputMode="tel" {...inputProps} />;
  const value = typeof inputProps.value === 'string' ? inputProps.value : '';
  const shown = shownPhone(value, false, { countryCode: station.countryCode, areaCode: station.areaCode });
  return (
    <TextInput
      data-intake-field
      label={t('intake.callerPhone')}
      required={required}
      readOnly
      value={shown.number}
      error={inputProps.error as ReactNode}
      rightSectionWidth={88}
      rightSection={
        <Tooltip label={t('intake.phoneMaskedHint')}>
          <Button size="compact-xs" variant="subtle" onClick={onReplace}>{t('intake.replacePhone')}</Button>
        </Tooltip>
      }
    />
  );
}
