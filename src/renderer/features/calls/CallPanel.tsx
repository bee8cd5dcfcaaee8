import { useEffect, useRef, useState, type RefObject } from 'react';
import { Modal, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../desk/DeskContext';
import { formatTime } from '../../i18n/format';
import type { IncomingCall } from './callCommands';
import { CallDetails } from './CallDetails';
import { WaitingCallList } from './WaitingCallList';

interface Props {
  /** Newest first; never empty. */
  waiting: IncomingCall[];
  onStartIntake(callId: string, unitIndex: number | null): void;
  onDismiss(callId: string): void;
}

/**
 * What the clerk sees as the phone rings. U19: a second ring does not replace the call being
 * read: it joins the list of waiting calls above (newest on top), each taken or dismissed on its
 * own; the call shown stays until the clerk picks another or it is done.
 */
export function CallPanel({ waiting, onStartIntake, onDismiss }: Props) {
  const { t, i18n } = useTranslation();
  const { station } = useDesk();
  const [picked, setPicked] = useState(waiting[0]!.callId);
  const startRef = useRef<HTMLButtonElement>(null);
  const shown = waiting.find((c) => c.callId === picked) ?? waiting[0]!;
  if (shown.callId !== picked) setPicked(shown.callId);
  // The keyboard stays in the panel: Enter then starts the call shown.
  const focusStart = () => setTimeout(() => startRef.current?.focus());
  const show = (callId: string) => {
    setPicked(callId);
    focusStart();
  };
  const dismissFromList = (callId: string) => {
    onDismiss(callId);
    focusStart();
  };
  useEarlyEnter(startRef);

  return (
    <Modal
      opened
      onClose={() => onDismiss(shown.callId)}
      title={t('calls.panelTitle', { time: formatTime(shown.call.at, station.timeZone, i18n.language) })}
      size="xl"
      data-testid="call-panel"
    >
      <Stack>
        {waiting.length > 1 ? <WaitingCallList waiting={waiting} shownId={shown.callId} onShow={show} onDismiss={dismissFromList} /> : null}
        <CallDetails key={shown.callId} incoming={shown} startRef={startRef} onStartIntake={(unit) => onStartIntake(shown.callId, unit)} onDismiss={() => onDismiss(shown.callId)} />
      </Stack>
    </Modal>
  );
}

/**
 * U19: the panel's focus lands on 开始受理 on the focus trap's timers, which a busy machine runs
 * late; an Enter pressed before then went to whatever had the focus behind the panel and started
 * nothing (CI saw it). While the panel is open, an Enter whose focus is in no dialog starts the
 * call shown, as it would once the focus is there. Keys in a dialog (this panel, a form over it)
 * are theirs.
 */
function useEarlyEnter(startRef: RefObject<HTMLButtonElement | null>) {
  useEffect(() => {
    const early = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || event.isComposing || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
      const active = document.activeElement;
      if (active instanceof Element && active.closest('[role="dialog"]')) return;
      const start = startRef.current;
      if (!start) return;
      event.preventDefault();
      event.stopPropagation();
      start.focus();
      start.click();
    };
    document.addEventListener('keydown', early, true);
    return () => document.removeEventListener('keydown', early, true);
  }, [startRef]);
}
