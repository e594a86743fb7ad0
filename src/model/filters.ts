// Facets, text search and filterEvents(): which events a view shows, as pure functions over parsed events.
import type { Incident, TimelineEvent } from './incident';
import { allVersions, localize } from './text';
import type { Facet } from './view-state';

export type FacetFilters = Record<Facet, string[]>;

export interface Query {
  filters: FacetFilters;
  q: string;
}

/** The ids an event has under a facet (an event touches one or more systems). */
export function valuesOf(e: TimelineEvent, facet: Facet): readonly string[] {
  switch (facet) {
    case 'system':
      return e.systems;
    case 'phase':
      return [e.phase];
    case 'actor':
      return [e.actor];
    case 'action':
      return [e.action];
    case 'outcome':
      return [e.outcome];
  }
}

const normalize = (s: string) => s.normalize('NFKC').toLocaleLowerCase();

/** Search terms: whitespace-separated, every term must match. */
export function searchTerms(q: string): string[] {
  return normalize(q).split(/\s+/).filter(Boolean);
}

/**
 * One lowercased text per event holding everything search looks at, in every language the file has:
 * title, description, systems, techniques (ids and names) and related indicators (refanged and defanged).
 */
export function buildSearchIndex(incident: Incident): Map<string, string> {
  const systems = new Map(incident.systems.map((s) => [s.id, allVersions(s.label)]));
  const techniques = new Map((incident.techniques ?? []).map((t) => [t.id, t.name]));
  const indicators = new Map<string, string[]>();
  for (const ind of incident.indicators ?? [])
    for (const id of ind.events ?? []) indicators.set(id, [...(indicators.get(id) ?? []), ind.value, ind.defanged]);
  const index = new Map<string, string>();
  for (const e of incident.events) {
    const parts = [
      ...allVersions(e.title),
      ...allVersions(e.description),
      ...e.systems.flatMap((s) => [s, ...(systems.get(s) ?? [])]),
      ...(e.techniques ?? []).flatMap((t) => [t, techniques.get(t) ?? '']),
      ...(indicators.get(e.id) ?? []),
    ];
    index.set(e.id, normalize(parts.join('\n')));
  }
  return index;
}

function matchesFacets(e: TimelineEvent, filters: FacetFilters, skip?: Facet): boolean {
  for (const facet of Object.keys(filters) as Facet[]) {
    if (facet === skip) continue;
    const wanted = filters[facet];
    if (wanted.length === 0) continue;
    if (!valuesOf(e, facet).some((v) => wanted.includes(v))) return false;
  }
  return true;
}

function matchesTerms(e: TimelineEvent, terms: string[], index: Map<string, string>): boolean {
  if (terms.length === 0) return true;
  const text = index.get(e.id) ?? '';
  return terms.every((t) => text.includes(t));
}

/** Events matching every facet (options within a facet are OR-ed) and every search term, in their order. */
export function filterEvents(events: readonly TimelineEvent[], query: Query, index: Map<string, string>): TimelineEvent[] {
  const terms = searchTerms(query.q);
  return events.filter((e) => matchesFacets(e, query.filters) && matchesTerms(e, terms, index));
}

export function isFiltering(query: Query): boolean {
  return query.q.trim() !== '' || Object.values(query.filters).some((ids) => ids.length > 0);
}

/** For each facet option, how many events it would match given the other facets and the search. */
export function facetCounts(
  events: readonly TimelineEvent[],
  query: Query,
  index: Map<string, string>,
): Record<Facet, Map<string, number>> {
  const terms = searchTerms(query.q);
  const facets = Object.keys(query.filters) as Facet[];
  const counts = Object.fromEntries(facets.map((f) => [f, new Map<string, number>()])) as Record<Facet, Map<string, number>>;
  for (const e of events) {
    if (!matchesTerms(e, terms, index)) continue;
    for (const facet of facets) {
      if (!matchesFacets(e, query.filters, facet)) continue;
      const m = counts[facet];
      for (const v of valuesOf(e, facet)) m.set(v, (m.get(v) ?? 0) + 1);
    }
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
  for (const t of terms) for (let i = lower.indexOf(t); i >= 0; i = lower.indexOf(t, i + 1)) marks.fill(true, i, i + t.length);
  const out: Segment[] = [];
  for (let i = 0; i < text.length; ) {
    let j = i;
    while (j < text.length && marks[j] === marks[i]) j++;
    out.push({ text: text.slice(i, j), match: marks[i]! });
    i = j;
  }
  return out;
}

/** Label of a facet option in the active language; outcomes are labelled by the UI. */
export function optionLabel(incident: Incident, facet: Exclude<Facet, 'outcome'>, id: string, lang: string): string {
  const list = { phase: incident.phases, system: incident.systems, actor: incident.actors, action: incident.actions }[facet];
  const found = (list as { id: string; label: Parameters<typeof localize>[0] }[]).find((x) => x.id === id);
  return found ? localize(found.label, lang) : id;
}
