// Builds bench/vis-update.html, the harness page of bench/vis-update.ts and e2e/vis-timeline-patch.spec.ts.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const bench = fileURLToPath(new URL('.', import.meta.url));

/** Builds the page into `outDir`; `visTimeline` replaces the installed `vis-timeline/esnext` file (another version of it). */
export async function buildVisUpdatePage(outDir: string, visTimeline?: string) {
  await build({
    root: bench,
    base: './',
    logLevel: 'warn',
    configFile: false,
    resolve: visTimeline
      ? { alias: [{ find: /^vis-timeline\/esnext$/, replacement: visTimeline }] }
      : {},
    build: {
      outDir,
      emptyOutDir: true,
      chunkSizeWarningLimit: 2000,
      // Readable function names in CPU profiles.
      minify: false,
      rolldownOptions: { input: join(bench, 'vis-update.html') },
    },
  });
}
