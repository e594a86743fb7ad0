import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chartItems, GROUP_BYS, type ChartItem, type GroupBy } from './chart-model';
import { buildEventIndex, eventsOverlapping, laneKeysOf } from './event-index';
import { parseIncident, type Incident, type TimelineEvent } from './incident';
import {
  BIN_WIDTHS,
  binWindowOf,
  levelOfDetail,
  MAX_CHART_ITEMS,
  spanOf,
  windowShowing,
} from './level-of-detail';
import { minimalIncident } from './test-incident';
import { HOUR, MINUTE, SECOND } from './time';

const SYSTEMS = ['s-a', 's-b', 's-c', 's-d', 's-e'];
const ACTORS = [
  ['attacker', 'adversary'],
  ['soc', 'defender'],
  ['vendor', 'third-party'],
] as const;
const T0 = Date.UTC(2024, 0, 1);

const itemsForWindow = (input: Parameters<typeof levelOfDetail>[0]) => levelOfDetail(input).items;

const isDrawnIndividually = (items: readonly ChartItem[], eventId: string) =>
  items.some((it) => it.eventId === eventId && it.shape !== 'aggregate');

/** The earliest aggregate in one of the event's lanes whose bin overlaps it. */
function aggregateHolding(items: readonly ChartItem[], event: TimelineEvent, groupBy: GroupBy) {
  const lanes = new Set(laneKeysOf(event, groupBy));
  return items
    .filter((it) => it.shape === 'aggregate' && lanes.has(it.lane ?? ''))
    .filter((it) => it.start < event.endMs && (it.end ?? it.start) > event.startMs)
    .sort((a, b) => a.start - b.start)[0];
}

/** The taxonomy of an incident with five systems and three actors; events are added by each test. */
function incidentWith(events: TimelineEvent[]): Incident {
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
function ev(
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
const sorted = (events: TimelineEvent[]) =>
  [...events].sort((a, b) => a.startMs - b.startMs || (a.id < b.id ? -1 : 1));

function setup(events: TimelineEvent[]) {
  const incident = incidentWith(sorted(events));
  return { incident, index: buildEventIndex(incident.events), lang: 'en' };
}

/** `n` one-second events, evenly spread over `[from, from + length)`, round-robin over `systems`. */
function spread(n: number, from: number, length: number, systems = SYSTEMS): TimelineEvent[] {
  return Array.from({ length: n }, (_, i) => {
    const t = from + Math.floor((i * length) / n / SECOND) * SECOND;
    return ev(t, t + SECOND, [systems[i % systems.length]!]);
  });
}

describe('itemsForWindow', () => {
  it('returns the items chartItems makes when they fit', () => {
    const { incident, index, lang } = setup([
      ev(T0, T0 + SECOND, ['s-a', 's-b']),
      ev(T0 + HOUR, T0 + 2 * HOUR, ['s-c']),
    ]);
    const window = { from: T0 - HOUR, to: T0 + 3 * HOUR };
    const items = itemsForWindow({
      incident,
      index,
      groupBy: 'system',
      lang,
      window,
      dimmed: new Set(['e-1']),
    });
    expect(items).toEqual(chartItems(incident, incident.events, 'system', lang, new Set(['e-1'])));
  });

  it('leaves out events outside the window and its margins, and keeps those inside the margins', () => {
    const inMargin = ev(T0 - 50 * MINUTE, T0 - 50 * MINUTE + SECOND);
    const outside = ev(T0 - 3 * HOUR, T0 - 3 * HOUR + SECOND);
    const inside = ev(T0 + MINUTE, T0 + MINUTE + SECOND);
    const { incident, index, lang } = setup([inMargin, outside, inside]);
    const items = itemsForWindow({
      incident,
      index,
      groupBy: 'system',
      lang,
      window: { from: T0, to: T0 + HOUR },
    });
    expect(items.map((i) => i.eventId).sort()).toEqual([inMargin.id, inside.id].sort());
  });

  it('aggregates a dense window into bins of a round width, labelled by the caller', () => {
    const { incident, index, lang } = setup(spread(5000, T0, 10 * HOUR));
    const window = { from: T0, to: T0 + 10 * HOUR };
    const lod = levelOfDetail({
      incident,
      index,
      groupBy: 'system',
      lang,
      window,
      aggregateLabel: (n) => `${n} 件`,
    });
    expect(lod.binWidth).toBe(10 * MINUTE);
    expect(lod.items.length).toBeLessThanOrEqual(MAX_CHART_ITEMS);
    const agg = lod.items.find((i) => i.shape === 'aggregate')!;
    expect(agg).toMatchObject({
      eventId: '',
      lane: 's-a',
      label: `${agg.count} 件`,
      side: 'adversary',
    });
    expect(agg.count).toBeGreaterThan(10);
    expect(agg.id).toBe(`agg:s-a:${agg.start}`);
    expect(agg.start % (10 * MINUTE)).toBe(0);
    expect(agg.end! - agg.start).toBe(10 * MINUTE);
  });

  it('draws the events of a sparse lane individually beside an aggregated dense lane', () => {
    const dense = spread(3000, T0, 2 * HOUR, ['s-a']);
    const sparse = [ev(T0 + 30 * MINUTE, T0 + 30 * MINUTE + SECOND, ['s-b'], 'soc')];
    const { incident, index, lang } = setup([...dense, ...sparse]);
    const items = itemsForWindow({
      incident,
      index,
      groupBy: 'system',
      lang,
      window: { from: T0, to: T0 + 2 * HOUR },
    });
    expect(isDrawnIndividually(items, sparse[0]!.id)).toBe(true);
    expect(items.filter((i) => i.lane === 's-a').some((i) => i.shape === 'aggregate')).toBe(true);
  });

  it('spends the item budget on the bins the window shows before those in its margins', () => {
    const { incident, index, lang } = setup(spread(3000, T0, 3 * HOUR, ['s-a']));
    const window = { from: T0 + HOUR, to: T0 + 2 * HOUR };
    const items = itemsForWindow({
      incident,
      index,
      groupBy: 'system',
      lang,
      window,
      maxItems: 500,
    });
    const single = items.filter((i) => i.shape !== 'aggregate');
    expect(single.length).toBeGreaterThan(100);
    expect(single.every((i) => i.start >= window.from && i.start < window.to)).toBe(true);
  });

  it('gives aggregates the side most of their events are on, and dims them only when all their events are', () => {
    const events = [
      ...spread(2000, T0, HOUR, ['s-a']),
      ...Array.from({ length: 5 }, (_, i) =>
        ev(T0 + i * SECOND, T0 + (i + 1) * SECOND, ['s-a'], 'soc'),
      ),
    ];
    const { incident, index, lang } = setup(events);
    const all = new Set(events.map((e) => e.id));
    const items = itemsForWindow({
      incident,
      index,
      groupBy: 'system',
      lang,
      window: { from: T0, to: T0 + HOUR },
      dimmed: all,
      maxItems: 10,
    });
    expect(items.every((i) => i.shape === 'aggregate' && i.side === 'adversary' && i.dimmed)).toBe(
      true,
    );
  });

  it('turns aggregates into events as the window narrows to one bin', () => {
    const { incident, index, lang } = setup(spread(20_000, T0, 24 * HOUR));
    const wide = itemsForWindow({
      incident,
      index,
      groupBy: 'system',
      lang,
      window: { from: T0, to: T0 + 24 * HOUR },
    });
    const agg = wide.find((i) => i.shape === 'aggregate')!;
    const narrow = itemsForWindow({
      incident,
      index,
      groupBy: 'system',
      lang,
      window: binWindowOf(agg)!,
    });
    expect(narrow.some((i) => i.shape === 'aggregate')).toBe(false);
    expect(narrow.length).toBeGreaterThan(0);
  });

  it('keeps aggregate ids while the window pans, so the chart updates in place', () => {
    const { incident, index, lang } = setup(spread(20_000, T0, 24 * HOUR));
    const ids = (from: number) =>
      new Set(
        itemsForWindow({
          incident,
          index,
          groupBy: 'system',
          lang,
          window: { from, to: from + 6 * HOUR },
        }).map((i) => i.id),
      );
    const a = ids(T0 + 6 * HOUR);
    const b = ids(T0 + 6 * HOUR + 10 * MINUTE);
    const shared = [...a].filter((id) => b.has(id)).length;
    expect(shared / a.size).toBeGreaterThan(0.9);
  });

  it('draws one unnamed lane of aggregates without grouping', () => {
    const { incident, index, lang } = setup(spread(3000, T0, HOUR));
    const items = itemsForWindow({
      incident,
      index,
      groupBy: 'none',
      lang,
      window: { from: T0, to: T0 + HOUR },
    });
    const agg = items.find((i) => i.shape === 'aggregate')!;
    expect(agg.lane).toBeUndefined();
    expect(agg.id).toMatch(/^agg::\d+$/);
  });
});

describe('selection helpers', () => {
  const { incident, index, lang } = setup(spread(20_000, T0, 24 * HOUR));
  const window = { from: T0, to: T0 + 24 * HOUR };
  const items = itemsForWindow({ incident, index, groupBy: 'system', lang, window });
  const hidden = incident.events[10_000]!;

  it('finds the aggregate that holds an event, and its bin as the window to zoom into', () => {
    expect(isDrawnIndividually(items, hidden.id)).toBe(false);
    const agg = aggregateHolding(items, hidden, 'system')!;
    expect(agg.lane).toBe(hidden.systems[0]);
    const bin = binWindowOf(agg)!;
    expect(hidden.startMs).toBeGreaterThanOrEqual(bin.from);
    expect(hidden.startMs).toBeLessThan(bin.to);
  });

  it('finds a window around an event in which it is drawn individually', () => {
    const around = windowShowing(hidden, { index, groupBy: 'system', window });
    expect(around.from).toBeLessThan(hidden.startMs);
    expect(around.to).toBeGreaterThan(hidden.endMs);
    const there = itemsForWindow({ incident, index, groupBy: 'system', lang, window: around });
    expect(isDrawnIndividually(there, hidden.id)).toBe(true);
    expect(aggregateHolding(there, hidden, 'system')).toBeUndefined();
  });

  it('says an item of an event has no bin', () => {
    expect(binWindowOf(chartItems(incident, [hidden], 'system', lang)[0]!)).toBeUndefined();
  });
});

describe('BIN_WIDTHS', () => {
  it('grows, each width a whole multiple of the one before', () => {
    for (let i = 1; i < BIN_WIDTHS.length; i++) expect(BIN_WIDTHS[i]! % BIN_WIDTHS[i - 1]!).toBe(0);
  });
});

describe('itemsForWindow, for any events and window', () => {
  const event = fc
    .record({
      start: fc.integer({ min: 0, max: 4 * 24 * 3600 }),
      length: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 3 * 24 * 3600 })),
      systems: fc.subarray(SYSTEMS, { minLength: 1 }),
      actor: fc.constantFrom(...ACTORS.map(([id]) => id)),
      copies: fc.integer({ min: 1, max: 80 }),
    })
    .map(({ start, length, systems, actor, copies }) =>
      // Copies at the same time make the dense bins that force aggregation.
      Array.from({ length: copies }, () =>
        ev(T0 + start * SECOND, T0 + (start + length) * SECOND, systems, actor),
      ),
    )
    .map((copies) => copies);
  const scenario = fc.record({
    events: fc.array(event, { maxLength: 40 }).map((groups) => groups.flat()),
    from: fc.integer({ min: -24 * 3600, max: 5 * 24 * 3600 }),
    width: fc.integer({ min: 1, max: 8 * 24 * 3600 }),
    maxItems: fc.integer({ min: SYSTEMS.length, max: 400 }),
    groupBy: fc.constantFrom<GroupBy>(...GROUP_BYS),
  });

  it('never holds more than maxItems items, and accounts for every event in each lane exactly once', () => {
    fc.assert(
      fc.property(scenario, ({ events, from, width, maxItems, groupBy }) => {
        const { incident, index, lang } = setup(events);
        const window = { from: T0 + from * SECOND, to: T0 + (from + width) * SECOND };
        const items = itemsForWindow({ incident, index, groupBy, lang, window, maxItems });
        expect(items.length).toBeLessThanOrEqual(maxItems);
        expect(new Set(items.map((i) => i.id)).size).toBe(items.length);

        const span = spanOf(window);
        const expected = new Map<string, number>();
        for (const e of eventsOverlapping(index, span.from, span.to))
          for (const lane of laneKeysOf(e, groupBy))
            expected.set(lane, (expected.get(lane) ?? 0) + 1);
        const got = new Map<string, number>();
        for (const it of items)
          got.set(it.lane ?? '', (got.get(it.lane ?? '') ?? 0) + (it.count ?? 1));
        expect(got).toEqual(expected);

        // An individual item is exactly the one chartItems makes for that event and lane.
        const reference = new Map<string, ChartItem>(
          chartItems(incident, incident.events, groupBy, lang).map((i) => [i.id, i]),
        );
        for (const it of items)
          if (it.shape !== 'aggregate') expect(it).toEqual(reference.get(it.id));
      }),
      { numRuns: 150 },
    );
  });
});
