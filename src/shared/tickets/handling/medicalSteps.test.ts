import { describe, expect, it } from 'vitest';
import { MINUTE, NOW, RECEIVED, opened, refusal, schemaAccepts, take } from './stepTesting';

// Emergency medical help (domain.md "Emergency medical help", R-MEDICAL-REPORT): the branch
// chosen opens its checklist, each line ticked with its time; a major case is reported at once.

const patient = () => opened({ kind: 'medical', urgency: 'urgent', description: '老人在家摔倒' });

describe('medical steps', () => {
  it('R-MEDICAL-REPORT: no checklist line is ticked before a branch is chosen', () => {
    expect(refusal(patient(), 'ticket.checked', { at: NOW, list: 'ambulance', item: 'called120' })).toBe('branchNotChosen');
  });

  it('R-MEDICAL-REPORT: only the chosen branch\'s checklist is ticked, each line with its time', () => {
    const ticket = take(patient(), 'ticket.medicalBranchChosen', { at: RECEIVED + MINUTE, branch: 'ambulance' });
    expect(ticket.handling?.medicalBranch).toBe('ambulance');
    expect(refusal(ticket, 'ticket.checked', { at: NOW, list: 'hospital', item: 'securityTold' })).toBe('notOnChecklist');
    // A line of another list is not a line of this one (the payload's own check).
    expect(schemaAccepts('ticket.checked', { at: NOW, list: 'ambulance', item: 'twoGuardsSent' })).toBe(false);
    let ticked = take(ticket, 'ticket.checked', { at: RECEIVED + 2 * MINUTE, list: 'ambulance', item: 'called120' });
    ticked = take(ticked, 'ticket.checked', { at: RECEIVED + 3 * MINUTE, list: 'ambulance', item: 'gateGuardReady' });
    expect(ticked.handling?.checked).toEqual({ 'ambulance.called120': RECEIVED + 2 * MINUTE, 'ambulance.gateGuardReady': RECEIVED + 3 * MINUTE });
  });

  it('R-MEDICAL-REPORT: short-term care keeps "a relative present" as its own line', () => {
    const ticket = take(patient(), 'ticket.medicalBranchChosen', { at: RECEIVED + MINUTE, branch: 'care' });
    const ticked = take(ticket, 'ticket.checked', { at: NOW, list: 'care', item: 'relativePresent' });
    expect(ticked.handling?.checked?.['care.relativePresent']).toBe(NOW);
  });

  it('R-MEDICAL-REPORT: a major case is marked with why, and the supervisor\'s report keeps its time', () => {
    let ticket = take(patient(), 'ticket.majorMarked', { at: RECEIVED + MINUTE, reason: '心脏骤停' });
    ticket = take(ticket, 'ticket.reportedUp', { at: RECEIVED + 2 * MINUTE, to: 'supervisor' });
    expect(ticket.handling).toMatchObject({ major: { at: RECEIVED + MINUTE, reason: '心脏骤停' }, reportedUp: { supervisor: RECEIVED + 2 * MINUTE } });
    // Marked at intake ("major" switch on the form): major from the first word.
    expect(opened({ kind: 'medical', major: true }).handling?.major?.at).toBe(RECEIVED);
  });
});
