// npm start: the desktop shell. Where the Electron binary is missing (these build machines)
// it says so in one sentence and names the web shell; otherwise it builds when the sources
// are newer than out/ and runs Electron on the project folder.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinaryStatus } from './electronBinary.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const binary = electronBinaryStatus(root);
if (!binary.present) {
  process.stderr.write(`The Electron binary is not installed here (${binary.reason}), so the desktop shell cannot start: run the web shell with \`npm run web\` instead.\n`);
  process.exit(1);
}

const outputs = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'].map((file) => join(root, file));
const sources = [join(root, 'src'), join(root, 'electron.vite.config.ts'), join(root, 'package.json')];

function newestMtime(path) {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

const built = outputs.every((file) => existsSync(file));
const stale = built && Math.max(...sources.filter(existsSync).map(newestMtime)) > Math.min(...outputs.map((file) => statSync(file).mtimeMs));
if (!built || stale) {
  const electronVite = join(dirname(createRequire(import.meta.url).resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  const build = spawnSync(process.execPath, [electronVite, 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const child = spawn(binary.executablePath, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
