// Command line and environment of the web shell: `--port <n>` / DUTYDESK_PORT (default 5730,
// 0 picks a free one), `--data <dir>` / DUTYDESK_DATA for settings and logs, and
// `--hub <url> --hub-token-file <file>` to enrol with a sync hub at start (issue 13).
import { extractHubArgs, type HubArgs } from '../host/sync/hubArgs';

export const DEFAULT_WEB_PORT = 5730;

export type WebArgs = { port: number; dataDir: string; hub: HubArgs } | { error: string };

export function parseWebArgs(allArgs: string[], env: Record<string, string | undefined>, defaultDataDir: string): WebArgs {
  const hubArgs = extractHubArgs(allArgs);
  if ('error' in hubArgs) return hubArgs;
  const argv = hubArgs.rest;
  let port = env.DUTYDESK_PORT ?? String(DEFAULT_WEB_PORT);
  let dataDir = env.DUTYDESK_DATA ?? defaultDataDir;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if ((flag === '--port' || flag === '--data') && value === undefined) return { error: `${flag} needs a value` };
    if (flag === '--port') port = value!;
    else if (flag === '--data') dataDir = value!;
    else return { error: `unknown option ${flag}; usage: npm run web -- [--port <n>] [--data <dir>] [--hub <url> --hub-token-file <file>]` };
    i++;
  }
  if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) return { error: `port must be a number from 0 to 65535, not "${port}"` };
  return { port: Number(port), dataDir, hub: hubArgs.hub };
}
