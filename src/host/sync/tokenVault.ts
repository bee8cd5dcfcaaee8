// Where the hub token is kept (never in a log, a message, a bridge answer or IndexedDB). The web
// shell keeps it in a 0600 file in a 0700 folder of the data folder; the desktop shell passes
// an Electron safeStorage vault through ShellHooks (src/main/safeStorageVault.ts).
import { readFile, unlink } from 'node:fs/promises';
import { replaceFileDurably } from '../durableFile';

export interface TokenVault {
  read(): Promise<string | null>;
  write(token: string): Promise<void>;
  clear(): Promise<void>;
}

export function fileTokenVault(path: string): TokenVault {
  return {
    async read() {
      try {
        const token = (await readFile(path, 'utf8')).trim();
        return token.length > 0 ? token : null;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    write: (token) => replaceFileDurably(path, `${token}\n`, 0o600),
    async clear() {
      await unlink(path).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    },
  };
}
