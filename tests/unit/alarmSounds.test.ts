import { copyFile, mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { staticHandler } from '../../src/web/staticFiles';
import { CONTENT_SECURITY_POLICY } from '../../src/web/security';
import { appResponseHeaders } from '../../src/main/appProtocol';

// Issue 15: a sound per level, shipped in resources/sounds (scripts/makeAlarmSounds.ts) and
// served to the renderer in both shells. What a browser's <audio> needs: a valid PCM WAV,
// audible, served as audio/wav, allowed by the CSP.

const LEVELS = ['warn', 'due', 'overdue', 'escalated'] as const;
const soundsDir = resolve(import.meta.dirname, '../../resources/sounds');

interface Wav {
  format: number;
  channels: number;
  rate: number;
  byteRate: number;
  blockAlign: number;
  bits: number;
  samples: Int16Array;
}

/** Reads a RIFF/WAVE file chunk by chunk, as a decoder does; throws on anything malformed. */
function readWav(bytes: Buffer): Wav {
  if (bytes.toString('ascii', 0, 4) !== 'RIFF' || bytes.toString('ascii', 8, 12) !== 'WAVE') throw new Error('not RIFF/WAVE');
  if (bytes.readUInt32LE(4) !== bytes.length - 8) throw new Error('RIFF size does not match the file');
  let fmt: Omit<Wav, 'samples'> | null = null;
  let samples: Int16Array | null = null;
  for (let at = 12; at + 8 <= bytes.length; ) {
    const id = bytes.toString('ascii', at, at + 4);
    const size = bytes.readUInt32LE(at + 4);
    const body = bytes.subarray(at + 8, at + 8 + size);
    if (body.length !== size) throw new Error(`chunk ${id} runs past the end`);
    if (id === 'fmt ') fmt = { format: body.readUInt16LE(0), channels: body.readUInt16LE(2), rate: body.readUInt32LE(4), byteRate: body.readUInt32LE(8), blockAlign: body.readUInt16LE(12), bits: body.readUInt16LE(14) };
    if (id === 'data') samples = new Int16Array(Array.from({ length: size / 2 }, (_, i) => body.readInt16LE(i * 2)));
    at += 8 + size + (size % 2);
  }
  if (!fmt || !samples) throw new Error('fmt or data chunk missing');
  return { ...fmt, samples };
}

const rms = (s: Int16Array) => Math.sqrt(s.reduce((sum, v) => sum + (v / 32768) ** 2, 0) / s.length);
/** Sign changes per second: a rough pitch/roughness measure that tells the four apart. */
const crossingsPerSecond = (w: Wav) => {
  let n = 0;
  for (let i = 1; i < w.samples.length; i++) if ((w.samples[i - 1]! < 0) !== (w.samples[i]! < 0)) n++;
  return n / (w.samples.length / w.rate);
};

describe('alarm sounds (resources/sounds)', () => {
  it.each(LEVELS)('%s.wav is 16-bit PCM mono at 22050 Hz, 1 to 1.5 s, small, audible, and silent at its loop seam', async (level) => {
    const bytes = await readFile(join(soundsDir, `${level}.wav`));
    const wav = readWav(bytes);
    expect({ format: wav.format, channels: wav.channels, rate: wav.rate, bits: wav.bits, byteRate: wav.byteRate, blockAlign: wav.blockAlign }).toEqual({ format: 1, channels: 1, rate: 22050, bits: 16, byteRate: 44100, blockAlign: 2 });
    const seconds = wav.samples.length / wav.rate;
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(1.5);
    expect(bytes.length).toBeLessThan(70_000);
    expect(rms(wav.samples)).toBeGreaterThan(0.05);
    // Never clipped: a clipped wave buzzes on small speakers.
    expect(wav.samples.reduce((peak, v) => Math.max(peak, Math.abs(v)), 0)).toBeLessThan(32_767);
    // The renderer loops it: a loud first or last sample would click at every repeat.
    expect(Math.abs(wav.samples[0]!)).toBeLessThan(500);
    expect(Math.abs(wav.samples.at(-1)!)).toBeLessThan(500);
  });

  it('the four levels sound different, each louder than the one below it', async () => {
    const all = await Promise.all(LEVELS.map(async (level) => readWav(await readFile(join(soundsDir, `${level}.wav`)))));
    const [warn, due, overdue, escalated] = all.map((w) => ({ rms: rms(w.samples), crossings: crossingsPerSecond(w) }));
    expect(warn!.rms).toBeLessThan(due!.rms);
    expect(due!.rms).toBeLessThan(overdue!.rms);
    expect(overdue!.rms).toBeLessThan(escalated!.rms);
    // The overdue beeps are harsher (square waves, higher pitch) than the due beeps.
    expect(overdue!.crossings).toBeGreaterThan(due!.crossings);
    const fingerprints = new Set(all.map((w) => `${w.samples.length}:${Math.round(rms(w.samples) * 1000)}:${Math.round(crossingsPerSecond(w))}`));
    expect(fingerprints.size).toBe(4);
  });

  it('the web shell serves them as audio/wav with the CSP, and that CSP lets the page play its own media', async () => {
    const root = await mkdtemp(join(tmpdir(), 'dutydesk-sounds-'));
    await mkdir(join(root, 'assets'));
    for (const level of LEVELS) await copyFile(join(soundsDir, `${level}.wav`), join(root, 'assets', `${level}-abc123.wav`));
    const server = createServer(staticHandler(root));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    try {
      const { port } = server.address() as AddressInfo;
      for (const level of LEVELS) {
        const answer = await fetch(`http://127.0.0.1:${port}/assets/${level}-abc123.wav`);
        expect(answer.status).toBe(200);
        expect(answer.headers.get('content-type')).toBe('audio/wav');
        expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
        expect(Buffer.from(await answer.arrayBuffer()).equals(await readFile(join(soundsDir, `${level}.wav`)))).toBe(true);
      }
    } finally {
      await new Promise((done) => server.close(done));
    }
    expect(CONTENT_SECURITY_POLICY).toMatch(/media-src 'self'/);
    const html = await readFile(resolve(import.meta.dirname, '../../src/renderer/index.html'), 'utf8');
    expect(html).toMatch(/media-src 'self'/);
  });

  it('the desktop shell (app://) answers them as audio/wav too', () => {
    expect(appResponseHeaders('/app/out/renderer/assets/due-abc123.wav')['Content-Type']).toBe('audio/wav');
  });
});
