import { describe, expect, it } from 'vitest';
import { MINUTE, NOW, RECEIVED, opened, refusal, schemaAccepts, take } from './stepTesting';

// Security incidents and disasters (domain.md, R-EMERGENCY-NUMBERS, R-INCIDENT-PRINCIPLES,
// R-SPECIAL-EVENT): each call with its time, the subtype's checklist, the special event report.

const theft = () => opened({ kind: 'security', urgency: 'urgent', building: '', room: '', unitKey: '', place: 'carPark', details: { subtype: 'theft', happenedAt: RECEIVED - 30 * MINUTE } });
const fire = () => opened({ kind: 'disaster', urgency: 'urgent', details: { subtype: 'fire' } });
const report = (mode: 'phone' | 'written', at: number) => ({ at, mode, happenedAt: RECEIVED - 30 * MINUTE, place: '地下车库B2', course: '车窗被砸,包被盗', outcome: '已报警,派出所受理' });

describe('incident steps', () => {
  it('R-EMERGENCY-NUMBERS: each of 110, 119, 120, 122 called is kept with its time; no other number', () => {
    let ticket = take(fire(), 'ticket.emergencyCalled', { at: RECEIVED + MINUTE, number: '119' });
    ticket = take(ticket, 'ticket.emergencyCalled', { at: RECEIVED + 2 * MINUTE, number: '120' });
    expect(ticket.handling?.emergencyCalls).toEqual({ 119: RECEIVED + MINUTE, 120: RECEIVED + 2 * MINUTE });
    expect(ticket.status).toBe('inProgress');
    expect(schemaAccepts('ticket.emergencyCalled', { at: NOW, number: '999' })).toBe(false);
  });

  it('R-INCIDENT-PRINCIPLES: a fire ticks the fire checklist, not the crime one', () => {
    expect(refusal(fire(), 'ticket.checked', { at: NOW, list: 'crime', item: 'called110' })).toBe('notOnChecklist');
    const ticket = take(fire(), 'ticket.checked', { at: NOW, list: 'fire', item: 'powerGasCut' });
    expect(ticket.handling?.checked).toEqual({ 'fire.powerGasCut': NOW });
  });

  it('R-INCIDENT-PRINCIPLES: a theft ticks the lost-property and crime checklists', () => {
    expect(refusal(theft(), 'ticket.checked', { at: NOW, list: 'lostProperty', item: 'cctvReviewed' })).toBeNull();
    expect(refusal(theft(), 'ticket.checked', { at: NOW, list: 'crime', item: 'called110' })).toBeNull();
    expect(refusal(theft(), 'ticket.checked', { at: NOW, list: 'fire', item: 'called119' })).toBe('notOnChecklist');
  });

  it('R-SPECIAL-EVENT: the report is the supervisor\'s; the phone report and the written one keep their times', () => {
    const ticket = theft();
    expect(ticket.handling).toMatchObject({ place: 'carPark', details: { subtype: 'theft', happenedAt: RECEIVED - 30 * MINUTE } });
    expect(refusal(ticket, 'ticket.specialReportSent', report('written', NOW), 'clerk')).toBe('notPermitted');
    let reported = take(ticket, 'ticket.specialReportSent', report('phone', RECEIVED + 10 * MINUTE), 'supervisor');
    reported = take(reported, 'ticket.specialReportSent', report('written', NOW), 'manager');
    expect(reported.handling?.specialReport).toEqual({ phoneAt: RECEIVED + 10 * MINUTE, writtenAt: NOW });
    // Reporting up changes nothing of the handling's status.
    expect(reported.status).toBe(ticket.status);
  });

  it('R-SPECIAL-EVENT: a report states time, place, course and outcome', () => {
    for (const field of ['place', 'course', 'outcome'] as const) {
      expect(schemaAccepts('ticket.specialReportSent', { ...report('written', NOW), [field]: ' ' })).toBe(false);
    }
    const { happenedAt: _happenedAt, ...withoutTime } = report('written', NOW);
    expect(schemaAccepts('ticket.specialReportSent', withoutTime)).toBe(false);
  });
});
