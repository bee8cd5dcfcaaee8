import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const FILE = 'docs/benchmarks.md';

/** Replaces (or appends) one `## heading` section of docs/benchmarks.md, leaving the others. */
export async function writeBenchSection(heading: string, body: string): Promise<void> {
  const text = existsSync(FILE) ? readFileSync(FILE, 'utf8') : '# Benchmarks\n';
  const marker = `## ${heading}`;
  const start = text.indexOf(marker);
  const section = `${marker}\n\n${body.trim()}\n`;
  if (start === -1) {
    writeFileSync(FILE, `${text.trimEnd()}\n\n${section}`);
    return;
  }
  const next = text.indexOf('\n## ', start + marker.length);
  writeFileSync(FILE, `${text.slice(0, start)}${section}${next === -1 ? '' : `\n${text.slice(next + 1)}`}`);
}
