import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { describeInitialJs, initialJs } from './initial-js';

/** A build folder with an index.html naming `scripts` as the entry and modulepreloads, plus one lazy chunk. */
function dist(scripts: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'initial-js-'));
  mkdirSync(join(dir, 'assets'));
  const [entry, ...preloads] = Object.keys(scripts);
  for (const [name, code] of Object.entries(scripts)) writeFileSync(join(dir, name), code);
  writeFileSync(join(dir, 'assets/lazy.js'), 'const t = "$ZodType";');
  writeFileSync(join(dir, 'assets/timeline-chart-abc.js'), 'draw();');
  writeFileSync(
    join(dir, 'index.html'),
    `<script type="module" crossorigin src="./${entry}"></script>\n` +
      preloads.map((p) => `<link rel="modulepreload" crossorigin href="./${p}">\n`).join(''),
  );
  return dir;
}

describe('initialJs', () => {
  it('counts the entry and its modulepreloads, not the chunks loaded later', () => {
    const scripts = { 'assets/index.js': 'console.log(1);'.repeat(50), 'assets/chart.js': 'x();' };
    const measured = initialJs(dist(scripts));
    const gz = (s: string) => gzipSync(s, { level: 9 }).byteLength;
    expect(measured.files).toEqual({
      './assets/index.js': gz(scripts['assets/index.js']),
      './assets/chart.js': gz(scripts['assets/chart.js']),
    });
    expect(measured.total).toBe(gz(scripts['assets/index.js']) + gz(scripts['assets/chart.js']));
    expect(measured.withZod).toEqual([]);
    expect(describeInitialJs(measured).at(-1)).toBe('  no zod');
  });

  it("reports the chart's chunk, which the page fetches as it starts, apart from the budget", () => {
    const scripts = { 'assets/index.js': 'a();' };
    const measured = initialJs(dist(scripts));
    const gz = (s: string) => gzipSync(s, { level: 9 }).byteLength;
    expect(measured.total).toBe(gz('a();'));
    expect(measured.fetchedAtStart).toEqual({ './assets/timeline-chart-abc.js': gz('draw();') });
    expect(describeInitialJs(measured).slice(2, 4)).toEqual([
      `  ${(gz('draw();') / 1024).toFixed(1).padStart(6)} KiB  ./assets/timeline-chart-abc.js, fetched as the page starts`,
      `  ${((gz('a();') + gz('draw();')) / 1024).toFixed(1).padStart(6)} KiB  with it`,
    ]);
  });

  it('names an initial chunk that holds zod', () => {
    const measured = initialJs(
      dist({ 'assets/index.js': 'a();', 'assets/stringify.js': 'class $ZodType {}' }),
    );
    expect(measured.withZod).toEqual(['./assets/stringify.js']);
    expect(describeInitialJs(measured).at(-1)).toBe(
      '  zod is in the initial JavaScript: ./assets/stringify.js',
    );
  });
});
