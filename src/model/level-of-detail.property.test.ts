// Level of detail for any events and window: the item budget and what is drawn, as properties.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chartItems, GROUP_BYS, type ChartItem, type GroupBy } from './chart-model';
import { eventsOverlapping, laneKeysOf } from './event-index';
import { spanOf } from './level-of-detail';
import { SECOND } from './time';
import { SYSTEMS, ACTORS, T0, itemsForWindow, ev, setup } from './level-of-detail.test-helper';

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
