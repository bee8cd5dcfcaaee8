// Directory search on 20,000 residents, a size it must stay fast at (docs/directory.md "Search"), in real
// Chromium IndexedDB: builds bench/directoryPage.ts with Vite, loads it in headless Chromium
// (CHROMIUM or /usr/bin/chromium), prints p50/p95 per query. No test is timed; this is the figure.
// Run: npx tsx bench/directory.ts [residents]
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = resolve(root, 'bench/.data/directory');
const residents = Number(process.argv[2] ?? 20_000);

await build({
  configFile: false,
  logLevel: 'warn',
  resolve: { alias: { '@shared': resolve(root, 'src/shared') } },
  build: { outDir, emptyOutDir: true, lib: { entry: resolve(root, 'bench/directoryPage.ts'), formats: ['iife'], name: 'bench', fileName: () => 'page.js' } },
});

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' });
try {
  const page = await browser.newPage();
  // A made-up http origin, answered here: IndexedDB needs a real origin, no server is needed.
  await page.route('http://bench.invalid/**', (route) =>
    route.fulfill(route.request().url().endsWith('page.js')
      ? { contentType: 'text/javascript', body: readFileSync(resolve(outDir, 'page.js'), 'utf8') }
      : { contentType: 'text/html', body: '<!doctype html><meta charset="utf-8"><script src="/page.js"></script>' }));
  await page.goto('http://bench.invalid/');
  const lines = await page.evaluate((count) => (globalThis as unknown as { benchDirectory(n: number): Promise<string[]> }).benchDirectory(count), residents);
  console.log(`Chromium ${browser.version()}`);
  for (const line of lines) console.log(line);
} finally {
  await browser.close();
}
