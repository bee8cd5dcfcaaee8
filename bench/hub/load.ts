// The load the hub benchmark puts on a hub: batches of realistic events pushed over keep-alive
// HTTP, pages pulled, and the hub's resident memory sampled from /proc.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { adminQuery } from '../../tests/hub/support/stores';

const agent = new Agent({ keepAlive: true, maxSockets: 16 });
let serial = 0;

/** A batch body as a station would send it: about 300 bytes an event, Chinese text included. */
export function batchBody(station: string, size: number): string {
  const stamp = new Date().toISOString();
  const events: string[] = [];
  for (let i = 0; i < size; i++) {
    const n = ++serial;
    const counter = (n % 0x10000).toString(16).padStart(4, '0');
    events.push(`{"id":"${station}-${process.pid}-${n}","stream":"ticket:${n % 5000}","type":"ticket.note",` +
      `"hlc":"${stamp}-${counter}-a1b2c3d4e5f60708","station":"${station}","actor":"staff-${n % 40}",` +
      `"payload":{"note":"3号楼1单元1201 厨房漏水，已通知维修","building":${n % 12},"room":"1201","urgent":${n % 7 === 0}}}`);
  }
  return `{"events":[${events.join(',')}]}`;
}

export function call(base: URL, token: string, method: string, path: string, body?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({
      agent, host: base.hostname, port: base.port, method, path,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-length': Buffer.byteLength(body) } : {}) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

export async function push(base: URL, token: string, body: string): Promise<number> {
  const answer = await call(base, token, 'POST', '/v1/events', body);
  if (answer.status !== 200) throw new Error(`push answered ${answer.status}: ${answer.text.slice(0, 200)}`);
  return (JSON.parse(answer.text) as { stored: number }).stored;
}

/** Samples the process's resident set size; `stop` returns the largest seen, in MiB. */
export function sampleRss(pid: number, everyMs = 250): { stop(): number } {
  let max = 0;
  const read = () => {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    if (m) max = Math.max(max, Number(m[1]) / 1024);
  };
  read();
  const timer = setInterval(read, everyMs);
  return { stop: () => (clearInterval(timer), read(), max) };
}

/** CPU seconds (user + system) the process has used so far, from /proc. */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Runs `work` with the URL of a PostgreSQL database made for it on `serverUrl`'s server, dropped after. */
export async function withScratchDatabase<T>(serverUrl: string, prefix: string, work: (url: string) => Promise<T>): Promise<T> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`, serverUrl);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    return await work(url.toString());
  } finally {
    await adminQuery(`DROP DATABASE ${name} WITH (FORCE)`, serverUrl);
  }
}
