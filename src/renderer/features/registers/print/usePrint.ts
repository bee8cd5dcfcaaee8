import { useCallback, useState } from 'react';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../../desk/DeskContext';

/**
 * Prints the sheet in `.print-root`: the desktop shell saves it as a PDF through the bridge
 * (`print:toPdf`) and says where; the web shell opens the browser's print dialog.
 */
export function usePrint(): { print(fileName: string, landscape: boolean): Promise<void>; busy: boolean } {
  const { t } = useTranslation();
  const { bridge } = useDesk();
  const [busy, setBusy] = useState(false);
  const print = useCallback(async (fileName: string, landscape: boolean) => {
    setBusy(true);
    try {
      const info = await bridge.invoke('app:info');
      if (info.shell !== 'desktop') {
        window.print();
        return;
      }
      const answer = await bridge.invoke('print:toPdf', { fileName, landscape });
      if (answer.ok) notifications.show({ color: 'teal', message: t('registers.printed', { path: answer.path }), autoClose: 8000 });
      else notifications.show({ color: 'red', message: t('registers.printFailed', { message: answer.message }) });
    } catch (error) {
      notifications.show({ color: 'red', message: t('registers.printFailed', { message: error instanceof Error ? error.message : String(error) }) });
    } finally {
      setBusy(false);
    }
  }, [bridge, t]);
  return { print, busy };
}

/** A file name from a form's name and its dates: no character a file system refuses. */
export function documentFileName(...parts: string[]): string {
  return [...parts.filter(Boolean).join(' ')].map((c) => (c.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(c) ? '-' : c)).join('').slice(0, 120);
}
