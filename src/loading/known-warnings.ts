// An incident's warnings, computed where it was parsed: the parse worker sends them after a large incident.
import type { Incident } from '../model/incident';
import { incidentWarnings, type Warning } from '../model/incident-warnings';

const known = new WeakMap<Incident, Warning[]>();
const coming = new WeakSet<Incident>();
const listeners = new Set<() => void>();
const changed = () => listeners.forEach((listener) => listener());

/** The worker will send `incident`'s warnings: until then it has none to show, and none are computed here. */
export function expectWarnings(incident: Incident): void {
  coming.add(incident);
}

/** They will not come after all (the worker stopped): they are computed on this thread when asked for. */
export function forgetExpectedWarnings(incident: Incident): void {
  if (coming.delete(incident)) changed();
}

export function rememberWarnings(incident: Incident, warnings: Warning[]): void {
  known.set(incident, warnings);
  coming.delete(incident);
  changed();
}

/** Calls `listener` when warnings arrive or are no longer expected; returns the unsubscribe. */
export function subscribeWarnings(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The warnings the worker sent, undefined while they are coming, or (for a file parsed on this thread) computed
 * now, once per incident.
 */
export function warningsFor(incident: Incident): Warning[] | undefined {
  let warnings = known.get(incident);
  if (!warnings && !coming.has(incident)) {
    warnings = incidentWarnings(incident);
    known.set(incident, warnings);
  }
  return warnings;
}
