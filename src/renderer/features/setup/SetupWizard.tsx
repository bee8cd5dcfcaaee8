import { useState } from 'react';
import { Alert, Button, Center, Group, NativeSelect, Paper, PasswordInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, canonicalTimeZone, type Language } from '@shared/station/stationEvents';
import type { DeskDatabase } from '../../db/database';
import { switchLanguage } from '../../i18n';
import { setupStation } from './setupStation';
import { setupValidators, type SetupFormValues } from './setupValidation';
import { SaveErrorAlert } from '../../components/SaveErrorAlert';
import { SettingsWarning, type SettingsWarningState } from '../../components/SettingsWarning';
import type { DeskBridge } from '@shared/bridge/contract';
import type { EventStore } from '../../db/eventStore';
import type { StationRecord } from '../../desk/boot';
import { JoinEstateScreen } from '../sync/JoinEstateScreen';

interface Props {
  db: DeskDatabase;
  settingsWarning: SettingsWarningState;
  onDone(result: Awaited<ReturnType<typeof setupStation>>): void;
  /** Issue 13: "join an estate" beside "set up a new estate"; then sign-in with an existing PIN. */
  join?: { bridge: DeskBridge; onJoined(result: { store: EventStore; station: StationRecord }): void };
}

const HINT_BELOW = ['label', 'input', 'description', 'error'] as ('label' | 'input' | 'description' | 'error')[];

export function SetupWizard({ db, settingsWarning, onDone, join }: Props) {
  const { t, i18n } = useTranslation();
  const [joining, setJoining] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const form = useForm<SetupFormValues>({
    mode: 'controlled',
    initialValues: {
      estateName: '', stationName: 'front-desk', stationCode: 'FD', timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'Asia/Shanghai',
      countryCode: '86', areaCode: '', managerName: '', pin: '', pinConfirm: '', language: (i18n.language as Language) ?? 'zh-CN',
    },
    validate: setupValidators,
    validateInputOnBlur: true,
  });

  const submit = form.onSubmit(async (values) => {
    setSaving(true);
    setError(null);
    try {
      onDone(await setupStation(db, { ...values, stationCode: values.stationCode.toUpperCase() }));
    } catch (e) {
      setError(e);
      setSaving(false);
    }
  });

  // U21: hints under their inputs, so inputs side by side stay in line whatever the hint's length.
  const field = (name: keyof SetupFormValues) => {
    const props = form.getInputProps(name);
    return { ...props, error: props.error ? t(props.error as never) : undefined, inputWrapperOrder: HINT_BELOW };
  };
  // U11: the form speaks the chosen language at once.
  const chooseLanguage = (language: Language) => {
    form.setFieldValue('language', language);
    void switchLanguage(language);
  };
  // U21: a zone typed in any case is shown (and saved) as the IANA database spells it.
  const tidyTimeZone = () => {
    const canonical = canonicalTimeZone(form.values.timeZone);
    if (canonical && canonical !== form.values.timeZone) form.setFieldValue('timeZone', canonical);
  };

  if (join && joining) {
    return (
      <Center mih="100vh" p="md" bg="gray.0">
        <Paper withBorder shadow="sm" p="xl" maw={720} w="100%">
          <JoinEstateScreen db={db} bridge={join.bridge} onJoined={join.onJoined} onBack={() => setJoining(false)} />
        </Paper>
      </Center>
    );
  }

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" maw={720} w="100%">
        <form onSubmit={submit} noValidate>
          <Stack>
            <Title order={2}>{t('setup.title')}</Title>
            <Text c="dimmed">{t('setup.intro')}</Text>
            {join ? (
              <Alert color="blue" variant="light">
                <Group justify="space-between" wrap="nowrap">
                  <Text size="sm">{t('sync.join.offerHint')}</Text>
                  <Button variant="light" onClick={() => setJoining(true)} style={{ flexShrink: 0 }}>{t('sync.join.offer')}</Button>
                </Group>
              </Alert>
            ) : null}
            <SettingsWarning state={settingsWarning} />
            <NativeSelect label={t('common.language')} data={LANGUAGES.map((l) => ({ value: l, label: t(`common.languages.${l}`) }))} {...field('language')} onChange={(e) => chooseLanguage(e.currentTarget.value as Language)} />
            <TextInput label={t('setup.estateName')} required {...field('estateName')} data-autofocus />
            <SimpleGrid cols={2}>
              <TextInput label={t('setup.stationName')} description={t('setup.stationNameHint')} required {...field('stationName')} />
              <TextInput label={t('setup.stationCode')} description={t('setup.stationCodeHint')} required {...field('stationCode')} />
            </SimpleGrid>
            <SimpleGrid cols={3}>
              <TextInput label={t('setup.timeZone')} required {...field('timeZone')} onBlur={() => { tidyTimeZone(); form.validateField('timeZone'); }} />
              <TextInput label={t('setup.countryCode')} required {...field('countryCode')} />
              <TextInput label={t('setup.areaCode')} {...field('areaCode')} />
            </SimpleGrid>
            <TextInput label={t('setup.managerName')} required {...field('managerName')} />
            <SimpleGrid cols={2}>
              <PasswordInput label={t('setup.pin')} description={t('setup.pinHint')} required inputMode="numeric" autoComplete="new-password" {...field('pin')} />
              <PasswordInput label={t('setup.pinConfirm')} required inputMode="numeric" autoComplete="new-password" {...field('pinConfirm')} />
            </SimpleGrid>
            {error ? <SaveErrorAlert error={error} /> : null}
            {form.errors.form ? <Alert color="red">{t(form.errors.form as never)}</Alert> : null}
            <Group justify="flex-end">
              <Button type="submit" loading={saving}>{t('setup.submit')}</Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
