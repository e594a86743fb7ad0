// Facets, text search and filterEvents(): which events a view shows, as pure functions over parsed events.
import type { TextEdit } from './event-versions';
import type { Incident, TimelineEvent } from './incident';
import { memo } from './memo';
import { allVersions } from './text';
import { eventsWanted, facetColumns, tally, wantedCodes } from './facet-columns';
import { FACETS, type Facet } from './vocabulary';

export type FacetFilters = Record<Facet, string[]>;

export interface Query {
  filters: FacetFilters;
  q: string;
}

/** Text with only these characters is its own NFKC form, so it skips normalizing. */
const ASCII = /^[\0-\x7f]*$/;
// Lowercased without the reader's locale: search finds the same events in every browser (a Turkish locale lowered
// "I" to a dotless "ı"), and toLowerCase took 6 ms where toLocaleLowerCase took 100 for 100,000 events' texts.
// A dotted capital "İ" becomes "i", as Turkish lowers it, not "i" and a combining dot: one character for one.
const normalize = (s: string) =>
  ASCII.test(s)
    ? s.toLowerCase()
    : s
        .normalize('NFKC')
        .replace(/\u0130/g, 'i')
        .toLowerCase();

/** Search terms: whitespace-separated, every term must match. */
export function searchTerms(q: string): string[] {
  return normalize(q).split(/\s+/).filter(Boolean);
}

/**
 * Everything search looks at, lowercased, per event by position (looking 100,000 ids up in a map took longer than
 * matching every text). Events are matched to their texts as objects, not by id.
 */
export interface SearchIndex {
  /** The indexed events, in order; the texts are shorter than this while being built. */
  readonly events: readonly TimelineEvent[];
  /**
   * `narrow[i]` holds `events[i]`'s texts that are Latin-1 only, `wide[i]` the others, each joined by newlines,
   * which no search term holds. V8 can keep a Latin-1 string at one byte a character (it does for the texts as
   * JSON.parse and an English page's lowercasing give them); one string with a text in Chinese kept its English at
   * two bytes a character too: the index was 100 MB of the 231 MB heap at 100,000 full-field events.
   */
  readonly narrow: readonly string[];
  readonly wide: readonly string[];
}

/** The index of no events: what a view that is not searching gets. */
export const NO_SEARCH_INDEX: SearchIndex = { events: [], narrow: [], wide: [] };

/**
 * The search index of `incident`: title, description, systems, techniques (ids and names), related indicators
 * (refanged and defanged) and imported columns, in every language the file has.
 */
export function buildSearchIndex(incident: Incident): SearchIndex {
  const builder = searchIndexBuilder(incident);
  builder.step(Infinity);
  return builder.index;
}

/** The search index built a slice of events at a time, so a page can build it while idle without freezing. */
export interface SearchIndexBuilder {
  /** Indexes up to `count` more events; true once every event is in `index`. */
  step(count: number): boolean;
  readonly done: boolean;
  /** Complete only once `done`. */
  readonly index: SearchIndex;
}

/** A character V8 cannot store in a one-byte string. */
const WIDE = /[^\0-\xff]/;

/** What an event's texts are searched for: its own texts with its systems', techniques' and indicators'. */
function eventTexts(incident: Incident) {
  const systems = new Map(incident.systems.map((s) => [s.id, allVersions(s.label)]));
  const techniques = new Map((incident.techniques ?? []).map((t) => [t.id, t.name]));
  const indicators = new Map<string, string[]>();
  // Appended in place: copying the list per reference would be quadratic in one event's indicators.
  for (const ind of incident.indicators ?? [])
    for (const id of ind.events ?? []) {
      const texts = indicators.get(id);
      if (texts) texts.push(ind.value, ind.defanged);
      else indicators.set(id, [ind.value, ind.defanged]);
    }
  /** The event's narrow and wide texts (SearchIndex). */
  return (e: TimelineEvent): [string, string] => {
    const narrowParts: string[] = [];
    const wideParts: string[] = [];
    // Each part normalized on its own: normalizing can take a character into Latin-1 or out of it. Parts are
    // added one by one rather than spread into one list first, which took a third of building the index.
    const add = (part: string) => {
      if (ASCII.test(part)) narrowParts.push(part.toLowerCase());
      else {
        const text = normalize(part);
        (WIDE.test(text) ? wideParts : narrowParts).push(text);
      }
    };
    for (const text of [e.title, e.description])
      if (typeof text === 'string') add(text);
      else if (text) for (const version of Object.values(text)) add(version);
    for (const system of e.systems) {
      add(system);
      for (const label of systems.get(system) ?? []) add(label);
    }
    for (const technique of e.techniques ?? []) {
      add(technique);
      add(techniques.get(technique) ?? '');
    }
    for (const text of indicators.get(e.id) ?? []) add(text);
    for (const text of Object.values(e.extra ?? {})) add(text);
    return [narrowParts.join('\n'), wideParts.join('\n')];
  };
}

/**
 * The builder of `incident`'s search index. `after`: the index, whole or in part, of the events a text edit made
 * `incident`'s from, with the same systems, techniques and indicators; its texts are kept but the replaced events'.
 * At 100,000 events the whole index took about a second of idle time after every pause in typing.
 */
export function searchIndexBuilder(
  incident: Incident,
  after?: { before: SearchIndex; edit: TextEdit },
): SearchIndexBuilder {
  const textsOf = eventTexts(incident);
  const { events } = incident;
  const narrow = after ? after.before.narrow.slice() : [];
  const wide = after ? after.before.wide.slice() : [];
  for (const i of after?.edit.replaced ?? [])
    if (i < narrow.length) [narrow[i], wide[i]] = textsOf(events[i]!);
  const index: SearchIndex = { events, narrow, wide };
  return {
    step(count) {
      const end = Math.min(events.length, narrow.length + count);
      while (narrow.length < end) {
        const [n, w] = textsOf(events[narrow.length]!);
        narrow.push(n);
        wide.push(w);
      }
      return narrow.length === events.length;
    },
    get done() {
      return narrow.length === events.length;
    },
    index,
  };
}

/** The positions in `index` of `events`: undefined when they are its own events, all indexed. */
function positionsOf(events: readonly TimelineEvent[], index: SearchIndex): Int32Array | undefined {
  if (events === index.events && index.narrow.length === events.length) return undefined;
  const at = new Map(index.events.map((e, i) => [e, i]));
  // An event not indexed (yet) is at -1, where it has no text and matches nothing.
  return Int32Array.from(events, (e) => {
    const i = at.get(e) ?? -1;
    return i < index.narrow.length ? i : -1;
  });
}

/** Whether the indexed texts at position `i` hold every term; `wideTerms[t]` says term t has a wide character. */
function holdsAll(index: SearchIndex, i: number, terms: string[], wideTerms: boolean[]): boolean {
  if (i < 0) return false;
  const narrow = index.narrow[i]!;
  const wide = index.wide[i]!;
  for (let t = 0; t < terms.length; t++) {
    const term = terms[t]!;
    // A term with a wide character is in no narrow text; any other may be in either.
    if (!((!wideTerms[t] && narrow.includes(term)) || wide.includes(term))) return false;
  }
  return true;
}

/** An event the search does not find: it counts nowhere, whatever its facets. */
const MISSED = 255;

/**
 * Per event, how many of the active facets it fails (`MISSED` when the search does not find it) and the index in
 * `FACETS` of the last one it failed. One pass per active facet over the facet's column.
 */
function failures(events: readonly TimelineEvent[], query: Query, index: SearchIndex) {
  const columns = facetColumns(events);
  const n = events.length;
  const fails = new Uint8Array(n);
  const failed = new Uint8Array(n);
  FACETS.forEach((facet, k) => {
    const ids = query.filters[facet];
    if (ids.length === 0) return;
    const has = eventsWanted(columns, facet, wantedCodes(columns, facet, ids));
    for (let i = 0; i < n; i++)
      if (has[i] === 0) {
        fails[i] = fails[i]! + 1;
        failed[i] = k;
      }
  });
  const terms = searchTerms(query.q);
  if (terms.length > 0) {
    const positions = positionsOf(events, index);
    const wideTerms = terms.map((t) => WIDE.test(t));
    for (let i = 0; i < n; i++)
      if (fails[i]! < 2 && !holdsAll(index, positions ? positions[i]! : i, terms, wideTerms))
        fails[i] = MISSED;
  }
  return { columns, fails, failed };
}

/** Events matching every facet (options within a facet are OR-ed) and every search term, in their order. */
export function filterEvents(
  events: readonly TimelineEvent[],
  query: Query,
  index: SearchIndex,
): TimelineEvent[] {
  const { fails, failed } = failures(events, query, index);
  return Array.from(rowsWhere(fails, failed, -1), (r) => events[r]!);
}

// Where the events are, in order, that fail nothing or (for a facet index k >= 0) only the facet k.
function rowsWhere(fails: Uint8Array, failed: Uint8Array, k: number): Int32Array {
  const size = fails.length;
  const at = new Int32Array(size);
  let n = 0;
  for (let i = 0; i < size; i++) {
    const f = fails[i]!;
    if (f === 0 || (f === 1 && failed[i] === k)) at[n++] = i;
  }
  return at.slice(0, n);
}

/** The ids of `all` that are not in `shown`: what "dim filtered-out events" greys out. */
export function dimmedIds(
  all: readonly TimelineEvent[],
  shown: readonly TimelineEvent[],
): ReadonlySet<string> {
  const kept = new Set(shown);
  const dimmed = new Set<string>();
  for (const e of all) if (!kept.has(e)) dimmed.add(e.id);
  return dimmed;
}

export function isFiltering(query: Query): boolean {
  return query.q.trim() !== '' || Object.values(query.filters).some((ids) => ids.length > 0);
}

interface QueryResult {
  shown: TimelineEvent[];
  /** Where each shown event is in `events`; undefined when all are shown. */
  rows?: Int32Array;
  counts: Record<Facet, ReadonlyMap<string, number>>;
}

// Per event list, the view of all of it: the first view and every cleared filter or search show it (35 ms at
// 100,000 events to count), and the first view's is counted while a large file is still being checked.
const unfiltered = new WeakMap<readonly TimelineEvent[], QueryResult>();

/**
 * What a view shows (the incident's own array when nothing filters) and, for each facet option, how many events it
 * would match given the other facets and the search. An event that fails no facet counts everywhere; one that
 * fails exactly one facet counts only for that facet's options. One pass over the facets and search serves both.
 */
export function queryResult(
  events: TimelineEvent[],
  query: Query,
  index: SearchIndex,
): QueryResult {
  if (!isFiltering(query))
    return memo(unfiltered, events, () => ({
      shown: events,
      counts: countsOf(query, failures(events, query, index), undefined),
    }));
  const f = failures(events, query, index);
  const rows = rowsWhere(f.fails, f.failed, -1);
  return { shown: Array.from(rows, (r) => events[r]!), rows, counts: countsOf(query, f, rows) };
}

/** `kept`: where the events that fail nothing are (undefined: every event). */
function countsOf(
  query: Query,
  { columns, fails, failed }: ReturnType<typeof failures>,
  kept: Int32Array | undefined,
): Record<Facet, Map<string, number>> {
  const facets = Object.keys(query.filters) as Facet[];
  const counts = {} as Record<Facet, Map<string, number>>;
  for (const facet of facets) {
    // Only a facet in use counts, besides the kept events, those that fail it alone. Counting rows, not a pass
    // over every event per facet: queryResult for one facet at 100,000 full-field events, 8.6 -> 4.3 ms in Node.
    const rows =
      query.filters[facet].length === 0 ? kept : rowsWhere(fails, failed, FACETS.indexOf(facet));
    const byCode = tally(columns, facet, rows);
    const m = new Map<string, number>();
    columns.terms[facet].forEach((id, c) => {
      if (byCode[c]! > 0) m.set(id, byCode[c]!);
    });
    counts[facet] = m;
  }
  return counts;
}

export interface Segment {
  text: string;
  match: boolean;
}

/** Splits text into matched and unmatched runs for highlighting search terms. */
export function highlight(text: string, q: string): Segment[] {
  const terms = searchTerms(q);
  if (terms.length === 0 || text === '') return [{ text, match: false }];
  const lower = normalize(text);
  // Normalizing can change length (e.g. full-width forms); only highlight when offsets still line up.
  if (lower.length !== text.length) return [{ text, match: false }];
  const marks = new Array<boolean>(text.length).fill(false);
  for (const t of terms)
    for (let i = lower.indexOf(t); i >= 0; i = lower.indexOf(t, i + 1))
      marks.fill(true, i, i + t.length);
  const out: Segment[] = [];
  for (let i = 0; i < text.length;) {
    let j = i;
    while (j < text.length && marks[j] === marks[i]) j++;
    out.push({ text: text.slice(i, j), match: marks[i]! });
    i = j;
  }
  return out;
}
