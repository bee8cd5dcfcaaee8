// Atomic, durable files (settings S3, the sync folder F14): a new file is written and fsynced
// before anyone relies on it; a replacement goes to a temp file of its own in the same folder
// (concurrent writers never share one), is fsynced, renamed over the target, and the folder is
// fsynced so the rename survives a power cut. A failed replacement leaves no temp file.
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The sync folder holds the token: only its owner may list or read it. */
export async function ensurePrivateFolder(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true, mode: 0o700 });
  // mkdir's mode is masked by the umask and does nothing for a folder that exists.
  await chmod(folder, 0o700).catch(() => {});
}

/** Creates `path` (it must not exist) with `data`, fsynced before it resolves. */
export async function writeNewFileDurably(path: string, data: string | Uint8Array, mode = 0o600): Promise<void> {
  const file = await open(path, 'wx', mode);
  try {
    await file.writeFile(data);
    await file.sync();
  } finally {
    await file.close();
  }
}

/** Replaces `path` atomically and durably; its folder must exist. */
export async function replaceFile(path: string, data: string | Uint8Array, mode = 0o600): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeNewFileDurably(temp, data, mode);
    await chmod(temp, mode).catch(() => {});
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
  await syncFolder(dirname(path));
}

/** `replaceFile` in a private (0700) folder, created if need be: the sync folder. */
export async function replaceFileDurably(path: string, data: string | Uint8Array, mode = 0o600): Promise<void> {
  await ensurePrivateFolder(dirname(path));
  await replaceFile(path, data, mode);
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
