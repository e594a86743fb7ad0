// Builds bench/vis-update.html, the harness page of bench/vis-update.ts and e2e/vis-timeline-patch.spec.ts.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const bench = fileURLToPath(new URL('.', import.meta.url));
const root = join(bench, '..');
/** The file the app imports as `vis-timeline/esnext`, which the patch changes. */
export const VIS_ESNEXT = 'node_modules/vis-timeline/esnext/esm/vis-timeline-graph2d.mjs';

/** A copy of the installed file in `dir` with the patches taken out again, so both variants come from one install. */
export function unpatchedVisTimeline(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const target = join(dir, 'vis-timeline-graph2d.mjs');
  copyFileSync(join(root, VIS_ESNEXT), target);
  const patches = existsSync(join(root, 'patches'))
    ? readdirSync(join(root, 'patches')).filter((f) => f.startsWith('vis-timeline+'))
    : [];
  if (patches.length === 0) console.warn('no vis-timeline patch found: both variants are the same');
  for (const p of patches)
    execFileSync('patch', ['--reverse', '--silent', '-p1', target, join(root, 'patches', p)]);
  return target;
}

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
