// The desktop vault: the token encrypted with safeStorage, 0600; refused without encryption.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Logger } from '../host/logging/logger';
import { NO_ENCRYPTION_MESSAGE, safeStorageVault, type SafeStorageLike } from './safeStorageVault';

let dir: string;
const warnings: string[] = [];
const logger: Logger = { info: () => {}, warn: (m) => warnings.push(m), error: () => {} };
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dutydesk-vault-'));
  warnings.length = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A reversible stand-in "cipher" so the test can see the file is not the token in clear. */
const storage = (available: boolean, backend = 'gnome_libsecret'): SafeStorageLike => ({
  isEncryptionAvailable: () => available,
  encryptString: (plain) => Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a)),
  decryptString: (data) => Buffer.from(data.map((b) => b ^ 0x5a)).toString('utf8'),
  getSelectedStorageBackend: () => backend,
});

describe('safeStorage token vault', () => {
  it('writes the token encrypted, 0600, reads it back, clears it', async () => {
    const path = join(dir, 'sync', 'hub-token.bin');
    const vault = safeStorageVault(path, storage(true), async () => {}, logger);
    expect(await vault.read()).toBeNull();
    await vault.write('secret-token-123');
    expect(readFileSync(path).toString('utf8')).not.toContain('secret-token-123');
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(await vault.read()).toBe('secret-token-123');
    await vault.clear();
    expect(await vault.read()).toBeNull();
  });

  it('refuses to keep the token when the OS offers no encryption', async () => {
    const vault = safeStorageVault(join(dir, 'sync', 'hub-token.bin'), storage(false), async () => {}, logger);
    await expect(vault.write('secret-token-123')).rejects.toThrow(NO_ENCRYPTION_MESSAGE);
    expect(() => statSync(join(dir, 'sync', 'hub-token.bin'))).toThrow();
  });

  it.runIf(process.platform === 'linux')('says in the log when Linux falls back to basic_text', async () => {
    const vault = safeStorageVault(join(dir, 'sync', 'hub-token.bin'), storage(true, 'basic_text'), async () => {}, logger);
    await vault.write('secret-token-123');
    expect(warnings.join('\n')).toContain('basic_text');
    expect(warnings.join('\n')).not.toContain('secret-token-123');
  });
});
