import type { DeskBridge } from '@shared/bridge/contract';
import { connectWebSocketBridge } from './webSocketBridge';

declare global {
  interface Window {
    /** Set by the desktop shell's preload; absent in the web shell. */
    desk?: DeskBridge;
  }
}

/** The desktop preload's bridge when there is one, else the web shell's socket. */
export async function connectBridge(): Promise<DeskBridge> {
  if (window.desk) return window.desk;
  const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? sessionStorage.getItem('dutydesk.token');
  if (!token) throw new Error('no bridge token');
  const bridge = await connectWebSocketBridge(token);
  // Keep the token for reloads of this tab, but out of the visible address.
  sessionStorage.setItem('dutydesk.token', token);
  if (location.hash) history.replaceState(null, '', location.pathname);
  return bridge;
}
