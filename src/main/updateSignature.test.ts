import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { mkdtemp, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_UPDATE_KEY, parsePublicKey, signatureUrl, verifyDownloadedUpdate, verifyInstallerSignature } from './updateSignature';

// Keys made here; the signature is made as scripts/sign-update.mjs makes it: Ed25519 over the
// installer's SHA-512 digest, base64.

const release = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');
const releaseKey = parsePublicKey(release.publicKey.export({ type: 'spki', format: 'pem' }).toString())!;
const otherKey = parsePublicKey(other.publicKey.export({ type: 'spki', format: 'pem' }).toString())!;
const installerBytes = Buffer.from('MZ… pretend installer '.repeat(5000));

function signatureOf(bytes: Buffer, privateKey = release.privateKey): string {
  return sign(null, createHash('sha512').update(bytes).digest(), privateKey).toString('base64');
}

let dir: string;
let installer: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dutydesk-update-'));
  installer = join(dir, 'DutyDesk-Setup-0.2.0.exe');
  await writeFile(installer, installerBytes);
});

describe('verifyInstallerSignature', () => {
  it('S15: accepts the installer signed with the release key', async () => {
    expect(await verifyInstallerSignature(installer, `${signatureOf(installerBytes)}\n`, releaseKey)).toEqual({ ok: true });
  });

  it('S15: refuses a tampered installer', async () => {
    const tampered = join(dir, 'tampered.exe');
    const bytes = Buffer.from(installerBytes);
    bytes[1000] = bytes[1000]! ^ 1;
    await writeFile(tampered, bytes);
    expect(await verifyInstallerSignature(tampered, signatureOf(installerBytes), releaseKey)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('S15: refuses a signature made with another key', async () => {
    expect(await verifyInstallerSignature(installer, signatureOf(installerBytes, other.privateKey), releaseKey)).toEqual({ ok: false, reason: 'mismatch' });
    expect(await verifyInstallerSignature(installer, signatureOf(installerBytes), otherKey)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('S15: refuses a missing or malformed signature, and everything when no key is built in', async () => {
    expect(await verifyInstallerSignature(installer, null, releaseKey)).toEqual({ ok: false, reason: 'missing' });
    expect(await verifyInstallerSignature(installer, 'not a signature', releaseKey)).toEqual({ ok: false, reason: 'malformed' });
    expect(await verifyInstallerSignature(installer, signatureOf(installerBytes), null)).toEqual({ ok: false, reason: 'noKey' });
  });

  it('reads only an Ed25519 public key; the placeholder in resources/ is none', () => {
    expect(parsePublicKey('No update signing key yet.')).toBeNull();
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    expect(parsePublicKey(rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString())).toBeNull();
    // Until a release key is committed, a packaged desk installs nothing (docs/desktop-shell.md).
    expect(BUILT_IN_UPDATE_KEY).toBeNull();
  });
});

describe('signatureUrl', () => {
  it('is the installer URL plus .sig on the feed origin, and never another origin', () => {
    const feed = 'https://hub.example/updates/stable/';
    expect(signatureUrl(feed, [{ url: 'DutyDesk-Setup-0.2.0.exe' }], '/cache/pending/DutyDesk-Setup-0.2.0.exe')).toBe('https://hub.example/updates/stable/DutyDesk-Setup-0.2.0.exe.sig');
    expect(signatureUrl(feed, [{ url: 'https://evil.example/DutyDesk-Setup-0.2.0.exe' }], '/cache/DutyDesk-Setup-0.2.0.exe')).toBeNull();
    expect(signatureUrl(feed, [], '/cache/x.exe')).toBeNull();
  });
});

describe('verifyDownloadedUpdate over a real loopback feed', () => {
  const published = new Map<string, string>();
  let server: Server;
  let feedUrl: string;
  beforeAll(async () => {
    server = createServer((request, response) => {
      const body = published.get(request.url ?? '');
      response.writeHead(body === undefined ? 404 : 200).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/updates/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const files = [{ url: 'DutyDesk-Setup-0.2.0.exe' }];

  it('S15: a download whose published signature verifies may be installed', async () => {
    published.set('/updates/DutyDesk-Setup-0.2.0.exe.sig', signatureOf(installerBytes));
    expect(await verifyDownloadedUpdate({ feedUrl, files, downloadedFile: installer, key: releaseKey })).toEqual({ ok: true });
  });

  it('S15: a download with no signature on the feed, or one by another key, may not', async () => {
    published.delete('/updates/DutyDesk-Setup-0.2.0.exe.sig');
    expect(await verifyDownloadedUpdate({ feedUrl, files, downloadedFile: installer, key: releaseKey })).toEqual({ ok: false, reason: 'missing' });
    published.set('/updates/DutyDesk-Setup-0.2.0.exe.sig', signatureOf(installerBytes, other.privateKey));
    expect(await verifyDownloadedUpdate({ feedUrl, files, downloadedFile: installer, key: releaseKey })).toEqual({ ok: false, reason: 'mismatch' });
  });
});
