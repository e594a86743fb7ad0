// A time-sorted index over parsed events: which events overlap a window, and how many fall in each lane and time bin.
import { laneIdsOf, type GroupBy } from './chart-model';
import type { TimelineEvent } from './incident';
import type { TextEdit } from './event-versions';
import { readingOrder, type TimeWindow } from './time';

// Binary search needs start order; the incident's own order is reading order, which differs for date-only events.
const byStartThenEnd = (a: TimelineEvent, b: TimelineEvent) =>
  a.startMs - b.startMs || a.endMs - b.endMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export interface EventIndex {
  /** The events sorted by start, as `parseIncident` leaves them. */
  readonly events: readonly TimelineEvent[];
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  /**
   * `reach[i]` is the latest end among `events[0..i]`. It never decreases, so a binary search finds the first
   * event that can still be running at a time: tighter than "start > from - longest duration", same idea.
   */
  readonly reach: Float64Array;
  /** The longest event, in ms. */
  readonly longest: number;
  /** Set when built from a larger index: each event's position in it, so its lane and side tables are reused. */
  readonly subsetOf?: { parent: EventIndex; positions: Int32Array };
}

// Kept per list, so that a loader can sort in a step of its own before the index is built: at 100,000 full-field
// events the two together were one task of 74-208 ms on a page loading the file.
const startOrdered = new WeakMap<readonly TimelineEvent[], readonly TimelineEvent[]>();

/** `events` in start order: the list itself when it is, else a sorted copy, made once per list. */
export function inStartOrder(events: readonly TimelineEvent[]): readonly TimelineEvent[] {
  let sorted = startOrdered.get(events);
  if (!sorted) {
    sorted = isSortedByStart(events) ? events : [...events].sort(byStartThenEnd);
    startOrdered.set(events, sorted);
  }
  return sorted;
}

/** Builds the index in one pass over `events` in start order (inStartOrder). */
export function buildEventIndex(events: readonly TimelineEvent[]): EventIndex {
  const sorted = inStartOrder(events);
  const n = sorted.length;
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  const reach = new Float64Array(n);
  let latest = -Infinity;
  let longest = 0;
  for (let i = 0; i < n; i++) {
    const e = sorted[i]!;
    starts[i] = e.startMs;
    ends[i] = e.endMs;
    latest = Math.max(latest, e.endMs);
    reach[i] = latest;
    longest = Math.max(longest, e.endMs - e.startMs);
  }
  return { events: sorted, starts, ends, reach, longest };
}

// The index each index was made from by a text edit (indexAfterEdit), back to the first: what is made of an index's
// order, times and lanes is kept for that first one.
const shapeSources = new WeakMap<EventIndex, EventIndex>();

/** The first index of the run of text edits that made `index` (`index` itself when none did). */
export const shapeOfIndex = (index: EventIndex): EventIndex => shapeSources.get(index) ?? index;

/**
 * The index of a text edit's list, from the index of the list before it: the same arrays, with the replaced events
 * in their places, since their times are the same (noteTextEdit); undefined when `old` is not that list's index.
 */
export function indexAfterEdit(
  old: EventIndex,
  { before, after, replaced }: TextEdit,
): EventIndex | undefined {
  let events: readonly TimelineEvent[] = after;
  if (old.events !== before) {
    const sorted = old.events.slice();
    for (const i of replaced) {
      const was = before[i]!;
      let at = firstIndex(old.starts, was.startMs, true);
      while (at < sorted.length && old.starts[at] === was.startMs && sorted[at] !== was) at++;
      if (sorted[at] !== was) return undefined;
      sorted[at] = after[i]!;
    }
    events = sorted;
  }
  startOrdered.set(after, events);
  const index = { ...old, events };
  shapeSources.set(index, shapeOfIndex(old));
  return index;
}

// Each event's position in an index, built once per index, for finding a subset's events in it.
const positionMaps = new WeakMap<EventIndex, Map<TimelineEvent, number>>();

/** Each event's position in `index`, built on first use and kept as long as the index lives. */
export function positionsIn(index: EventIndex): ReadonlyMap<TimelineEvent, number> {
  let positionOf = positionMaps.get(index);
  if (!positionOf) {
    positionOf = new Map(index.events.map((e, i) => [e, i]));
    positionMaps.set(index, positionOf);
  }
  return positionOf;
}

/**
 * The index of `events`, a subset of `parent`'s events, taken from `parent`'s arrays in `parent`'s order instead
 * of sorted and built anew; undefined when `events` hold an event twice or one `parent` lacks.
 */
export function subsetIndex(
  parent: EventIndex,
  events: readonly TimelineEvent[],
): EventIndex | undefined {
  const positionOf = positionsIn(parent);
  const positions = new Int32Array(events.length);
  for (let i = 0; i < events.length; i++) {
    const at = positionOf.get(events[i]!);
    if (at === undefined) return undefined;
    positions[i] = at;
  }
  return subsetAt(parent, positions);
}

/**
 * The index of the events at `positions` of `parent` (in any order; sorted in place), from `parent`'s arrays;
 * undefined when a position repeats.
 */
export function subsetAt(parent: EventIndex, positions: Int32Array): EventIndex | undefined {
  const n = positions.length;
  let ordered = true;
  for (let i = 1; i < n && ordered; i++) if (positions[i]! <= positions[i - 1]!) ordered = false;
  // Sorting positions is sorting by time: far cheaper than comparing events.
  if (!ordered) {
    positions.sort();
    for (let i = 1; i < n; i++) if (positions[i] === positions[i - 1]) return undefined;
  }
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  const reach = new Float64Array(n);
  const sorted = new Array<TimelineEvent>(n);
  let latest = -Infinity;
  let longest = 0;
  for (let i = 0; i < n; i++) {
    const at = positions[i]!;
    sorted[i] = parent.events[at]!;
    starts[i] = parent.starts[at]!;
    ends[i] = parent.ends[at]!;
    latest = Math.max(latest, ends[i]!);
    reach[i] = latest;
    longest = Math.max(longest, ends[i]! - starts[i]!);
  }
  return { events: sorted, starts, ends, reach, longest, subsetOf: { parent, positions } };
}

function isSortedByStart(events: readonly TimelineEvent[]): boolean {
  for (let i = 1; i < events.length; i++)
    if (events[i - 1]!.startMs > events[i]!.startMs) return false;
  return true;
}

/**
 * Where `event` is in `events`, a list in reading order (an incident's, or a part of it): a binary search; a list
 * in another order, or one without the event, is scanned. -1 when it is not there.
 */
export function indexOfEvent(events: readonly TimelineEvent[], event: TimelineEvent): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (readingOrder(events[mid]!, event) < 0) lo = mid + 1;
    else hi = mid;
  }
  return events[lo]?.id === event.id ? lo : events.findIndex((e) => e.id === event.id);
}

/** The first index whose value is greater than `value` (`orEqual`: at least `value`), in a non-decreasing array. */
export function firstIndex(values: Float64Array, value: number, orEqual: boolean): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = values[mid]!;
    if (v > value || (orEqual && v === value)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The index range `[lo, hi)` that holds every event overlapping `[from, to)`. Events inside it overlap too,
 * except those that ended at or before `from` while an earlier, longer event was still running.
 */
export function candidateRange(
  index: EventIndex,
  from: number,
  to: number,
): { lo: number; hi: number } {
  const lo = firstIndex(index.reach, from, false);
  const hi = firstIndex(index.starts, to, true);
  return { lo, hi: Math.max(lo, hi) };
}

/** Calls `visit` for each event overlapping `[from, to)` (start < to and end > from), in start order. */
export function forEachOverlapping(
  index: EventIndex,
  from: number,
  to: number,
  visit: (event: TimelineEvent, i: number) => void,
): void {
  const { lo, hi } = candidateRange(index, from, to);
  const { ends, events } = index;
  for (let i = lo; i < hi; i++) if (ends[i]! > from) visit(events[i]!, i);
}

/** The events overlapping `[from, to)`, in start order. */
export function eventsOverlapping(index: EventIndex, from: number, to: number): TimelineEvent[] {
  const out: TimelineEvent[] = [];
  forEachOverlapping(index, from, to, (e) => out.push(e));
  return out;
}

/** How many events overlap `[from, to)`. */
export function countOverlapping(index: EventIndex, from: number, to: number): number {
  const { lo, hi } = candidateRange(index, from, to);
  let count = 0;
  for (let i = lo; i < hi; i++) if (index.ends[i]! > from) count++;
  return count;
}

/** Per-lane event counts in equal time bins; bins are aligned to multiples of `binWidth` since the epoch, so they stay put while the window pans. */
export interface LaneBinCounts {
  from: number;
  to: number;
  binWidth: number;
  /** Start of bin 0. */
  firstBin: number;
  bins: number;
  /** Every lane of the grouping, numbered as in `laneTableOf`; `''` stands for the single lane of `groupBy: 'none'`. */
  lanes: readonly string[];
  /** `counts[lane * bins + bin]`. */
  counts: Int32Array;
}

/**
 * Each event's lanes as numbers, in compressed rows: event i is in lanes `lanes[offsets[i]]` up to
 * `lanes[offsets[i + 1] - 1]`. Counting with these numbers avoids a string lookup per event and window.
 */
export interface LaneTable {
  /** Lane ids in order of their first event (in a subset's table, of its parent's first event). */
  ids: readonly string[];
  offsets: Int32Array;
  lanes: Int32Array;
}

/** The lane keys an event is counted under: its lanes, or the one unnamed lane when there is no grouping. */
export function laneKeysOf(event: TimelineEvent, groupBy: GroupBy): readonly string[] {
  const lanes = laneIdsOf(event, groupBy);
  return lanes.length === 0 ? NO_LANE : lanes;
}
const NO_LANE = [''] as const;

// Built on first use per grouping and kept with the index, which is immutable (with the first of its text edits).
const laneTables = new WeakMap<EventIndex, Map<GroupBy, LaneTable>>();

export function laneTableOf(index: EventIndex, groupBy: GroupBy): LaneTable {
  const shape = shapeOfIndex(index);
  let byGrouping = laneTables.get(shape);
  if (!byGrouping) laneTables.set(shape, (byGrouping = new Map()));
  const cached = byGrouping.get(groupBy);
  if (cached) return cached;
  const table = index.subsetOf
    ? subsetLaneTable(index.subsetOf, groupBy)
    : buildLaneTable(index, groupBy);
  byGrouping.set(groupBy, table);
  return table;
}

// A subset's rows are copied from its parent's table, numbers and all: no lane id is looked up again.
function subsetLaneTable(
  { parent, positions }: NonNullable<EventIndex['subsetOf']>,
  groupBy: GroupBy,
): LaneTable {
  const from = laneTableOf(parent, groupBy);
  const offsets = new Int32Array(positions.length + 1);
  for (let i = 0; i < positions.length; i++)
    offsets[i + 1] = offsets[i]! + from.offsets[positions[i]! + 1]! - from.offsets[positions[i]!]!;
  const lanes = new Int32Array(offsets[positions.length]!);
  // A loop, not a subarray per event: most events have one or two lanes (15,000 events: 1.0 -> 0.4 ms in Node).
  for (let i = 0, at = 0; i < positions.length; i++)
    for (let j = from.offsets[positions[i]!]!; j < from.offsets[positions[i]! + 1]!; j++)
      lanes[at++] = from.lanes[j]!;
  return { ids: from.ids, offsets, lanes };
}

function buildLaneTable(index: EventIndex, groupBy: GroupBy): LaneTable {
  const ids: string[] = [];
  const numberOf = new Map<string, number>();
  const offsets = new Int32Array(index.events.length + 1);
  const lanes: number[] = [];
  index.events.forEach((e, i) => {
    for (const lane of laneKeysOf(e, groupBy)) {
      let k = numberOf.get(lane);
      if (k === undefined) {
        k = ids.length;
        numberOf.set(lane, k);
        ids.push(lane);
      }
      lanes.push(k);
    }
    offsets[i + 1] = lanes.length;
  });
  return { ids, offsets, lanes: Int32Array.from(lanes) };
}

const MAX_BINS = 100_000;

/**
 * Counts the events overlapping `[from, to)` per lane and bin. Each event counts once per lane, in the bin of its
 * start (or the first bin, if it began earlier), so a lane's counts add up to its events in the window.
 */
export function countPerLaneBin(
  index: EventIndex,
  { from, to, binWidth, groupBy }: TimeWindow & { binWidth: number; groupBy: GroupBy },
): LaneBinCounts {
  if (!(binWidth > 0) || !(to > from)) throw new RangeError('expected binWidth > 0 and to > from');
  const firstBin = Math.floor(from / binWidth) * binWidth;
  const bins = Math.ceil((to - firstBin) / binWidth);
  if (bins > MAX_BINS)
    throw new RangeError(`${bins} bins is more than ${MAX_BINS}; choose a wider bin`);
  const table = laneTableOf(index, groupBy);
  const counts = new Int32Array(table.ids.length * bins);
  const { lo, hi } = candidateRange(index, from, to);
  const { starts, ends } = index;
  for (let i = lo; i < hi; i++) {
    if (ends[i]! <= from) continue;
    const bin = Math.floor((Math.max(starts[i]!, from) - firstBin) / binWidth);
    for (let j = table.offsets[i]!; j < table.offsets[i + 1]!; j++)
      counts[table.lanes[j]! * bins + bin]!++;
  }
  return { from, to, binWidth, firstBin, bins, lanes: table.ids, counts };
}
