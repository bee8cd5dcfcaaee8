// Atomic, durable replacement of a small file: a temp file of its own in the same folder,
// fsync, rename over the target, fsync the folder (so the rename survives a power cut, F14).
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The sync folder holds the token: only its owner may list or read it. */
export async function ensurePrivateFolder(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true, mode: 0o700 });
  // mkdir's mode is masked by the umask and does nothing for a folder that exists.
  await chmod(folder, 0o700).catch(() => {});
}

export async function replaceFileDurably(path: string, data: string | Uint8Array, mode = 0o600): Promise<void> {
  await ensurePrivateFolder(dirname(path));
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  try {
    const file = await open(temp, 'wx', mode);
    try {
      await file.writeFile(data);
      await file.sync();
    } finally {
      await file.close();
    }
    await chmod(temp, mode).catch(() => {});
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
  await syncFolder(dirname(path));
}

export async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch {
    // Windows cannot open a folder for fsync (EISDIR/EPERM); NTFS journals the rename itself.
  } finally {
    await handle?.close();
  }
}
