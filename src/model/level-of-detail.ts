// Level of detail: what the chart holds for a window, each event or per-lane counts in time bins, never more than a bounded number of items.
import { formatCount } from './format-count';
import { chartItems, laneIdsOf, type ChartItem, type GroupBy, type Side } from './chart-model';
import {
  candidateRange,
  countPerLaneBin,
  eventsOverlapping,
  forEachOverlapping,
  laneTableOf,
  shapeOfIndex,
  type EventIndex,
  type LaneBinCounts,
} from './event-index';
import type { Incident, TimelineEvent } from './incident';
import { DAY, HOUR, MINUTE, SECOND, type TimeWindow } from './time';

/**
 * vis-timeline creates and orders every item and lays out each drawn one to stack it: 330 across two window widths
 * is as many per window width as the 500 across three before, and took a quarter off a regrouping at 100,000 events.
 */
export const MAX_CHART_ITEMS = 330;
/** Aim for about this many bins across the window, before the item budget asks for wider ones. */
export const BINS_PER_WINDOW = 60;

/**
 * Round bin widths, finest first; each is a whole multiple of the one before, so bins nest when zooming. Bins are
 * aligned to the epoch, so 7-day bins start on Thursdays and the longest ones are not calendar months or years.
 */
export const BIN_WIDTHS: readonly number[] = [
  ...[1, 5, 10, 30].map((n) => n * SECOND),
  ...[1, 5, 10, 30].map((n) => n * MINUTE),
  ...[1, 3, 6, 12].map((n) => n * HOUR),
  ...[1, 7, 28, 364, 3640, 36400].map((n) => n * DAY),
];

export interface LevelOfDetailInput {
  incident: Incident;
  /** Index over the events to draw (after filtering); events to grey out are in it and in `dimmed`. */
  index: EventIndex;
  groupBy: GroupBy;
  lang: string;
  window: TimeWindow;
  maxItems?: number;
  /** Event ids drawn greyed out; an aggregate is dimmed when all its events are. */
  dimmed?: ReadonlySet<string>;
  /** The label of an aggregate in the UI language; English "<count> events" by default. */
  aggregateLabel?: (count: number) => string;
}

export interface LevelOfDetail {
  items: ChartItem[];
  /** The span the items cover: the window with half a window width of margin on each side. */
  span: TimeWindow;
  /** Width of the aggregate bins; absent when every event is drawn individually. */
  binWidth?: number;
}

const englishLabel = (count: number) => `${formatCount(count)} events`;
const SIDES: readonly Side[] = ['adversary', 'defender', 'third-party'];

/** The window plus half a window width each side, so a drag shows items at once instead of empty space. */
export function spanOf(window: TimeWindow): TimeWindow {
  const half = Math.max(1, window.to - window.from) / 2;
  return { from: window.from - half, to: window.to + half };
}

/** The position in `BIN_WIDTHS` of the finest width at least `min` (the widest if none is). */
function binWidthIndex(min: number): number {
  const i = BIN_WIDTHS.findIndex((w) => w >= min);
  return i === -1 ? BIN_WIDTHS.length - 1 : i;
}

function nonEmptyCells(counts: LaneBinCounts): number {
  let n = 0;
  for (const c of counts.counts) if (c > 0) n++;
  return n;
}

/**
 * The chart items for a window. When the events overlapping the window and its margins make at most `maxItems`
 * items, those items, exactly as `chartItems` makes them. Otherwise each lane's events are counted in time bins of
 * the finest round width that keeps the bins within budget, and the budget left over is spent drawing some bins'
 * events one by one (see `chooseExpanded`; a bin of one event is always drawn as that event). With more lanes than
 * `maxItems`, about one aggregate per lane is the floor and the result can exceed `maxItems`.
 *
 * An aggregate item has `shape: 'aggregate'`, `eventId: ''` (it stands for no single event), its bin as
 * `start`/`end`, `count`, and the id `agg:<lane>:<bin start ms>` (lane `''` without grouping), stable while panning.
 */
export function levelOfDetail({
  incident,
  index,
  groupBy,
  lang,
  window,
  maxItems = MAX_CHART_ITEMS,
  dimmed = new Set(),
  aggregateLabel = englishLabel,
}: LevelOfDetailInput): LevelOfDetail {
  const span = spanOf(window);
  const { lo, hi } = candidateRange(index, span.from, span.to);
  const { starts, ends, events } = index;
  const table = laneTableOf(index, groupBy);
  const { offsets, lanes } = table;
  let itemCount = 0;
  for (let i = lo; i < hi; i++)
    if (ends[i]! > span.from) itemCount += offsets[i + 1]! - offsets[i]!;
  if (itemCount <= maxItems)
    return {
      items: chartItems(
        incident,
        eventsOverlapping(index, span.from, span.to),
        groupBy,
        lang,
        dimmed,
      ),
      span,
    };

  let rung = binWidthIndex(Math.max(1, window.to - window.from) / BINS_PER_WINDOW);
  let counts = countPerLaneBin(index, { ...span, binWidth: BIN_WIDTHS[rung]!, groupBy });
  let cells = nonEmptyCells(counts);
  while (cells > maxItems && rung < BIN_WIDTHS.length - 1) {
    rung++;
    counts = countPerLaneBin(index, { ...span, binWidth: BIN_WIDTHS[rung]!, groupBy });
    cells = nonEmptyCells(counts);
  }

  const expanded = chooseExpanded(counts, window, Math.max(0, maxItems - cells));
  const sides = sidesOf(index, incident);
  const sideTally = new Int32Array(counts.counts.length * SIDES.length);
  const dimmedTally = new Int32Array(counts.counts.length);
  const individual: TimelineEvent[] = [];
  const keep = new Set<string>();
  const { bins, firstBin, binWidth } = counts;
  for (let i = lo; i < hi; i++) {
    if (ends[i]! <= span.from) continue;
    const bin = Math.floor((Math.max(starts[i]!, span.from) - firstBin) / binWidth);
    const isDimmed = dimmed.size > 0 && dimmed.has(events[i]!.id);
    let drawn = false;
    for (let j = offsets[i]!; j < offsets[i + 1]!; j++) {
      const cell = lanes[j]! * bins + bin;
      if (expanded[cell]) {
        drawn = true;
        keep.add(`${events[i]!.id}\u0000${table.ids[lanes[j]!]}`);
      } else {
        sideTally[cell * SIDES.length + sides[i]!]!++;
        if (isDimmed) dimmedTally[cell]!++;
      }
    }
    if (drawn) individual.push(events[i]!);
  }

  const items = chartItems(incident, individual, groupBy, lang, dimmed).filter((it) =>
    keep.has(`${it.eventId}\u0000${it.lane ?? ''}`),
  );
  counts.counts.forEach((count, cell) => {
    if (count === 0 || expanded[cell]) return;
    const lane = counts.lanes[Math.floor(cell / bins)]!;
    const start = firstBin + (cell % bins) * binWidth;
    items.push({
      id: `agg:${lane}:${start}`,
      eventId: '',
      ...(lane === '' ? {} : { lane }),
      start,
      end: start + binWidth,
      shape: 'aggregate',
      label: aggregateLabel(count),
      side: majoritySide(sideTally, cell),
      failed: false,
      inferred: false,
      dimmed: dimmedTally[cell] === count,
      count,
    });
  });
  return { items, span, binWidth };
}

// Each event's side as a number, built once per index and actor list.
const sideTables = new WeakMap<EventIndex, { actors: Incident['actors']; sides: Uint8Array }>();

export function sidesOf(index: EventIndex, incident: Incident): Uint8Array {
  const cached = sideTables.get(shapeOfIndex(index));
  if (cached && cached.actors === incident.actors) return cached.sides;
  let sides: Uint8Array;
  if (index.subsetOf) {
    // A filtered subset copies its parent's sides instead of looking up every actor again.
    const { parent, positions } = index.subsetOf;
    const from = sidesOf(parent, incident);
    sides = Uint8Array.from(positions, (at) => from[at]!);
  } else {
    const sideOf = new Map(incident.actors.map((a) => [a.id, SIDES.indexOf(a.kind)]));
    sides = Uint8Array.from(
      index.events,
      (e) => sideOf.get(e.actor) ?? SIDES.indexOf('third-party'),
    );
  }
  sideTables.set(shapeOfIndex(index), { actors: incident.actors, sides });
  return sides;
}

/**
 * Spends `budget` extra items on drawing bins' events one by one: bins the window shows before those in its margins,
 * then the smallest bins first, then those nearest the window's middle, so detail appears where the user looks
 * and moves little while panning.
 */
function chooseExpanded(counts: LaneBinCounts, window: TimeWindow, budget: number): Uint8Array {
  const { bins, binWidth, firstBin } = counts;
  const expanded = new Uint8Array(counts.counts.length);
  const middle = (window.from + window.to) / 2;
  const cells: { cell: number; shown: number; count: number; distance: number; lane: string }[] =
    [];
  counts.counts.forEach((count, cell) => {
    if (count === 0) return;
    const start = firstBin + (cell % bins) * binWidth;
    cells.push({
      cell,
      shown: start < window.to && start + binWidth > window.from ? 0 : 1,
      count,
      distance: Math.abs(start + binWidth / 2 - middle),
      lane: counts.lanes[Math.floor(cell / bins)]!,
    });
  });
  cells.sort(
    (a, b) =>
      a.shown - b.shown ||
      a.count - b.count ||
      a.distance - b.distance ||
      (a.lane < b.lane ? -1 : 1),
  );
  for (const { cell, count } of cells) {
    if (count - 1 > budget) continue;
    budget -= count - 1;
    expanded[cell] = 1;
  }
  return expanded;
}

function majoritySide(tally: Int32Array, cell: number): Side {
  let best = 0;
  for (let s = 1; s < SIDES.length; s++)
    if (tally[cell * SIDES.length + s]! > tally[cell * SIDES.length + best]!) best = s;
  return SIDES[best]!;
}

/** The window to zoom into when an aggregate is chosen: its bin. Undefined for an event's item. */
export function binWindowOf(item: ChartItem): TimeWindow | undefined {
  return item.shape === 'aggregate' && item.end !== undefined
    ? { from: item.start, to: item.end }
    : undefined;
}

/**
 * A window centered on the event in which it is drawn individually: the current width if that is narrow enough,
 * else halved until the window and its margins hold at most `maxItems` items.
 */
export function windowShowing(
  event: TimelineEvent,
  {
    index,
    groupBy,
    window,
    maxItems = MAX_CHART_ITEMS,
  }: Pick<LevelOfDetailInput, 'index' | 'groupBy' | 'window' | 'maxItems'>,
): TimeWindow {
  const center = (event.startMs + event.endMs) / 2;
  let width = Math.max(SECOND, window.to - window.from);
  for (;;) {
    const candidate = { from: center - width / 2, to: center + width / 2 };
    const span = spanOf(candidate);
    let items = 0;
    forEachOverlapping(index, span.from, span.to, (e) => {
      items += Math.max(1, laneIdsOf(e, groupBy).length);
    });
    if (items <= maxItems || width <= SECOND) return candidate;
    width /= 2;
  }
}
