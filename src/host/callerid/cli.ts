import { createWriteStream } from 'node:fs';
import type { CallerIdEvent } from '../../shared/callerid';
import { parseCliArgs, USAGE } from './cliArgs';
import { createCallerIdReader } from './reader';
import type { CallerIdCallNotice, ReaderLogger } from './readerTypes';
import { listSerialPorts } from './serialPortOpener';

// `npm run callerid`: the installer's diagnostic (docs/callerid.md "The diagnostic CLI"). One JSON
// object per call on stdout, one line each, with number (digits and a leading + only, or null when
// withheld or unavailable), name and withheld; everything else on stderr. Runs until SIGINT or
// SIGTERM. Exit code 2 on bad arguments.

function callLine(call: CallerIdCallNotice): string {
  const { number, name, withheld, numberStatus, unverified, family, line } = call;
  return JSON.stringify({ number, name, withheld, numberStatus, unverified, at: new Date(call.at).toISOString(), family, line });
}

function eventLine(event: CallerIdEvent): string {
  const { type, ...rest } = event;
  return `event ${type} ${JSON.stringify(rest)}`;
}

async function main(): Promise<number> {
  const parsed = parseCliArgs(process.argv.slice(2));
  if (!parsed.ok) {
    process.stderr.write(`callerid: ${parsed.message}\n${USAGE}\n`);
    return 2;
  }
  const { command } = parsed;
  if (command.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command.kind === 'list') {
    for (const port of await listSerialPorts()) process.stdout.write(`${JSON.stringify(port)}\n`);
    return 0;
  }
  const err = (line: string): void => void process.stderr.write(`${line}\n`);
  const logger: ReaderLogger = {
    info: (m, c) => err(`${m}${c ? ` ${JSON.stringify(c)}` : ''}`),
    warn: (m, c) => err(`warning: ${m}${c ? ` ${JSON.stringify(c)}` : ''}`),
    error: (m, c) => err(`error: ${m}${c ? ` ${JSON.stringify(c)}` : ''}`),
  };
  const raw = command.rawFile ? createWriteStream(command.rawFile, { flags: 'a' }) : null;
  raw?.on('error', (e) => err(`error: cannot write ${command.rawFile}: ${e.message}`));
  const reader = createCallerIdReader({ settings: { path: command.port, baudRate: command.baudRate, family: command.family }, logger });
  reader.onCall((call) => process.stdout.write(`${callLine(call)}\n`));
  reader.onEvent((event) => event.type !== 'call' && err(eventLine(event)));
  if (raw) reader.onRaw((chunk) => raw.write(chunk));
  err(`callerid: reading ${command.port} at ${command.baudRate} baud, format ${command.family}; Ctrl-C to stop`);
  reader.start();
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await reader.stop();
  if (raw) await new Promise<void>((resolve) => raw.end(resolve));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`callerid: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
