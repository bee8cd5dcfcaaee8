#!/usr/bin/env node
// Signs a release installer for the desk's updater (S15; docs/desktop-shell.md "Signing a
// release"): Ed25519 over the installer's SHA-512 digest, base64, written to <installer>.sig,
// which is published on the feed beside the installer. The private key never enters the repo.
//
//   node scripts/sign-update.mjs dist/DutyDesk-Setup-0.2.0.exe /secure/release-signing.key
import { createHash, createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';

const [installer, keyPath] = process.argv.slice(2);
if (!installer || !keyPath) {
  console.error('usage: node scripts/sign-update.mjs <installer> <ed25519 private key .pem>');
  process.exit(2);
}
const privateKey = createPrivateKey(readFileSync(keyPath));
if (privateKey.asymmetricKeyType !== 'ed25519') {
  console.error(`${keyPath} is not an Ed25519 private key`);
  process.exit(2);
}
const hash = createHash('sha512');
for await (const chunk of createReadStream(installer)) hash.update(chunk);
const digest = hash.digest();
const signature = sign(null, digest, privateKey);
// The desk checks against resources/update-signing-key.pem: say at once if this key is not that one.
const builtIn = new URL('../resources/update-signing-key.pem', import.meta.url);
let matches = false;
try {
  matches = verify(null, digest, createPublicKey(readFileSync(builtIn, 'utf8')), signature);
} catch {
  // No key there yet (the placeholder): reported below.
}
if (!matches) {
  console.error('warning: resources/update-signing-key.pem is not the public half of this key; desks built from this tree will refuse this update');
}
writeFileSync(`${installer}.sig`, `${signature.toString('base64')}\n`);
console.log(`${installer}.sig written`);
