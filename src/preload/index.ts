import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { DeskBridge } from '../shared/bridge/contract';
import { DESKTOP_IPC, isBridgeEvent, isBridgeMethod } from '../shared/bridge/names';

// window.desk in the desktop shell: exactly the DeskBridge contract, one invoke and one
// subscription, never ipcRenderer itself or a generic send (context-isolation.md). Built as one
// CommonJS file whose only require is electron, as a sandboxed preload must be. Names are
// checked here; arguments are validated in main.

type Answer = { ok: true; value: unknown } | { ok: false; error?: unknown; message?: unknown };

function unwrap(answer: Answer): unknown {
  if (answer && answer.ok === true) return answer.value;
  const code = typeof answer?.error === 'string' ? answer.error : 'failed';
  const message = typeof answer?.message === 'string' ? answer.message : 'bridge call failed';
  // Only message and name survive the context bridge, so the code travels in the name.
  const error = new Error(message);
  error.name = `DeskBridgeError:${code}`;
  throw error;
}

const desk = {
  invoke(method: unknown, ...args: unknown[]) {
    if (!isBridgeMethod(method)) return Promise.reject(new Error(`unknown bridge method ${String(method).slice(0, 60)}`));
    return ipcRenderer.invoke(DESKTOP_IPC.invoke, method, args).then(unwrap);
  },
  on(event: unknown, listener: (payload: never) => void) {
    if (!isBridgeEvent(event)) throw new Error(`unknown bridge event ${String(event).slice(0, 60)}`);
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    // The IPC event object (whose sender is ipcRenderer) never reaches the page.
    const relay = (_ipcEvent: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) (listener as (payload: unknown) => void)(payload);
    };
    ipcRenderer.on(DESKTOP_IPC.event, relay);
    return () => {
      ipcRenderer.removeListener(DESKTOP_IPC.event, relay);
    };
  },
} as DeskBridge;

contextBridge.exposeInMainWorld('desk', desk);
