import type { BridgeEvent, CallerIdCall, DeskBridge } from '@shared/bridge/contract';

// The web shell's side of the bridge: the same DeskBridge as the desktop preload, carried over
// a WebSocket that presents this launch's token (taken from the address the shell printed).
// S17: a dropped socket reconnects with backoff (250 ms doubling to 5 s, same token); once back,
// the host's recent calls and the caller-ID status are delivered to the listeners again (the
// renderer logs each call id once), so a call that rang while the socket was down is not lost.
// A call made while the socket is down fails at once with BridgeDisconnectedError, never hangs.

export class BridgeDisconnectedError extends Error {
  constructor() {
    super('bridge disconnected: the desk is reconnecting to its host');
    this.name = 'BridgeDisconnectedError';
  }
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/** The part of a browser WebSocket used here (the tests pass the `ws` package's). */
export type SocketLike = Pick<WebSocket, 'readyState' | 'send' | 'close' | 'addEventListener'>;

export interface WebSocketBridgeOptions {
  url?: string;
  createSocket?: (url: string) => SocketLike;
  initialDelayMs?: number;
  maxDelayMs?: number;
}

export const RECONNECT_INITIAL_MS = 250;
export const RECONNECT_MAX_MS = 5000;
const OPEN = 1;

export function bridgeUrl(token: string): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/bridge?token=${encodeURIComponent(token)}`;
}

export function connectWebSocketBridge(token: string, options: WebSocketBridgeOptions = {}): Promise<DeskBridge & { close(): void }> {
  const url = options.url ?? bridgeUrl(token);
  const createSocket = options.createSocket ?? ((u: string) => new WebSocket(u));
  const initialDelay = options.initialDelayMs ?? RECONNECT_INITIAL_MS;
  const maxDelay = options.maxDelayMs ?? RECONNECT_MAX_MS;
  const pending = new Map<number, Pending>();
  const listeners = new Map<BridgeEvent, Set<(payload: never) => void>>();
  let nextId = 1;
  let socket: SocketLike;
  let delay = initialDelay;
  let closed = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const deliver = (event: BridgeEvent, payload: unknown) => {
    for (const listener of listeners.get(event) ?? []) listener(payload as never);
  };

  function onMessage(message: MessageEvent | { data: unknown }) {
    let data: { t?: string; id?: number; ok?: boolean; value?: unknown; message?: string; event?: BridgeEvent; payload?: unknown };
    try {
      data = JSON.parse(String(message.data));
    } catch {
      return;
    }
    if (data.t === 'result' && data.id !== undefined) {
      const waiter = pending.get(data.id);
      pending.delete(data.id);
      if (data.ok) waiter?.resolve(data.value);
      else waiter?.reject(new Error(data.message ?? 'bridge call failed'));
    } else if (data.t === 'event' && data.event) {
      deliver(data.event, data.payload);
    }
  }

  function invoke(method: string, args: unknown[]): Promise<unknown> {
    if (socket.readyState !== OPEN) return Promise.reject(new BridgeDisconnectedError());
    const id = nextId++;
    socket.send(JSON.stringify({ t: 'call', id, method, args }));
    return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
  }

  /** After a reconnect: what the listeners may have missed while the socket was down. */
  async function resync() {
    try {
      if (listeners.get('callerId:status')?.size) deliver('callerId:status', await invoke('callerId:status', []));
      if (listeners.get('callerId:call')?.size) for (const call of (await invoke('callerId:recentCalls', [])) as CallerIdCall[]) deliver('callerId:call', call);
    } catch {
      // Dropped again: the next reconnect resyncs.
    }
  }

  function open(first: boolean): Promise<void> {
    return new Promise((resolve, reject) => {
      const current = createSocket(url);
      socket = current;
      let opened = false;
      current.addEventListener('message', onMessage);
      current.addEventListener('open', () => {
        opened = true;
        delay = initialDelay;
        resolve();
        if (!first) void resync();
      });
      current.addEventListener('close', () => {
        for (const waiter of pending.values()) waiter.reject(new BridgeDisconnectedError());
        pending.clear();
        if (first && !opened) return reject(new Error('bridge refused'));
        if (!closed) scheduleReconnect();
      });
      // An error is always followed by close, which decides what happens next.
      current.addEventListener('error', () => {});
    });
  }

  function scheduleReconnect() {
    if (timer !== null) return;
    const wait = delay;
    delay = Math.min(delay * 2, maxDelay);
    timer = setTimeout(() => {
      timer = null;
      open(false).catch(() => {});
    }, wait);
  }

  const bridge: DeskBridge & { close(): void } = {
    invoke(method, ...args) {
      return invoke(method, args) as never;
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: never) => void);
    },
    close() {
      closed = true;
      if (timer !== null) clearTimeout(timer);
      socket.close();
    },
  };

  return open(true).then(() => bridge);
}
