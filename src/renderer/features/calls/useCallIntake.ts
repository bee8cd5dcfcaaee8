import { useState } from 'react';
import { can } from '@shared/domain/roles';
import { useDesk } from '../../desk/DeskContext';
import { useIncomingCall } from './IncomingCallContext';
import type { IntakePrefill } from '../intake/IntakeForm';
import { dismissCall, linkCall } from './callCommands';

export interface NewCaller {
  building: string;
  room: string;
  name: string;
  e164: string;
}

/**
 * From the call panel to a saved request: the intake is prefilled from the chosen unit and the
 * ring time; saving links the call to the request, and an unknown number is offered to the
 * directory afterwards.
 */
export function useCallIntake() {
  const { store, staff } = useDesk();
  const { waitingCalls, removeCall } = useIncomingCall();
  const [intake, setIntake] = useState<{ prefill: IntakePrefill; callId: string | null; offerNumber: string | null } | null>(null);
  const [newCaller, setNewCaller] = useState<NewCaller | null>(null);

  const startFromCall = (callId: string, unitIndex: number | null) => {
    const incoming = waitingCalls.find((c) => c.callId === callId);
    if (!incoming) return;
    const { call, e164, matches } = incoming;
    const match = unitIndex === null ? undefined : matches[unitIndex];
    const resident = match?.residents.find((r) => e164 !== null && r.phones.includes(e164)) ?? match?.residents[0];
    setIntake({
      callId,
      // Only a number that can be dialled back (never a withheld one, U19) and only for a role
      // that may edit the directory is offered to it.
      offerNumber: e164 && !call.withheld && matches.length === 0 && can(staff.role, 'directory.edit') ? e164 : null,
      prefill: {
        channel: 'phone', building: match?.unit.building ?? '', room: match?.unit.room ?? '',
        callerName: resident?.name ?? call.name ?? '', callerPhone: e164 ?? call.number ?? '', receivedAt: call.at,
      },
    });
    removeCall(callId);
  };

  /** "No request": logged as such (U19: each waiting call is dismissed on its own). */
  const dismiss = (callId: string) => {
    void dismissCall(store, callId, staff.id);
    removeCall(callId);
  };

  const saved = async (ticketId: string, number: string, values: { building: string; room: string; callerName: string }) => {
    if (intake?.callId) await linkCall(store, intake.callId, ticketId, number, staff.id);
    if (intake?.offerNumber) setNewCaller({ building: values.building, room: values.room, name: values.callerName, e164: intake.offerNumber });
    setIntake(null);
  };

  /** U5: back to a call's request kept as a draft (after a lock or reload); the form restores the typed values. */
  const resume = (call: { callId: string | null; offerNumber: string | null }, receivedAt: number) => setIntake({ ...call, prefill: { receivedAt } });

  return { intake, startFromCall, resume, dismiss, saved, closeIntake: () => setIntake(null), newCaller, closeNewCaller: () => setNewCaller(null) };
}
