// The four alarm sounds, synthesised so the repository holds no opaque audio of unknown origin:
// `npx tsx scripts/makeAlarmSounds.ts` writes resources/sounds/{warn,due,overdue,escalated}.wav
// (16-bit PCM mono, 22050 Hz, 1–1.5 s). The renderer loops them until the alarm is acknowledged,
// so each starts and ends silent (no click at the loop seam) and each level sounds clearly
// different from the one below it: a soft chime, insistent beeps, faster harsher beeps, a siren.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const RATE = 22_050;
const FADE_S = 0.006;

type Tone = (t: number) => number;

/** A band-limited tone: the sum of the given harmonics (n → amplitude), kept under Nyquist. */
function harmonics(freqAt: (t: number) => number, partials: ReadonlyArray<readonly [number, number]>): Tone {
  let phase = 0;
  let last = 0;
  // Integrates the frequency so a sweep stays continuous; samples are asked for in order.
  return (t) => {
    phase += 2 * Math.PI * freqAt(t) * (t - last);
    last = t;
    const f = freqAt(t);
    let sum = 0;
    for (const [n, amp] of partials) if (n * f < RATE / 2.2) sum += amp * Math.sin(n * phase);
    return sum;
  };
}

/** Odd harmonics at 1/n: a square wave's bite without aliasing. */
const SQUARE = [1, 3, 5, 7, 9, 11].map((n) => [n, 1 / n] as const);
/** All harmonics at 1/n: a sawtooth, the siren's rasp. */
const SAW = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => [n, 1 / n] as const);

function render(seconds: number, sample: (t: number) => number): Int16Array {
  const out = new Int16Array(Math.round(seconds * RATE));
  for (let i = 0; i < out.length; i++) {
    const v = Math.max(-1, Math.min(1, sample(i / RATE)));
    out[i] = Math.round(v * 32_767);
  }
  return out;
}

/** 1 inside [start, start+length) with short linear fades at both edges, 0 outside. */
function gate(t: number, start: number, length: number): number {
  const x = t - start;
  if (x < 0 || x >= length) return 0;
  return Math.min(1, x / FADE_S, (length - x) / FADE_S);
}

/** Soft two-tone chime (E5 then C5), each struck and decaying: a warning, not yet a ring. */
function warn(): Int16Array {
  const high = harmonics(() => 659.25, [[1, 1], [2, 0.2], [3, 0.05]]);
  const low = harmonics(() => 523.25, [[1, 1], [2, 0.2], [3, 0.05]]);
  return render(1.3, (t) => {
    const a = gate(t, 0, 0.6) * Math.exp(-t * 5);
    const b = gate(t, 0.55, 0.7) * Math.exp(-(t - 0.55) * 4.5);
    return 0.35 * (a * high(t) + b * low(t));
  });
}

/** Insistent beeps: four 880 Hz beeps, a little bite from a second and third harmonic. */
function due(): Int16Array {
  const tone = harmonics(() => 880, [[1, 1], [2, 0.3], [3, 0.15]]);
  return render(1.2, (t) => {
    let g = 0;
    for (let k = 0; k < 4; k++) g += gate(t, k * 0.28, 0.17);
    return 0.55 * g * tone(t);
  });
}

/** Faster, harsher beeps: seven square-wave beeps alternating 1175/1397 Hz. */
function overdue(): Int16Array {
  const hi = harmonics(() => 1397, SQUARE);
  const lo = harmonics(() => 1175, SQUARE);
  return render(1.05, (t) => {
    let v = 0;
    const h = hi(t);
    const l = lo(t);
    for (let k = 0; k < 7; k++) v += gate(t, k * 0.145, 0.09) * (k % 2 === 0 ? h : l);
    return 0.72 * v;
  });
}

/** Loud siren: a sawtooth sweeping 600 → 1500 → 600 Hz twice, peaking just under full scale (no clipping). */
function escalated(): Int16Array {
  const period = 0.7;
  const freq = (t: number): number => {
    const x = (t % period) / period;
    return 600 + 900 * (x < 0.5 ? x * 2 : 2 - x * 2);
  };
  const tone = harmonics(freq, SAW);
  return render(1.4, (t) => 0.5 * gate(t, 0, 1.4) * tone(t));
}

/** A RIFF/WAVE file: 16-bit PCM, mono, RATE Hz. */
function wavBytes(samples: Int16Array): Buffer {
  const data = samples.length * 2;
  const out = Buffer.alloc(44 + data);
  out.write('RIFF', 0, 'ascii');
  out.writeUInt32LE(36 + data, 4);
  out.write('WAVE', 8, 'ascii');
  out.write('fmt ', 12, 'ascii');
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(1, 20); // PCM
  out.writeUInt16LE(1, 22); // mono
  out.writeUInt32LE(RATE, 24);
  out.writeUInt32LE(RATE * 2, 28);
  out.writeUInt16LE(2, 32);
  out.writeUInt16LE(16, 34);
  out.write('data', 36, 'ascii');
  out.writeUInt32LE(data, 40);
  for (let i = 0; i < samples.length; i++) out.writeInt16LE(samples[i] ?? 0, 44 + i * 2);
  return out;
}

const dir = resolve(import.meta.dirname, '..', 'resources', 'sounds');
mkdirSync(dir, { recursive: true });
for (const [name, make] of [['warn', warn], ['due', due], ['overdue', overdue], ['escalated', escalated]] as const) {
  const bytes = wavBytes(make());
  writeFileSync(join(dir, `${name}.wav`), bytes);
  console.log(`${name}.wav: ${bytes.length} bytes`);
}
