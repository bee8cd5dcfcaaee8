// A real sync hub for the two-station e2e: SQLite in a temp folder, the administration CLIs as
// an operator runs them (`hub:init`, `hub:station`, `hub:backup`, `hub:restore`), restartable on
// the same port (the stations keep its address).
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, createStation } from '../../hub/support/cli';
import { startHub, type RunningHub } from '../../hub/support/hubProcess';

export const SITE = 'estate1';

export class E2eHub {
  private running: RunningHub | null = null;
  port = 0;

  private constructor(public dataDir: string, private extraEnv: Record<string, string>) {}

  /** `extraEnv` e.g. NODE_OPTIONS to run the hub with its clock ahead (the clock-warning screenshot). */
  static async create(extraEnv: Record<string, string> = {}): Promise<E2eHub> {
    const hub = new E2eHub(await mkdtemp(join(tmpdir(), 'dutydesk-e2e-hub-')), extraEnv);
    const init = await cli('init', [], hub.env());
    if (init.code !== 0) throw new Error(`hub:init failed: ${init.stderr}`);
    return hub;
  }

  env(): Record<string, string> {
    return { HUB_DATA: this.dataDir, ...this.extraEnv };
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get epoch(): string {
    if (!this.running) throw new Error('hub not running');
    return this.running.epoch;
  }

  station(name: string): Promise<string> {
    return createStation(this.env(), SITE, name);
  }

  async start(): Promise<void> {
    this.running = await startHub({ ...this.env(), HUB_PORT: String(this.port) });
    this.port = this.running.port;
  }

  async stop(): Promise<void> {
    await this.running?.stop();
    this.running = null;
  }

  async backup(): Promise<string> {
    const file = join(await mkdtemp(join(tmpdir(), 'dutydesk-e2e-backup-')), 'hub.ndjson');
    const result = await cli('backup', ['--out', file], this.env());
    if (result.code !== 0) throw new Error(`hub:backup failed: ${result.stderr}`);
    return file;
  }

  /** The disk is lost: a new store folder, restored from `file` (a new hubEpoch). Stop first. */
  async restoreInto(file: string): Promise<void> {
    this.dataDir = await mkdtemp(join(tmpdir(), 'dutydesk-e2e-hub-restored-'));
    const result = await cli('restore', ['--from', file], this.env());
    if (result.code !== 0) throw new Error(`hub:restore failed: ${result.stderr}`);
  }
}
