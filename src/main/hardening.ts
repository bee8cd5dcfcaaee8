import type { Session, WebContents } from 'electron';
import type { Logger } from '../host/logging/logger';
import { isAllowedNavigation } from './navigation';

// Applied from `web-contents-created`, so it covers every webContents, not only the ones we
// create (security checklist items 5, 11–14).

export function hardenWebContents(contents: WebContents, trustedOrigin: string, logger: Logger): void {
  const guard = (kind: string) => (event: { preventDefault(): void }, url: string) => {
    if (isAllowedNavigation(url, trustedOrigin)) return;
    event.preventDefault();
    logger.warn(`${kind} refused`, { url: url.slice(0, 200) });
  };
  contents.on('will-navigate', guard('navigation'));
  contents.on('will-redirect', guard('redirect'));
  contents.on('will-frame-navigate', (event) => guard('frame navigation')(event, event.url));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logger.warn('webview refused');
  });
  contents.setWindowOpenHandler(({ url }) => {
    logger.warn('new window refused', { url: url.slice(0, 200) });
    return { action: 'deny' };
  });
}

/**
 * Electron grants every permission unless told otherwise (Electron's security checklist, item 5;
 * docs/desktop-shell.md "Hardening checklist"). The desk needs
 * none: serial is read by the host, notifications come from main. A future need is added
 * here by exact permission and origin. No `select-serial-port` handler either, so
 * navigator.serial.requestPort() fails.
 */
export function denyAllPermissions(session: Session, logger: Logger): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    logger.warn('permission request refused', { permission });
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
