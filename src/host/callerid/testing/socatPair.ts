import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPort } from 'serialport';

// A real pseudo-terminal pair for tests, so they read a real serial port (docs/callerid.md "Tests"):
// `device` is what the reader opens, `box` plays the caller-ID box. Killing socat removes both
// links, which is what an unplug looks like; start() again brings them back at the same paths.

export async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export class SocatPair {
  readonly dir = mkdtempSync(join(tmpdir(), 'dutydesk-pty-'));
  readonly device = join(this.dir, 'dev');
  readonly box = join(this.dir, 'box');
  /** Everything the reader wrote to the device, as Latin-1 text (init strings). */
  fromReader = '';
  private socat: ChildProcess | null = null;
  private boxPort: SerialPort | null = null;

  async start(): Promise<void> {
    const args = ['-d', '-d', `pty,raw,echo=0,link=${this.device}`, `pty,raw,echo=0,link=${this.box}`];
    this.socat = spawn('socat', args, { stdio: 'ignore' });
    await waitFor('socat links', () => existsSync(this.device) && existsSync(this.box));
    const port = new SerialPort({ path: this.box, baudRate: 9600, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
    port.on('data', (chunk: Buffer) => (this.fromReader += chunk.toString('latin1')));
    port.on('error', () => {});
    this.boxPort = port;
  }

  /** Writes as the box would, waiting until the bytes have left. */
  async write(data: Uint8Array | string): Promise<void> {
    const port = this.boxPort;
    if (!port) throw new Error('socat pair not started');
    const bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : Buffer.from(data);
    await new Promise<void>((resolve, reject) => port.write(bytes, (e) => (e ? reject(e) : port.drain((d) => (d ? reject(d) : resolve())))));
  }

  /** Unplug: socat exits and removes both links. */
  async kill(): Promise<void> {
    const socat = this.socat;
    this.socat = null;
    const box = this.boxPort;
    this.boxPort = null;
    if (box?.isOpen) await new Promise<void>((resolve) => box.close(() => resolve()));
    if (socat && socat.exitCode === null) {
      const exited = new Promise((resolve) => socat.once('exit', resolve));
      socat.kill('SIGTERM');
      await exited;
    }
    await waitFor('socat links removed', () => !existsSync(this.device) && !existsSync(this.box));
  }

  async dispose(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
