import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

// One JSON line per entry in the data folder's log: the desk's record of what the host did.
// Synchronous appends: a log line must be on disk before a crash that it might explain.

export interface Logger {
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

export function createFileLogger(path: string, echo: (line: string) => void = () => {}): Logger {
  mkdirSync(dirname(path), { recursive: true });
  const write = (level: string, message: string, context?: Record<string, unknown>) => {
    const line = JSON.stringify({ at: new Date().toISOString(), level, message, ...context });
    try {
      appendFileSync(path, `${line}\n`);
    } catch {
      // A full disk must not take the desk down with it; the echo still shows the line.
    }
    echo(line);
  };
  return {
    info: (m, c) => write('info', m, c),
    warn: (m, c) => write('warn', m, c),
    error: (m, c) => write('error', m, c),
  };
}
