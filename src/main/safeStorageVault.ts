// The desktop shell's hub token vault: the token encrypted with Electron safeStorage (the OS
// keychain / DPAPI / libsecret) in `userData/sync/hub-token.bin`, 0600, written durably. It is
// handed to the host through ShellHooks.tokenVault. No encryption available → refuse to keep
// the token (the enrolment answers `refused` with this message) rather than store it in clear.
import { readFile, unlink } from 'node:fs/promises';
import type { Logger } from '../host/logging/logger';
import { replaceFileDurably } from '../host/durableFile';
import type { TokenVault } from '../host/sync/tokenVault';

/** The part of Electron's safeStorage the vault uses (a stand-in in tests). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

export const NO_ENCRYPTION_MESSAGE = 'this computer offers no encrypted storage for the hub token (no OS keychain or keyring available), so it is not kept';

/** `ready`: safeStorage works only once the app is ready (app.whenReady). */
export function safeStorageVault(path: string, storage: SafeStorageLike, ready: () => Promise<unknown>, logger: Logger): TokenVault {
  let warned = false;
  const available = async () => {
    await ready();
    if (!storage.isEncryptionAvailable()) return false;
    // Linux without a keyring: Chromium falls back to a hard-coded key; the file is obfuscated only.
    if (!warned && process.platform === 'linux' && storage.getSelectedStorageBackend?.() === 'basic_text') {
      logger.warn('sync: the hub token is kept with the basic_text backend (no keyring): obfuscated, not truly encrypted; the file is readable by this user only');
      warned = true;
    }
    return true;
  };
  return {
    async read() {
      let data: Buffer;
      try {
        data = await readFile(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      if (!(await available())) throw new Error(NO_ENCRYPTION_MESSAGE);
      const token = storage.decryptString(data).trim();
      return token.length > 0 ? token : null;
    },
    async write(token) {
      if (!(await available())) throw new Error(NO_ENCRYPTION_MESSAGE);
      await replaceFileDurably(path, storage.encryptString(token), 0o600);
    },
    async clear() {
      await unlink(path).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    },
  };
}
