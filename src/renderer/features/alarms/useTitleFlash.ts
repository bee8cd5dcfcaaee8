import { useEffect } from 'react';

const FLASH_MS = 1000;

/**
 * The web shell's stand-in for the desktop's flashing window: while `active`, the tab's title
 * alternates between `prefix` + the title and the title itself (a minimised or background tab
 * still shows it). The desktop shell flashes its own frame (host side), so this does nothing there.
 */
export function useTitleFlash(active: boolean, prefix: string): void {
  useEffect(() => {
    if (!active || window.desk) return;
    const original = document.title;
    let on = false;
    const timer = window.setInterval(() => {
      on = !on;
      document.title = on ? `${prefix}${original}` : original;
    }, FLASH_MS);
    return () => {
      window.clearInterval(timer);
      document.title = original;
    };
  }, [active, prefix]);
}
