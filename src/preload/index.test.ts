import { beforeEach, describe, expect, it, vi } from 'vitest';

// The preload against a stand-in for Electron's renderer modules (the real module is never
// loaded: the binary is absent here). What the page gets is what exposeInMainWorld receives.
const fake = vi.hoisted(() => {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    exposed: new Map<string, unknown>(),
    listeners,
    invoke: vi.fn(),
    emit(channel: string, ...args: unknown[]) {
      for (const listener of listeners.get(channel) ?? []) listener({ sender: 'ipcRenderer itself' }, ...args);
    },
  };
});

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api) },
  ipcRenderer: {
    invoke: fake.invoke,
    on: (channel: string, listener: (...args: unknown[]) => void) => {
      if (!fake.listeners.has(channel)) fake.listeners.set(channel, new Set());
      fake.listeners.get(channel)?.add(listener);
    },
    removeListener: (channel: string, listener: (...args: unknown[]) => void) => fake.listeners.get(channel)?.delete(listener),
  },
}));

type Desk = { invoke: (method: string, ...args: unknown[]) => Promise<unknown>; on: (event: string, listener: (payload: unknown) => void) => () => void };

async function loadDesk(): Promise<Desk> {
  await import('./index');
  return fake.exposed.get('desk') as Desk;
}

describe('preload window.desk', () => {
  beforeEach(() => fake.invoke.mockReset());

  it('exposes exactly invoke and on, and nothing of ipcRenderer', async () => {
    const desk = await loadDesk();
    expect([...fake.exposed.keys()]).toEqual(['desk']);
    expect(Object.keys(desk).sort()).toEqual(['invoke', 'on']);
  });

  it('invokes contract methods over desk:invoke and unwraps the answer', async () => {
    const desk = await loadDesk();
    fake.invoke.mockResolvedValue({ ok: true, value: true });
    await expect(desk.invoke('power:keepAwake', true)).resolves.toBe(true);
    expect(fake.invoke).toHaveBeenCalledWith('desk:invoke', 'power:keepAwake', [true]);
  });

  it('turns a refused call into an Error carrying the code in its name', async () => {
    const desk = await loadDesk();
    fake.invoke.mockResolvedValue({ ok: false, error: 'badArguments', message: 'bad arguments for power:keepAwake' });
    const error = await desk.invoke('power:keepAwake', 'yes').catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'DeskBridgeError:badArguments', message: 'bad arguments for power:keepAwake' });
  });

  it('refuses names outside the contract without sending anything', async () => {
    const desk = await loadDesk();
    await expect(desk.invoke('shell:exec', 'rm')).rejects.toThrow(/unknown bridge method/);
    await expect(desk.invoke('toString')).rejects.toThrow(/unknown bridge method/);
    expect(fake.invoke).not.toHaveBeenCalled();
    expect(() => desk.on('anything', () => {})).toThrow(/unknown bridge event/);
  });

  it('delivers only the subscribed event, only its payload, until unsubscribed', async () => {
    const desk = await loadDesk();
    const seen: unknown[] = [];
    const off = desk.on('settings:changed', (payload) => seen.push(payload));
    fake.emit('desk:event', 'callerId:status', { state: 'connected' });
    fake.emit('desk:event', 'settings:changed', { n: 1 });
    off();
    fake.emit('desk:event', 'settings:changed', { n: 2 });
    expect(seen).toEqual([{ n: 1 }]);
    expect(fake.listeners.get('desk:event')?.size).toBe(0);
  });
});
