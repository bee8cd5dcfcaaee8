import { describe, expect, it } from 'vitest';
import type { DeskBridge } from '@shared/bridge/contract';
import type { AlarmDeadline } from '@shared/alarms/alarmList';
import { createHostHandover } from './hostHandover';

// Issue 15: the host gets the whole list first, then only what changed; after a call the bridge
// could not take, the whole list again (the host may have missed anything).

const due = Date.UTC(2026, 11, 6, 12);
const d = (id: string, dueAt = due): AlarmDeadline => ({ id, dueAt, labels: { number: id } });

function fakeBridge() {
  const calls: { method: string; args: unknown[] }[] = [];
  let failNext = false;
  const bridge = {
    invoke: (method: string, ...args: unknown[]) => {
      calls.push({ method, args });
      if (failNext) {
        failNext = false;
        return Promise.reject(new Error('bridge disconnected'));
      }
      return Promise.resolve({ ok: true, count: 0 });
    },
    on: () => () => undefined,
  } as unknown as DeskBridge;
  return { bridge, calls, failOnce: () => void (failNext = true) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('host handover', () => {
  it('sends the first list whole, then only the deadlines added, changed or removed; nothing when nothing changed', async () => {
    const { bridge, calls } = fakeBridge();
    const handover = createHostHandover(bridge, () => undefined, 10);
    handover.offer([d('a'), d('b')]);
    await settle();
    handover.offer([d('a'), d('b', due + 60_000), d('c')]);
    await settle();
    handover.offer([d('b', due + 60_000), d('c')]);
    await settle();
    handover.offer([d('b', due + 60_000), d('c')]);
    await settle();
    expect(calls).toEqual([
      { method: 'alarms:set', args: [[d('a'), d('b')]] },
      { method: 'alarms:patch', args: [[d('b', due + 60_000), d('c')], []] },
      { method: 'alarms:patch', args: [[], ['a']] },
    ]);
    handover.dispose();
  });

  it('after a call the bridge could not take, the newest list goes whole when it is back', async () => {
    const { bridge, calls, failOnce } = fakeBridge();
    const handover = createHostHandover(bridge, () => undefined, 10);
    handover.offer([d('a')]);
    await settle();
    failOnce();
    handover.offer([d('a'), d('b')]);
    await settle();
    handover.offer([d('b')]);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(calls.map((c) => c.method)).toEqual(['alarms:set', 'alarms:patch', 'alarms:set']);
    expect(calls.at(-1)?.args).toEqual([[d('b')]]);
    handover.dispose();
  });

  it('a change offered (the deriver\'s, not the whole list) goes as it is; changes offered while a call is under way go together after it; what the host holds already is not sent', async () => {
    const { bridge, calls } = fakeBridge();
    let answer: (() => void) | null = null;
    const slow = {
      ...bridge,
      invoke: (method: string, ...args: unknown[]) => {
        const result = (bridge.invoke as (m: string, ...a: unknown[]) => Promise<unknown>)(method, ...args);
        return method === 'alarms:patch' && !answer ? new Promise((resolve) => (answer = () => resolve(result))) : result;
      },
    } as unknown as DeskBridge;
    const handover = createHostHandover(slow, () => undefined, 10);
    const whole = [d('a'), d('b')];
    let all = () => whole;
    const all0 = () => all();
    handover.offer(whole);
    await settle();
    handover.offer({ all: all0, upserts: [d('c')], removes: [] });
    await settle();
    // Under way: these wait, and a remove cancels the upsert of the same id before it.
    handover.offer({ all: all0, upserts: [d('d'), d('e')], removes: ['a'] });
    handover.offer({ all: all0, upserts: [d('b')], removes: ['e'] });
    all = () => [d('b'), d('c'), d('d')];
    answer!();
    await settle();
    await settle();
    expect(calls.map((c) => [c.method, ...c.args])).toEqual([
      ['alarms:set', [d('a'), d('b')]],
      ['alarms:patch', [d('c')], []],
      // b unchanged (the host has it), e never sent.
      ['alarms:patch', [d('d')], ['a']],
    ]);
    handover.dispose();
  });

  it('after a change the bridge could not take, the newest list goes whole (read from the deriver then)', async () => {
    const { bridge, calls, failOnce } = fakeBridge();
    const handover = createHostHandover(bridge, () => undefined, 10);
    handover.offer([d('a')]);
    await settle();
    failOnce();
    handover.offer({ all: () => [d('a'), d('b')], upserts: [d('b')], removes: [] });
    await settle();
    handover.offer({ all: () => [d('b'), d('c')], upserts: [d('c')], removes: ['a'] });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(calls.map((c) => c.method)).toEqual(['alarms:set', 'alarms:patch', 'alarms:set']);
    expect(calls.at(-1)?.args).toEqual([[d('b'), d('c')]]);
    handover.dispose();
  });
});
