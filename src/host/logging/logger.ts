import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

// One JSON line per entry in the data folder's log: the desk's record of what the host did.
// Synchronous appends: a log line must be on disk before a crash that it might explain.

export interface Logger {
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

/** Largest serialised context kept whole; a longer one is cut (S14: log:write is renderer input). */
export const LOG_CONTEXT_MAX_CHARS = 4096;

/**
 * The line's own fields (`at`, `level`, `message`) come first and the caller's context sits
 * under its own key, so no context — least of all one from the renderer over `log:write` —
 * can forge when, how severe or what an entry says (S14).
 */
export function formatLogLine(at: Date, level: string, message: string, context?: Record<string, unknown>): string {
  const line: Record<string, unknown> = { at: at.toISOString(), level, message };
  if (context && Object.keys(context).length > 0) line.context = capContext(context);
  return JSON.stringify(line);
}

function capContext(context: Record<string, unknown>): unknown {
  let text: string;
  try {
    text = JSON.stringify(context) ?? '';
  } catch {
    return { unserialisable: true };
  }
  if (text.length <= LOG_CONTEXT_MAX_CHARS) return context;
  return { truncated: text.slice(0, LOG_CONTEXT_MAX_CHARS), originalChars: text.length };
}

export function createFileLogger(path: string, echo: (line: string) => void = () => {}): Logger {
  mkdirSync(dirname(path), { recursive: true });
  const write = (level: string, message: string, context?: Record<string, unknown>) => {
    const line = formatLogLine(new Date(), level, message, context);
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
