import { useState } from 'react';
import { Alert, Button, Group, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { can } from '@shared/domain/roles';
import { LANGUAGES, defaultDeskSettings, type Language } from '@shared/station/stationEvents';
import { useDesk } from '../../desk/DeskContext';
import { SaveErrorAlert } from '../../components/SaveErrorAlert';
import { updateStaff } from '../staff/staffCommands';
import { changeDeskSettings } from './settingsCommands';
import { CallerIdSettings } from '../callerid/CallerIdSettings';
import { HubSettingsCard } from '../sync/HubSettingsCard';
import { ReferenceListsCard } from './ReferenceListsCard';
import { DeadlineTuningCard } from './DeadlineTuningCard';
import { AlarmStationCard } from './AlarmStationCard';
import { ShiftPlanCard } from './ShiftPlanCard';
import { LeftoverAfterDaysCard } from '../leftovers/LeftoverAfterDaysCard';

export function SettingsScreen() {
  const { t } = useTranslation();
  const { db, store, staff, station, persisted, hostSettings } = useDesk();
  const desk = useLiveQuery(() => db.settings.get('desk'), [db]);
  const [minutes, setMinutes] = useState<number | string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const idle = minutes ?? desk?.idleLockMinutes ?? defaultDeskSettings.idleLockMinutes;
  const idleValid = typeof idle === 'number' && idle >= 1 && idle <= 240;
  const mayChange = can(staff.role, 'settings.manage');

  const saveIdle = async () => {
    setError(null);
    try {
      await changeDeskSettings(store, { idleLockMinutes: Number(idle) }, staff.id);
      // U4: back to showing what is saved (the live row), not what was typed.
      setMinutes(null);
      notifications.show({ color: 'teal', message: t('settings.saved') });
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Stack maw={720}>
      <Title order={3}>{t('settings.title')}</Title>
      <Paper withBorder p="md">
        <NativeSelect
          label={t('settings.myLanguage')}
          value={staff.language}
          onChange={(e) => void updateStaff(db, store, staff.id, { language: e.currentTarget.value as Language }, staff.id)}
          data={LANGUAGES.map((l) => ({ value: l, label: t(`common.languages.${l}`) }))}
        />
      </Paper>
      <Paper withBorder p="md">
        <Stack>
          <Title order={4}>{t('settings.desk')}</Title>
          {!mayChange ? <Alert color="yellow">{t('settings.noPermission')}</Alert> : null}
          <Group align="flex-end">
            <NumberInput label={t('settings.idleLockMinutes')} value={idle} onChange={setMinutes} min={1} max={240} disabled={!mayChange} error={idleValid ? null : t('settings.idleLockInvalid')} />
            <Button onClick={saveIdle} disabled={!mayChange || !idleValid}>{t('common.save')}</Button>
          </Group>
          {error ? <SaveErrorAlert error={error} /> : null}
        </Stack>
      </Paper>
      {mayChange ? <ReferenceListsCard /> : null}
      <ShiftPlanCard canChange={mayChange} />
      <LeftoverAfterDaysCard canChange={mayChange} />
      <DeadlineTuningCard />
      <AlarmStationCard canChange={mayChange} />
      <CallerIdSettings canChange={mayChange} />
      <HubSettingsCard />
      <Paper withBorder p="md">
        <Title order={4}>{t('settings.station')}</Title>
        <SimpleGrid cols={2} mt="sm">
          <Text>{t('settings.estate')}: {station.estateName}</Text>
          <Text>{t('settings.stationName')}: {station.stationName}</Text>
          <Text>{t('settings.stationCode')}: {station.stationCode}</Text>
          <Text>{t('settings.timeZone')}: {station.timeZone}</Text>
          <Text>{t('settings.storage')}: {persisted ? t('settings.persisted') : t('settings.notPersisted')}</Text>
          {hostSettings ? <Text size="sm" c="dimmed">{t('settings.hostFile', { path: hostSettings.path })}</Text> : null}
        </SimpleGrid>
      </Paper>
    </Stack>
  );
}
