// Facet values as columns of integer codes, one array per facet, built once per event list: filtering and counting
// at 100,000 events then read typed arrays instead of every event's strings.
import type { TimelineEvent } from './incident';
import { FACETS, type Facet } from './vocabulary';

type SingleFacet = Exclude<Facet, 'system'>;
const SINGLE: readonly SingleFacet[] = ['phase', 'actor', 'action', 'outcome'];

export interface FacetColumns {
  readonly length: number;
  /** Per facet, the term id of each code, in order of first use. */
  readonly terms: Record<Facet, readonly string[]>;
  readonly codeOf: Record<Facet, ReadonlyMap<string, number>>;
  /** Per event, the code of its phase, actor, action and outcome. */
  readonly single: Record<SingleFacet, Int32Array>;
  /** An event's systems are `systemCodes[systemStart[i]]` up to `systemCodes[systemStart[i + 1]]`. */
  readonly systemStart: Int32Array;
  readonly systemCodes: Int32Array;
}

function build(events: readonly TimelineEvent[]): FacetColumns {
  const n = events.length;
  const terms = Object.fromEntries(FACETS.map((f) => [f, [] as string[]])) as Record<
    Facet,
    string[]
  >;
  const codeOf = Object.fromEntries(FACETS.map((f) => [f, new Map<string, number>()])) as Record<
    Facet,
    Map<string, number>
  >;
  const code = (facet: Facet, id: string) => {
    let c = codeOf[facet].get(id);
    if (c === undefined) {
      c = terms[facet].push(id) - 1;
      codeOf[facet].set(id, c);
    }
    return c;
  };
  const single = Object.fromEntries(SINGLE.map((f) => [f, new Int32Array(n)])) as Record<
    SingleFacet,
    Int32Array
  >;
  const systemStart = new Int32Array(n + 1);
  let systems = 0;
  for (let i = 0; i < n; i++) systems += events[i]!.systems.length;
  const systemCodes = new Int32Array(systems);
  let at = 0;
  for (let i = 0; i < n; i++) {
    const e = events[i]!;
    for (const f of SINGLE) single[f][i] = code(f, e[f]);
    systemStart[i] = at;
    for (const s of e.systems) systemCodes[at++] = code('system', s);
  }
  systemStart[n] = at;
  return { length: n, terms, codeOf, single, systemStart, systemCodes };
}

// Keyed by the array itself: an incident's event list is never changed in place, only replaced.
const built = new WeakMap<readonly TimelineEvent[], FacetColumns>();

/** The columns of `events`, built on first use and kept as long as the array lives. */
export function facetColumns(events: readonly TimelineEvent[]): FacetColumns {
  let columns = built.get(events);
  if (!columns) {
    columns = build(events);
    built.set(events, columns);
  }
  return columns;
}

/** Per code of `facet`, 1 when it is one of `wanted`; ids no event has are left out. */
export function wantedCodes(columns: FacetColumns, facet: Facet, wanted: readonly string[]) {
  const mask = new Uint8Array(columns.terms[facet].length);
  for (const id of wanted) {
    const c = columns.codeOf[facet].get(id);
    if (c !== undefined) mask[c] = 1;
  }
  return mask;
}

// Whole columns at a time, one loop each, rather than a call per event and facet.

/** Per event, 1 when it has a term of `facet` marked in `mask`, else 0. */
export function eventsWanted(columns: FacetColumns, facet: Facet, mask: Uint8Array): Uint8Array {
  const has = new Uint8Array(columns.length);
  if (facet !== 'system') {
    const column = columns.single[facet];
    for (let i = 0; i < has.length; i++) has[i] = mask[column[i]!]!;
    return has;
  }
  const { systemStart, systemCodes } = columns;
  for (let i = 0; i < has.length; i++)
    for (let k = systemStart[i]!; k < systemStart[i + 1]!; k++)
      if (mask[systemCodes[k]!] === 1) {
        has[i] = 1;
        break;
      }
  return has;
}

/** Per code of `facet`, how many of the events at `rows` (every event when undefined) have it. */
export function tally(columns: FacetColumns, facet: Facet, rows?: Int32Array): Int32Array {
  const counts = new Int32Array(columns.terms[facet].length);
  const n = rows ? rows.length : columns.length;
  if (facet !== 'system') {
    const column = columns.single[facet];
    if (rows) for (let r = 0; r < n; r++) counts[column[rows[r]!]!]!++;
    else for (let i = 0; i < n; i++) counts[column[i]!]!++;
    return counts;
  }
  const { systemStart, systemCodes } = columns;
  for (let r = 0; r < n; r++) {
    const i = rows ? rows[r]! : r;
    for (let k = systemStart[i]!; k < systemStart[i + 1]!; k++) counts[systemCodes[k]!]!++;
  }
  return counts;
}
