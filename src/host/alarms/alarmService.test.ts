import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultHostSettings } from '../../shared/bridge/contract';
import { dispatch } from '../../shared/bridge/dispatch';
import type { AlarmFiring as FiredEvent } from '../../shared/alarms/alarmContract';
import { Random } from '../../../tests/hub/support/random';
import { createHostServices, type HostServices, type ShellHooks } from '../hostServices';
import type { AlarmFiring } from './alarmClock';

// The alarm service as both shells run it: the real host services, the real alarm clock (real
// timers), a temporary data folder. What a renderer sees (HostEvents, the bridge answers) and
// what the desktop shell is asked to do (onAlarm, onQuiet) are what is asserted.

const running: HostServices[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.dispose()));
});

interface Shell {
  hooks: ShellHooks;
  alarms: { firing: AlarmFiring; ringing: number }[];
  quiet: number;
}

function shell(): Shell {
  const record: Shell = {
    alarms: [],
    quiet: 0,
    hooks: {
      shell: 'web',
      version: 'test',
      requestAttention: () => {},
      keepAwake: () => false,
      onAlarm: (firing, ringing) => record.alarms.push({ firing, ringing }),
      onQuiet: () => {
        record.quiet++;
      },
    },
  };
  return record;
}

async function start(dataDir: string, hooks: ShellHooks): Promise<HostServices> {
  const services = await createHostServices(dataDir, hooks);
  running.push(services);
  return services;
}

function firedEvents(services: HostServices): FiredEvent[] {
  const fired: FiredEvent[] = [];
  services.events.subscribe((event, payload) => {
    if (event === 'alarms:fired') fired.push(payload as FiredEvent);
  });
  return fired;
}

async function until<T>(probe: () => T | undefined, timeoutMs = 5_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((done) => setTimeout(done, 20));
  }
}

const labels = { ticketId: 't-1', number: '20261206-007', ruleId: 'R-REPAIR-URGENT-15MIN', where: '3-1502' };
const ID = 't-1|R-REPAIR-URGENT-15MIN';

describe('alarm service through the host', () => {
  it('R-REPAIR-URGENT-15MIN: a deadline 300 ms ahead fires due with its labels, rings until acknowledged, then the desk is quiet', async () => {
    const desk = shell();
    const services = await start(await mkdtemp(join(tmpdir(), 'dutydesk-alarms-')), desk.hooks);
    const fired = firedEvents(services);
    const dueAt = Date.now() + 300;

    expect(await services.handlers['alarms:set']([{ id: ID, dueAt, labels }])).toEqual({ ok: true, count: 1 });
    expect(await services.handlers['alarms:state']()).toMatchObject({ ringing: [], pending: 1 });
    expect(services.alarmsRinging()).toBe(false);

    const due = await until(() => fired.find((f) => f.level === 'due'));
    expect(due).toMatchObject({ id: ID, at: dueAt, labels });
    expect(due.firedAt).toBeGreaterThanOrEqual(dueAt);
    expect(await services.handlers['alarms:state']()).toMatchObject({ ringing: [{ id: ID, since: dueAt }], pending: 1 });
    expect(services.alarmsRinging()).toBe(true);
    // The desktop shell heard it too, with the count of what rings.
    expect(desk.alarms.map((a) => [a.firing.id, a.firing.level, a.ringing, a.firing.deadline.labels])).toEqual([[ID, 'due', 1, labels]]);

    expect(await services.handlers['alarms:acknowledge'](ID)).toBe(true);
    expect(await services.handlers['alarms:state']()).toMatchObject({ ringing: [] });
    expect(services.alarmsRinging()).toBe(false);
    expect(desk.quiet).toBe(1);
    // A second acknowledgement finds nothing ringing and does not call the shell again.
    expect(await services.handlers['alarms:acknowledge'](ID)).toBe(false);
    expect(desk.quiet).toBe(1);
  });

  it('R-REPAIR-URGENT-15MIN: a new list without the ringing deadline (its clock stopped) makes the desk quiet', async () => {
    const desk = shell();
    const services = await start(await mkdtemp(join(tmpdir(), 'dutydesk-alarms-')), desk.hooks);
    await services.handlers['alarms:set']([{ id: ID, dueAt: Date.now() - 1_000, labels }]);
    expect(services.alarmsRinging()).toBe(true);
    expect(desk.quiet).toBe(0);
    await services.handlers['alarms:set']([]);
    expect(services.alarmsRinging()).toBe(false);
    expect(desk.quiet).toBe(1);
  });

  it('R-REPAIR-URGENT-15MIN: a list set before a restart rings at once when the host starts again after its due time', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'dutydesk-alarms-'));
    const before = shell();
    const first = await start(dataDir, before.hooks);
    const dueAt = Date.now() + 300;
    expect(await first.handlers['alarms:set']([{ id: ID, dueAt, labels }])).toEqual({ ok: true, count: 1 });
    await first.dispose();
    running.splice(running.indexOf(first), 1);
    expect(before.alarms).toEqual([]);

    await new Promise((done) => setTimeout(done, 500));
    const after = shell();
    const second = await start(dataDir, after.hooks);
    // It rang while the host started, before any renderer could listen: the shell was told and
    // the renderer finds it in the state.
    expect(after.alarms.map((a) => [a.firing.id, a.firing.level, a.firing.at])).toEqual([[ID, 'due', dueAt]]);
    expect(after.alarms[0]!.firing.lateMs).toBeGreaterThan(0);
    expect(await second.handlers['alarms:state']()).toMatchObject({ ringing: [{ id: ID, since: dueAt }], pending: 1 });
    expect(second.alarmsRinging()).toBe(true);
  });

  it('R-REPAIR-URGENT-15MIN: a station that does not ring here still tells its windows, but not the desktop shell', async () => {
    const desk = shell();
    const services = await start(await mkdtemp(join(tmpdir(), 'dutydesk-alarms-')), desk.hooks);
    await services.handlers['settings:update']({ ...defaultHostSettings, alarms: { ringsHere: false, volume: 80 } });
    const fired = firedEvents(services);
    await services.handlers['alarms:set']([{ id: ID, dueAt: Date.now() + 200, labels }]);

    const due = await until(() => fired.find((f) => f.level === 'due'));
    expect(due.labels).toEqual(labels);
    expect(desk.alarms).toEqual([]);
  });

  it('R-NIGHT-TRANSFER: once duty says this station holds the desk it rings here whatever its own setting, and stops when duty moves away', async () => {
    const desk = shell();
    const services = await start(await mkdtemp(join(tmpdir(), 'dutydesk-alarms-')), desk.hooks);
    await services.handlers['settings:update']({ ...defaultHostSettings, alarms: { ringsHere: false, volume: 80 } });
    // The control room took the desk: the renderer folded it and says so.
    expect(await dispatch(services.handlers, 'alarms:ringsHere', [true])).toEqual({ ok: true, value: null });
    const fired = firedEvents(services);
    await services.handlers['alarms:set']([{ id: ID, dueAt: Date.now() + 200, labels }]);
    await until(() => fired.find((f) => f.level === 'due'));
    await until(() => desk.alarms.find((a) => a.firing.level === 'due'));
    // The desk was taken back in the morning while it rang: the window leaves the top.
    const quietBefore = desk.quiet;
    await services.handlers['alarms:ringsHere'](false);
    expect(desk.quiet).toBe(quietBefore + 1);
    expect(await dispatch(services.handlers, 'alarms:ringsHere', ['yes'])).toMatchObject({ ok: false, error: 'badArguments' });
  });

  it('S1: hostile alarms:set calls through the bridge dispatch never throw, are refused, and leave the armed list and the host working', async () => {
    const desk = shell();
    const services = await start(await mkdtemp(join(tmpdir(), 'dutydesk-alarms-')), desk.hooks);
    const dueAt = Date.now() + 60_000;
    await services.handlers['alarms:set']([{ id: ID, dueAt, labels }]);

    const r = new Random(0xa1a4);
    const hostile: unknown[] = [
      null, 42, 'list', [null], [{}], [{ id: '', dueAt }], [{ id: 'a', dueAt: Number.NaN }], [{ id: 'a', dueAt: 1e308 }],
      [{ id: 'a', dueAt: dueAt / 1000 }], [{ id: 'a\u0000b', dueAt }], [{ id: 'x'.repeat(10_000), dueAt }],
      [{ id: 'a', dueAt, warnAt: dueAt + 1 }], [{ id: 'a', dueAt, escalateAt: dueAt - 1 }], [{ id: 'a', dueAt }, { id: 'a', dueAt }],
      [{ id: 'a', dueAt, labels: JSON.parse('{"__proto__": "x"}') }], [{ id: 'a', dueAt, labels: { where: 'y'.repeat(301) } }],
      [{ id: 'a', dueAt, labels: Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`k${i}`, 'v'])) }],
      [{ id: 'a', dueAt, extra: true }], Array.from({ length: 10_001 }, (_, i) => ({ id: `a${i}`, dueAt })),
      // Random values; an empty array would be a valid (empty) list, so it is not among them.
      ...Array.from({ length: 200 }, () => r.json(4)).filter((v) => !(Array.isArray(v) && v.length === 0)),
    ];
    for (const [i, list] of hostile.entries()) {
      const answer = await dispatch(services.handlers, 'alarms:set', [list]);
      // Refused at the bridge or by the clock: either way the armed list stays.
      const refused = !answer.ok || (answer.value as { ok: boolean }).ok === false;
      expect(refused, `case ${i}: ${JSON.stringify(list)?.slice(0, 200)}`).toBe(true);
      // Past the bridge's schema, the clock checks again.
      expect((await services.handlers['alarms:set'](list as never)).ok, `case ${i}`).toBe(false);
    }
    // A valid deadline with one field replaced by a random value: refused or armed, always answered.
    for (let i = 0; i < 300; i++) {
      const field = r.pick(['id', 'dueAt', 'warnAt', 'escalateAt', 'labels', 'extra', '__proto__']);
      const list = [{ id: 'c', dueAt, labels, [field]: r.json(3) }];
      const answer = await dispatch(services.handlers, 'alarms:set', [list]);
      expect(answer.ok || answer.error === 'badArguments', `mutated ${field}: ${JSON.stringify(answer)}`).toBe(true);
    }
    await services.handlers['alarms:set']([{ id: ID, dueAt, labels }]);
    for (const args of [[], [1, 2], [{ id: ID }], ['']]) {
      expect(await dispatch(services.handlers, 'alarms:acknowledge', args)).toMatchObject({ ok: false });
    }
    expect(await dispatch(services.handlers, 'alarms:state', ['x'])).toMatchObject({ ok: false, error: 'badArguments' });

    expect(await services.handlers['alarms:state']()).toMatchObject({ ringing: [], pending: 1 });
    expect(await dispatch(services.handlers, 'alarms:set', [[{ id: 'b', dueAt: Date.now() - 10, labels }]])).toMatchObject({ ok: true, value: { ok: true, count: 1 } });
    expect(services.alarmsRinging()).toBe(true);
  });
});
