// Localized names of an event's phase, actor, action and systems, shared by the export formats.
import type { Incident, TimelineEvent } from '../incident';
import { termLabels } from '../vocabulary';

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
  const phases = termLabels(incident, 'phase', lang);
  const actors = termLabels(incident, 'actor', lang);
  const actions = termLabels(incident, 'action', lang);
  const systems = termLabels(incident, 'system', lang);
  return (e) => ({
    phase: phases.get(e.phase) ?? e.phase,
    actor: actors.get(e.actor) ?? e.actor,
    action: actions.get(e.action) ?? e.action,
    systems: e.systems.map((s) => systems.get(s) ?? s),
  });
}
