// Facet values as columns of integer codes, one array per facet, built once per event list: filtering and counting
// at 100,000 events then read typed arrays instead of every event's strings.
import { eventsShape } from './event-versions';
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

/**
 * Reads `events` into columns a part at a time: `read(to)` takes the events up to `to`, in order, so codes are
 * given in order of first use whatever the parts; `done()` gives the columns once every event is read.
 */
function columnBuilder(events: readonly TimelineEvent[]) {
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
  // Grown as parts are read: counting the systems beforehand would read every event twice.
  let systemCodes = new Int32Array(n + 16);
  let at = 0;
  let next = 0;
  return {
    read(to: number) {
      for (; next < Math.min(to, n); next++) {
        const e = events[next]!;
        for (const f of SINGLE) single[f][next] = code(f, e[f]);
        systemStart[next] = at;
        if (at + e.systems.length > systemCodes.length) {
          const grown = new Int32Array(2 * systemCodes.length + e.systems.length);
          grown.set(systemCodes);
          systemCodes = grown;
        }
        for (const s of e.systems) systemCodes[at++] = code('system', s);
      }
    },
    done(): FacetColumns {
      systemStart[n] = at;
      return {
        length: n,
        terms,
        codeOf,
        single,
        systemStart,
        systemCodes: systemCodes.slice(0, at),
      };
    },
  };
}

// Keyed by the array itself: an incident's event list is never changed in place, only replaced.
const built = new WeakMap<readonly TimelineEvent[], FacetColumns>();
// Columns part built, shared by every list of steps over the same events and by facetColumns: a load's second pass
// of steps (after the worker's answer) goes on from where the first stopped instead of reading every event again.
const building = new WeakMap<readonly TimelineEvent[], ReturnType<typeof columnBuilder>>();

/** Reads `events` up to `to` into their columns; once all are read, keeps the columns and returns them. */
function readUpTo(events: readonly TimelineEvent[], to: number): FacetColumns | undefined {
  // A text edit's list has its shape's facets (event-versions.ts).
  const ready = built.get(events) ?? built.get(eventsShape(events));
  if (ready) return ready;
  let builder = building.get(events);
  if (!builder) building.set(events, (builder = columnBuilder(events)));
  builder.read(to);
  if (to < events.length) return undefined;
  const columns = builder.done();
  built.set(events, columns);
  building.delete(events);
  return columns;
}

/** The columns of `events`, built (or finished, when steps began them) on first use and kept as the array lives. */
export function facetColumns(events: readonly TimelineEvent[]): FacetColumns {
  return readUpTo(events, events.length)!;
}

/**
 * Events per step of facetColumnSteps: at 100,000 full-field events the whole build was one task of 60-196 ms on
 * a page loading the file (about 50 ms in Node), among the longest of the load.
 */
const FACET_COLUMNS_PART = 20_000;

/**
 * The columns of `events` built as facetColumns builds them, in steps of `part` events for a loader that yields
 * between them; the last step returns them. Steps read only what no step or render has read yet.
 */
export function facetColumnSteps(
  events: readonly TimelineEvent[],
  part = FACET_COLUMNS_PART,
): (() => FacetColumns | undefined)[] {
  const parts = Math.max(1, Math.ceil(events.length / part));
  return Array.from(
    { length: parts },
    (_, k) => () => readUpTo(events, k === parts - 1 ? events.length : (k + 1) * part),
  );
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
