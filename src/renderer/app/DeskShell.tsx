import { lazy, Suspense, useCallback, useState } from 'react';
import { AppShell, Group, NavLink, Stack } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { can } from '@shared/domain/roles';
import { useDesk } from '../desk/DeskContext';
import { DeskHeader } from './DeskHeader';
import { QueueScreen } from '../features/queue/QueueScreen';
import { IntakeModal } from '../features/intake/IntakeModal';
import { useDraftResume } from '../features/drafts/useDraftResume';
import { TicketView } from '../features/ticket/TicketView';
import { StaffScreen } from '../features/staff/StaffScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { SettingsWarning } from '../components/SettingsWarning';
import { CallPanel } from '../features/calls/CallPanel';
import { AddCallerModal } from '../features/calls/AddCallerModal';
import { useCallIntake } from '../features/calls/useCallIntake';
import { useIncomingCall } from '../features/calls/IncomingCallContext';
import { CallLogScreen } from '../features/calls/CallLogScreen';
import { SyncScreen } from '../features/sync/SyncScreen';
import { AlarmBar } from '../features/alarms/AlarmBar';
import { KeysScreen } from '../features/keys/KeysScreen';
import { LeftoversScreen } from '../features/leftovers/LeftoversScreen';
import { ReviewDueBadge } from '../features/shiftLog/ReviewDueBadge';
import { DutyScreen } from '../features/duty/DutyScreen';
import { HandoverScreen } from '../features/handover/HandoverScreen';

// The directory brings the spreadsheet readers and writers: loaded when first opened, not at start.
const DirectoryScreen = lazy(() => import('../features/directory/DirectoryScreen').then((m) => ({ default: m.DirectoryScreen })));
// The registers bring the xlsx writer too (issue 14).
const RegistersScreen = lazy(() => import('../features/registers/RegistersScreen').then((m) => ({ default: m.RegistersScreen })));
// Issue 16: the shift log and the daily report export to xlsx as well.
const ShiftLogScreen = lazy(() => import('../features/shiftLog/ShiftLogScreen').then((m) => ({ default: m.ShiftLogScreen })));

export type View = { name: 'queue' } | { name: 'ticket'; id: string } | { name: 'calls' } | { name: 'registers' } | { name: 'directory' } | { name: 'staff' } | { name: 'settings' } | { name: 'sync' } | { name: 'keys' } | { name: 'leftovers' } | { name: 'shiftLog' } | { name: 'duty' } | { name: 'handover' };

export function DeskShell() {
  const { t } = useTranslation();
  const desk = useDesk();
  const [view, setView] = useState<View>({ name: 'queue' });
  const [intakeOpen, setIntakeOpen] = useState(false);
  const calls = useCallIntake();
  const { waitingCalls } = useIncomingCall();
  const openTicket = useCallback((id: string) => setView({ name: 'ticket', id }), []);
  // U5: a draft comes back on sign-in/unlock, and with "new request".
  const openIntake = useDraftResume({ openIntake: () => setIntakeOpen(true), openCallIntake: calls.resume, openTicket });

  // Keyboard first: a new request from anywhere (Ctrl+N in the desktop shell; F2 also works in
  // a browser, where Ctrl+N belongs to the browser), and lock the shared workstation.
  useHotkeys(
    [
      ['mod+N', openIntake],
      ['F2', openIntake],
      ['mod+L', () => desk.lock()],
    ],
    [],
  );

  // Issue 13: the Sync screen is for supervisors and managers (the roles holding settings.manage).
  const maySeeSync = can(desk.staff.role, 'settings.manage');
  const nav = [
    { view: { name: 'queue' } as View, label: t('common.nav.queue'), show: true },
    { view: { name: 'calls' } as View, label: t('common.nav.calls'), show: true },
    // Issue 16: who holds the desk; the night transfer and the morning's taking back (R-NIGHT-TRANSFER).
    { view: { name: 'duty' } as View, label: t('duty.nav'), show: true },
    // Issue 16, R-HANDOVER-READ / R-HANDOVER-SIGN: coming on duty and leaving.
    { view: { name: 'handover' } as View, label: t('handover.nav'), show: true },
    // Issue 16, R-MORNING-REVIEW / R-DAILY-REPORT: the shift log, the review, the daily report.
    { view: { name: 'shiftLog' } as View, label: t('shiftLog.title'), show: true },
    { view: { name: 'registers' } as View, label: t('common.nav.registers'), show: true },
    // Issue 16: the key register (R-KEYS) and the leftover-issues file (R-LEFTOVER).
    { view: { name: 'keys' } as View, label: t('keys.nav'), show: can(desk.staff.role, 'keys.manage') },
    { view: { name: 'leftovers' } as View, label: t('keys.leftovers.nav'), show: true },
    // R-CONFIDENTIAL: only roles allowed to look residents up see the directory.
    { view: { name: 'directory' } as View, label: t('common.nav.directory'), show: can(desk.staff.role, 'directory.browse') },
    { view: { name: 'staff' } as View, label: t('common.nav.staff'), show: can(desk.staff.role, 'staff.manage') },
    { view: { name: 'sync' } as View, label: t('common.nav.sync'), show: maySeeSync },
    { view: { name: 'settings' } as View, label: t('common.nav.settings'), show: true },
  ];

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 180, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <DeskHeader onNewRequest={openIntake} onOpenSync={maySeeSync ? () => setView({ name: 'sync' }) : null} />
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <Stack gap={4}>
          {nav.filter((n) => n.show).map((n) => (
            <NavLink key={n.view.name} label={n.label} active={view.name === n.view.name} onClick={() => setView(n.view)} />
          ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>
        <AlarmBar signedIn={{ id: desk.staff.id, role: desk.staff.role }} timeZone={desk.station.timeZone} onOpen={openTicket} />
        <Group mb="sm"><SettingsWarning state={desk.hostSettings} /><ReviewDueBadge onOpen={() => setView({ name: 'shiftLog' })} /></Group>
        {view.name === 'queue' ? <QueueScreen onOpen={openTicket} /> : null}
        {view.name === 'ticket' ? <TicketView ticketId={view.id} onBack={() => setView({ name: 'queue' })} /> : null}
        {view.name === 'calls' ? <CallLogScreen /> : null}
        {view.name === 'duty' ? <DutyScreen onOpen={openTicket} /> : null}
        {view.name === 'handover' ? <HandoverScreen onOpenTicket={openTicket} onOpenLeftovers={() => setView({ name: 'leftovers' })} /> : null}
        {view.name === 'shiftLog' ? <Suspense fallback={null}><ShiftLogScreen onOpenTicket={openTicket} /></Suspense> : null}
        {view.name === 'registers' ? <Suspense fallback={null}><RegistersScreen /></Suspense> : null}
        {view.name === 'directory' ? <Suspense fallback={null}><DirectoryScreen /></Suspense> : null}
        {view.name === 'keys' ? <KeysScreen /> : null}
        {view.name === 'leftovers' ? <LeftoversScreen onOpenTicket={openTicket} /> : null}
        {view.name === 'staff' ? <StaffScreen /> : null}
        {view.name === 'settings' ? <SettingsScreen /> : null}
        {view.name === 'sync' && maySeeSync ? <SyncScreen /> : null}
      </AppShell.Main>
      <IntakeModal opened={intakeOpen} onClose={() => setIntakeOpen(false)} onSaved={() => setView({ name: 'queue' })} />
      {waitingCalls.length > 0 && !calls.intake ? <CallPanel waiting={waitingCalls} onStartIntake={calls.startFromCall} onDismiss={calls.dismiss} /> : null}
      <IntakeModal opened={Boolean(calls.intake)} prefill={calls.intake?.prefill} call={calls.intake ? { callId: calls.intake.callId, offerNumber: calls.intake.offerNumber } : null} onClose={calls.closeIntake} onSaved={(id, number, values) => void calls.saved(id, number, values)} />
      {calls.newCaller ? <AddCallerModal caller={calls.newCaller} onClose={calls.closeNewCaller} /> : null}
    </AppShell>
  );
}
