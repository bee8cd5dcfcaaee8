import type { BridgeEvent, DeskBridge } from '@shared/bridge/contract';

// The web shell's side of the bridge: the same DeskBridge as the desktop preload, carried over
// a WebSocket that presents this launch's token (taken from the address the shell printed).

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

export function connectWebSocketBridge(token: string): Promise<DeskBridge> {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/bridge?token=${encodeURIComponent(token)}`;
  const socket = new WebSocket(url);
  const pending = new Map<number, Pending>();
  const listeners = new Map<BridgeEvent, Set<(payload: never) => void>>();
  let nextId = 1;

  socket.addEventListener('message', (message) => {
    const data = JSON.parse(String(message.data)) as { t: string; id?: number; ok?: boolean; value?: unknown; message?: string; event?: BridgeEvent; payload?: unknown };
    if (data.t === 'result' && data.id !== undefined) {
      const waiter = pending.get(data.id);
      pending.delete(data.id);
      if (data.ok) waiter?.resolve(data.value);
      else waiter?.reject(new Error(data.message ?? 'bridge call failed'));
    } else if (data.t === 'event' && data.event) {
      for (const listener of listeners.get(data.event) ?? []) listener(data.payload as never);
    }
  });
  socket.addEventListener('close', () => {
    for (const waiter of pending.values()) waiter.reject(new Error('bridge closed'));
    pending.clear();
  });

  const bridge: DeskBridge = {
    invoke(method, ...args) {
      if (socket.readyState !== WebSocket.OPEN) return Promise.reject(new Error('bridge closed'));
      const id = nextId++;
      socket.send(JSON.stringify({ t: 'call', id, method, args }));
      return new Promise((resolve, reject) => pending.set(id, { resolve: resolve as (v: unknown) => void, reject }));
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: never) => void);
    },
  };

  return new Promise((resolve, reject) => {
    socket.addEventListener('open', () => resolve(bridge), { once: true });
    socket.addEventListener('error', () => reject(new Error('bridge refused')), { once: true });
  });
}
