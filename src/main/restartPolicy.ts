// When the renderer dies or hangs the desk reloads it at once; a renderer that keeps dying is
// reloaded at a slower pace so the machine stays usable, and never behind a modal dialog
// (a modal dialog would block the desk; docs/desktop-shell.md "Hardening checklist"). The host
// keeps ringing meanwhile.

export interface RestartPolicy {
  /** Milliseconds to wait before the next reload, counting this crash. */
  nextDelay(): number;
}

export function createRestartPolicy(options: { burst: number; windowMs: number; backoffMs: number; now?: () => number }): RestartPolicy {
  const now = options.now ?? Date.now;
  let recent: number[] = [];
  return {
    nextDelay() {
      const at = now();
      recent = recent.filter((t) => at - t < options.windowMs);
      recent.push(at);
      return recent.length <= options.burst ? 0 : options.backoffMs;
    },
  };
}

/** Three crashes in ten minutes reload immediately; after that, one reload a minute. */
export const RENDERER_RESTART = { burst: 3, windowMs: 10 * 60_000, backoffMs: 60_000 } as const;
/** How long a hung renderer may stay unresponsive before it is restarted. */
export const UNRESPONSIVE_GRACE_MS = 15_000;
