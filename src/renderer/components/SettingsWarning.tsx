import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HostSettingsState } from '@shared/bridge/contract';

/** A settings file that could not be used is said on screen, never a crash. */
export function SettingsWarning({ warning }: { warning: HostSettingsState['warning'] }) {
  const { t } = useTranslation();
  if (!warning) return null;
  return (
    <Alert color="yellow" role="alert" data-testid="settings-warning">
      {t(`common.settingsWarning.${warning}`)}
    </Alert>
  );
}
