import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBinaryPresent, electronBinaryStatus } from '../../scripts/electronBinary.mjs';

// Checklist item 37: presence is decided from files on disk, never by requiring electron.
function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'dutydesk-electron-'));
  for (const [name, text] of Object.entries(files)) {
    const file = join(root, 'node_modules', 'electron', name);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, text);
  }
  return root;
}

describe('electronBinaryStatus', () => {
  it('is absent without the package, without path.txt, or without the file it names', () => {
    expect(electronBinaryStatus(mkdtempSync(join(tmpdir(), 'dutydesk-empty-')))).toEqual({ present: false, reason: 'node_modules/electron is not installed' });
    expect(electronBinaryStatus(project({ 'package.json': '{}', 'index.js': 'throw new Error("never required")' }))).toEqual({
      present: false,
      reason: 'node_modules/electron/path.txt is missing',
    });
    expect(electronBinaryStatus(project({ 'package.json': '{}', 'path.txt': 'electron' }))).toEqual({ present: false, reason: 'node_modules/electron/dist/electron is missing' });
  });

  it('refuses a path.txt that points outside dist/', () => {
    const root = project({ 'package.json': '{}', 'path.txt': '../index.js', 'index.js': '' });
    expect(electronBinaryPresent(root)).toBe(false);
    expect(electronBinaryPresent(project({ 'package.json': '{}', 'path.txt': '' }))).toBe(false);
  });

  it('is present when path.txt names an existing file under dist/', () => {
    const root = project({ 'package.json': '{}', 'path.txt': 'electron', 'dist/electron': '#!/bin/sh\n' });
    chmodSync(join(root, 'node_modules', 'electron', 'dist', 'electron'), 0o755);
    expect(electronBinaryStatus(root)).toEqual({ present: true, executablePath: join(root, 'node_modules', 'electron', 'dist', 'electron') });
  });

  it('answers for this checkout without loading electron', () => {
    const status = electronBinaryStatus(join(import.meta.dirname, '..', '..'));
    expect(typeof status.present).toBe('boolean');
  });
});
