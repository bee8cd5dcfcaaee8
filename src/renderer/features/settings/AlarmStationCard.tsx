import { useRef, useState } from 'react';
import { Alert, Button, Group, Loader, Paper, Slider, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { hostSettings, type HostSettings } from '@shared/bridge/contract';
import { useDesk } from '../../desk/DeskContext';
import { useSavedHostSettings } from '../callerid/useSavedHostSettings';
import { ALARM_SOUND_URLS } from '../alarms/alarmSounds';
import { useDuty } from '../duty/useDuty';

type AlarmDraft = HostSettings['alarms'];

/**
 * Issue 15: whether this station rings (the one that answers the front-desk phone) and how
 * loud. A host setting (settings.json), saved with the other host settings kept as they are.
 */
export function AlarmStationCard({ canChange }: { canChange: boolean }) {
  const { t } = useTranslation();
  const { bridge } = useDesk();
  const [saved, setSaved] = useSavedHostSettings(bridge);
  // Issue 16: once someone holds the desk, the holding station rings, whatever the switch says.
  const heldBy = useDuty()?.holder.station ?? null;
  // U4: shows what is saved until someone changes it here.
  const [edits, setEdits] = useState<AlarmDraft | null>(null);
  const [problem, setProblem] = useState(false);
  const [saving, setSaving] = useState(false);
  const [playing, setPlaying] = useState(false);
  // An element of the card (not a detached Audio): leaving the screen removes it, which stops it.
  const sample = useRef<HTMLAudioElement>(null);

  if (!saved) {
    return (
      <Paper withBorder p="md">
        <Group gap="xs"><Loader size="xs" /><Text size="sm">{t('deadlines.station.loading')}</Text></Group>
      </Paper>
    );
  }
  const draft = edits ?? saved.settings.alarms;
  const set = (changes: Partial<AlarmDraft>) => setEdits({ ...draft, ...changes });

  const listen = () => {
    const audio = sample.current;
    if (!audio) return;
    if (playing) {
      audio.pause();
      setPlaying(false);
      return;
    }
    // The due sound at the volume on the slider, saved or not.
    audio.volume = draft.volume / 100;
    audio.currentTime = 0;
    setPlaying(true);
    audio.play().catch(() => setPlaying(false));
  };

  const save = async () => {
    const next = { ...saved.settings, alarms: draft };
    if (!hostSettings.safeParse(next).success) return setProblem(true);
    setProblem(false);
    setSaving(true);
    try {
      setSaved(await bridge.invoke('settings:update', next));
      setEdits(null);
      notifications.show({ color: 'teal', message: t('deadlines.station.saved') });
    } catch {
      setProblem(true);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Paper withBorder p="md" data-testid="alarm-station">
      <Stack gap="sm">
        <Title order={4}>{t('deadlines.station.title')}</Title>
        <Text size="sm" c="dimmed">{t('deadlines.station.hint')}</Text>
        {!canChange ? <Alert color="yellow">{t('deadlines.station.noPermission')}</Alert> : null}
        <Switch
          label={t('deadlines.station.ringsHere')}
          checked={draft.ringsHere}
          disabled={!canChange}
          onChange={(e) => set({ ringsHere: e.currentTarget.checked })}
          data-testid="alarm-rings-here"
        />
        {heldBy ? <Text size="sm" c="blue" data-testid="alarm-rings-by-duty">{t('duty.ringsByDuty', { station: heldBy })}</Text> : null}
        <div>
          <Group justify="space-between" maw={480}>
            <Text size="sm" fw={500} id="alarm-volume-label">{t('deadlines.station.volume')}</Text>
            <Text size="sm" fw={500} data-testid="alarm-volume-value">{draft.volume}</Text>
          </Group>
          <Slider
            aria-labelledby="alarm-volume-label"
            data-testid="alarm-volume"
            maw={480}
            min={0}
            max={100}
            step={5}
            value={draft.volume}
            disabled={!canChange}
            onChange={(volume) => set({ volume })}
            marks={[{ value: 0, label: '0' }, { value: 50, label: '50' }, { value: 100, label: '100' }]}
            mb="lg"
          />
        </div>
        {problem ? <Alert color="red" role="alert">{t('deadlines.station.invalid')}</Alert> : null}
        <audio ref={sample} src={ALARM_SOUND_URLS.due} preload="none" onEnded={() => setPlaying(false)} data-testid="alarm-sample" data-playing={playing} />
        <Group justify="space-between">
          <Button variant="default" onClick={listen} data-testid="alarm-listen">{t(playing ? 'deadlines.station.stop' : 'deadlines.station.test')}</Button>
          <Button onClick={save} disabled={!canChange || !edits || saving} loading={saving} data-testid="alarm-station-save">{t('deadlines.station.save')}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}
