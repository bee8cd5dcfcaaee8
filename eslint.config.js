// Lint, including the process boundaries of docs/architecture.md:
// shared/ imports no Electron, Node or DOM; the renderer imports no Node and no Electron;
// host/ imports no Electron; components render no untranslated literal.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import i18next from 'eslint-plugin-i18next';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'net', 'http', 'https', 'stream', 'url', 'util', 'events', 'worker_threads', 'zlib', 'buffer', 'timers', 'tty', 'dgram', 'dns', 'readline'];
const nodeOnlyPackages = ['serialport', '@serialport/*', 'better-sqlite3', 'pg', 'ws', 'node-cron', 'fastify', 'electron-updater', 'exceljs'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'hub-data/**', 'bench/.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    ignores: ['src/shared/**/*.test.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'electron/*'], message: 'shared/ is pure TypeScript: no Electron.' },
          { group: nodeBuiltins, message: 'shared/ is pure TypeScript: no Node built-ins.' },
          { group: nodeOnlyPackages, message: 'shared/ is pure TypeScript: no Node-only packages.' },
          { group: ['**/host/**', '**/main/**', '**/preload/**', '**/web/**', '**/renderer/**', '**/hub/**'], message: 'shared/ depends on nothing else in src/.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'indexedDB', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['src/host/**/*.ts', 'src/hub/**/*.ts', 'src/web/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'electron/*'], message: 'host/, hub/ and web/ run in plain Node: no Electron.' },
          { group: ['**/renderer/**', '**/main/**', '**/preload/**'], message: 'Not across process boundaries.' },
        ],
      }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, i18next },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'electron/*'], message: 'The renderer talks to the host through the bridge only.' },
          { group: nodeBuiltins, message: 'No Node in the renderer.' },
          { group: nodeOnlyPackages, message: 'No Node-only packages in the renderer.' },
          { group: ['**/host/**', '**/main/**', '**/preload/**', '**/web/**', '**/hub/**'], message: 'The renderer imports only shared/ and itself.' },
        ],
      }],
      'no-restricted-globals': ['error', 'process', 'require', 'Buffer', '__dirname'],
    },
  },
  {
    // R: no component renders an untranslated literal (zh-CN and en are both complete).
    files: ['src/renderer/**/*.tsx'],
    ignores: ['src/renderer/**/*.test.tsx'],
    rules: {
      'i18next/no-literal-string': ['error', {
        mode: 'jsx-only',
        'jsx-attributes': { include: ['label', 'placeholder', 'title', 'aria-label', 'alt', 'description', 'error'] },
      }],
    },
  },
);
