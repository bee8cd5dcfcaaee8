import { ipcMain, type BrowserWindow } from 'electron';
import type { HostServices } from '../host/hostServices';
import { DESKTOP_IPC } from '../shared/bridge/names';
import { createInvokeHandler } from './bridgeInvoke';

/**
 * The desktop bridge: one `desk:invoke` handler for every method (sender checked, arguments
 * validated by dispatch) and every host event forwarded as `desk:event` while a renderer is
 * there. Returns the undo.
 */
export function wireBridge(services: HostServices, trustedOrigin: string, mainWindow: () => BrowserWindow | null): () => void {
  const contentsOf = () => {
    const win = mainWindow();
    return win && !win.isDestroyed() && !win.webContents.isDestroyed() ? win.webContents : null;
  };
  ipcMain.handle(
    DESKTOP_IPC.invoke,
    createInvokeHandler({
      handlers: services.handlers,
      trustedOrigin,
      mainWebContentsId: () => contentsOf()?.id ?? null,
      logger: services.logger,
    }),
  );
  const unsubscribe = services.events.subscribe((event, payload) => {
    const contents = contentsOf();
    if (!contents || contents.isCrashed()) return;
    try {
      contents.send(DESKTOP_IPC.event, event, payload);
    } catch (error) {
      // "Render frame was disposed" while the renderer reloads: the event is dropped, logged.
      // A call is not lost (S17): the host keeps recent calls and the reloaded renderer asks for
      // them (`callerId:recentCalls`, routed by the invoke handler above) when it mounts.
      services.logger.warn('host event not delivered', { event, error: String(error) });
    }
  });
  return () => {
    ipcMain.removeHandler(DESKTOP_IPC.invoke);
    unsubscribe();
  };
}
