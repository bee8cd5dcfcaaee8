import { useEffect, useRef } from 'react';

const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Locks the shared workstation after a quiet spell. Checked every few seconds against the
 * last activity, so a throttled or sleeping page locks as soon as it wakes.
 */
export function useIdleLock(enabled: boolean, idleMs: number, onIdle: () => void) {
  const lastActivity = useRef(0);
  const callback = useRef(onIdle);
  useEffect(() => {
    callback.current = onIdle;
  });

  useEffect(() => {
    if (!enabled) return;
    lastActivity.current = Date.now();
    const touch = () => {
      lastActivity.current = Date.now();
    };
    for (const type of ACTIVITY) window.addEventListener(type, touch, { passive: true, capture: true });
    const timer = window.setInterval(() => {
      if (Date.now() - lastActivity.current >= idleMs) callback.current();
    }, 5_000);
    return () => {
      for (const type of ACTIVITY) window.removeEventListener(type, touch, { capture: true });
      window.clearInterval(timer);
    };
  }, [enabled, idleMs]);
}
