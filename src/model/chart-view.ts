// What the chart shows for a view, in every screen: lanes, items or per-lane counts within one item budget,
// phase bands, folded quiet periods, markers and tooltip lines. Two stages, so a pan or zoom redoes only the second.
import {
  bringIntoView,
  chartItems,
  clampWindow,
  fitWindow,
  padWindow,
  phaseBands,
  quietPeriods,
  type Band,
  type ChartItem,
  type GroupBy,
  type Lane,
  zoomLimits,
  type Side,
} from './chart-model';
import {
  buildEventIndex,
  indexAfterEdit,
  inStartOrder,
  laneTableOf,
  positionsIn,
  shapeOfIndex,
  subsetAt,
  subsetIndex,
  type EventIndex,
} from './event-index';
import { eventsById } from './event-lookup';
import { eventsShape, textEditOf } from './event-versions';
import { firstWindow } from './first-window';
import type { Incident, MilestoneKind, TimelineEvent } from './incident';
import { linksInto } from './causal-links';
import { facetColumnSteps } from './facet-columns';
import { levelOfDetail, MAX_CHART_ITEMS, sidesOf, windowShowing } from './level-of-detail';
import { memo } from './memo';
import { milestones } from './metrics';
import { localize } from './text';
import { outcomesIn, termsOf } from './vocabulary';
import { NO_SEARCH_INDEX, queryResult } from './filters';
import { DEFAULT_VIEW } from './view-state';
import { DAY, HOUR, utcStamp, type TimeWindow } from './time';

/** A gap with no events longer than this is folded away by "compress quiet periods", keeping some air each side. */
export const QUIET_GAP = 2 * DAY;
export const QUIET_KEEP = 6 * HOUR;
/** Milestone labels take this many rows above the items, so neighbouring labels do not cover each other. */
const MILESTONE_ROWS = 3;

export interface Marker {
  /** Used in a class name by vis-timeline, so only our own ids go here, never data. */
  id: string;
  time: number;
  label: string;
  kind: 'milestone' | 'break';
  /** Vertical slot of the label (0–3). */
  row: number;
}

/** The words the chart needs in the UI language. */
export interface ChartWords {
  milestone: (kind: MilestoneKind) => string;
  /** "3 weeks hidden" for a folded quiet period of `ms`. */
  hiddenGap: (ms: number) => string;
  /** "312 events" for an aggregate. */
  aggregate: (count: number) => string;
  aggregateHint: string;
  /** An event's time at its precision, UTC. */
  when: (e: TimelineEvent) => string;
  side: (side: Side) => string;
  outcome: (outcome: TimelineEvent['outcome']) => string;
  inferred: string;
}

export interface SceneInput {
  /** The incident as far as the screen may show it (present mode passes the part the room has seen). */
  incident: Incident;
  /** The events to draw, in time order: the filtered ones, or all of them when the rest are dimmed. */
  events: readonly TimelineEvent[];
  /** Where each of `events` is in the incident's events, when known (the filter knows): spares a lookup per event. */
  rows?: Int32Array;
  /** Ids drawn greyed out. */
  dimmed?: ReadonlySet<string>;
  groupBy: GroupBy;
  lang: string;
  bands: boolean;
  compress: boolean;
  /** Hold zoom and pan to the incident's span plus a margin; off in present mode, where the span is the future. */
  limit?: boolean;
  words: ChartWords;
}

/** Everything that stays the same while the user pans and zooms. */
export interface ChartScene extends Omit<
  Required<SceneInput>,
  'bands' | 'compress' | 'limit' | 'rows'
> {
  lanes: Lane[] | null;
  index: EventIndex;
  /** More items than the budget: the chart gets the window's events, or counts, instead of every event. */
  detailed: boolean;
  /** Every phase's band, for "zoom to phase"; drawn when `showBands`. */
  bands: Band[];
  showBands: boolean;
  hidden: TimeWindow[];
  markers: Marker[];
  /** The window over every drawn event; undefined when there are none. */
  fitted: TimeWindow | undefined;
  /** Shown when the link names no window: the busiest stretch, or every event when quiet periods are folded. */
  readonly initial: TimeWindow | undefined;
  /** How far zooming out and panning may go: the incident's span with a margin. */
  limits: TimeWindow | undefined;
  byId: ReadonlyMap<string, TimelineEvent>;
}

export interface ChartView {
  scene: ChartScene;
  window: TimeWindow | undefined;
  items: ChartItem[];
}

const NOTHING_DIMMED: ReadonlySet<string> = new Set();
const NOTHING_HIDDEN: TimeWindow[] = [];
// Kept per events array and per incident, so a change of grouping, toggles or language does not rebuild them; what
// is made of the events' times alone, per shape (event-versions.ts), so a change to an event's texts does not either.
const indexes = new WeakMap<readonly TimelineEvent[], EventIndex>();
const limitsOf = new WeakMap<readonly TimelineEvent[], TimeWindow | undefined>();
const bandsOf = new WeakMap<
  readonly TimelineEvent[],
  { phases: Incident['phases']; byLang: Map<string, Band[]> }
>();
const quietOf = new WeakMap<readonly TimelineEvent[], TimeWindow[]>();

const limitsIn = (incident: Incident) =>
  memo(limitsOf, eventsShape(incident.events), () => zoomLimits(incident.events));
const busiestOf = new WeakMap<EventIndex, TimeWindow | undefined>();
const busiestFor = (index: EventIndex) => firstWindow(index, QUIET_GAP);
// The time index's events, in start order: the incident's reading order puts a date-only event after that day's.
const quietIn = (incident: Incident) =>
  memo(quietOf, eventsShape(incident.events), () =>
    quietPeriods(indexOf(incident, incident.events).events, QUIET_GAP, QUIET_KEEP),
  );

// The filtered events' index is taken from the whole incident's, which is built once.
function indexOf(
  incident: Incident,
  events: readonly TimelineEvent[],
  rows?: Int32Array,
): EventIndex {
  const all = memo(indexes, incident.events, (list) => {
    const edit = textEditOf(list);
    const before = edit && indexes.get(edit.before);
    return (before && indexAfterEdit(before, edit)) ?? buildEventIndex(list);
  });
  if (events === incident.events) return all;
  return memo(
    indexes,
    events,
    (e) =>
      (rows ? subsetAt(all, positionsOf(incident, rows)) : subsetIndex(all, e)) ??
      buildEventIndex(e),
  );
}

/**
 * The incident's two orders mapped onto each other: `rank` gives each row of its time index the event's place in
 * the incident's own (reading) order, and `row` the reverse. The same array twice when the orders agree.
 */
const orders = new WeakMap<readonly TimelineEvent[], { rank: Int32Array; row: Int32Array }>();
function ordersOf(incident: Incident) {
  return memo(orders, eventsShape(incident.events), () => {
    const all = indexOf(incident, incident.events);
    const n = all.events.length;
    if (all.events === incident.events) {
      const same = Int32Array.from({ length: n }, (_, i) => i);
      return { rank: same, row: same };
    }
    const at = positionsIn(all);
    const rank = new Int32Array(n);
    const row = new Int32Array(n);
    incident.events.forEach((e, i) => {
      row[i] = at.get(e)!;
      rank[row[i]!] = i;
    });
    return { rank, row };
  });
}

function positionsOf(incident: Incident, rows: Int32Array): Int32Array {
  const { row } = ordersOf(incident);
  const positions = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) positions[i] = row[rows[i]!]!;
  return positions;
}

/**
 * Lanes that hold at least one of the index's events, ordered by each lane's first event in reading order (and, for
 * an event in several, by the order it names them). Read off the lane table by number: looking up every event's
 * lanes by id took 20–25 ms at 100,000 events, on every filter and regrouping.
 */
function lanesOf(
  incident: Incident,
  events: readonly TimelineEvent[],
  index: EventIndex,
  groupBy: Exclude<GroupBy, 'none'>,
  lang: string,
): Lane[] {
  const { ids, offsets, lanes } = laneTableOf(index, groupBy);
  const all = indexOf(incident, incident.events);
  const positions = index.subsetOf?.parent === all ? index.subsetOf.positions : undefined;
  const rank = index === all || positions ? ordersOf(incident).rank : ranksIn(events, index);
  const firstRow = new Int32Array(ids.length).fill(-1);
  const firstSlot = new Int32Array(ids.length);
  for (let i = 0; i < index.events.length; i++) {
    const r = rank[positions ? positions[i]! : i]!;
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) {
      const lane = lanes[k]!;
      // Rows are visited once each, in slot order, so a tie on the row keeps the slot named first.
      if (firstRow[lane]! < 0 || r < firstRow[lane]!) {
        firstRow[lane] = r;
        firstSlot[lane] = k - offsets[i]!;
      }
    }
  }
  const code = new Map(ids.map((id, c) => [id, c]));
  const keyOf = (id: string) => {
    const c = code.get(id);
    return c === undefined || firstRow[c]! < 0 ? -1 : firstRow[c]! * ids.length + firstSlot[c]!;
  };
  return termsOf(incident, groupBy)
    .map((t) => ({ id: t.id, label: localize(t.label, lang), order: keyOf(t.id) }))
    .filter((lane) => lane.order >= 0)
    .sort((a, b) => a.order - b.order)
    .map((lane, i) => ({ ...lane, order: i }));
}

// An index built apart from the incident's (not one the app makes): its rows ranked by their place in `events`.
function ranksIn(events: readonly TimelineEvent[], index: EventIndex): Int32Array {
  const at = new Map(events.map((e, i) => [e, i]));
  return Int32Array.from(index.events, (e) => at.get(e)!);
}

// Every event draws one item per lane it is in, or one when it is in none: the lane table's row count.
function itemCountOf(index: EventIndex, groupBy: GroupBy): number {
  return laneTableOf(index, groupBy).offsets[index.events.length]!;
}

function bandsIn(incident: Incident, lang: string): Band[] {
  const shape = eventsShape(incident.events);
  let kept = bandsOf.get(shape);
  if (kept?.phases !== incident.phases)
    bandsOf.set(shape, (kept = { phases: incident.phases, byLang: new Map() }));
  const { byLang } = kept;
  let bands = byLang.get(lang);
  if (!bands) byLang.set(lang, (bands = phaseBands(incident, incident.events, lang)));
  return bands;
}

function markersOf(incident: Incident, hidden: TimeWindow[], words: ChartWords): Marker[] {
  return [
    ...[...milestones(incident)].map(([kind, e], i) => ({
      id: kind,
      kind: 'milestone' as const,
      row: i % MILESTONE_ROWS,
      time: e.startMs,
      label: words.milestone(kind),
    })),
    ...hidden.map((g, i) => ({
      id: String(i),
      kind: 'break' as const,
      row: MILESTONE_ROWS,
      time: g.from,
      label: words.hiddenGap(g.to - g.from),
    })),
  ];
}

/** The first stage: lanes, the time index, bands, folds and markers for a set of events. */
export function chartScene(input: SceneInput): ChartScene {
  const { incident, events, groupBy, lang, words } = input;
  // Kept per incident, never a new empty array: the chart re-maps its whole axis when these change.
  const hidden = input.compress ? quietIn(incident) : NOTHING_HIDDEN;
  const index = indexOf(incident, events, input.rows);
  const n = index.events.length;
  // The index's first start and latest end: fitWindow without a pass over every event.
  const fitted =
    n > 0 ? padWindow(index.starts[0]!, index.reach[n - 1]!) : fitWindow(incident.events);
  const limits = input.limit === false ? undefined : limitsIn(incident);
  const { compress } = input;
  let initial: { window: TimeWindow | undefined } | undefined;
  return {
    incident,
    events,
    groupBy,
    lang,
    words,
    dimmed: input.dimmed ?? NOTHING_DIMMED,
    lanes: groupBy === 'none' ? null : lanesOf(incident, events, index, groupBy, lang),
    index,
    detailed: itemCountOf(index, groupBy) > MAX_CHART_ITEMS,
    bands: bandsIn(incident, lang),
    showBands: input.bands,
    hidden,
    markers: markersOf(incident, hidden, words),
    fitted,
    // Found on first read, once per event list: a view with a window (any after a zoom or pan) never reads it, and
    // finding the busiest stretch took 9-11 ms of a regrouping at 100,000 events (browser CPU profiles).
    get initial() {
      if (!initial) {
        const busiest = compress ? undefined : memo(busiestOf, shapeOfIndex(index), busiestFor);
        initial = { window: busiest ? clampWindow(busiest, limits) : fitted };
      }
      return initial.window;
    },
    limits,
    byId: eventsById(incident),
  };
}

/**
 * What the first render (and the first filter) builds for the whole incident: the filters' columns, the time index,
 * lane tables for the default lanes and the overview (its density is counted by actor), each event's position for
 * filtered subsets and in reading order, sides, the id lookup, zoom limits and the phase bands in `lang`. As steps
 * a loader can run apart: together they took 0.5 s in one task at 100,000 events. Each is kept, so the render then
 * finds it built.
 */
export function sceneSteps(incident: Incident, lang = 'en'): (() => unknown)[] {
  const index = () => indexOf(incident, incident.events);
  return [
    ...facetColumnSteps(incident.events),
    () => inStartOrder(incident.events),
    index,
    () => laneTableOf(index(), 'system'),
    () => laneTableOf(index(), 'actor'),
    () => positionsIn(index()),
    () => ordersOf(incident),
    () => sidesOf(index(), incident),
    () => eventsById(incident),
    () => limitsIn(incident),
    () => bandsIn(incident, lang),
    // What the panels beside the chart read of every event: the metrics, the outcomes to filter by, the counts.
    () => milestones(incident),
    () => outcomesIn(incident),
    () => queryResult(incident.events, { filters: DEFAULT_VIEW.filters, q: '' }, NO_SEARCH_INDEX),
  ];
}

/**
 * What the first view does not read unless an event is selected, built after it while the page is idle: the links
 * naming each event, which the details of a selection list (36-51 ms at 100,000 full-field events).
 */
export function laterSteps(incident: Incident): (() => unknown)[] {
  return [() => linksInto(incident.events)];
}

/**
 * The second stage: the items for a window (every event when they fit the budget, else level of detail). A
 * window beyond the limits (a hand-edited link) is brought within them.
 */
export function chartView(scene: ChartScene, requested: TimeWindow | undefined): ChartView {
  const window = requested ? clampWindow(requested, scene.limits) : scene.initial;
  const { incident, events, groupBy, lang, dimmed, index, words } = scene;
  const items =
    scene.detailed && window
      ? levelOfDetail({
          incident,
          index,
          groupBy,
          lang,
          window,
          dimmed,
          aggregateLabel: words.aggregate,
        }).items
      : chartItems(incident, events, groupBy, lang, dimmed);
  return { scene, window, items };
}

/** What a tooltip says about an item, line by line. */
export function tooltipLines(scene: ChartScene, item: ChartItem): string[] {
  const { words, byId, lang } = scene;
  if (item.shape === 'aggregate')
    return [
      item.label,
      `${utcStamp(item.start, 'minute')} – ${utcStamp(item.end ?? item.start, 'minute')} UTC`,
      words.aggregateHint,
    ];
  const e = byId.get(item.eventId);
  if (!e) return [item.label];
  const lines = [
    item.label,
    words.when(e),
    `${words.side(item.side)} · ${words.outcome(e.outcome)}`,
  ];
  if (e.inferred) lines.push(`${words.inferred}: ${localize(e.inferred.reason, lang)}`);
  return lines;
}

/**
 * The window in which `event` can be seen from `window`: the smallest pan that brings it into view, and where it
 * would be counted in an aggregate, zoomed in until it is drawn on its own.
 */
export function windowRevealing(scene: ChartScene, window: TimeWindow, event: TimelineEvent) {
  const panned = bringIntoView(window, event.startMs, event.endMs);
  return scene.detailed
    ? windowShowing(event, { index: scene.index, groupBy: scene.groupBy, window: panned })
    : panned;
}
