import { app, Notification } from 'electron';
import type { Logger } from '../host/logging/logger';
import type { AlarmNotification } from './alarmWindow';

// The Electron side of the alarm's notification channel (alarmWindow.ts decides when). It is
// silent because the renderer's looping sound is the alarm's voice; it stays until dismissed
// (timeoutType 'never'); a desk restarted with an alarm already overdue fires before the app is
// ready, so the notification waits for it instead of being lost.
export function showAlarmNotification(text: { title: string; body: string }, onClick: () => void, logger: Logger): AlarmNotification | null {
  let notice: Notification | null = null;
  let closed = false;
  const show = () => {
    if (closed || !Notification.isSupported()) return;
    notice = new Notification({ title: text.title, body: text.body, silent: true, urgency: 'critical', timeoutType: 'never' });
    notice.on('click', onClick);
    notice.on('failed', (_event, error) => logger.warn('alarm notification failed', { error: String(error).slice(0, 200) }));
    notice.show();
  };
  if (app.isReady()) show();
  else void app.whenReady().then(show).catch((error: unknown) => logger.warn('alarm notification not shown', { error: String(error).slice(0, 200) }));
  return {
    close() {
      closed = true;
      notice?.close();
    },
  };
}
