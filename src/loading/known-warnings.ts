// An incident's warnings, computed where it was parsed: the parse worker sends them with a large incident.
import type { Incident } from '../model/incident';
import { incidentWarnings, type Warning } from '../model/incident-warnings';

const known = new WeakMap<Incident, Warning[]>();

export function rememberWarnings(incident: Incident, warnings: Warning[]): void {
  known.set(incident, warnings);
}

/** The warnings the worker sent, or (for a file parsed on this thread) computed now, once per incident. */
export function warningsFor(incident: Incident): Warning[] {
  let warnings = known.get(incident);
  if (!warnings) {
    warnings = incidentWarnings(incident);
    known.set(incident, warnings);
  }
  return warnings;
}
