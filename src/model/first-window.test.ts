import { describe, expect, it } from 'vitest';
import { generateIncident } from '../../bench/generate';
import { loadBundled } from './bundled.test-helper';
import { buildEventIndex } from './event-index';
import { busiestStretch, firstWindow } from './first-window';
import { DAY, HOUR } from './time';

const starts = (...ms: number[]) => Float64Array.from(ms);

describe('busiestStretch', () => {
  it.each([
    { name: 'no events', input: [], expected: undefined },
    { name: 'one event', input: [5], expected: { start: 5, end: 5, count: 1, first: 0, last: 0 } },
    {
      name: 'one run',
      input: [0, 1, 2],
      expected: { start: 0, end: 2, count: 3, first: 0, last: 2 },
    },
    {
      name: 'the larger run wins',
      input: [0, 10, 11, 12],
      expected: { start: 10, end: 12, count: 3, first: 1, last: 3 },
    },
    {
      name: 'a tie goes to the earlier run',
      input: [0, 1, 10, 11],
      expected: { start: 0, end: 1, count: 2, first: 0, last: 1 },
    },
    {
      name: 'a gap of exactly maxGap does not split',
      input: [0, 3, 6],
      expected: { start: 0, end: 6, count: 3, first: 0, last: 2 },
    },
  ])('$name', ({ input, expected }) => {
    expect(busiestStretch(starts(...input), 3)).toEqual(expected);
  });
});

describe('firstWindow', () => {
  it('opens the bundled incident on 14–24 November, not on its four months', () => {
    const w = firstWindow(buildEventIndex(loadBundled().events), 2 * DAY)!;
    expect(w.from).toBeLessThanOrEqual(Date.UTC(2023, 10, 14, 9));
    expect(w.from).toBeGreaterThan(Date.UTC(2023, 10, 11));
    expect(w.to).toBeGreaterThanOrEqual(Date.UTC(2023, 10, 25));
    expect(w.to).toBeLessThan(Date.UTC(2023, 10, 30));
  });

  it('covers every event of its stretch, with air each side, at 20,000 events', () => {
    const index = buildEventIndex(loadBundled(generateIncident(20_000)).events);
    const stretch = busiestStretch(index.starts, 2 * DAY)!;
    const w = firstWindow(index, 2 * DAY)!;
    expect(w.from).toBeLessThan(stretch.start);
    expect(w.to).toBeGreaterThan(stretch.end);
    expect(w.to - w.from).toBeGreaterThanOrEqual(HOUR);
  });
});

describe('firstWindow of one phase', () => {
  const bundled = loadBundled();
  const windowOf = (phase: string) => {
    const events = bundled.events.filter((e) => e.phase === phase);
    return { events, w: firstWindow(buildEventIndex(events), 2 * DAY)! };
  };

  it('shows whole at least half of the ranges that start together, not the hour around their start', () => {
    // Recovery: ranges from 27 November, most running into January.
    const { events, w } = windowOf('recovery');
    const whole = events.filter((e) => e.startMs >= w.from && e.endMs <= w.to);
    expect(whole.length * 2).toBeGreaterThanOrEqual(events.length);
    expect(w.to - w.from).toBeGreaterThan(7 * DAY);
  });

  it('shows the whole day of an event given by its date alone', () => {
    const { events, w } = windowOf('credential-compromise');
    expect(events).toHaveLength(1);
    expect(w.from).toBeLessThan(events[0]!.startMs);
    expect(w.to).toBeGreaterThan(events[0]!.startMs + DAY);
  });
});

describe('firstWindow on a made-up span', () => {
  it('does not split a stretch at a pause shorter than a twentieth of the span', () => {
    const events = loadBundled().events;
    const index = buildEventIndex(events);
    const span = index.reach[index.reach.length - 1]! - index.starts[0]!;
    expect(span * 0.05).toBeGreaterThan(2.5 * DAY);
    const w = firstWindow(index, 2 * DAY)!;
    expect(w.from).toBeLessThan(Date.UTC(2023, 10, 17));
  });
});
