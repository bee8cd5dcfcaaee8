// Port failures mapped to status codes the settings screen and header can explain. The texts
// are what serialport's bindings say on Linux/macOS ("Cannot lock port", "Permission denied,
// cannot open …", "No such file or directory, cannot open …") and Windows ("Access denied",
// "File not found").

export type PortErrorCode = 'busy' | 'accessDenied' | 'notFound' | 'disconnected' | 'openFailed';

export interface PortProblem {
  code: PortErrorCode;
  message: string;
}

const RULES: [RegExp, PortErrorCode, string][] = [
  [/cannot lock port|resource busy|EBUSY|temporarily unavailable/i, 'busy', 'The port is in use by another program.'],
  [/permission denied|EACCES|EPERM/i, 'accessDenied', 'Access to the port was denied (on Linux, add the user to the dialout group).'],
  // Windows answers "Access denied" when another program holds the COM port.
  [/access denied|access is denied/i, 'accessDenied', 'Access to the port was denied: it is probably open in another program.'],
  [/no such file|ENOENT|file not found|cannot find|not found/i, 'notFound', 'No device at this port path.'],
];

export function classifyPortError(error: unknown): PortProblem {
  const text = error instanceof Error ? `${error.message} ${(error as NodeJS.ErrnoException).code ?? ''}` : String(error);
  for (const [pattern, code, message] of RULES) if (pattern.test(text)) return { code, message: `${message} (${text.trim()})` };
  return { code: 'openFailed', message: `The port could not be opened (${text.trim()}).` };
}
