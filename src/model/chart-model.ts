// What the chart draws, as plain data: lanes and items derived from events, independent of any chart library.
import type { Incident, TimelineEvent } from './incident';
import { localize } from './text';

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
export function laneIdsOf(event: TimelineEvent, groupBy: GroupBy): string[] {
  switch (groupBy) {
    case 'system':
      return event.systems;
    case 'actor':
      return [event.actor];
    case 'phase':
      return [event.phase];
    case 'action':
      return [event.action];
    case 'none':
      return [];
  }
}

function taxonomyOf(incident: Incident, groupBy: Exclude<GroupBy, 'none'>) {
  switch (groupBy) {
    case 'system':
      return incident.systems;
    case 'actor':
      return incident.actors;
    case 'phase':
      return incident.phases;
    case 'action':
      return incident.actions;
  }
}

/** Lanes that hold at least one of `events` (sorted by time), ordered by each lane's first event. */
export function lanesFor(incident: Incident, events: readonly TimelineEvent[], groupBy: GroupBy, lang: string): Lane[] {
  if (groupBy === 'none') return [];
  const first = new Map<string, number>();
  for (const e of events) for (const id of laneIdsOf(e, groupBy)) if (!first.has(id)) first.set(id, first.size);
  return taxonomyOf(incident, groupBy)
    .filter((t) => first.has(t.id))
    .map((t) => ({ id: t.id, label: localize(t.label, lang), order: first.get(t.id) ?? 0 }))
    .sort((a, b) => a.order - b.order);
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
