import { useState } from 'react';
import { Alert, Button, Group, Loader, NativeSelect, NumberInput, Paper, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { CALLER_ID_FAMILY_SETTINGS, hostSettings, type HostSettings } from '@shared/bridge/contract';
import { useDesk } from '../../desk/DeskContext';
import { CallerIdTestView } from './CallerIdTestView';
import { PortPicker } from './PortPicker';
import { useSavedHostSettings } from './useSavedHostSettings';

type CallerIdDraft = HostSettings['callerId'];

/** The caller-ID box: port (listed or typed, since pseudo-terminals are never listed), rate, family. */
export function CallerIdSettings({ canChange }: { canChange: boolean }) {
  const { t } = useTranslation();
  const { bridge } = useDesk();
  const [saved, setSaved] = useSavedHostSettings(bridge);
  // What is being edited; null while the form shows what is saved (U4: it follows every change
  // of it, from here, another window or the CLI; typed edits are kept until saved).
  const [edits, setEdits] = useState<CallerIdDraft | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [testing, setTesting] = useState(false);
  // One save at a time from this form (S3); the host also takes updates one by one.
  const [saving, setSaving] = useState(false);
  if (!saved) {
    return (
      <Paper withBorder p="md">
        <Group gap="xs"><Loader size="xs" /><Text size="sm">{t('callerId.settings.loading')}</Text></Group>
      </Paper>
    );
  }
  const draft = edits ?? saved.settings.callerId;
  const set = (changes: Partial<CallerIdDraft>) => setEdits({ ...draft, ...changes });

  const save = async () => {
    const next = { ...saved.settings, callerId: { ...draft, path: draft.path.trim() } };
    if (!hostSettings.safeParse(next).success || (next.callerId.enabled && !next.callerId.path)) return setProblem(t('callerId.settings.invalid'));
    setProblem(null);
    setSaving(true);
    try {
      setSaved(await bridge.invoke('settings:update', next));
      setEdits(null);
      notifications.show({ color: 'teal', message: t('callerId.settings.saved') });
    } catch {
      setProblem(t('callerId.settings.invalid'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Paper withBorder p="md" data-testid="callerid-settings">
      <Stack>
        <Title order={4}>{t('callerId.settings.title')}</Title>
        <Switch label={t('callerId.settings.enabled')} checked={draft.enabled} disabled={!canChange} onChange={(e) => set({ enabled: e.currentTarget.checked })} />
        {/* U21: the port's hint sits under the inputs' row, so the three inputs stay in line. */}
        <Group align="flex-start" grow>
          <TextInput label={t('callerId.settings.port')} description={t('callerId.settings.portHint')} inputWrapperOrder={['label', 'input', 'description', 'error']} value={draft.path} disabled={!canChange} onChange={(e) => set({ path: e.currentTarget.value })} />
          <NumberInput label={t('callerId.settings.baudRate')} value={draft.baudRate} min={300} max={921600} disabled={!canChange} onChange={(v) => set({ baudRate: typeof v === 'number' ? v : Number(v) || 0 })} />
          <NativeSelect
            label={t('callerId.settings.family')}
            value={draft.family}
            disabled={!canChange}
            onChange={(e) => set({ family: e.currentTarget.value as CallerIdDraft['family'] })}
            data={CALLER_ID_FAMILY_SETTINGS.map((f) => ({ value: f, label: t(`callerId.settings.families.${f}`) }))}
          />
        </Group>
        <PortPicker onPick={(path) => set({ path })} disabled={!canChange} />
        {problem ? <Alert color="red" role="alert">{problem}</Alert> : null}
        <Group justify="space-between">
          <Button variant="default" onClick={() => setTesting((v) => !v)}>{t('callerId.settings.test')}</Button>
          <Button onClick={save} disabled={!canChange || saving} loading={saving}>{t('callerId.settings.save')}</Button>
        </Group>
        {testing ? <CallerIdTestView /> : <Text size="xs" c="dimmed">{t('callerId.settings.testHint')}</Text>}
      </Stack>
    </Paper>
  );
}
