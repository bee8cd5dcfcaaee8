import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export const SECTION = '## Duty desk (npm run bench)';

/** Replaces (or adds) our section of docs/benchmarks.md and leaves every other section as it is. */
export function writeSection(file: string, body: string): void {
  const section = `${SECTION}\n\n${body.trim()}\n`;
  if (!existsSync(file)) {
    writeFileSync(file, `# Benchmarks\n\n${section}`);
    return;
  }
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(SECTION);
  if (start === -1) {
    writeFileSync(file, `${text.trimEnd()}\n\n${section}`);
    return;
  }
  const rest = text.slice(start + SECTION.length);
  const next = rest.search(/^## /m);
  const after = next === -1 ? '' : `\n${rest.slice(next)}`;
  writeFileSync(file, `${text.slice(0, start)}${section}${after}`);
}
