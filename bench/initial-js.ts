// The app's initial JavaScript: the entry script and every modulepreload of a build's index.html, each gzip -9.
// `npx tsx bench/initial-js.ts [dist]` prints it per chunk and fails when zod is in it or it is over budget.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** Issue 14's target for the initial JavaScript, gzip. */
export const INITIAL_JS_BUDGET = 260 * 1024;
// zod's core names every schema type "$ZodType": a chunk that holds the string holds zod.
const ZOD_MARK = '$ZodType';

// The chart's chunk, which the page fetches as soon as it runs (src/loading/chart-code.ts).
const FETCHED_AT_START = /^timeline-chart-.*\.js$/;

export interface InitialJs {
  /** Gzip -9 bytes of each script the page loads before it runs, in the order index.html names them. */
  files: Record<string, number>;
  total: number;
  /** Gzip -9 bytes of the chunks the page fetches as it starts, after those. */
  fetchedAtStart: Record<string, number>;
  /** The scripts among them that hold zod; empty since issue 14d. */
  withZod: string[];
}

export function initialJs(dist: string): InitialJs {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const refs = [
    ...html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g),
  ].map((m) => m[1]!);
  const files: Record<string, number> = {};
  const withZod: string[] = [];
  for (const ref of new Set(refs)) {
    const code = readFileSync(join(dist, ref));
    files[ref] = gzipSync(code, { level: 9 }).byteLength;
    if (code.includes(ZOD_MARK)) withZod.push(ref);
  }
  const fetchedAtStart: Record<string, number> = {};
  for (const name of readdirSync(join(dist, 'assets')).filter((n) => FETCHED_AT_START.test(n)))
    fetchedAtStart[`./assets/${name}`] = gzipSync(readFileSync(join(dist, 'assets', name)), {
      level: 9,
    }).byteLength;
  return { files, total: Object.values(files).reduce((a, b) => a + b, 0), fetchedAtStart, withZod };
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** One line per chunk, the total against the budget, and where zod is, if anywhere. */
export function describeInitialJs({ files, total, fetchedAtStart, withZod }: InitialJs): string[] {
  const later = Object.entries(fetchedAtStart);
  const withLater = total + later.reduce((sum, [, bytes]) => sum + bytes, 0);
  return [
    ...Object.entries(files).map(([ref, bytes]) => `  ${kib(bytes).padStart(10)}  ${ref}`),
    `  ${kib(total).padStart(10)}  in all, gzip -9 (budget ${kib(INITIAL_JS_BUDGET)})`,
    ...later.map(
      ([ref, bytes]) => `  ${kib(bytes).padStart(10)}  ${ref}, fetched as the page starts`,
    ),
    ...(later.length > 0 ? [`  ${kib(withLater).padStart(10)}  with it`] : []),
    withZod.length > 0 ? `  zod is in the initial JavaScript: ${withZod.join(', ')}` : '  no zod',
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const measured = initialJs(process.argv[2] ?? 'dist');
  console.log(describeInitialJs(measured).join('\n'));
  if (measured.withZod.length > 0 || measured.total >= INITIAL_JS_BUDGET) process.exitCode = 1;
}
