// The first download stays free of zod: the page imports no zod at start, and none of the modules that hold schemas.
import { describe, expect, it } from 'vitest';
import { initialGraph, staticValueImports } from './initial-graph';

const root = new URL('..', import.meta.url).pathname;
const zodImporters = (entry: string) =>
  [...initialGraph(root, entry).packages]
    .filter(([specifier]) => specifier === 'zod' || specifier.startsWith('zod/'))
    .flatMap(([, files]) => files);

describe('the page at start', () => {
  const page = initialGraph(root, 'src/main.tsx');

  it('imports no zod at all: the schemas load with the first incident or draft', () => {
    expect(zodImporters('src/main.tsx')).toEqual([]);
  });

  it.each([
    'src/model/incident.ts',
    'src/model/incident-file.ts',
    'src/model/draft-check.ts',
    'src/model/present.ts',
    'src/model/zod-jitless.ts',
    'src/components/draft-exports.tsx',
    // vis-timeline: fetched at start, but evaluated in a task of its own (src/loading/chart-code.ts).
    'src/components/timeline-chart.tsx',
  ])('loads %s on demand only', (file) => {
    expect(page.files.get(file)).toBeUndefined();
  });

  it("takes @date-fns/utc's UTCDateMini only: UTCDate's module makes three Intl formats as it loads (50 ms)", () => {
    const utc = [...page.packages.keys()].filter((s) => s.startsWith('@date-fns/utc'));
    expect(utc).toEqual(['@date-fns/utc/date/mini']);
  });

  it('finds zod where the parse worker imports it, so the checks above can fail', () => {
    expect(zodImporters('src/loading/parse-worker.ts')).toContain('src/model/incident.ts');
    expect(initialGraph(root, 'src/app.tsx').files.get('src/model/view-state.ts')).toBeDefined();
  });
});

describe("the page's check of a file", () => {
  // A valid file of 256 KiB to 2 MiB is checked on the page without zod; zod loads only for one the check refuses.
  it.each(['src/model/incident-fast.ts', 'src/model/incident-file.ts'])(
    '%s imports no zod',
    (entry) => {
      expect(zodImporters(entry)).toEqual([]);
    },
  );
});

describe('staticValueImports', () => {
  it.each([
    ["import { z } from 'zod';", ['zod']],
    ["import './zod-jitless';", ['./zod-jitless']],
    ["import * as z from 'zod/mini';", ['zod/mini']],
    ["import type { Incident } from './incident';", []],
    ["import { type Incident, type Problem } from './incident';", []],
    ["import { parseIncident, type Incident } from './incident';", ['./incident']],
    ["export { SCHEMA_ID } from './format-constants';", ['./format-constants']],
    ["export type { Incident } from './incident';", []],
    ["const m = () => import('./incident');", []],
  ])('%s', (code, expected) => {
    expect(staticValueImports(code)).toEqual(expected);
  });
});
