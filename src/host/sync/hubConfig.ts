// The hub address and schedule beside the data: `<dataDir>/sync/hub.json`. The token is not
// here (tokenVault). A corrupt file never stops the desk: defaults plus a warning in the log.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { nameSchema } from '../../shared/protocol/names';
import { isJsonObject } from '../../shared/protocol/payload';
import type { Logger } from '../logging/logger';
import { replaceFileDurably } from '../durableFile';

export const hubConfig = z.object({
  hubUrl: z.string().min(1).max(500).nullable(),
  everyMinutes: z.number().int().min(1).max(60),
  /** The site and station the hub named for the token at the last whoami; null before one. */
  site: nameSchema.nullable(),
  station: nameSchema.nullable(),
});
export type HubConfig = z.infer<typeof hubConfig>;

export const DEFAULT_HUB_CONFIG: HubConfig = { hubUrl: null, everyMinutes: 1, site: null, station: null };

export async function loadHubConfig(path: string, logger: Logger): Promise<HubConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return DEFAULT_HUB_CONFIG;
    logger.warn('sync: hub settings unreadable, on defaults (not enrolled)', { path, code: String((error as NodeJS.ErrnoException).code) });
    return DEFAULT_HUB_CONFIG;
  }
  try {
    const json: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    // Keys missing from an older file take their defaults; anything else wrong is corrupt.
    const parsed = isJsonObject(json) ? hubConfig.safeParse({ ...DEFAULT_HUB_CONFIG, ...json }) : null;
    if (parsed?.success) return parsed.data;
  } catch {
    // Falls through to the warning below.
  }
  logger.warn('sync: hub settings file is corrupt, on defaults (not enrolled until enrolled again)', { path });
  return DEFAULT_HUB_CONFIG;
}

export async function saveHubConfig(path: string, config: HubConfig): Promise<void> {
  await replaceFileDurably(path, `${JSON.stringify(hubConfig.parse(config), null, 2)}\n`, 0o600);
}
