// Lint, including the process boundaries of docs/architecture.md:
// shared/ imports no Electron, Node or DOM; the renderer imports no Node and no Electron;
// host/ imports no Electron; components render no untranslated literal.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

import { builtinModules } from 'node:module';

// Bare built-in names are matched exactly (as `paths`), so a local './events' is not a built-in.
const nodeBuiltinPaths = (message) => builtinModules.map((name) => ({ name, message }));
const nodeBuiltins = ['node:*'];
const nodeOnlyPackages = ['serialport', '@serialport/*', 'better-sqlite3', 'pg', 'ws', 'node-cron', 'fastify', 'electron-updater', 'exceljs'];
const rendererPatterns = [
  { group: ['electron', 'electron/*'], message: 'The renderer talks to the host through the bridge only.' },
  { group: nodeBuiltins, message: 'No Node in the renderer.' },
  { group: nodeOnlyPackages, message: 'No Node-only packages in the renderer.' },
  { group: ['**/host/**', '**/main/**', '**/preload/**', '**/web/**', '**/hub/**'], message: 'The renderer imports only shared/ and itself.' },
];

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
        paths: nodeBuiltinPaths('shared/ is pure TypeScript: no Node built-ins.'),
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
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', {
        paths: nodeBuiltinPaths('No Node in the renderer.'),
        patterns: [
          ...rendererPatterns,
        ],
      }],
      'no-restricted-globals': ['error', 'process', 'require', 'Buffer', '__dirname'],
    },
  },
  {
    // P3: inside the renderer, imports run one way: app/ (the root) → features/ → desk/, db/,
    // components/, bridge/, i18n/. A feature never reaches back into the root.
    files: ['src/renderer/features/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeBuiltinPaths('No Node in the renderer.'),
        patterns: [...rendererPatterns, { group: ['**/app/*'], message: 'Features do not import the renderer root (app/): shared services live in desk/.' }],
      }],
    },
  },
  {
    files: ['src/renderer/{desk,db,components,bridge,i18n}/**/*.{ts,tsx}'],
    // Tests may drive features end to end against a real database.
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeBuiltinPaths('No Node in the renderer.'),
        patterns: [
          ...rendererPatterns,
          { group: ['**/app/*', '**/features/**'], message: 'Shared renderer services do not import the root or a feature.' },
        ],
      }],
    },
  },
  {
    // R: no component renders an untranslated literal (zh-CN and en are both complete).
    files: ['src/renderer/**/*.tsx'],
    ignores: ['src/renderer/**/*.test.tsx'],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: 'JSXText[value=/\\p{L}/u]', message: 'Untranslated text in a component: use t().' },
        { selector: 'JSXAttribute[name.name=/^(label|placeholder|title|aria-label|alt|description|error)$/] > Literal[value=/\\p{L}/u]', message: 'Untranslated text in a visible attribute: use t().' },
        { selector: 'JSXElement > JSXExpressionContainer > Literal[value=/\\p{L}/u]', message: 'Untranslated literal rendered as text: use t().' },
      ],
    },
  },
);
