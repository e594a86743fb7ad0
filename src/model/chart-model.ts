// What the chart draws, as plain data: lanes and items derived from events, independent of any chart library.
import type { Incident, TimelineEvent } from './incident';
import { memo } from './memo';
import { valuesOf } from './vocabulary';
import { localize } from './text';
import { DAY, type TimeWindow } from './time';

export const GROUP_BYS = ['system', 'actor', 'phase', 'action', 'none'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

export interface Lane {
  id: string;
  label: string;
  /** Position from the top: lanes are ordered by their first event. */
  order: number;
}

/** `aggregate` stands for many events in one lane and time bin, when there are too many to draw one by one. */
export type ItemShape = 'point' | 'range' | 'day' | 'aggregate';
export type Side = 'adversary' | 'defender' | 'third-party';

export interface ChartItem {
  /** Unique per lane, since an event touching two systems is drawn in both lanes. */
  id: string;
  eventId: string;
  lane?: string;
  start: number;
  end?: number;
  shape: ItemShape;
  label: string;
  side: Side;
  failed: boolean;
  inferred: boolean;
  dimmed: boolean;
  /** How many events an aggregate item stands for. */
  count?: number;
}

/** The lane ids an event belongs to under a grouping. */
export function laneIdsOf(event: TimelineEvent, groupBy: GroupBy): readonly string[] {
  return groupBy === 'none' ? [] : valuesOf(event, groupBy);
}

export function shapeOf(event: TimelineEvent): ItemShape {
  if (event.end !== undefined) return 'range';
  return event.precision === 'day' || event.precision === 'month' ? 'day' : 'point';
}

/** One item per event and lane; `dimmed` ids stay on the chart but greyed out. */
export function chartItems(
  incident: Incident,
  events: readonly TimelineEvent[],
  groupBy: GroupBy,
  lang: string,
  dimmed: ReadonlySet<string> = new Set(),
): ChartItem[] {
  const sideOf = new Map(incident.actors.map((a) => [a.id, a.kind]));
  const items: ChartItem[] = [];
  for (const e of events) {
    const shape = shapeOf(e);
    const base = {
      eventId: e.id,
      start: e.startMs,
      end: shape === 'point' ? undefined : e.endMs,
      shape,
      label: localize(e.title, lang),
      side: sideOf.get(e.actor) ?? 'third-party',
      failed: e.outcome === 'failed',
      inferred: e.inferred !== undefined,
      dimmed: dimmed.has(e.id),
    };
    const lanes = laneIdsOf(e, groupBy);
    if (lanes.length === 0) items.push({ ...base, id: e.id });
    for (const lane of lanes) items.push({ ...base, id: `${e.id}@${lane}`, lane });
  }
  return items;
}

export interface Band {
  id: string;
  phase: string;
  label: string;
  color: string;
  start: number;
  end: number;
}

/** Each phase's span over the given events, as a labelled background band, in phase order. */
export function phaseBands(
  incident: Incident,
  events: readonly TimelineEvent[],
  lang: string,
): Band[] {
  const span = new Map<string, { start: number; end: number }>();
  // One span per phase, widened in place, not an object per event: 66 -> 44 ms at 100,000 events in Node.
  for (const e of events) {
    const s = span.get(e.phase);
    if (!s) span.set(e.phase, { start: e.startMs, end: e.endMs });
    else {
      if (e.startMs < s.start) s.start = e.startMs;
      if (e.endMs > s.end) s.end = e.endMs;
    }
  }
  return [...incident.phases]
    .sort((a, b) => a.order - b.order)
    .flatMap((p) => {
      const s = p.band === false ? undefined : span.get(p.id);
      return s
        ? [
            {
              id: `band:${p.id}`,
              phase: p.id,
              label: localize(p.label, lang),
              color: p.color,
              ...s,
            },
          ]
        : [];
    });
}

/**
 * Stretches longer than `minGap` in which no event starts or ends, shrunk by `keep` at each side, for `events` in
 * order of start (an event index's, not reading order). A long range that runs through such a stretch does not
 * keep it open: it is drawn across the fold.
 */
export function quietPeriods(
  events: readonly TimelineEvent[],
  minGap: number,
  keep: number,
): TimeWindow[] {
  // One pass over the events, merged with the ends of the long ones, which count as instants of their own: sorting
  // an array per event instead took 40-77 ms at 100,000 full-field events (now 14-23 ms), on a first fold.
  const longEnds = events
    .filter((e) => e.endMs - e.startMs > minGap)
    .map((e) => e.endMs)
    .sort((a, b) => a - b);
  const gaps: TimeWindow[] = [];
  let reach = -Infinity;
  const visit = (start: number, end: number) => {
    if (reach !== -Infinity && start - reach > minGap)
      gaps.push({ from: reach + keep, to: start - keep });
    reach = Math.max(reach, end);
  };
  let k = 0;
  for (const e of events) {
    for (; k < longEnds.length && longEnds[k]! < e.startMs; k++) visit(longEnds[k]!, longEnds[k]!);
    visit(e.startMs, e.endMs - e.startMs > minGap ? e.startMs : e.endMs);
  }
  for (; k < longEnds.length; k++) visit(longEnds[k]!, longEnds[k]!);
  return gaps;
}

// Per event list: the chart's limits and the overview strip each fit the whole incident (20 ms at 100,000 events).
const extents = new WeakMap<readonly TimelineEvent[], TimeWindow>();

/** The window over all events, with a margin so edge items are not cut off. */
export function fitWindow(events: readonly TimelineEvent[], margin = 0.04): TimeWindow | undefined {
  if (events.length === 0) return undefined;
  const { from, to } = memo(extents, events, extentOf);
  return padWindow(from, to, margin);
}

function extentOf(events: readonly TimelineEvent[]): TimeWindow {
  let from = Infinity;
  let to = -Infinity;
  for (const e of events) {
    from = Math.min(from, e.startMs);
    to = Math.max(to, e.endMs);
  }
  return { from, to };
}

/** `[from, to]` with a margin of its length on each side (a minute at least). */
export function padWindow(from: number, to: number, margin = 0.04): TimeWindow {
  const pad = Math.max((to - from) * margin, 60_000);
  return { from: from - pad, to: to + pad };
}

/**
 * How far the chart may zoom out and pan: the incident's span with half as much again on each side (a day at
 * least), so zooming out can never run into year zero.
 */
export function zoomLimits(events: readonly TimelineEvent[]): TimeWindow | undefined {
  const all = fitWindow(events, 0);
  if (!all) return undefined;
  const margin = Math.max((all.to - all.from) / 2, DAY);
  return { from: all.from - margin, to: all.to + margin };
}

/** The window moved inside `limits`, and shrunk to them when it is wider. */
export function clampWindow(w: TimeWindow, limits: TimeWindow | undefined): TimeWindow {
  if (!limits) return w;
  const width = w.to - w.from;
  if (width >= limits.to - limits.from) return limits;
  if (w.from < limits.from) return { from: limits.from, to: limits.from + width };
  if (w.to > limits.to) return { from: limits.to - width, to: limits.to };
  return w;
}

/** Zooms around the window's centre: a factor below 1 zooms in. */
export function zoomWindow(w: TimeWindow, factor: number): TimeWindow {
  const centre = (w.from + w.to) / 2;
  const half = ((w.to - w.from) * factor) / 2;
  return { from: Math.round(centre - half), to: Math.round(centre + half) };
}

/** The smallest pan that brings [start, end) into view with a margin, keeping the zoom level. */
export function bringIntoView(w: TimeWindow, start: number, end: number, margin = 0.1): TimeWindow {
  const width = w.to - w.from;
  const pad = width * margin;
  if (start >= w.from + pad && end <= w.to - pad) return w;
  if (end - start > width - 2 * pad || start < w.from + pad)
    return { from: start - pad, to: start - pad + width };
  return { from: end + pad - width, to: end + pad };
}
