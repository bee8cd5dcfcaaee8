import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { SocatPair, waitFor } from '../host/callerid/testing/socatPair';
import { openBridge, rawExchange, statusOf } from '../../tests/e2e/support/rawClients';
import { startWebShell } from '../../tests/e2e/support/webShell';

// The web shell as a real process on a real port, probed the way the security review did.

type Shell = Awaited<ReturnType<typeof startWebShell>>;

async function fakeRenderer(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dutydesk-renderer-'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>desk</title>');
  return dir;
}

const get = (shell: Shell, path: string, host = `127.0.0.1:${shell.port}`) => rawExchange(shell.port, `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);

describe('web shell', () => {
  let shell: Shell;
  beforeAll(async () => {
    shell = await startWebShell({ rendererDir: await fakeRenderer() });
  });
  afterAll(() => shell?.stop());

  it('S1: a malformed percent-encoding answers 400 and the shell keeps serving', async () => {
    for (const path of ['/%', '/%E0%A4%A', '/assets/%zz.js', '/%00']) {
      const answer = await get(shell, path);
      expect([400, 404], `${path}: ${answer.slice(0, 40)}`).toContain(statusOf(answer));
    }
    expect(statusOf(await get(shell, '/%'))).toBe(400);
    expect(shell.alive()).toBe(true);
    const index = await get(shell, '/');
    expect(statusOf(index)).toBe(200);
    expect(index).toContain('<title>desk</title>');
  });

  it('S19: a foreign Host header is refused for files and for the bridge upgrade', async () => {
    const foreign = await get(shell, '/', `evil.example:${shell.port}`);
    expect(statusOf(foreign)).toBe(421);
    expect(foreign).not.toContain('<title>desk</title>');
    expect(statusOf(await get(shell, '/', 'evil.example'))).toBe(421);
    // No Host at all: Node itself refuses an HTTP/1.1 request without one.
    expect([400, 421]).toContain(statusOf(await rawExchange(shell.port, 'GET / HTTP/1.1\r\nConnection: close\r\n\r\n')));
    expect(statusOf(await get(shell, '/', `localhost:${shell.port}`))).toBe(200);
    await expect(openBridge(shell, `evil.example:${shell.port}`)).rejects.toThrow(/421/);
    const ok = await openBridge(shell);
    expect(await ok.call('app:info')).toMatchObject({ ok: true, value: { shell: 'web' } });
    ok.close();
  });

  it('S2: a message over 1 MiB closes that socket with 1009 and a reason; the shell and caller ID stay up', async () => {
    const client = await openBridge(shell);
    client.ws.send(Buffer.alloc(1024 * 1024 + 1, 0x20), { binary: false });
    const closed = await client.closed;
    expect(closed.code).toBe(1009);
    expect(closed.reason).toMatch(/larger than/);
    // Past the library's own cap too (the review's "Unhandled 'error' event").
    const other = await openBridge(shell);
    other.ws.send(Buffer.alloc(5 * 1024 * 1024, 0x20));
    expect((await other.closed).code).toBe(1009);
    expect(shell.alive()).toBe(true);
    const fresh = await openBridge(shell);
    expect(await fresh.call('callerId:status')).toMatchObject({ ok: true, value: { state: 'disabled' } });
    fresh.close();
  });

  it('refuses a bridge socket without the token or from another origin', async () => {
    const attempt = (url: string, origin: string) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(url, { origin });
        ws.on('open', () => { ws.close(); resolve('open'); });
        ws.on('error', () => resolve('refused'));
      });
    const base = `ws://127.0.0.1:${shell.port}/bridge`;
    expect(await attempt(`${base}?token=wrong`, shell.origin)).toBe('refused');
    expect(await attempt(`${base}?token=${shell.token}`, 'http://evil.example')).toBe('refused');
    expect(await attempt(`${base}?token=${shell.token}`, `http://localhost:${shell.port}`)).toBe('open');
  });
});

describe('web shell with a caller-ID box', () => {
  let shell: Shell;
  let pty: SocatPair;
  beforeAll(async () => {
    pty = new SocatPair();
    await pty.start();
    const dataDir = await mkdtemp(join(tmpdir(), 'dutydesk-web-'));
    await writeFile(join(dataDir, 'settings.json'), JSON.stringify({ callerId: { enabled: true, path: pty.device, baudRate: 115200, family: 'gsmClip' } }));
    shell = await startWebShell({ rendererDir: await fakeRenderer(), dataDir });
  });
  afterAll(async () => {
    await shell?.stop();
    await pty?.dispose();
  });

  it('S17: a call that rang while no renderer was connected is kept, with a stable id, for the next one', async () => {
    const probe = await openBridge(shell);
    await waitFor('reader connected', async () => ((await probe.call('callerId:status')).value as { state: string }).state === 'connected');
    probe.close();
    await probe.closed;

    await pty.write('\r\nRING\r\n\r\n+CLIP: "13800138000",129,"",0,"",0\r\n');
    const later = await openBridge(shell);
    await waitFor('call kept', async () => ((await later.call('callerId:recentCalls')).value as unknown[]).length === 1);
    const [first] = (await later.call('callerId:recentCalls')).value as { id: string; number: string }[];
    expect(first).toMatchObject({ number: '13800138000', withheld: false });
    const again = await openBridge(shell);
    expect((await again.call('callerId:recentCalls')).value).toEqual([first]);
    later.close();
    again.close();
  });
});
