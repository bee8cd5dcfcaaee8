import { useState } from 'react';
import { Alert, Button, Group, NumberInput, Paper, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { LEFTOVER_AFTER_DAYS, deskSettingsSchema } from '@shared/station/stationEvents';
import { useDesk } from '../../desk/DeskContext';
import { SaveErrorAlert } from '../../components/SaveErrorAlert';
import { changeDeskSettings } from '../settings/settingsCommands';
import { useLeftoverAfterDays } from './useLeftoverData';

/** A whole number of days the setting takes (R-LEFTOVER: 1..90), as the saved event's schema does. */
const isLeftoverAfterDays = (value: unknown): value is number => value !== undefined && deskSettingsSchema.shape.leftoverAfterDays.safeParse(value).success;

/** R-LEFTOVER: after how many days an open request is offered for the leftover-issues file (settings.manage). */
export function LeftoverAfterDaysCard({ canChange }: { canChange: boolean }) {
  const { t } = useTranslation();
  const { store, staff } = useDesk();
  const saved = useLeftoverAfterDays();
  const [typed, setTyped] = useState<number | string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const value = typed ?? saved;
  const valid = isLeftoverAfterDays(value);

  const save = async () => {
    if (!isLeftoverAfterDays(value)) return;
    setError(null);
    try {
      await changeDeskSettings(store, { leftoverAfterDays: value }, staff.id);
      setTyped(null);
      notifications.show({ color: 'teal', message: t('keys.leftovers.afterDays.saved') });
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Paper withBorder p="md" data-testid="leftover-after-days">
      <Stack gap="sm">
        <Title order={4}>{t('keys.leftovers.afterDays.title')}</Title>
        {!canChange ? <Alert color="yellow">{t('keys.leftovers.afterDays.readOnly')}</Alert> : null}
        <Group align="flex-end">
          <NumberInput label={t('keys.leftovers.afterDays.label')} value={value} onChange={setTyped} min={LEFTOVER_AFTER_DAYS.min} max={LEFTOVER_AFTER_DAYS.max}
            allowDecimal={false} disabled={!canChange} error={valid ? null : t('keys.leftovers.afterDays.invalid')} w={360} />
          <Button onClick={() => void save()} disabled={!canChange || !valid || typed === null}>{t('keys.leftovers.afterDays.save')}</Button>
        </Group>
        {error ? <SaveErrorAlert error={error} /> : null}
      </Stack>
    </Paper>
  );
}
