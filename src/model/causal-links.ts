// Causal links between events: which arrows the chart draws, cycles the loader refuses, and the path through an event.
import type { ChartItem } from './chart-model';
import type { RelationKind, TimelineEvent } from './incident';
import { firstIndex } from './event-index';
import { textEditOf, type TextEdit } from './event-versions';
import { memo } from './memo';
import { coarser, DAY, type TimeWindow } from './time';

/** How an arrow looks: the adversary's chain, a detection, or the defenders' response. */
export type ArrowStyle = 'chain' | 'detection' | 'response';

/** The kinds drawn as arrows; `part-of` groups events rather than ordering them, so it is not one. */
export const ARROW_STYLES: Partial<Record<RelationKind, ArrowStyle>> = {
  'led-to': 'chain',
  enabled: 'chain',
  detected: 'detection',
  contained: 'response',
  eradicated: 'response',
  'responded-to': 'response',
};

/** Kinds that say one event caused the next; a cycle of these is impossible. */
const FORWARD: ReadonlySet<RelationKind> = new Set(['led-to', 'enabled']);
/** Kinds that say an event answered an earlier one: the cause is the event linked to. */
const BACKWARD: ReadonlySet<RelationKind> = new Set([
  'detected',
  'contained',
  'eradicated',
  'responded-to',
]);

interface Linked {
  id: string;
  related?: readonly { event: string; kind: RelationKind }[];
}

/** One arrow, from the event holding the link to the event it names. */
export interface Link {
  from: string;
  to: string;
  kind: RelationKind;
  style: ArrowStyle;
}

/** Every link drawn as an arrow, in the events' order. */
export function linksOf(events: readonly Linked[]): Link[] {
  // A loop, not a flatMap of arrays made per event and per link: 34 -> 13 ms at 100,000 full-field events (Node).
  const links: Link[] = [];
  for (const e of events)
    for (const r of e.related ?? []) {
      const style = ARROW_STYLES[r.kind];
      if (style) links.push({ from: e.id, to: r.event, kind: r.kind, style });
    }
  return links;
}

/** A link held by another event, seen from the event it names. */
export interface IncomingLink {
  from: TimelineEvent;
  kind: RelationKind;
}

const incoming = new WeakMap<readonly TimelineEvent[], ReadonlyMap<string, IncomingLink[]>>();

/**
 * The links naming each event, in the events' order: made once per event list, so that the details of one event
 * need not scan every event (12-22 ms of a selection at 100,000 events).
 */
export function linksInto(events: readonly TimelineEvent[]): ReadonlyMap<string, IncomingLink[]> {
  return memo(incoming, events, () => {
    const edit = textEditOf(events);
    const before = edit && incoming.get(edit.before);
    if (before) return linksAfterEdit(before, edit);
    const into = new Map<string, IncomingLink[]>();
    for (const from of events)
      for (const { event, kind } of from.related ?? []) {
        const list = into.get(event);
        if (list) list.push({ from, kind });
        else into.set(event, [{ from, kind }]);
      }
    return into;
  });
}

/** linksInto's map of a text edit's list, from the map of the list before it: the replaced events' links are theirs. */
function linksAfterEdit(
  before: ReadonlyMap<string, IncomingLink[]>,
  edit: TextEdit,
): Map<string, IncomingLink[]> {
  const into = new Map(before);
  for (const i of edit.replaced) {
    const was = edit.before[i]!;
    const now = edit.after[i]!;
    for (const { event } of now.related ?? [])
      into.set(
        event,
        into.get(event)!.map((link) => (link.from === was ? { ...link, from: now } : link)),
      );
  }
  return into;
}

/**
 * The links naming event `id`: from `linksInto`'s map when it is made, else by one pass over the events. An edit
 * makes a new list on every keystroke, and the map of a list of 100,000 events took 136 ms to make for one look.
 */
export function linksIntoEvent(events: readonly TimelineEvent[], id: string): IncomingLink[] {
  const made = incoming.get(events);
  if (made) return made.get(id) ?? [];
  const found: IncomingLink[] = [];
  for (const from of events)
    for (const { event, kind } of from.related ?? []) if (event === id) found.push({ from, kind });
  return found;
}

/**
 * A cycle of `led-to` / `enabled` links, as the ids around it with the first repeated at the end
 * (`["a", "b", "a"]`); undefined when there is none. Links to unknown events are ignored (refused elsewhere).
 */
export function findCausalCycle(
  events: readonly Linked[],
  /** The position of the first event with each id, when the caller has it: a file's check has just made it. */
  firstAt: ReadonlyMap<string, number> = firstPositions(events),
): string[] | undefined {
  // Events by position, and links only where there are some: at 100,000 events an array per event cost more than
  // the search. An id's links all start from its first event.
  const next: (number[] | undefined)[] = [];
  for (const e of events)
    for (const r of e.related ?? []) {
      const to = firstAt.get(r.event);
      if (FORWARD.has(r.kind) && to !== undefined) (next[firstAt.get(e.id)!] ??= []).push(to);
    }
  // Iterative depth-first search with three colours, so a long chain cannot overflow the stack.
  const OPEN = 1;
  const DONE = 2;
  const state = new Uint8Array(events.length);
  for (let root = 0; root < events.length; root++) {
    // An event that leads nowhere closes no cycle from here; it is still walked when reached from another.
    if (state[root] !== 0 || next[root] === undefined) continue;
    const stack: { at: number; k: number }[] = [{ at: root, k: 0 }];
    state[root] = OPEN;
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const out = next[top.at] ?? [];
      if (top.k === out.length) {
        state[top.at] = DONE;
        stack.pop();
        continue;
      }
      const to = out[top.k++]!;
      if (state[to] === OPEN) {
        const from = stack.findIndex((s) => s.at === to);
        return [...stack.slice(from).map((s) => events[s.at]!.id), events[to]!.id];
      }
      if (state[to] === 0) {
        state[to] = OPEN;
        stack.push({ at: to, k: 0 });
      }
    }
  }
  return undefined;
}

/**
 * The cycle of led-to and enabled links a link would close, from its source round to it again, or undefined: a link
 * of one of those kinds from an event its target leads to (each id's links given by `linksOf`). It walks only what
 * the target leads to, where findCausalCycle walks every event (28–58 ms at 100,000).
 */
export function cycleClosedBy(
  link: { from: string; to: string; kind: RelationKind },
  linksOf: (id: string) => readonly { event: string; kind: RelationKind }[] | undefined,
): string[] | undefined {
  if (!FORWARD.has(link.kind)) return undefined;
  const cameFrom = new Map([[link.to, link.from]]);
  const stack = [link.to];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (id === link.from) {
      const back = [link.from];
      for (let at = cameFrom.get(link.from)!; at !== link.from; at = cameFrom.get(at)!)
        back.push(at);
      return [...back, link.from].reverse();
    }
    for (const r of linksOf(id) ?? [])
      if (FORWARD.has(r.kind) && !cameFrom.has(r.event)) {
        cameFrom.set(r.event, id);
        stack.push(r.event);
      }
  }
  return undefined;
}

/** The position of the first event with each id. */
function firstPositions(events: readonly { id: string }[]): Map<string, number> {
  const first = new Map<string, number>();
  events.forEach((e, i) => {
    if (!first.has(e.id)) first.set(e.id, i);
  });
  return first;
}

/** Cause-to-effect edges both ways: `led-to`/`enabled` point forward, a detection or response back at its cause. */
function causalGraph(events: readonly Linked[]) {
  const effects = new Map<string, string[]>();
  const causes = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, value: string) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const e of events)
    for (const r of e.related ?? []) {
      const [cause, effect] = FORWARD.has(r.kind)
        ? [e.id, r.event]
        : BACKWARD.has(r.kind)
          ? [r.event, e.id]
          : [];
      if (cause === undefined || effect === undefined) continue;
      add(effects, cause, effect);
      add(causes, effect, cause);
    }
  return { effects, causes };
}

function reach(start: string, edges: Map<string, string[]>): Set<string> {
  const seen = new Set<string>();
  const todo = [start];
  while (todo.length > 0)
    for (const next of edges.get(todo.pop()!) ?? [])
      if (next !== start && !seen.has(next)) {
        seen.add(next);
        todo.push(next);
      }
  return seen;
}

export interface PathStep {
  event: TimelineEvent;
  /** Before, the event itself, or after it in the chain. */
  role: 'cause' | 'self' | 'effect';
  /** Time since the previous step, as far as both times are known (whole days when either is a date); undefined first. */
  gap?: { ms: number; days: boolean };
}

/**
 * Everything that led to `id` and everything it led to, transitively, with the event itself: causes before their
 * effects, otherwise in the order of `events` (an incident's reading order; a date's events can share a day with the
 * timed event they followed). Empty when the event is unknown.
 */
export function tracePath(events: readonly TimelineEvent[], id: string): PathStep[] {
  const index = new Map(events.map((e, i) => [e.id, i]));
  if (!index.has(id)) return [];
  const { effects, causes } = causalGraph(events);
  const before = reach(id, causes);
  const after = reach(id, effects);
  const on = new Set([...before, id, ...after]);
  // Kahn's topological sort over the path, always taking the earliest ready event next.
  const waiting = new Map<string, number>();
  for (const e of on) waiting.set(e, (causes.get(e) ?? []).filter((c) => on.has(c)).length);
  const key = (e: string) => events[index.get(e)!]!;
  const earlier = (a: string, b: string) => index.get(a)! - index.get(b)!;
  const ready = [...on].filter((e) => waiting.get(e) === 0).sort(earlier);
  const steps: PathStep[] = [];
  let previous: TimelineEvent | undefined;
  while (ready.length > 0) {
    const next = ready.shift()!;
    const event = key(next);
    const role = next === id ? 'self' : before.has(next) ? 'cause' : 'effect';
    steps.push({ event, role, gap: previous && gapBetween(previous, event) });
    previous = event;
    for (const effect of effects.get(next) ?? []) {
      if (!on.has(effect)) continue;
      const left = waiting.get(effect)! - 1;
      waiting.set(effect, left);
      if (left === 0) {
        const at = ready.findIndex((r) => earlier(effect, r) < 0);
        ready.splice(at < 0 ? ready.length : at, 0, effect);
      }
    }
  }
  return steps;
}

/** The ids to grey out: those off a traced path (when there is one) and those already `dimmed`. */
export function offPath(
  path: readonly PathStep[] | undefined,
  dimmed: ReadonlySet<string> | undefined,
  events: readonly { id: string }[],
): ReadonlySet<string> | undefined {
  if (!path || path.length === 0) return dimmed;
  const on = new Set(path.map((s) => s.event.id));
  const off = new Set(dimmed);
  for (const e of events) if (!on.has(e.id)) off.add(e.id);
  return off;
}

function gapBetween(a: TimelineEvent, b: TimelineEvent): PathStep['gap'] {
  const p = coarser(a.precision, b.precision);
  // A date has no time of day, so a gap with a date at either end counts calendar days, as the metrics do.
  if (p === 'day' || p === 'month')
    return { ms: (Math.floor(b.startMs / DAY) - Math.floor(a.startMs / DAY)) * DAY, days: true };
  return { ms: b.startMs - a.startMs, days: false };
}

/** The aggregate (sorted by start) whose bin holds `time`, by binary search. */
function binAt(sorted: readonly ChartItem[] | undefined, time: number): ChartItem | undefined {
  if (!sorted) return undefined;
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const a = sorted[mid]!;
    if (time < a.start) hi = mid - 1;
    else if (time >= (a.end ?? a.start)) lo = mid + 1;
    else return a;
  }
  return undefined;
}

/** An arrow between two items on the chart. */
export interface Arrow {
  /** Stable while panning: the two items' ids. */
  id: string;
  fromItem: string;
  toItem: string;
  style: ArrowStyle;
  /** Either end is drawn greyed out (filtered out, or off a traced path). */
  dimmed: boolean;
}

interface Spot {
  item: ChartItem;
  lane: string;
}

/**
 * An incident's links, found by where they can be drawn: each event's own links, and all of them ordered by the
 * start of the event holding them. Built when arrows are turned on, so that a pan or a zoom looks only at the links
 * near its window: a pass over all 18,856 links of 100,000 full-field events took 58-103 ms of each view change
 * (Node).
 */
export interface LinkIndex {
  links: readonly Link[];
  /** Indexes into `links` of the links each event holds. */
  from: ReadonlyMap<string, readonly number[]>;
  /** Indexes into `links` of the links whose holding event is known, by that event's start. */
  byStart: Uint32Array;
  /** The holding events' starts, in `byStart`'s order. */
  starts: Float64Array;
}

export function indexLinks(
  links: readonly Link[],
  startOf: (eventId: string) => number | undefined,
): LinkIndex {
  const from = new Map<string, number[]>();
  const known: number[] = [];
  const startAt = new Float64Array(links.length);
  links.forEach((link, i) => {
    const own = from.get(link.from);
    if (own) own.push(i);
    else from.set(link.from, [i]);
    const start = startOf(link.from);
    if (start === undefined) return;
    startAt[i] = start;
    known.push(i);
  });
  const byStart = Uint32Array.from(known).sort((a, b) => startAt[a]! - startAt[b]!);
  return { links, from, byStart, starts: Float64Array.from(byStart, (i) => startAt[i]!) };
}

/**
 * The arrows to draw for a chart's items in a window: each link whose two ends are drawn (an event counted in an
 * aggregate is drawn as that aggregate) and both ends are in the window; links within one aggregate and
 * repeats between the same two items are dropped. An event drawn in several lanes is joined at the nearest pair.
 * Arrows come in the links' order.
 */
export function arrowsInView(
  index: LinkIndex,
  items: readonly ChartItem[],
  window: TimeWindow | undefined,
  startOf: (eventId: string) => number | undefined,
  lanesOf: (eventId: string) => readonly string[],
): Arrow[] {
  const byEvent = new Map<string, Spot[]>();
  const aggregates = new Map<string, ChartItem[]>();
  const laneOrder = new Map<string, number>();
  for (const item of items) {
    const lane = item.lane ?? '';
    if (!laneOrder.has(lane)) laneOrder.set(lane, laneOrder.size);
    if (item.shape === 'aggregate') {
      const list = aggregates.get(lane);
      if (list) list.push(item);
      else aggregates.set(lane, [item]);
    } else {
      const list = byEvent.get(item.eventId);
      if (list) list.push({ item, lane });
      else byEvent.set(item.eventId, [{ item, lane }]);
    }
  }
  for (const list of aggregates.values()) list.sort((a, b) => a.start - b.start);
  // Only an event starting near the window can be counted in an aggregate drawn in it (bins are narrower than that).
  const span = window ? window.to - window.from : Infinity;
  const near = (start: number) =>
    !window || (start >= window.from - span && start <= window.to + span);
  const spotsOf = (eventId: string): Spot[] => {
    const drawn = byEvent.get(eventId);
    if (drawn) return drawn;
    const start = startOf(eventId);
    if (start === undefined || aggregates.size === 0 || !near(start)) return [];
    const lanes = lanesOf(eventId);
    return (lanes.length > 0 ? lanes : ['']).flatMap((lane) => {
      const hit = binAt(aggregates.get(lane), start);
      return hit ? [{ item: hit, lane }] : [];
    });
  };
  const inWindow = (item: ChartItem) =>
    !window || (item.start <= window.to && (item.end ?? item.start) >= window.from);
  const arrows = new Map<string, Arrow>();
  for (const at of candidates(index, byEvent, window, span)) {
    const link = index.links[at]!;
    const from = spotsOf(link.from);
    const to = spotsOf(link.to);
    let best: [Spot, Spot] | undefined;
    let distance = Infinity;
    for (const a of from)
      for (const b of to) {
        const d = Math.abs((laneOrder.get(a.lane) ?? 0) - (laneOrder.get(b.lane) ?? 0));
        if (d < distance) [best, distance] = [[a, b], d];
      }
    if (!best) continue;
    const [a, b] = best;
    if (a.item.id === b.item.id || !inWindow(a.item) || !inWindow(b.item)) continue;
    const id = `${a.item.id}\u0000${b.item.id}`;
    if (!arrows.has(id))
      arrows.set(id, {
        id,
        fromItem: a.item.id,
        toItem: b.item.id,
        style: link.style,
        dimmed: a.item.dimmed || b.item.dimmed,
      });
  }
  return [...arrows.values()];
}

/**
 * Which links can give an arrow, in the links' order: the first end must be drawn as itself (it holds the link) or
 * start near the window (to be counted in an aggregate there), so no other link has an arrow.
 */
function candidates(
  index: LinkIndex,
  drawn: ReadonlyMap<string, unknown>,
  window: TimeWindow | undefined,
  span: number,
): Iterable<number> {
  if (!window) return index.links.keys();
  const picked = new Set<number>();
  for (const eventId of drawn.keys())
    for (const at of index.from.get(eventId) ?? []) picked.add(at);
  const lo = firstIndex(index.starts, window.from - span, true);
  const hi = firstIndex(index.starts, window.to + span, false);
  for (let k = lo; k < hi; k++) picked.add(index.byStart[k]!);
  return [...picked].sort((a, b) => a - b);
}
