import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import builtInKeyText from '../../resources/update-signing-key.pem?raw';

// S15: an update is installed only when it carries our own detached signature. electron-updater
// checks latest.yml's SHA-512 (which whoever serves the feed also writes) and, on Windows, only a
// code-signing certificate that DutyDesk does not have; neither proves the release is ours.
//
// The signature is Ed25519 over the 64-byte SHA-512 digest of the installer, base64, published
// beside it as `<installer name>.sig` (scripts/sign-update.mjs). The public key is built in from
// resources/update-signing-key.pem; without one, nothing is ever installed.

export type SignatureCheck = { ok: true } | { ok: false; reason: 'noKey' | 'missing' | 'malformed' | 'mismatch' };

/** The Ed25519 public key in a PEM text, or null when the text holds none (the placeholder). */
export function parsePublicKey(pem: string): KeyObject | null {
  if (!pem.includes('-----BEGIN PUBLIC KEY-----')) return null;
  try {
    const key = createPublicKey(pem);
    return key.asymmetricKeyType === 'ed25519' ? key : null;
  } catch {
    return null;
  }
}

export const BUILT_IN_UPDATE_KEY: KeyObject | null = parsePublicKey(builtInKeyText);

export async function sha512OfFile(path: string): Promise<Buffer> {
  const hash = createHash('sha512');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest();
}

/** Checks a detached signature (base64 text, or null when the feed had none) of a file. */
export async function verifyInstallerSignature(file: string, signatureText: string | null, key: KeyObject | null): Promise<SignatureCheck> {
  if (!key) return { ok: false, reason: 'noKey' };
  if (signatureText === null) return { ok: false, reason: 'missing' };
  const text = signatureText.trim();
  if (!/^[A-Za-z0-9+/]{86}==$/.test(text)) return { ok: false, reason: 'malformed' };
  const signature = Buffer.from(text, 'base64');
  return verify(null, await sha512OfFile(file), key, signature) ? { ok: true } : { ok: false, reason: 'mismatch' };
}

/**
 * Where the signature of a downloaded update is published: `<installer url>.sig`, resolved
 * against the feed, and only on the feed's own origin (never a host the feed file points at).
 */
export function signatureUrl(feedUrl: string, files: readonly { url: string }[], downloadedFile: string): string | null {
  const name = basename(downloadedFile);
  const file = files.find((f) => basename(new URL(f.url, feedUrl).pathname) === name || decodeURIComponent(basename(new URL(f.url, feedUrl).pathname)) === name) ?? files[0];
  if (!file) return null;
  const url = new URL(`${file.url}.sig`, feedUrl);
  return url.origin === new URL(feedUrl).origin ? url.href : null;
}

/** Fetches the signature text; null when the feed has none (404) or it cannot be fetched. */
export async function fetchSignature(url: string, fetchImpl: typeof fetch = fetch): Promise<string | null> {
  try {
    const response = await fetchImpl(url, { redirect: 'error', signal: AbortSignal.timeout(30_000) });
    if (!response.ok) return null;
    const text = await response.text();
    return text.length <= 1024 ? text : null;
  } catch {
    return null;
  }
}

/** The whole check after electron-updater's `update-downloaded`: find, fetch and verify the signature. */
export async function verifyDownloadedUpdate(options: {
  feedUrl: string;
  files: readonly { url: string }[];
  downloadedFile: string;
  key: KeyObject | null;
  fetchImpl?: typeof fetch;
}): Promise<SignatureCheck> {
  if (!options.key) return { ok: false, reason: 'noKey' };
  const url = signatureUrl(options.feedUrl, options.files, options.downloadedFile);
  const text = url ? await fetchSignature(url, options.fetchImpl) : null;
  return verifyInstallerSignature(options.downloadedFile, text, options.key);
}
