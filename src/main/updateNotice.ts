import { Notification } from 'electron';
import type { Logger } from '../host/logging/logger';

// S15: the user is told when a downloaded update is refused. Main has no translations and no
// bridge event for updates yet, so a system notification says it in both languages; the
// refusal is also in the host log and in DeskUpdater.refusal() for the future update screen.
export function notifyUpdateRefused(version: string, logger: Logger): void {
  try {
    if (!Notification.isSupported()) return;
    new Notification({
      title: '更新未安装 / Update not installed',
      body: `版本 ${version} 的签名校验未通过,不会安装,请联系管理员。\nVersion ${version} failed its signature check and will not be installed; please tell the administrator.`,
    }).show();
  } catch (error) {
    logger.warn('could not show the update refusal notice', { error: String(error).slice(0, 200) });
  }
}
