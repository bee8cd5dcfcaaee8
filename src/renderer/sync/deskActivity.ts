// Whether someone is working at the desk right now: a key, a click or a save in the last few
// seconds. While they are, a pull applies its pages in short slices, so their save never waits
// long behind a big transaction (issue 13: one save during a bootstrap stays under 25 ms).
export const ACTIVE_FOR_MS = 10_000;

export interface DeskActivity {
  busy(): boolean;
  /** A save, a key, a click: the desk is in use. */
  touch(): void;
  dispose(): void;
}

export function watchDeskActivity(target: Pick<Window, 'addEventListener' | 'removeEventListener'> | null = globalThis.window ?? null, now: () => number = Date.now): DeskActivity {
  let lastAt = -Infinity;
  const touch = () => {
    lastAt = now();
  };
  const events = ['keydown', 'pointerdown'] as const;
  for (const name of events) target?.addEventListener(name, touch, { capture: true, passive: true });
  return {
    busy: () => now() - lastAt < ACTIVE_FOR_MS,
    touch,
    dispose: () => {
      for (const name of events) target?.removeEventListener(name, touch, { capture: true });
    },
  };
}
