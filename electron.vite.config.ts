import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const root = dirname(fileURLToPath(import.meta.url));

// One config, a section per process (electron-vite's layout). The preload is built as one
// CommonJS file: a sandboxed preload may require only electron, events, timers and url.
const alias = { '@shared': resolve(root, 'src/shared') };

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      rollupOptions: { input: { index: resolve(root, 'src/main/index.ts') } },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    resolve: { alias },
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves output unminified; a third of the bytes to parse at every start.
      // DUTYDESK_RENDERER_MINIFY=0 builds it readable, for a CPU profile's function names.
      minify: process.env.DUTYDESK_RENDERER_MINIFY !== '0',
      rollupOptions: { input: { index: resolve(root, 'src/renderer/index.html') } },
    },
    plugins: [react()],
  },
});
