import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '@shared/domain/roles';
import { useNow } from '../../desk/useNow';
import { useAlarms } from './AlarmContext';
import { ALARM_SOUND_URLS, type AlarmSoundLevel } from './alarmSounds';
import { loudestLevel, volumeOf } from './alarmRinging';
import { useTitleFlash } from './useTitleFlash';

/**
 * The one alarm sound of the page (rendered by the root, on every screen and the lock screen):
 * the loudest ringing level looped (escalated > overdue > due), a warning played once. A browser
 * may refuse to play without a click first (the web shell's autoplay policy): then a banner
 * asks for that click, because a silent alarm is the failure that matters.
 */
export function AlarmSound({ role }: { role: Role | null }) {
  const { t } = useTranslation();
  const alarms = useAlarms();
  const now = useNow(1000);
  const audio = useRef<HTMLAudioElement>(null);
  const [playing, setPlaying] = useState(false);
  const [blocked, setBlocked] = useState(false);
  const ringing = alarms?.views ? loudestLevel(alarms.views, { ringing: alarms.ringing, escalatedHere: alarms.escalatedHere, ringsHere: alarms.ringsHere, role, now }) : null;
  const warning = !ringing && alarms?.ringsHere && alarms.warning ? alarms.warning : null;
  const level: AlarmSoundLevel | null = ringing ?? (warning ? 'warn' : null);
  const volume = level ? volumeOf(level, alarms?.volume ?? 80) : 0;
  useTitleFlash(ringing !== null, t('alarms.titleFlash'));

  useEffect(() => {
    const el = audio.current;
    if (!el) return;
    if (!level) {
      el.pause();
      return;
    }
    el.loop = level !== 'warn';
    el.volume = volume;
    if (!el.src.endsWith(ALARM_SOUND_URLS[level])) el.src = ALARM_SOUND_URLS[level];
    el.play().then(
      () => setBlocked(false),
      (error: unknown) => {
        if ((error as { name?: string })?.name === 'NotAllowedError') setBlocked(true);
      },
    );
    // A warning's key is its firing: each warning plays once.
  }, [level, volume, warning?.at]);

  const enable = () => {
    void audio.current?.play().then(() => setBlocked(false), () => undefined);
  };

  return (
    <>
      <audio
        ref={audio}
        data-testid="alarm-sound"
        data-level={level ?? undefined}
        data-playing={String(playing)}
        preload="auto"
        onPlaying={() => setPlaying(true)}
        onPause={() => setPlaying(false)}
        onEnded={() => {
          setPlaying(false);
          if (level === 'warn') alarms?.clearWarning();
        }}
      />
      {blocked && level ? (
        <Alert color="red" variant="filled" role="alert" data-testid="alarm-sound-blocked" style={{ position: 'fixed', top: 8, left: '50%', transform: 'translateX(-50%)', zIndex: 1000, maxWidth: 560 }}>
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">{t('alarms.sound.blocked')}</Text>
            <Button size="xs" color="gray" variant="white" onClick={enable}>{t('alarms.sound.enable')}</Button>
          </Group>
        </Alert>
      ) : null}
    </>
  );
}
