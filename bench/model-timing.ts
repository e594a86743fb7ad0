// Times the model's scale path in Node (`tsx bench/model-timing.ts [events] [synthetic|full]`): parse, index build, and itemsForWindow at several zoom levels.
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { buildEventIndex, laneTableOf } from '../src/model/event-index';
import { facetColumns } from '../src/model/facet-columns';
import { buildSearchIndex, filterEvents, queryResult, type Query } from '../src/model/filters';
import { decodeIncidentFile } from '../src/model/incident-file';
import { levelOfDetail } from '../src/model/level-of-detail';
import { generateIncident, type IncidentKind } from './generate';
import { parseIncident } from '../src/model/incident';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function time<T>(runs: number, f: () => T): { ms: number; value: T } {
  const times: number[] = [];
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    value = f();
    times.push(performance.now() - t);
  }
  return { ms: median(times), value };
}

export interface ModelTiming {
  events: number;
  kind: IncidentKind;
  bytes: number;
  parseMs: number;
  /** Index build, including the lane table for grouping by system. */
  indexMs: number;
  windows: { name: string; ms: number; items: number; aggregates: number; binWidthMs?: number }[];
  /** Building the facet columns, then filterEvents and the filter panel's facet counts with one facet, and with two and a search. */
  filters: { name: string; ms: number; matched: number }[];
}

export function modelTiming(n = 100_000, kind: IncidentKind = 'synthetic'): ModelTiming {
  const bytes = new TextEncoder().encode(JSON.stringify(generateIncident(n, 1, kind)));
  const parsed = time(3, () => decodeIncidentFile(bytes, 'synthetic.json', parseIncident));
  if (!parsed.value.ok) throw new Error('generated incident did not validate');
  const incident = parsed.value.incident;
  // The lane table is built on first use and kept with the index; count it as part of the build.
  const index = time(5, () => {
    const built = buildEventIndex(incident.events);
    laneTableOf(built, 'system');
    return built;
  });
  const first = incident.events[0]!.startMs;
  const last = index.value.reach[n - 1]!;
  const middle = incident.events[Math.floor(n / 2)]!.startMs;
  const windows = [
    ['whole incident', first, last],
    // Narrower windows are centred on the median event, inside a burst.
    ['one week', middle - 3.5 * 86_400_000, middle + 3.5 * 86_400_000],
    ['one day', middle - 43_200_000, middle + 43_200_000],
    ['one hour', middle - 1_800_000, middle + 1_800_000],
    ['ten minutes', middle - 300_000, middle + 300_000],
  ] as const;
  const search = buildSearchIndex(incident);
  const none: Query['filters'] = { phase: [], system: [], actor: [], action: [], outcome: [] };
  const queries: [string, Query][] = [
    ['one facet (system)', { filters: { ...none, system: ['system-01'] }, q: '' }],
    ['search only ("x")', { filters: none, q: 'x' }],
    [
      'two facets + search',
      { filters: { ...none, system: ['system-01', 'system-02'], outcome: ['failed'] }, q: 'login' },
    ],
  ];
  // Built on the first filter or count of an incident, then kept with its event list.
  const columns = time(1, () => facetColumns(incident.events));
  const filters = [
    { name: 'facet columns, built once per incident', ms: columns.ms, matched: n },
    ...queries.map(([name, q]) => {
      const r = time(7, () => filterEvents(incident.events, q, search));
      return { name: `filterEvents, ${name}`, ms: r.ms, matched: r.value.length };
    }),
    ...queries.map(([name, q]) => {
      const r = time(7, () => queryResult(incident.events, q, search));
      return { name: `queryResult, ${name}`, ms: r.ms, matched: r.value.shown.length };
    }),
  ];
  return {
    filters,
    events: n,
    kind,
    bytes: bytes.byteLength,
    parseMs: parsed.ms,
    indexMs: index.ms,
    windows: windows.map(([name, from, to]) => {
      const r = time(7, () =>
        levelOfDetail({
          incident,
          index: index.value,
          groupBy: 'system',
          lang: 'en',
          window: { from, to },
        }),
      );
      return {
        name,
        ms: r.ms,
        items: r.value.items.length,
        aggregates: r.value.items.filter((i) => i.shape === 'aggregate').length,
        binWidthMs: r.value.binWidth,
      };
    }),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const t = modelTiming(
    Number(process.argv[2] ?? 100_000),
    process.argv[3] === 'full' ? 'full' : 'synthetic',
  );
  console.log(
    `${t.events} ${t.kind} events, ${(t.bytes / 1e6).toFixed(1)} MB: decode+validate ${t.parseMs.toFixed(0)} ms, index ${t.indexMs.toFixed(1)} ms`,
  );
  for (const w of t.windows)
    console.log(
      `itemsForWindow ${w.name}: ${w.ms.toFixed(1)} ms, ${w.items} items (${w.aggregates} aggregates, bin ${w.binWidthMs ?? '-'} ms)`,
    );
  for (const f of t.filters) console.log(`${f.name}: ${f.ms.toFixed(1)} ms (${f.matched} matched)`);
}
