// Is the Electron binary on disk? Decided by files only: node_modules/electron/path.txt and the
// executable it names under dist/. Never by require('electron'), which throws here (Electron
// ≤ 41) or starts a network download (Electron ≥ 42) when the binary is missing.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';

/**
 * @param {string} root the project folder (the one holding node_modules)
 * @returns {{ present: true, executablePath: string } | { present: false, reason: string }}
 */
export function electronBinaryStatus(root) {
  const pkg = join(root, 'node_modules', 'electron');
  if (!existsSync(join(pkg, 'package.json'))) return { present: false, reason: 'node_modules/electron is not installed' };
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return { present: false, reason: 'node_modules/electron/path.txt is missing' };
  const named = readFileSync(pathFile, 'utf8').trim();
  const dist = join(pkg, 'dist');
  const executablePath = join(dist, named);
  const inside = relative(dist, executablePath);
  if (named === '' || inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
    return { present: false, reason: 'node_modules/electron/path.txt does not name a file under dist/' };
  }
  try {
    if (statSync(executablePath).isFile()) return { present: true, executablePath };
  } catch {
    // Missing: reported below.
  }
  return { present: false, reason: `node_modules/electron/dist/${named} is missing` };
}

/** @param {string} root */
export function electronBinaryPresent(root) {
  return electronBinaryStatus(root).present;
}
