import { describe, expect, it } from 'vitest';
import type { DeskEvent } from '../events/envelope';
import { formatHlc } from '../hlc';
import { checkEvent } from '../events/registry';
import { MAX_PAYLOAD_BYTES } from '../protocol/limits';
import { foldKey, type KeyRow } from './keyFold';
import { refuseKeyStep, type KeyStep } from './keyGuards';
import { MAX_DRAWN_SIGNATURE_CHARS } from './signature';

// Issue 16, R-KEYS: the key register's fold (any order once sorted, never refuses) and the guards
// the commands run before anything is written.

const T = Date.parse('2026-12-06T09:00:00+08:00');
let n = 0;
const ev = (stream: string, type: string, payload: object, millis = T + n * 1000): DeskEvent => {
  n += 1;
  return { id: `k${n}`, stream, type, hlc: formatHlc({ millis, counter: 0, node: '00000000000000fd' }), station: 'front-desk', actor: 'clerk', payload: payload as Record<string, unknown> };
};
const fold = (events: DeskEvent[]) => events.reduce<KeyRow | null>(foldKey, null);
const drawn = { kind: 'drawn' as const, png: 'data:image/png;base64,iVBORw0KGgo=' };
const pin = { kind: 'pin' as const, staffId: 'tech-1' };
const owner = { at: T, label: '3栋-1502 业主钥匙', category: 'owner', filedUnder: '3-1502' };
const plant = { at: T, label: '水泵房', category: 'plantRoom', filedUnder: '2号水泵' };

describe('key register (R-KEYS)', () => {
  it('R-KEYS: an owner\'s key is deposited (owner signs), lent, returned and handed back to its owner', () => {
    const s = 'key:k-owner';
    const registered = fold([ev(s, 'key.registered', owner)]);
    expect(registered).toMatchObject({ id: 'k-owner', out: 0, held: 0, category: 'owner', filedUnder: '3-1502' });
    const deposited = foldKey(registered, ev(s, 'key.deposited', { at: T + 60_000, owner: '张三', signature: drawn }));
    expect(deposited).toMatchObject({ held: 1, owner: '张三' });
    const lent = foldKey(deposited, ev(s, 'key.lent', { at: T + 120_000, borrower: '李师傅', identity: 'ownerAuthorised', purpose: 'owner', purposeText: '业主委托开门', signature: drawn }));
    expect(lent).toMatchObject({ out: 1, held: 0, loan: { borrower: '李师傅', purpose: 'owner' } });
    const back = foldKey(lent, ev(s, 'key.returned', { at: T + 180_000, kind: 'borrowed', by: '李师傅', signature: drawn }));
    expect(back).toMatchObject({ out: 0, held: 1, loan: null });
    const handed = foldKey(back, ev(s, 'key.returned', { at: T + 240_000, kind: 'toOwner', by: '张三', signature: drawn }));
    expect(handed).toMatchObject({ out: 0, held: 0, lastAt: T + 240_000 });
  });

  it('a plant-room key is at the desk from its registration; a second registration or an event on an unknown key changes nothing', () => {
    const row = fold([ev('key:p', 'key.registered', plant)]);
    expect(row).toMatchObject({ held: 1, out: 0 });
    expect(foldKey(row, ev('key:p', 'key.registered', { ...plant, label: '改名' }))).toBe(row);
    expect(foldKey(null, ev('key:q', 'key.lent', { at: T, borrower: 'x', identity: 'idCard', purpose: 'work', purposeText: 'x', signature: pin }))).toBeNull();
    expect(foldKey(row, ev('key:p', 'key.lent', { at: 'now', borrower: '' }))).toBe(row);
    expect(foldKey(row, ev('key:p', 'key.deleted', {}))).toBe(row);
  });

  it('the same events in any order, once sorted by hlc, give the same row', () => {
    const s = 'key:p2';
    const events = [
      ev(s, 'key.registered', plant),
      ev(s, 'key.lent', { at: T + 1, borrower: '王工', identity: 'staffCard', purpose: 'work', purposeText: '检修水泵', signature: pin }),
      ev(s, 'key.returned', { at: T + 2, kind: 'borrowed', by: '王工', signature: pin }),
    ];
    const sorted = [...events].reverse().sort((a, b) => (a.hlc < b.hlc ? -1 : 1));
    expect(fold(sorted)).toEqual(fold(events));
  });

  it('R-KEYS: common-area and plant-room keys are lent only for work; an owner\'s key only once deposited', () => {
    const plantRow = fold([ev('key:p3', 'key.registered', plant)])!;
    const lend = (purpose: 'work' | 'owner' | 'other'): KeyStep => ({ type: 'key.lent', payload: { at: T, borrower: '王工', identity: 'staffCard', purpose, purposeText: '检修', signature: pin } });
    expect(refuseKeyStep(plantRow, lend('other'), T)).toBe('workOnly');
    expect(refuseKeyStep(plantRow, lend('owner'), T)).toBe('workOnly');
    expect(refuseKeyStep(plantRow, lend('work'), T)).toBeNull();
    const ownerRow = fold([ev('key:o3', 'key.registered', owner)])!;
    expect(refuseKeyStep(ownerRow, lend('owner'), T)).toBe('notHeld');
    expect(refuseKeyStep(ownerRow, { type: 'key.returned', payload: { at: T, kind: 'toOwner', by: '张三', signature: drawn } }, T)).toBe('notHeld');
    expect(refuseKeyStep(plantRow, { type: 'key.deposited', payload: { at: T, owner: '张三', signature: drawn } }, T)).toBe('notOwnerKey');
    expect(refuseKeyStep(plantRow, { type: 'key.returned', payload: { at: T, kind: 'borrowed', by: '王工', signature: pin } }, T)).toBe('notOut');
    const out = foldKey(plantRow, ev('key:p3', 'key.lent', lend('work').payload))!;
    expect(refuseKeyStep(out, lend('work'), T)).toBe('alreadyOut');
    expect(refuseKeyStep(null, lend('work'), T)).toBe('unknownKey');
    expect(refuseKeyStep(plantRow, { type: 'key.registered', payload: { ...plant, category: 'plantRoom' } }, T)).toBe('alreadyRegistered');
    expect(refuseKeyStep(plantRow, { ...lend('work'), payload: { ...lend('work').payload, at: T + 3_600_000 } } as KeyStep, T)).toBe('future');
  });

  it('R-KEYS: a drawn signature is kept in the event within the payload limit; a bigger one is refused by the schema and the guard', () => {
    const big = `data:image/png;base64,${'A'.repeat(MAX_DRAWN_SIGNATURE_CHARS)}`;
    expect(checkEvent({ stream: 'key:k', type: 'key.deposited', payload: { at: T, owner: '张三', signature: { kind: 'drawn', png: big } } })).toMatchObject({ ok: false, reason: 'invalidPayload' });
    const largest = `data:image/png;base64,${'A'.repeat(MAX_DRAWN_SIGNATURE_CHARS - 22)}`;
    const payload = { at: T, borrower: '李'.repeat(40), identity: 'idCard', purpose: 'owner', purposeText: '开'.repeat(200), signature: { kind: 'drawn', png: largest } };
    expect(checkEvent({ stream: 'key:k', type: 'key.lent', payload })).toMatchObject({ ok: true });
    expect(new TextEncoder().encode(JSON.stringify(payload)).length).toBeLessThan(MAX_PAYLOAD_BYTES);
    const ownerRow = foldKey(null, ev('key:o4', 'key.registered', owner))!;
    expect(refuseKeyStep(ownerRow, { type: 'key.deposited', payload: { at: T, owner: '张三', signature: { kind: 'drawn', png: big } } }, T)).toBe('signatureTooLarge');
    expect(checkEvent({ stream: 'key:k', type: 'key.deposited', payload: { at: T, owner: '张三', signature: { kind: 'drawn', png: 'javascript:alert(1)' } } })).toMatchObject({ ok: false });
  });
});
