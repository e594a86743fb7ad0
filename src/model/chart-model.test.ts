import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bringIntoView,
  chartItems,
  clampWindow,
  fitWindow,
  phaseBands,
  quietPeriods,
  shapeOf,
  zoomLimits,
  zoomWindow,
} from './chart-model';
import { loadBundled } from './bundled.test-helper';
import { parseIncident, type Incident, type TimelineEvent } from './incident';
import { minimalIncident } from './test-incident';
import { DAY, HOUR } from './time';

function incident(): Incident {
  const file = minimalIncident();
  file.systems.push({ id: 'mail', label: 'Mail', kind: 'saas', ownership: 'third-party' });
  file.events[1]!.systems = ['mail', 'vpn'];
  const r = parseIncident(file);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.incident;
}

describe('lanes and items', () => {
  it('draws an event that touches two systems in both lanes', () => {
    const inc = incident();
    const items = chartItems(inc, inc.events, 'system', 'en');
    expect(items.filter((i) => i.eventId === 'second-login').map((i) => i.lane)).toEqual([
      'mail',
      'vpn',
    ]);
  });

  it('draws a day-precision event as a band over its UTC day', () => {
    const inc = incident();
    const day = chartItems(inc, inc.events, 'none', 'en').find(
      (i) => i.eventId === 'second-login',
    )!;
    expect(day.shape).toBe('day');
    expect(day.end! - day.start).toBe(DAY);
    expect(shapeOf(inc.events[0]!)).toBe('point');
  });

  it('marks failed attempts and adversary side', () => {
    const inc = incident();
    const day = chartItems(inc, inc.events, 'none', 'en').find(
      (i) => i.eventId === 'second-login',
    )!;
    expect([day.failed, day.side]).toEqual([true, 'adversary']);
  });

  it('spans each phase band over its events', () => {
    const inc = incident();
    const [band] = phaseBands(inc, inc.events, 'en');
    expect(band).toMatchObject({
      phase: 'access',
      start: inc.events[0]!.startMs,
      end: inc.events[1]!.endMs,
    });
  });

  it('spans each band from its earliest start to its latest end, whatever the order of the events', () => {
    const inc = loadBundled();
    const reversed = [...inc.events].reverse();
    const bands = phaseBands(inc, reversed, 'en');
    expect(bands.length).toBeGreaterThan(3);
    for (const band of bands) {
      const own = inc.events.filter((e) => e.phase === band.phase);
      expect(band.start).toBe(Math.min(...own.map((e) => e.startMs)));
      expect(band.end).toBe(Math.max(...own.map((e) => e.endMs)));
    }
  });
});

describe('windows', () => {
  const w = { from: 0, to: 10 * HOUR };
  it('zooms around the centre', () =>
    expect(zoomWindow(w, 0.5)).toEqual({ from: 2.5 * HOUR, to: 7.5 * HOUR }));
  it('keeps a visible interval where it is', () =>
    expect(bringIntoView(w, 5 * HOUR, 5 * HOUR)).toBe(w));
  it('pans without zooming to bring an interval into view', () => {
    const moved = bringIntoView(w, 20 * HOUR, 20 * HOUR + 1);
    expect(moved.to - moved.from).toBe(w.to - w.from);
    expect(moved.from).toBeLessThan(20 * HOUR);
    expect(moved.to).toBeGreaterThan(20 * HOUR);
  });
  it('fits every event with a margin', () => {
    const inc = incident();
    const fit = fitWindow(inc.events)!;
    expect(fit.from).toBeLessThan(inc.events[0]!.startMs);
    expect(fit.to).toBeGreaterThan(inc.events[1]!.endMs);
    // An edit that moves the last event a year on gives a new list, and the fit follows it.
    const last = inc.events.at(-1)!;
    const moved = [...inc.events.slice(0, -1), { ...last, endMs: last.endMs + 365 * DAY }];
    expect(fitWindow(moved)!.to).toBeGreaterThan(last.endMs + 365 * DAY);
    expect(fitWindow(inc.events)).toEqual(fit);
  });
  it('zooming out stops at the incident span plus a margin, however often it is pressed', () => {
    const inc = incident();
    const limits = zoomLimits(inc.events)!;
    let window = fitWindow(inc.events)!;
    for (let i = 0; i < 17; i++) window = clampWindow(zoomWindow(window, 2), limits);
    expect(window).toEqual(limits);
    expect(limits.from).toBeLessThanOrEqual(inc.events[0]!.startMs - DAY);
    expect(new Date(limits.from).getUTCFullYear()).toBe(2023);
    expect(new Date(limits.to).getUTCFullYear()).toBe(2024);
  });
  it('keeps every window inside the limits, at its own width when it fits', () => {
    const limits = { from: 100 * DAY, to: 200 * DAY };
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 1, max: 1e12 }),
        (from, width) => {
          const w = clampWindow({ from, to: from + width }, limits);
          expect(w.from).toBeGreaterThanOrEqual(limits.from);
          expect(w.to).toBeLessThanOrEqual(limits.to);
          expect(w.to - w.from).toBe(Math.min(width, limits.to - limits.from));
        },
      ),
    );
    expect(clampWindow({ from: 120 * DAY, to: 130 * DAY }, limits)).toEqual({
      from: 120 * DAY,
      to: 130 * DAY,
    });
  });
  it('finds quiet periods longer than the threshold and keeps some air at each side', () => {
    const file = minimalIncident();
    file.events[1]!.start = '2024-01-05T00:00:00Z';
    const r = parseIncident(file);
    if (!r.ok) throw new Error('fixture');
    const [first, second] = r.incident.events;
    expect(quietPeriods(r.incident.events, 1.5 * DAY, HOUR)).toEqual([
      { from: first!.endMs + HOUR, to: second!.startMs - HOUR },
    ]);
    expect(quietPeriods(r.incident.events, 4 * DAY, HOUR)).toEqual([]);
  });
  it('finds the stretches a sort of every start and end finds, for any events in time order', () => {
    // The definition, spelled out: every event as its span, a long one as its two ends, in time order.
    const bySort = (events: { startMs: number; endMs: number }[], minGap: number, keep: number) => {
      const spans = events
        .flatMap((e) =>
          e.endMs - e.startMs > minGap
            ? [
                [e.startMs, e.startMs],
                [e.endMs, e.endMs],
              ]
            : [[e.startMs, e.endMs]],
        )
        .sort((a, b) => a[0]! - b[0]!);
      const gaps = [];
      let reach = -Infinity;
      for (const [start, end] of spans as [number, number][]) {
        if (reach !== -Infinity && start - reach > minGap)
          gaps.push({ from: reach + keep, to: start - keep });
        reach = Math.max(reach, end);
      }
      return gaps;
    };
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 40 })), {
          maxLength: 40,
        }),
        fc.integer({ min: 1, max: 20 }),
        (pairs, minGap) => {
          const events = pairs
            .map(([start, length]) => ({ startMs: start, endMs: start + length }))
            .sort((a, b) => a.startMs - b.startMs);
          expect(quietPeriods(events as TimelineEvent[], minGap, 1)).toEqual(
            bySort(events, minGap, 1),
          );
        },
      ),
    );
  });
  it('folds a quiet stretch even when a long range runs through it', () => {
    const file = minimalIncident();
    file.events[0]!.end = '2024-03-01T10:00:00Z';
    const r = parseIncident(file);
    if (!r.ok) throw new Error('fixture');
    const gaps = quietPeriods(r.incident.events, 10 * DAY, HOUR);
    expect(gaps).toHaveLength(1);
    expect(gaps[0]!.from).toBe(Date.parse('2024-01-03T01:00:00Z'));
  });
});
