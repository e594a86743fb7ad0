// Builds the benchmark's own pages (the plain vis-timeline baseline and the parse timing page), apart from the app.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: './',
  logLevel: 'warn',
  build: {
    outDir: here('./results/pages'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: { input: { baseline: here('./baseline.html'), parse: here('./parse.html') } },
  },
});
