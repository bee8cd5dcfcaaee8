import { useState } from 'react';
import { Alert, Button, Group, NativeSelect, NumberInput, Paper, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { CALLER_ID_FAMILY_SETTINGS, hostSettings, type HostSettings } from '@shared/bridge/contract';
import { useDesk } from '../../desk/DeskContext';
import { CallerIdTestView } from './CallerIdTestView';
import { PortPicker } from './PortPicker';

/** The caller-ID box: port (listed or typed, since pseudo-terminals are never listed), rate, family. */
export function CallerIdSettings({ canChange }: { canChange: boolean }) {
  const { t } = useTranslation();
  const { bridge, hostSettings: initial } = useDesk();
  const [draft, setDraft] = useState<HostSettings['callerId']>(initial?.settings.callerId ?? { enabled: false, path: '', baudRate: 9600, family: 'auto' });
  const [problem, setProblem] = useState<string | null>(null);
  const [testing, setTesting] = useState(false);
  // One save at a time from this form (S3); the host also takes updates one by one.
  const [saving, setSaving] = useState(false);
  const set = (changes: Partial<HostSettings['callerId']>) => setDraft((d) => ({ ...d, ...changes }));

  const save = async () => {
    const next = { ...(initial?.settings ?? { callerId: draft }), callerId: { ...draft, path: draft.path.trim() } };
    if (!hostSettings.safeParse(next).success || (next.callerId.enabled && !next.callerId.path)) return setProblem(t('callerId.settings.invalid'));
    setProblem(null);
    setSaving(true);
    try {
      await bridge.invoke('settings:update', next);
      notifications.show({ color: 'teal', message: t('callerId.settings.saved') });
    } catch {
      setProblem(t('callerId.settings.invalid'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={4}>{t('callerId.settings.title')}</Title>
        <Switch label={t('callerId.settings.enabled')} checked={draft.enabled} disabled={!canChange} onChange={(e) => set({ enabled: e.currentTarget.checked })} />
        <Group align="flex-end" grow>
          <TextInput label={t('callerId.settings.port')} description={t('callerId.settings.portHint')} value={draft.path} disabled={!canChange} onChange={(e) => set({ path: e.currentTarget.value })} />
          <NumberInput label={t('callerId.settings.baudRate')} value={draft.baudRate} min={300} max={921600} disabled={!canChange} onChange={(v) => set({ baudRate: typeof v === 'number' ? v : Number(v) || 0 })} />
          <NativeSelect
            label={t('callerId.settings.family')}
            value={draft.family}
            disabled={!canChange}
            onChange={(e) => set({ family: e.currentTarget.value as HostSettings['callerId']['family'] })}
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
