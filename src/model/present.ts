// Tabletop present mode as pure data: the steps, the current one from the URL, and what the room may see at it.
import './zod-jitless';
import { z } from 'zod';
import type { Incident, TimelineEvent } from './incident';
import {
  coarser,
  DAY,
  durationParts,
  HOUR,
  MINUTE,
  SECOND,
  type Precision,
  type TimeWindow,
} from './time';

export interface Step {
  event: TimelineEvent;
  /** The inject question of `event`, asked before the event itself is shown. */
  inject: boolean;
}

/** Where a step lives in the URL: `event=<id>` and, for an inject question, `inject=1`. */
export interface StepRef {
  event?: string;
  inject: boolean;
}

/** The events in reading order (`incident.events` is already sorted); an event with an inject is two steps. */
export function presentSteps(events: readonly TimelineEvent[]): Step[] {
  return events.flatMap((event) =>
    event.inject
      ? [
          { event, inject: true },
          { event, inject: false },
        ]
      : [{ event, inject: false }],
  );
}

/**
 * Finds the step of a link's `event` and `inject` (`inject` on an event without one is the event itself), each
 * lookup without a pass over the steps (at 100,000 events a step of present mode made several such passes);
 * undefined for an event that is not a step.
 */
export function stepIndexer(
  steps: readonly Step[],
): (ref: Required<StepRef>) => number | undefined {
  const shown = new Map<string, number>();
  const asked = new Map<string, number>();
  steps.forEach((s, i) => {
    const map = s.inject ? asked : shown;
    if (!map.has(s.event.id)) map.set(s.event.id, i);
  });
  return ({ event, inject }) => (inject ? asked.get(event) : undefined) ?? shown.get(event);
}

export function stepRef(step: Step): Required<StepRef> {
  return { event: step.event.id, inject: step.inject };
}

export function clampStep(steps: readonly Step[], index: number): number {
  return Math.min(steps.length - 1, Math.max(0, index));
}

/** Everything the room has seen at `index`: earlier steps' events, and the current one unless it is still a question. */
export function revealedEvents(steps: readonly Step[], index: number): TimelineEvent[] {
  // An inject question's event is always the next step's, so skipping questions reveals each event once.
  return steps.slice(0, index + 1).flatMap((s) => (s.inject ? [] : [s.event]));
}

/**
 * The incident cut down to `events`, so that no component can show the future: taxonomy terms, techniques and
 * indicators only as far as the shown events use them, links only between shown events. The summary tells the
 * whole story, so it is replaced by the title.
 */
export function revealedIncident(incident: Incident, events: TimelineEvent[]): Incident {
  // Only the very same events keep the whole incident: the room's copies may be cut short or reworded.
  if (events.length === incident.events.length && events.every((e, i) => e === incident.events[i]))
    return incident;
  const ids = new Set(events.map((e) => e.id));
  const used = (key: 'phase' | 'actor' | 'action') => new Set(events.map((e) => e[key]));
  const phases = used('phase');
  const actors = used('actor');
  const actions = used('action');
  const systems = new Set(events.flatMap((e) => e.systems));
  const techniques = new Set(events.flatMap((e) => e.techniques ?? []));
  return {
    ...incident,
    summary: incident.title,
    phases: incident.phases.filter((p) => phases.has(p.id)),
    actors: incident.actors.filter((a) => actors.has(a.id)),
    actions: incident.actions.filter((a) => actions.has(a.id)),
    systems: incident.systems.filter((s) => systems.has(s.id)),
    techniques: incident.techniques?.filter((t) => techniques.has(t.id)),
    indicators: incident.indicators?.filter(
      (ind) => (ind.events?.length ?? 0) > 0 && ind.events!.every((id) => ids.has(id)),
    ),
    events: events.map((e) =>
      e.related ? { ...e, related: e.related.filter((r) => ids.has(r.event)) } : e,
    ),
  };
}

/**
 * The first step of the n-th phase (1-based) in the order the session comes to them, as the presenter's agenda
 * lists them: the digit keys follow that list (they used to follow the phases' order in the file).
 */
export function phaseStep(steps: readonly Step[], n: number): number | undefined {
  const seen = new Set<string>();
  for (let i = 0; i < steps.length; i++) {
    const { phase } = steps[i]!.event;
    if (seen.has(phase)) continue;
    seen.add(phase);
    if (seen.size === n) return i;
  }
  return undefined;
}

/** The event of the last step before `index` that shows a different event: what "time passes" is counted from. */
export function previousEvent(steps: readonly Step[], index: number): TimelineEvent | undefined {
  const current = steps[index]?.event.id;
  for (let i = index - 1; i >= 0; i--) if (steps[i]!.event.id !== current) return steps[i]!.event;
  return undefined;
}

const UNIT: Record<Precision, number> = {
  second: SECOND,
  minute: MINUTE,
  hour: HOUR,
  day: DAY,
  month: DAY,
};

export interface Elapsed {
  ms: number;
  /** The coarser precision of the two events: a day-precision event cannot be "3 hours" after anything. */
  precision: Precision;
}

/** Time from one step's event to the next, to the precision both are known at; 0 means "the same day/moment". */
export function elapsedBetween(prev: TimelineEvent, next: TimelineEvent): Elapsed {
  const precision = coarser(prev.precision, next.precision);
  const unit = UNIT[precision];
  const ms = Math.floor(next.startMs / unit) * unit - Math.floor(prev.startMs / unit) * unit;
  return { ms: Math.max(0, ms), precision };
}

/** True when a span reads as one unit of one ("1 day"), so English says "passes" rather than "pass". */
export function isSingular(ms: number): boolean {
  const parts = Object.values(durationParts(ms)).filter((v) => v > 0);
  return parts.length === 1 && parts[0] === 1;
}

const CONTEXT_STEPS = 4;
const CONTEXT_SPAN = 7 * DAY;
const MIN_WIDTH = 2 * HOUR;

/**
 * The chart window for a step: the current event in the middle, with up to a few earlier events from the last week
 * for context on its left, and empty room on the right where the future would be.
 */
export function stepWindow(shown: readonly TimelineEvent[], current: TimelineEvent): TimeWindow {
  const context = shown
    .slice(-CONTEXT_STEPS)
    .filter((e) => e.startMs >= current.startMs - CONTEXT_SPAN && e.startMs <= current.startMs);
  let from = Math.min(current.startMs, ...context.map((e) => e.startMs));
  let to = Math.max(current.endMs, ...context.map((e) => Math.min(e.endMs, current.endMs)));
  if (to - from < MIN_WIDTH) {
    const grow = (MIN_WIDTH - (to - from)) / 2;
    from -= grow;
    to += grow;
  }
  // The right half stays free: point labels run rightwards, and that is where the next step will appear.
  const width = to - from;
  return { from: Math.round(from - width * 0.08), to: Math.round(to + width * 0.9) };
}

/** Which window of a present session: the room's (`audience`) or the facilitator's (`presenter=1`). */
export type PresentRole = 'audience' | 'presenter';

/** A session's id: a random UUID made by the audience window and handed to its presenter window in the link. */
export const SessionId = z.uuid();

/**
 * The BroadcastChannel of one present session. Its name is the session's random id, so only the presenter window
 * opened with that id can talk to the audience window: another page on the same origin does not know the name.
 */
export const channelName = (session: string) => `incident-timeline:present:${session}`;

const MAX_EVENT_ID = 120;
const MAX_FIELDS = 5;
const Role = z.enum(['audience', 'presenter']);

export const PresentMessage = z.discriminatedUnion('type', [
  /** A window that just opened asks the other where the session is. */
  z.strictObject({ type: z.literal('hello'), from: Role }),
  z.strictObject({
    type: z.literal('step'),
    from: Role,
    /** Absent on the title slide, before the first step. */
    event: z.string().min(1).max(MAX_EVENT_ID).optional(),
    inject: z.boolean(),
    reveal: z.boolean(),
  }),
]);
export type PresentMessage = z.infer<typeof PresentMessage>;

/** Reads a message from another window; anything malformed, oversized or with extra fields is ignored. */
export function parseMessage(data: unknown): PresentMessage | undefined {
  // A message is a handful of short fields: count them before zod walks whatever arrived.
  if (typeof data !== 'object' || data === null || Object.keys(data).length > MAX_FIELDS)
    return undefined;
  const r = PresentMessage.safeParse(data);
  return r.success ? r.data : undefined;
}

/**
 * What a window of `role` takes from a message: only the other role is heard, so the audience window moves and
 * reveals only at its presenter's word, and never answers another audience window.
 */
export function receiveMessage(data: unknown, role: PresentRole): PresentMessage | undefined {
  const m = parseMessage(data);
  return m && m.from !== role ? m : undefined;
}
