import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from './incident';
import { sortEvents } from './reading-order.test-helper';
import { DAY } from './time';
import {
  buildEventIndex,
  countOverlapping,
  countPerLaneBin,
  eventsOverlapping,
  indexOfEvent,
  inStartOrder,
  laneKeysOf,
  laneTableOf,
} from './event-index';

let serial = 0;
/** A bare event: only the fields the index reads are meaningful. */
function ev(startMs: number, endMs: number, systems: string[] = ['a']): TimelineEvent {
  serial++;
  return {
    id: `e-${serial}`,
    start: new Date(startMs).toISOString(),
    precision: 'second',
    title: 't',
    description: 'd',
    phase: 'p',
    actor: 'x',
    action: 'y',
    systems,
    outcome: 'succeeded',
    citations: [{ source: 's', locator: 'l' }],
    startMs,
    endMs,
  };
}
const ids = (events: TimelineEvent[]) => events.map((e) => e.id);
const byStart = (events: TimelineEvent[]) => [...events].sort((a, b) => a.startMs - b.startMs);

describe('indexOfEvent', () => {
  // A day's date-only event comes after its timed ones in reading order, though it starts at midnight.
  const precise = ([day, precision, at]: [number, 'day' | 'minute' | 'second', number]) => {
    const startMs =
      day * DAY + (precision === 'day' ? 0 : at * (precision === 'minute' ? 60_000 : 1000));
    return { ...ev(startMs, startMs + 1), precision };
  };
  const lists = fc.array(
    fc.tuple(
      fc.integer({ min: 0, max: 3 }),
      fc.constantFrom('day' as const, 'minute' as const, 'second' as const),
      fc.integer({ min: 0, max: 90 }),
    ),
    { maxLength: 60 },
  );

  it('finds every event of a list in reading order, mixed precisions and equal starts included', () => {
    fc.assert(
      fc.property(lists, (specs) => {
        const list = sortEvents(specs.map(precise));
        list.forEach((e, i) => expect(indexOfEvent(list, e)).toBe(i));
        expect(indexOfEvent(list, precise([1, 'second', 5]))).toBe(-1);
      }),
    );
  });

  it('still finds an event in a list in another order', () => {
    fc.assert(
      fc.property(lists, (specs) => {
        const list = sortEvents(specs.map(precise)).reverse();
        list.forEach((e, i) => expect(indexOfEvent(list, e)).toBe(i));
      }),
    );
  });
});

describe('eventsOverlapping', () => {
  const point = ev(100, 101);
  const long = ev(0, 1000);
  const early = ev(10, 20);
  const late = ev(500, 501);
  const index = buildEventIndex(byStart([point, long, early, late]));

  it.each([
    ['a window holding a point', 100, 101, [long, point]],
    ['the end is exclusive', 101, 102, [long]],
    ['the start is exclusive of events that ended there', 20, 30, [long]],
    ['a range that began before the window', 600, 700, [long]],
    ['everything', 0, 1000, [long, early, point, late]],
    ['nothing after the last end', 1000, 2000, []],
    ['nothing before the first start', -50, 0, []],
  ])('%s', (_name, from, to, expected) => {
    expect(ids(eventsOverlapping(index, from, to))).toEqual(ids(expected));
    expect(countOverlapping(index, from, to)).toBe(expected.length);
  });

  it('handles an empty index', () => {
    expect(eventsOverlapping(buildEventIndex([]), 0, 10)).toEqual([]);
  });

  it('sorts a copy when given unsorted events', () => {
    expect(ids([...buildEventIndex([late, point]).events])).toEqual(ids([point, late]));
  });

  it('sorts a list once, so a loader can sort it in a step before the index is built from it', () => {
    const unsorted = [late, point];
    const sorted = inStartOrder(unsorted);
    expect(ids([...sorted])).toEqual(ids([point, late]));
    expect(unsorted.map((e) => e.id)).toEqual([late.id, point.id]);
    expect(buildEventIndex(unsorted).events).toBe(sorted);
    const inOrder = [point, late];
    expect(inStartOrder(inOrder)).toBe(inOrder);
  });

  it('finds exactly the events a linear scan finds', () => {
    const interval = fc
      .tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 3_000 }))
      .map(([start, length]) => ev(start, start + length));
    fc.assert(
      fc.property(
        fc.array(interval, { maxLength: 60 }),
        fc.integer({ min: -500, max: 11_000 }),
        fc.integer({ min: 1, max: 5_000 }),
        (events, from, width) => {
          const sorted = byStart(events);
          const to = from + width;
          const naive = sorted.filter((e) => e.startMs < to && e.endMs > from);
          expect(ids(eventsOverlapping(buildEventIndex(sorted), from, to))).toEqual(ids(naive));
        },
      ),
    );
  });
});

describe('countPerLaneBin', () => {
  it('counts each event once per lane, in the bin of its start or the first bin', () => {
    const events = byStart([
      ev(5, 6, ['a']),
      ev(15, 16, ['a', 'b']),
      ev(17, 18, ['b']),
      ev(-100, 50, ['c']),
    ]);
    const counts = countPerLaneBin(buildEventIndex(events), {
      from: 0,
      to: 30,
      binWidth: 10,
      groupBy: 'system',
    });
    expect(counts.firstBin).toBe(0);
    expect(counts.bins).toBe(3);
    expect(counts.lanes).toEqual(['c', 'a', 'b']);
    const row = (lane: string) => [
      ...counts.counts.subarray(counts.lanes.indexOf(lane) * 3, counts.lanes.indexOf(lane) * 3 + 3),
    ];
    expect(row('a')).toEqual([1, 1, 0]);
    expect(row('b')).toEqual([0, 2, 0]);
    expect(row('c')).toEqual([1, 0, 0]);
  });

  it('aligns bins to multiples of the bin width, so panning keeps them', () => {
    const counts = countPerLaneBin(buildEventIndex([ev(25, 26)]), {
      from: 17,
      to: 41,
      binWidth: 10,
      groupBy: 'system',
    });
    expect(counts.firstBin).toBe(10);
    expect(counts.bins).toBe(4);
    expect([...counts.counts]).toEqual([0, 1, 0, 0]);
  });

  it('puts every event in one unnamed lane when not grouping', () => {
    const counts = countPerLaneBin(buildEventIndex([ev(1, 2, ['a', 'b'])]), {
      from: 0,
      to: 10,
      binWidth: 10,
      groupBy: 'none',
    });
    expect(counts.lanes).toEqual(['']);
    expect([...counts.counts]).toEqual([1]);
  });

  it('adds up, per lane, to the events overlapping the window', () => {
    const interval = fc
      .tuple(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 3_000 }),
        fc.subarray(['a', 'b', 'c'], { minLength: 1 }),
      )
      .map(([start, length, systems]) => ev(start, start + length, systems));
    fc.assert(
      fc.property(
        fc.array(interval, { maxLength: 60 }),
        fc.integer({ min: -500, max: 11_000 }),
        fc.integer({ min: 1, max: 5_000 }),
        fc.integer({ min: 1, max: 2_000 }),
        (events, from, width, binWidth) => {
          const sorted = byStart(events);
          const to = from + width;
          const counts = countPerLaneBin(buildEventIndex(sorted), {
            from,
            to,
            binWidth,
            groupBy: 'system',
          });
          for (const lane of ['a', 'b', 'c']) {
            const expected = sorted.filter(
              (e) => e.startMs < to && e.endMs > from && laneKeysOf(e, 'system').includes(lane),
            ).length;
            const k = counts.lanes.indexOf(lane);
            const got =
              k === -1
                ? 0
                : counts.counts
                    .subarray(k * counts.bins, (k + 1) * counts.bins)
                    .reduce((s, c) => s + c, 0);
            expect(got).toBe(expected);
          }
        },
      ),
    );
  });

  it('numbers lanes in order of their first event, once per grouping', () => {
    const index = buildEventIndex(byStart([ev(1, 2, ['b']), ev(3, 4, ['a', 'b'])]));
    const table = laneTableOf(index, 'system');
    expect(table.ids).toEqual(['b', 'a']);
    expect([...table.offsets]).toEqual([0, 1, 3]);
    expect([...table.lanes]).toEqual([0, 1, 0]);
    expect(laneTableOf(index, 'system')).toBe(table);
    expect(laneTableOf(index, 'none').ids).toEqual(['']);
  });

  it('refuses an empty window or a zero bin width', () => {
    const index = buildEventIndex([]);
    expect(() =>
      countPerLaneBin(index, { from: 10, to: 10, binWidth: 1, groupBy: 'system' }),
    ).toThrow(RangeError);
    expect(() =>
      countPerLaneBin(index, { from: 0, to: 10, binWidth: 0, groupBy: 'system' }),
    ).toThrow(RangeError);
  });
});
