// An incident's warnings, computed where it was parsed: the parse worker sends them after a large incident.
import { sameButEvents, textEditOf } from '../model/event-versions';
import type { Incident, TimelineEvent } from '../model/incident';
import { whenIdle, type Deadline, type WhenIdle } from '../hooks/when-idle';
import {
  warningParts,
  warningPartsInSteps,
  warningsOf,
  type Warning,
  type WarningParts,
} from '../model/incident-warnings';

const known = new WeakMap<Incident, Warning[]>();
// Those made here by part, and the incident of each list of events, for a text edit's incident to start from.
const parts = new WeakMap<Incident, WarningParts>();
const incidents = new WeakMap<readonly TimelineEvent[], Incident>();
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
 * From this many events, warnings made on this thread wait for the page to be idle: each keystroke in a draft of
 * 100,000 events makes a new incident, and scanning its every text took 140 ms of the keystroke.
 */
export const IDLE_FROM = 5000;
/** The scan of the large incident whose warnings are being made, a piece per idle period. */
let waiting: { incident: Incident } | undefined;

/** The parts of the incident a text edit made `incident` from, when they are made and it differs only in its events. */
function afterEdit(incident: Incident) {
  const edit = textEditOf(incident.events);
  const was = edit && incidents.get(edit.before);
  const before = was && parts.get(was);
  return edit && before && sameButEvents(was, incident) ? { before, edit } : undefined;
}

/** The warnings of `made`, kept by part for a text edit of `incident` to start from. */
function kept(incident: Incident, made: WarningParts): Warning[] {
  parts.set(incident, made);
  incidents.set(incident.events, incident);
  return warningsOf(made);
}

/**
 * The warnings the worker sent, undefined while they are coming, or (for an incident made on this thread) made
 * once per incident: at once for a small one or a text edit of one whose warnings are made, else over the next idle
 * periods, undefined until then. A large incident replaced before its scan ends (the next keystroke's) never has
 * its warnings made.
 */
export function warningsFor(incident: Incident, idle: WhenIdle = whenIdle): Warning[] | undefined {
  const warnings = known.get(incident);
  if (warnings || coming.has(incident)) return warnings;
  const after = afterEdit(incident);
  if (incident.events.length < IDLE_FROM || after) {
    // A large incident still waiting is replaced by this one: its scan would be for nothing.
    waiting = undefined;
    const made = kept(incident, warningParts(incident, after));
    known.set(incident, made);
    return made;
  }
  if (waiting?.incident !== incident) {
    // Its own scan: one of an incident asked for again after another (an undo) does not go on beside the new one.
    const scan = { incident };
    waiting = scan;
    // In pieces that fit the page's idle periods: one scan of every text took 100–136 ms at 100,000 events.
    const step = warningPartsInSteps(incident);
    const work = (deadline: Deadline) => {
      if (waiting !== scan) return;
      const made = step(() => deadline.timeRemaining() > 0);
      if (!made) return void idle(work);
      waiting = undefined;
      rememberWarnings(incident, kept(incident, made));
    };
    idle(work);
  }
  return undefined;
}
