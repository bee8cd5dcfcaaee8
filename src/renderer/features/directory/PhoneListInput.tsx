import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { shownPhone } from '@shared/directory/phone/shownPhone';
import type { PhoneNumber } from '@shared/directory/phone/phoneTypes';
import { usePhoneContext } from './useDirectory';

interface Props {
  phones: PhoneNumber[];
  newPhone: string;
  newPhoneError?: string;
  onNewPhoneChange(text: string): void;
  onAdd(): void;
  onRemove(index: number): void;
}

/**
 * The numbers of a resident. R-CONFIDENTIAL: numbers already saved stay masked while editing
 * (remove and re-add to change one), so editing never shows a number without a logged reveal.
 */
export function PhoneListInput({ phones, newPhone, newPhoneError, onNewPhoneChange, onAdd, onRemove }: Props) {
  const { t } = useTranslation();
  const context = usePhoneContext();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>{t('directory.resident.phones')}</Text>
      {phones.length === 0 ? <Text size="sm" c="dimmed">{t('directory.resident.noPhones')}</Text> : null}
      {phones.map((phone, index) => {
        // Always masked while editing: a number is seen in full only through a logged reveal.
        const shown = shownPhone(phone.e164, false, context).number + (phone.extension ? ` ${t('directory.phone.extension', { ext: phone.extension })}` : '');
        return (
          <Group key={`${phone.e164}-${phone.extension ?? ''}`} gap="xs">
            <Text ff="monospace" size="sm">{shown}</Text>
            <ActionIcon variant="subtle" color="red" size="sm" aria-label={t('directory.resident.removePhone', { phone: shown })} onClick={() => onRemove(index)}>×</ActionIcon>
          </Group>
        );
      })}
      <Group align="flex-start" gap="xs">
        <TextInput
          aria-label={t('directory.resident.newPhone')}
          placeholder={t('directory.resident.phonePlaceholder')}
          value={newPhone}
          error={newPhoneError}
          onChange={(e) => onNewPhoneChange(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              onAdd();
            }
          }}
          style={{ flex: 1 }}
        />
        <Button variant="default" onClick={onAdd}>{t('directory.resident.addPhone')}</Button>
      </Group>
    </Stack>
  );
}
