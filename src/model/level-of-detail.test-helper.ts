// Test-only: small incidents of generated events for the level-of-detail tests.
import { type ChartItem, type GroupBy } from './chart-model';
import { buildEventIndex, laneKeysOf } from './event-index';
import { parseIncident, type Incident, type TimelineEvent } from './incident';
import { levelOfDetail } from './level-of-detail';
import { minimalIncident } from './test-incident';
import { SECOND } from './time';

export const SYSTEMS = ['s-a', 's-b', 's-c', 's-d', 's-e'];
export const ACTORS = [
  ['attacker', 'adversary'],
  ['soc', 'defender'],
  ['vendor', 'third-party'],
] as const;
export const T0 = Date.UTC(2024, 0, 1);

export const itemsForWindow = (input: Parameters<typeof levelOfDetail>[0]) =>
  levelOfDetail(input).items;

export const isDrawnIndividually = (items: readonly ChartItem[], eventId: string) =>
  items.some((it) => it.eventId === eventId && it.shape !== 'aggregate');

/** The earliest aggregate in one of the event's lanes whose bin overlaps it. */
export function aggregateHolding(
  items: readonly ChartItem[],
  event: TimelineEvent,
  groupBy: GroupBy,
) {
  const lanes = new Set(laneKeysOf(event, groupBy));
  return items
    .filter((it) => it.shape === 'aggregate' && lanes.has(it.lane ?? ''))
    .filter((it) => it.start < event.endMs && (it.end ?? it.start) > event.startMs)
    .sort((a, b) => a.start - b.start)[0];
}

/** The taxonomy of an incident with five systems and three actors; events are added by each test. */
export function incidentWith(events: TimelineEvent[]): Incident {
  const file = minimalIncident();
  file.systems = SYSTEMS.map((id) => ({
    id,
    label: id.toUpperCase(),
    kind: 'server',
    ownership: 'first-party',
  }));
  file.actors = ACTORS.map(([id, kind]) => ({ id, label: id, kind }));
  file.events = [];
  const parsed = parseIncident(file);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return { ...parsed.incident, events };
}

let serial = 0;
export function ev(
  startMs: number,
  endMs: number,
  systems: string[] = ['s-a'],
  actor = 'attacker',
): TimelineEvent {
  serial++;
  return {
    id: `e-${serial}`,
    start: new Date(startMs).toISOString(),
    precision: 'second',
    title: `Event ${serial}`,
    description: 'd',
    phase: 'access',
    actor,
    action: 'login',
    systems,
    outcome: serial % 3 === 0 ? 'failed' : 'succeeded',
    citations: [{ source: 'report', locator: 'l' }],
    startMs,
    endMs,
  };
}
export const sorted = (events: TimelineEvent[]) =>
  [...events].sort((a, b) => a.startMs - b.startMs || (a.id < b.id ? -1 : 1));

export function setup(events: TimelineEvent[]) {
  const incident = incidentWith(sorted(events));
  return { incident, index: buildEventIndex(incident.events), lang: 'en' };
}

/** `n` one-second events, evenly spread over `[from, from + length)`, round-robin over `systems`. */
export function spread(
  n: number,
  from: number,
  length: number,
  systems = SYSTEMS,
): TimelineEvent[] {
  return Array.from({ length: n }, (_, i) => {
    const t = from + Math.floor((i * length) / n / SECOND) * SECOND;
    return ev(t, t + SECOND, [systems[i % systems.length]!]);
  });
}
