import { describe, expect, it } from 'vitest';
import { RESIDENT_ADDED, RESIDENT_UPDATED, UNIT_ADDED, UNIT_UPDATED } from '../directoryEvents';
import { phoneRemovals, planImport, type ExistingDirectory } from './importPlan';
import { previewImport, type ImportPreview } from './importPreview';

const shenzhen = { countryCode: '86', areaCode: '755' };
const nothing: ExistingDirectory = { units: new Map(), residents: [] };

function preview(rows: string[][]): ImportPreview {
  const result = previewImport([['楼号', '房号', '姓名', '身份', '电话', '备注', '房屋备注'], ...rows], shenzhen);
  if (!result.ok) throw new Error(result.problem);
  return result.preview;
}

let next = 0;
const newId = () => `r${++next}`;

describe('planImport', () => {
  const withError = preview([['3', '1502', '张三', '业主', '13800138000', '', '独居'], ['3', '1503', '', '', '13900139000', '', '']]);

  it('imports nothing from a file with errors unless asked for the valid rows only', () => {
    expect(planImport(withError, 'all', nothing, newId)).toEqual({ ok: false, problem: 'hasErrors' });
    const plan = planImport(withError, 'validOnly', nothing, newId);
    expect(plan.ok && plan.counts).toEqual({ unitsAdded: 1, unitsUpdated: 0, residentsAdded: 1, residentsUpdated: 0, unchanged: 0, skippedRows: 1 });
    expect(plan.ok && plan.drafts.map((d) => [d.stream, d.type])).toEqual([['unit:3-1502', UNIT_ADDED], ['resident:r1', RESIDENT_ADDED]]);
    expect(plan.ok && plan.drafts[0]?.payload).toEqual({ building: '3', room: '1502', floor: 15, notes: '独居' });
  });

  it('refuses when no row is valid', () => {
    expect(planImport(preview([['', '', '', '', '', '', '']].concat([['x', '', '', '', '', '', '']])), 'validOnly', nothing, newId)).toEqual({ ok: false, problem: 'nothingToImport' });
  });

  it('updates residents already in the unit instead of adding them twice, leaving empty cells alone', () => {
    const existing: ExistingDirectory = {
      units: new Map([['3-1502', { id: '3-1502', floor: 15, notes: '独居', added: 1 }]]),
      residents: [
        { id: 'old', unitId: '3-1502', name: '张三', relation: 'tenant', phoneNumbers: [{ e164: '+8613900139000' }], notes: '腿脚不便', active: 0, added: 1 },
      ],
    };
    const plan = planImport(preview([['3栋', '1502', '张三', '', '13800138000', '', '']]), 'all', existing, newId);
    // U2: the number the row lacks is kept unless the user chose replace.
    expect(plan.ok && plan.drafts).toEqual([
      { stream: 'resident:old', type: RESIDENT_UPDATED, payload: { phones: [{ e164: '+8613900139000' }, { e164: '+8613800138000' }], active: true } },
    ]);
    const again = planImport(preview([['3', '1502', '张三', '租户', '13900139000', '腿脚不便', '独居老人']]), 'all', { ...existing, residents: [{ ...existing.residents[0]!, active: 1 }] }, newId);
    expect(again.ok && again.drafts.map((d) => d.type)).toEqual([UNIT_UPDATED]);
    expect(again.ok && again.counts.unchanged).toBe(1);
  });

  const twoNumbers: ExistingDirectory = {
    units: new Map([['3-1502', { id: '3-1502', floor: 15, notes: '', added: 1 }]]),
    residents: [
      { id: 'zs', unitId: '3-1502', name: '张三', relation: 'owner', phoneNumbers: [{ e164: '+8613800138000' }, { e164: '+8613900139000' }], notes: '', active: 1, added: 1 },
      { id: 'ls', unitId: '3-1502', name: '李四', relation: 'owner', phoneNumbers: [{ e164: '+8613700137000' }], notes: '', active: 1, added: 1 },
    ],
  };
  const oneNumber = preview([['3', '1502', '张三', '', '13800138000', '', ''], ['3', '1502', '李四', '', '13600136000', '', '']]);

  it('U2: the preview names, per row, the numbers a replace would remove', () => {
    expect(phoneRemovals(oneNumber, twoNumbers)).toEqual(new Map([[2, [{ e164: '+8613900139000' }]], [3, [{ e164: '+8613700137000' }]]]));
    expect(phoneRemovals(oneNumber, nothing)).toEqual(new Map());
  });

  it('U2: a row with fewer numbers keeps the others by default; replace per row removes them', () => {
    const kept = planImport(oneNumber, 'all', twoNumbers, newId);
    expect(kept.ok && kept.drafts).toEqual([
      { stream: 'resident:ls', type: RESIDENT_UPDATED, payload: { phones: [{ e164: '+8613700137000' }, { e164: '+8613600136000' }] } },
    ]);
    expect(kept.ok && kept.counts.unchanged).toBe(1);
    const mixed = planImport(oneNumber, 'all', twoNumbers, newId, new Map([[2, 'replace'], [3, 'keep']]));
    expect(mixed.ok && mixed.drafts).toEqual([
      { stream: 'resident:zs', type: RESIDENT_UPDATED, payload: { phones: [{ e164: '+8613800138000' }] } },
      { stream: 'resident:ls', type: RESIDENT_UPDATED, payload: { phones: [{ e164: '+8613700137000' }, { e164: '+8613600136000' }] } },
    ]);
  });

  it('U17: a row with a unit and no one in it adds or updates the unit only', () => {
    const plan = planImport(preview([['9', '0901', '', '', '', '', '空置,钥匙在前台']]), 'all', nothing, newId);
    expect(plan.ok && plan.drafts).toEqual([{ stream: 'unit:9-0901', type: UNIT_ADDED, payload: { building: '9', room: '0901', floor: 9, notes: '空置,钥匙在前台' } }]);
  });
});
