// The incident's vocabulary: the facets, the terms each facet offers, and which terms an event carries.
import { OUTCOMES } from './format-constants';
import type { Incident, LocalizedText, TimelineEvent } from './incident';
import { memo } from './memo';
import { localize } from './text';

export const FACETS = ['phase', 'system', 'actor', 'action', 'outcome'] as const;
export type Facet = (typeof FACETS)[number];
/** The facets whose terms the incident file defines (outcomes are fixed by the schema). */
export type TermFacet = Exclude<Facet, 'outcome'>;

export { OUTCOMES };

export interface Term {
  id: string;
  label: LocalizedText;
}

/** The terms a facet offers, in the file's order; outcomes are labelled by their ids (the UI translates them). */
export function termsOf(incident: Incident, facet: Facet): readonly Term[] {
  switch (facet) {
    case 'phase':
      return incident.phases;
    case 'system':
      return incident.systems;
    case 'actor':
      return incident.actors;
    case 'action':
      return incident.actions;
    case 'outcome':
      return OUTCOMES.map((id) => ({ id, label: id }));
  }
}

// Per event list, as the filter panel asks again for each incident it is given: a pass costs 20 ms at 100,000.
const outcomesOf = new WeakMap<readonly TimelineEvent[], readonly Term[]>();

/** The outcomes the incident's events have, in the schema's order: an outcome no event has is not worth a filter. */
export function outcomesIn(incident: Incident): readonly Term[] {
  return memo(outcomesOf, incident.events, (events) => {
    const seen = new Set<string>();
    for (const e of events) seen.add(e.outcome);
    return termsOf(incident, 'outcome').filter((t) => seen.has(t.id));
  });
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

/** From each term id of a facet to its label in `lang`. */
export function termLabels(
  incident: Incident,
  facet: TermFacet,
  lang: string,
): Map<string, string> {
  return new Map(termsOf(incident, facet).map((t) => [t.id, localize(t.label, lang)]));
}

/** Label of a facet's term in `lang`; an unknown id reads as itself. */
export function termLabel(incident: Incident, facet: TermFacet, id: string, lang: string): string {
  const found = termsOf(incident, facet).find((t) => t.id === id);
  return found ? localize(found.label, lang) : id;
}
