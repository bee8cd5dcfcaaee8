// `--hub <url> --hub-token-file <file>` for both shells (unattended stations, issue 13): the host
// enrols at start. Both or neither; the token comes from a file (never the command line, where
// any user could read it in the process list), read once at start and trimmed.
import { readFileSync } from 'node:fs';
import { normaliseHubUrl } from './hubUrl';

export type HubArgs = { url: string; tokenFile: string } | null;
export type HubStart = { url: string; token: string } | null;

/** Takes `--hub`, `--hub-token-file` (also `--flag=value`) out of argv; the rest is left to the shell. */
export function extractHubArgs(argv: string[]): { hub: HubArgs; rest: string[] } | { error: string } {
  let url: string | undefined;
  let tokenFile: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--hub') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag !== '--hub' && flag !== '--hub-token-file') {
      rest.push(arg);
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || value === '') return { error: `${flag} needs a value` };
    if (flag === '--hub') url = value;
    else tokenFile = value;
  }
  if (url === undefined && tokenFile === undefined) return { hub: null, rest };
  if (url === undefined || tokenFile === undefined) return { error: '--hub and --hub-token-file go together: give both or neither' };
  const address = normaliseHubUrl(url);
  if (!address.ok) return { error: `--hub: ${address.message}` };
  return { hub: { url: address.url, tokenFile }, rest };
}

/** Reads the token file; an unreadable or empty one is an error the shell exits 2 with. */
export function loadHubStart(hub: HubArgs): HubStart | { error: string } {
  if (!hub) return null;
  let token: string;
  try {
    token = readFileSync(hub.tokenFile, 'utf8').trim();
  } catch (error) {
    return { error: `--hub-token-file ${hub.tokenFile} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  if (!/^[\x21-\x7e]{1,200}$/.test(token)) return { error: `--hub-token-file ${hub.tokenFile} does not hold a token (one line of 1 to 200 visible characters)` };
  return { url: hub.url, token };
}
