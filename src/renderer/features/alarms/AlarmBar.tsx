import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Group, Paper, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Translate } from '../ticket/timelineText';
import { useNow } from '../../desk/useNow';
import type { Actor } from '../handling/stepCommands';
import { useAlarms } from './AlarmContext';
import { AlarmItem } from './AlarmItem';
import { PinAckModal } from './PinAckModal';
import { SnoozeModal } from './SnoozeModal';
import { alarmErrorText } from './alarmError';
import type { AlarmView } from './deriveAlarms';

/** A clock still an hour or more from its warning is not an alarm yet: the ticket view lists it. */
const SHOW_AHEAD_MS = 60 * 60_000;
/** Items shown before "n more". */
const FOLDED = 4;

interface Props {
  /** The person signed in; null on the lock screen (acknowledging asks for a PIN there). */
  signedIn: Actor | null;
  timeZone: string;
  /** Opens the request (the desk); absent on the lock screen. */
  onOpen?: (ticketId: string) => void;
}

/**
 * Issue 15: the alarm bar, on every screen of the desk and on the lock screen: the alarms with
 * live countdowns, ringing ones first, escalations to the signed-in person's role first of all.
 */
export function AlarmBar({ signedIn, timeZone, onOpen }: Props) {
  const { t } = useTranslation();
  const tx = t as unknown as Translate;
  const alarms = useAlarms();
  const now = useNow(1000);
  const [expanded, setExpanded] = useState(false);
  const [snoozing, setSnoozing] = useState<AlarmView | null>(null);
  const [pinFor, setPinFor] = useState<AlarmView | null>(null);
  const role = signedIn?.role ?? null;
  const views = alarms?.views ?? null;
  const ringingIds = alarms?.ringing;
  // Once per change of the list, the ringing or the second: a derivation that changed nothing
  // shown keeps every item's props, so the items (memo) do not render again.
  const shown = useMemo(() => {
    if (!views || !ringingIds) return [];
    const forMe = (v: AlarmView) => Boolean(v.escalated && role && v.escalated.to === role && !v.acknowledged);
    return views
      .filter((v) => ringingIds.has(v.id) || v.escalated || v.late || v.warnAt - now < SHOW_AHEAD_MS)
      .map((view) => ({ view, ringing: ringingIds.has(view.id) && !view.acknowledged, mine: forMe(view) }))
      .sort((a, b) => Number(b.mine) - Number(a.mine) || Number(b.ringing) - Number(a.ringing) || a.view.dueAt - b.view.dueAt);
  }, [views, ringingIds, now, role]);
  // The handlers read the newest alarms and person when clicked: the items' props stay the same.
  const latest = useRef({ alarms, signedIn, tx });
  useEffect(() => {
    latest.current = { alarms, signedIn, tx };
  }, [alarms, signedIn, tx]);
  const acknowledge = useCallback((view: AlarmView) => {
    const { alarms: current, signedIn: who, tx: text } = latest.current;
    if (!who) return setPinFor(view);
    current?.acknowledge(view, who).catch((error: unknown) => notifications.show({ color: 'red', message: alarmErrorText(text, error) }));
  }, []);
  const snooze = useCallback((view: AlarmView) => setSnoozing(view), []);
  if (!alarms?.views || shown.length === 0) return null;
  const visible = expanded ? shown : shown.slice(0, FOLDED);
  const mine = shown.find((s) => s.mine);

  return (
    <Paper
      withBorder
      p={6}
      mb="sm"
      data-testid="alarm-bar"
      aria-label={t('alarms.bar.label')}
      shadow={mine ? 'md' : 'xs'}
      // On the desk it stays in view under the header while a long screen scrolls.
      style={onOpen ? { position: 'sticky', top: 'calc(var(--app-shell-header-height, 56px) + 4px)', zIndex: 150 } : undefined}
    >
      <Stack gap={4}>
        {mine ? (
          <Alert color="red" variant="filled" py={6} data-testid="alarm-escalated-for-me">
            {t('alarms.bar.escalatedForYou', { role: t(`deadlines.escalateTo.${mine.view.escalated!.to}`) })}
          </Alert>
        ) : null}
        {visible.map(({ view, ringing, mine: isMine }) => (
          <AlarmItem
            key={view.id}
            view={view}
            now={now}
            ringing={ringing}
            forMe={isMine}
            timeZone={timeZone}
            onOpen={onOpen}
            onAcknowledge={acknowledge}
            onSnooze={signedIn ? snooze : undefined}
          />
        ))}
        {shown.length > FOLDED ? (
          <Group justify="flex-end">
            <Button size="compact-xs" variant="subtle" onClick={() => setExpanded((e) => !e)}>
              {expanded ? t('alarms.bar.less') : t('alarms.bar.more', { count: shown.length - FOLDED })}
            </Button>
          </Group>
        ) : null}
      </Stack>
      {snoozing && signedIn ? (
        <SnoozeModal view={snoozing} onSnooze={(minutes, reason) => alarms.snooze(snoozing, minutes, reason, signedIn)} onClose={() => setSnoozing(null)} />
      ) : null}
      {pinFor ? (
        <PinAckModal db={alarms.db} store={alarms.store} view={pinFor} onAcknowledge={(actor) => alarms.acknowledge(pinFor, actor)} onClose={() => setPinFor(null)} />
      ) : null}
    </Paper>
  );
}
