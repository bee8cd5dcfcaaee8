import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { HostSettingsState } from '@shared/bridge/contract';

export type SettingsWarningState = Pick<HostSettingsState, 'warning' | 'lostKeys'>;

/** The host's setting names ('callerId.path') as the caller-ID form labels them; unknown ones as they are. */
function settingName(t: TFunction, key: string): string {
  switch (key) {
    case 'callerId.enabled': return `${t('callerId.settings.title')} · ${t('callerId.settings.enabled')}`;
    case 'callerId.path': return `${t('callerId.settings.title')} · ${t('callerId.settings.port')}`;
    case 'callerId.baudRate': return `${t('callerId.settings.title')} · ${t('callerId.settings.baudRate')}`;
    case 'callerId.family': return `${t('callerId.settings.title')} · ${t('callerId.settings.family')}`;
    default: return key;
  }
}

/** A settings file that could not be used is said on screen, never a crash, naming what was lost (S3). */
export function SettingsWarning({ state }: { state: SettingsWarningState | null }) {
  const { t } = useTranslation();
  if (!state?.warning) return null;
  return (
    <Alert color="yellow" role="alert" data-testid="settings-warning">
      {t(`common.settingsWarning.${state.warning}`)}
      {state.lostKeys.length > 0 ? (
        <Text size="sm" mt={4} data-testid="settings-warning-lost">
          {t('common.settingsWarning.lostKeys', { keys: state.lostKeys.map((key) => settingName(t, key)).join(t('common.settingsWarning.keySeparator')) })}
        </Text>
      ) : null}
    </Alert>
  );
}
