// Localized names of an event's phase, actor, action and systems, shared by the export formats.
import type { Incident, LocalizedText, TimelineEvent } from '../incident';
import { localize } from '../text';

export interface EventLabels {
  phase: string;
  actor: string;
  action: string;
  systems: string[];
}

/** A lookup from an event to the labels of the terms it refers to; an id without a term reads as the id. */
export function eventLabels(
  incident: Incident,
  lang: string,
): (event: TimelineEvent) => EventLabels {
  const index = (terms: { id: string; label: LocalizedText }[]) =>
    new Map(terms.map((t) => [t.id, localize(t.label, lang)]));
  const phases = index(incident.phases);
  const actors = index(incident.actors);
  const actions = index(incident.actions);
  const systems = index(incident.systems);
  return (e) => ({
    phase: phases.get(e.phase) ?? e.phase,
    actor: actors.get(e.actor) ?? e.actor,
    action: actions.get(e.action) ?? e.action,
    systems: e.systems.map((s) => systems.get(s) ?? s),
  });
}
