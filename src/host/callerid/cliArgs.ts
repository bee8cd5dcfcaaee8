import { CALLER_ID_FAMILIES, FAMILY_PROFILES, isFamilySetting, type FamilySetting } from '../../shared/callerid';

// Arguments of `npm run callerid` (docs/callerid.md "The diagnostic CLI"): --port <path> [--baud <n>]
// [--format auto|<family>] [--raw <file>], or --list. Bad arguments are reported, never guessed.

export const USAGE = `usage: npm run callerid -- --port <path> [--baud <n>] [--format auto|<family>] [--raw <file>]
       npm run callerid -- --list
  --port    serial device: /dev/ttyUSB0, COM3, or a pty path (the port list never shows ptys)
  --baud    rate; default: the family's documented rate, 9600 for auto
  --format  auto (default) or one of: ${CALLER_ID_FAMILIES.join(', ')}
  --raw     also append every received byte to this file (to analyse an unknown box)
Prints one JSON line per call on stdout; status and other events go to stderr. Ctrl-C stops.`;

export type CliCommand =
  | { kind: 'read'; port: string; baudRate: number; family: FamilySetting; rawFile: string | null }
  | { kind: 'list' }
  | { kind: 'help' };

export type CliParse = { ok: true; command: CliCommand } | { ok: false; message: string };

const VALUE_FLAGS = new Set(['--port', '--baud', '--format', '--raw']);

export function parseCliArgs(argv: string[]): CliParse {
  const values = new Map<string, string>();
  let list = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return { ok: true, command: { kind: 'help' } };
    if (arg === '--list') {
      list = true;
      continue;
    }
    const [flag = '', inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg];
    if (!VALUE_FLAGS.has(flag)) return { ok: false, message: `unknown argument: ${arg}` };
    const value = inline ?? argv[++i];
    if (value === undefined || value === '' || (inline === undefined && value.startsWith('--'))) return { ok: false, message: `${flag} needs a value` };
    if (values.has(flag)) return { ok: false, message: `${flag} given twice` };
    values.set(flag, value);
  }
  if (list) return values.size === 0 ? { ok: true, command: { kind: 'list' } } : { ok: false, message: '--list takes no other arguments' };
  const port = values.get('--port');
  if (!port) return { ok: false, message: '--port is required' };
  const family = values.get('--format') ?? 'auto';
  if (!isFamilySetting(family)) return { ok: false, message: `unknown --format ${family}; use auto or one of: ${CALLER_ID_FAMILIES.join(', ')}` };
  const baudText = values.get('--baud');
  const baudRate = baudText === undefined ? (family === 'auto' ? 9600 : FAMILY_PROFILES[family].baudRate) : Number(baudText);
  if (!Number.isInteger(baudRate) || baudRate < 50 || baudRate > 4_000_000) return { ok: false, message: `--baud must be a whole number of bits per second, not ${baudText}` };
  return { ok: true, command: { kind: 'read', port, baudRate, family, rawFile: values.get('--raw') ?? null } };
}
