import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ID, APP_NAME } from './appIdentity';
import { UPDATER_POLICY } from './updateFeed';

// Config checks (checklist items 17, 30, 33): the packaging file agrees with the code and
// with electron-builder's own schema.
const root = join(import.meta.dirname, '..', '..');
const text = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
const require = createRequire(join(root, 'node_modules', 'electron-builder', 'package.json'));
const builderLib = require.resolve('app-builder-lib/package.json');
const yaml = createRequire(builderLib)('js-yaml') as { load(text: string): unknown };
const config = yaml.load(text) as {
  appId: string;
  productName: string;
  files: string[];
  win: { target: { target: string }[] };
  nsis: Record<string, unknown>;
  linux: { target: string[]; category: string; desktop: { entry: Record<string, string> } };
  publish: { provider: string; url: string };
  electronFuses: Record<string, boolean>;
};

describe('electron-builder.yml', () => {
  it('uses the app id the shell registers as AppUserModelID, and the pinned product name', () => {
    expect(config.appId).toBe(APP_ID);
    expect(config.productName).toBe(APP_NAME);
  });

  it('packages the built app only, per-user NSIS with the Chinese shortcut, AppImage and deb', () => {
    expect(config.files).toEqual(['out/**', 'package.json']);
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ perMachine: false, oneClick: false, allowToChangeInstallationDirectory: true, shortcutName: '客服值班台' });
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office');
    expect(config.linux.desktop.entry.Name).toBe('客服值班台');
    expect(text).not.toContain('nsis-web');
  });

  it('publishes to a generic placeholder that can never resolve; the feed is site configuration', () => {
    expect(config.publish.provider).toBe('generic');
    expect(new URL(config.publish.url).hostname.endsWith('.invalid')).toBe(true);
    expect(UPDATER_POLICY.autoInstallOnAppQuit).toBe(false);
  });

  it('flips the release fuses', () => {
    // S8: with these, ELECTRON_RUN_AS_NODE, NODE_OPTIONS and Node's --inspect do nothing in a release.
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('ships only what main loads at run time: serialport, electron-updater and node-cron (the sync schedule, issue 13), never the hub or the bundled UI (P4)', async () => {
    // electron-builder's own collector decides which node_modules go into the installer.
    const collectorLib = createRequire(builderLib);
    const { getCollectorByPackageManager, PM } = collectorLib('./out/node-module-collector/index.js') as {
      PM: { NPM: string };
      getCollectorByPackageManager(pm: string, dir: string, temp: unknown): { getNodeModules(o: { packageName: string }): Promise<{ nodeModules: { name: string }[] }> };
    };
    const { TmpDir } = collectorLib('builder-util') as { TmpDir: new (name: string) => { cleanup(): Promise<void> } };
    const temp = new TmpDir('dutydesk-packaging-test');
    try {
      const { nodeModules } = await getCollectorByPackageManager(PM.NPM, root, temp).getNodeModules({ packageName: 'dutydesk' });
      const shipped = new Set(nodeModules.map((m) => m.name));
      expect(shipped).toContain('serialport');
      expect(shipped).toContain('@serialport/bindings-cpp');
      expect(shipped).toContain('electron-updater');
      expect(shipped).toContain('node-cron');
      for (const name of ['fastify', 'pg', 'better-sqlite3', 'ws', 'react', '@mantine/core', 'dexie', 'zod', 'exceljs', 'uuid', 'electron']) expect(shipped, name).not.toContain(name);
    } finally {
      await temp.cleanup();
    }
  }, 60_000);

  it('declares as dependencies only what the main bundle leaves external (serialport, electron-updater, node-cron); install scripts only for electron and better-sqlite3', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; allowScripts: Record<string, boolean> };
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['electron-updater', 'node-cron', 'serialport']);
    expect(Object.keys(pkg.allowScripts).sort()).toEqual(['better-sqlite3', 'electron']);
  });

  it('matches the schema of the installed electron-builder', async () => {
    const { validateConfiguration } = createRequire(builderLib)('./out/util/config/config.js') as { validateConfiguration(config: unknown, logger: unknown): Promise<void> };
    const { DebugLogger } = createRequire(builderLib)('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });
});
