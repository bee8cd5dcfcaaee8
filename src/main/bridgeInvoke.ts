import type { BridgeHandlers } from '../shared/bridge/contract';
import { dispatch, type DispatchResult } from '../shared/bridge/dispatch';
import type { Logger } from '../host/logging/logger';
import { isTrustedSender } from './navigation';

// The main-process end of `desk:invoke`: check who is asking, then the same dispatch as the web
// shell (unknown method, bad arguments and handler failures come back as answers, never as
// exceptions thrown into main).

export type InvokeAnswer = DispatchResult | { ok: false; error: 'forbidden'; message: string };

/** The parts of Electron's IpcMainInvokeEvent this needs, so it is testable in plain Node. */
export interface InvokeEventLike {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

function frameFacts(event: InvokeEventLike): { frameUrl: string | null; isTopFrame: boolean } {
  try {
    // senderFrame is null, or throws on access, once the frame has navigated or gone.
    const frame = event.senderFrame;
    return frame ? { frameUrl: frame.url, isTopFrame: frame.parent === null } : { frameUrl: null, isTopFrame: false };
  } catch {
    return { frameUrl: null, isTopFrame: false };
  }
}

export function createInvokeHandler(options: {
  handlers: BridgeHandlers;
  trustedOrigin: string;
  /** The main window's webContents id, or null while there is none. */
  mainWebContentsId: () => number | null;
  logger: Pick<Logger, 'warn'>;
}) {
  return async (event: InvokeEventLike, method: unknown, args: unknown): Promise<InvokeAnswer> => {
    const { frameUrl, isTopFrame } = frameFacts(event);
    const trusted = isTrustedSender(
      { frameUrl, isTopFrame, webContentsId: event.sender.id },
      { origin: options.trustedOrigin, webContentsId: options.mainWebContentsId() },
    );
    if (!trusted) {
      options.logger.warn('bridge call refused: untrusted sender', { url: frameUrl?.slice(0, 200) ?? null, method: String(method).slice(0, 60) });
      return { ok: false, error: 'forbidden', message: 'untrusted sender' };
    }
    return dispatch(options.handlers, method, args);
  };
}
