// S9: off loopback the hub serves HTTPS or refuses to start. Plain HTTP on 0.0.0.0 is refused
// (exit status 2, a message naming HUB_TLS_CERT) unless HUB_INSECURE=1; with a certificate and
// key it serves TLS, which a station trusting that certificate can use.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { send } from './support/client';
import { runHubToExit, startHub } from './support/hubProcess';
import { createStore, describeStores, type TestStore } from './support/stores';

function httpsGet(url: string, ca: Buffer): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    request(url, { ca }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> }));
    }).on('error', reject).end();
  });
}

describeStores('S9: TLS off loopback', () => {
  let store: TestStore;
  const dir = mkdtempSync(join(tmpdir(), 'dutydesk-tls-'));
  const cert = join(dir, 'hub.crt');
  const key = join(dir, 'hub.key');
  beforeAll(async () => {
    store = await createStore('sqlite');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '1',
      '-subj', '/CN=dutydesk-hub.test', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
  });
  afterAll(async () => {
    await store?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('S9: refuses plain HTTP on 0.0.0.0 without TLS, unless HUB_INSECURE=1', async () => {
    const refused = await runHubToExit({ ...store.env, HUB_HOST: '0.0.0.0' });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/refusing to serve plain HTTP on 0\.0\.0\.0.*HUB_TLS_CERT/s);
    expect(refused.stdout).not.toMatch(/hub listening/);
    const insecure = await startHub({ ...store.env, HUB_HOST: '0.0.0.0', HUB_INSECURE: '1' });
    expect((await send(`http://127.0.0.1:${insecure.port}`, { path: '/v1/health' })).status).toBe(200);
    await insecure.stop();
  }, 60_000);

  it('S9: serves HTTPS with the given certificate, which a station that trusts it accepts', async () => {
    const hub = await startHub({ ...store.env, HUB_HOST: '0.0.0.0', HUB_TLS_CERT: cert, HUB_TLS_KEY: key });
    expect(hub.url).toMatch(/^https:/);
    const health = await httpsGet(`https://127.0.0.1:${hub.port}/v1/health`, readFileSync(cert));
    expect(health).toMatchObject({ status: 200, body: { ok: true, hubEpoch: hub.epoch } });
    // Without trusting the certificate a client refuses it; plain HTTP gets no answer in clear.
    await expect(httpsGet(`https://127.0.0.1:${hub.port}/v1/health`, Buffer.from(''))).rejects.toThrow();
    await expect(send(`http://127.0.0.1:${hub.port}`, { path: '/v1/health' }).then((a) => a.status)).rejects.toThrow();
    await hub.stop();
  }, 60_000);
}, ['sqlite']);
