import { describe, expect, it } from 'vitest';
import { chartItems } from './chart-model';
import {
  BIN_WIDTHS,
  binWindowOf,
  levelOfDetail,
  MAX_CHART_ITEMS,
  windowShowing,
} from './level-of-detail';
import { HOUR, MINUTE, SECOND } from './time';
import {
  T0,
  itemsForWindow,
  isDrawnIndividually,
  aggregateHolding,
  ev,
  setup,
  spread,
} from './level-of-detail.test-helper';

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
    // The margins are half a window wide: 30 minutes each side of this hour.
    const inMargin = ev(T0 - 25 * MINUTE, T0 - 25 * MINUTE + SECOND);
    const outside = ev(T0 - 35 * MINUTE, T0 - 35 * MINUTE + SECOND);
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
    const { incident, index, lang } = setup(spread(6_000, T0, 24 * HOUR));
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
    const { incident, index, lang } = setup(spread(10_000, T0, 24 * HOUR));
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
    // A pan of 1/36 of the window; bins at the margins' edges and the bins spent on single events change.
    expect(shared / a.size).toBeGreaterThan(0.85);
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
