// S8: roles, masking and the PIN lock live in the renderer and main; a debugger attached to a
// packaged desk would walk round all of them. A packaged build therefore refuses to start with
// any switch that opens one. The fuses (electron-builder.yml) already make Electron ignore
// NODE_OPTIONS, ELECTRON_RUN_AS_NODE and Node's --inspect family; this also covers Chromium's
// remote debugging, which no fuse switches off. Unpackaged builds (development, Playwright's
// `_electron`, which needs --inspect and --remote-debugging-port) are left alone.

/** Switch names (without dashes, lower case) that open a debugger or the DevTools protocol. */
export const DEBUG_SWITCHES = [
  'remote-debugging-port',
  'remote-debugging-pipe',
  'remote-debugging-address',
  'inspect',
  'inspect-brk',
  'inspect-port',
  'inspect-brk-node',
  'inspect-publish-uid',
  'debug',
  'debug-brk',
  'debug-port',
] as const;

/**
 * The first debugging switch in argv that a packaged build must refuse, or null. Chromium reads
 * `-name`, `--name` and (Windows) `/name`, with `=value` or not, and on Windows ignores case, so
 * all of those count; arguments after a bare `--` are not switches to Chromium but are refused
 * too, since the desk takes no such arguments.
 */
export function refusedDebugSwitch(argv: readonly string[], isPackaged: boolean, platform: NodeJS.Platform = process.platform): string | null {
  if (!isPackaged) return null;
  // argv[0] is the executable itself.
  for (const arg of argv.slice(1)) {
    const match = /^(?:--?|\/)([^=]+)/.exec(arg);
    if (!match || (arg.startsWith('/') && platform !== 'win32')) continue;
    const name = match[1]!.trim().toLowerCase();
    if ((DEBUG_SWITCHES as readonly string[]).includes(name)) return arg;
  }
  return null;
}
