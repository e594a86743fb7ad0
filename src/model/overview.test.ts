import { describe, expect, it } from 'vitest';
import { generateIncident } from '../../bench/generate';
import { loadBundled } from './bundled.test-helper';
import { buildEventIndex } from './event-index';
import { brushKey, brushText, density, dragBrush, moveWithin, overviewSpan } from './overview';
import { DAY, HOUR } from './time';

const span = { from: 0, to: 100 * DAY };
const w = { from: 10 * DAY, to: 20 * DAY };

describe('density', () => {
  it('counts every bundled event once, adversary apart from the rest', () => {
    const incident = loadBundled();
    const d = density(incident, buildEventIndex(incident.events), overviewSpan(incident)!, 200);
    const sum = (a: Int32Array) => a.reduce((n, x) => n + x, 0);
    const adversaries = new Set(
      incident.actors.filter((a) => a.kind === 'adversary').map((a) => a.id),
    );
    const byAdversary = incident.events.filter((e) => adversaries.has(e.actor)).length;
    expect(sum(d.adversary)).toBe(byAdversary);
    expect(sum(d.others)).toBe(incident.events.length - byAdversary);
    expect(d.max).toBeGreaterThan(0);
  });

  it('at 100,000 events, counts from the index in well under a frame once the lanes are known', () => {
    const incident = loadBundled(generateIncident(100_000, 1));
    const index = buildEventIndex(incident.events);
    const all = overviewSpan(incident)!;
    density(incident, index, all, 400);
    const t0 = performance.now();
    const d = density(incident, index, all, 400);
    expect(performance.now() - t0).toBeLessThan(100);
    expect(d.adversary.reduce((n, x) => n + x, 0) + d.others.reduce((n, x) => n + x, 0)).toBe(
      100_000,
    );
  });
});

describe('the brush', () => {
  it.each([
    ['ArrowRight', false, { from: 11 * DAY, to: 21 * DAY }],
    ['ArrowUp', false, { from: 11 * DAY, to: 21 * DAY }],
    ['ArrowLeft', false, { from: 9 * DAY, to: 19 * DAY }],
    ['ArrowRight', true, { from: 20 * DAY, to: 30 * DAY }],
    ['PageUp', false, { from: 20 * DAY, to: 30 * DAY }],
    ['PageDown', false, { from: 0, to: 10 * DAY }],
    ['Home', false, { from: 0, to: 10 * DAY }],
    ['End', false, { from: 90 * DAY, to: 100 * DAY }],
    ['a', false, undefined],
  ] as const)('%s (shift: %s) moves the window to %o', (key, shift, expected) => {
    expect(brushKey(w, key, shift, span)).toEqual(expected);
  });

  it('stays within the span and keeps its width', () => {
    expect(moveWithin(w, -50 * DAY, span)).toEqual({ from: 0, to: 10 * DAY });
    expect(moveWithin({ from: -5, to: 200 * DAY }, 3, span)).toEqual(span);
  });

  it('resizes by either edge, never past the other', () => {
    expect(dragBrush(w, 'start', -2 * DAY, span, HOUR)).toEqual({ from: 8 * DAY, to: 20 * DAY });
    expect(dragBrush(w, 'end', 5 * DAY, span, HOUR)).toEqual({ from: 10 * DAY, to: 25 * DAY });
    expect(dragBrush(w, 'start', 30 * DAY, span, HOUR)).toEqual({
      from: 20 * DAY - HOUR,
      to: 20 * DAY,
    });
    expect(dragBrush(w, 'move', 3 * DAY, span, HOUR)).toEqual({ from: 13 * DAY, to: 23 * DAY });
  });

  it('reads as its UTC start and end', () => {
    expect(brushText({ from: Date.UTC(2023, 10, 14, 9, 30), to: Date.UTC(2023, 10, 24) })).toBe(
      '2023-11-14 09:30 – 2023-11-24 00:00 UTC',
    );
  });
});
