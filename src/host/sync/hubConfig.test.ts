// The hub address and schedule beside the data: a bad file never stops the desk.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Logger } from '../logging/logger';
import { DEFAULT_HUB_CONFIG, loadHubConfig, saveHubConfig } from './hubConfig';

let dir: string;
let path: string;
const warnings: string[] = [];
const logger: Logger = { info: () => {}, warn: (m) => warnings.push(m), error: () => {} };
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dutydesk-hubconfig-'));
  path = join(dir, 'sync', 'hub.json');
  warnings.length = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('hub config', () => {
  it('no file: defaults (not enrolled, every minute), no warning', async () => {
    expect(await loadHubConfig(path, logger)).toEqual(DEFAULT_HUB_CONFIG);
    expect(warnings).toEqual([]);
  });

  it('saves and reads back', async () => {
    const config = { hubUrl: 'https://hub.estate.lan:8787', everyMinutes: 5, site: 'estate-a', station: 'FD-1' };
    await saveHubConfig(path, config);
    expect(await loadHubConfig(path, logger)).toEqual(config);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(config);
  });

  it('a corrupt or invalid file gives defaults and a warning, never a crash', async () => {
    mkdirSync(join(dir, 'sync'));
    for (const text of ['{"hubUrl": "http', '[1, 2]', 'null', '{"everyMinutes": 0}', '{"everyMinutes": 61}', '{"site": "bad site"}']) {
      writeFileSync(path, text);
      expect(await loadHubConfig(path, logger), text).toEqual(DEFAULT_HUB_CONFIG);
    }
    expect(warnings).toHaveLength(6);
  });

  it('a file of an older version missing keys keeps what it has', async () => {
    mkdirSync(join(dir, 'sync'));
    writeFileSync(path, '{"hubUrl": "http://hub:8787"}');
    expect(await loadHubConfig(path, logger)).toEqual({ ...DEFAULT_HUB_CONFIG, hubUrl: 'http://hub:8787' });
  });
});
