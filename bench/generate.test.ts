import { describe, expect, it } from 'vitest';
import { parseIncident } from '../src/model/incident';
import { generateIncident, mulberry32, QUIET_WEEKS, GENERATED_START } from './generate';
import { buildSearchIndex, filterEvents } from '../src/model/filters';
import { DEFAULT_VIEW } from '../src/model/view-state';

const WEEK = 7 * 24 * 3600 * 1000;

describe('generateIncident', () => {
  it.each([0, 1, 10, 500])('makes %i events that validate against the schema', (n) => {
    const file = generateIncident(n, 7);
    expect(file.events).toHaveLength(n);
    const result = parseIncident(file);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('gives the same file for the same seed, and another for another seed', () => {
    expect(generateIncident(300, 42)).toEqual(generateIncident(300, 42));
    expect(generateIncident(300, 43)).not.toEqual(generateIncident(300, 42));
  });

  it('has the variety the chart needs: ~40 systems, ranges, failures, three precisions, quiet weeks', () => {
    const file = generateIncident(5000, 1);
    expect(file.systems).toHaveLength(40);
    expect(new Set(file.events.flatMap((e) => e.systems)).size).toBeGreaterThan(30);
    expect(file.events.some((e) => e.end !== undefined)).toBe(true);
    expect(file.events.some((e) => e.systems.length > 1)).toBe(true);
    expect(new Set(file.events.map((e) => e.outcome))).toEqual(
      new Set(['succeeded', 'failed', 'unknown']),
    );
    expect(new Set(file.events.map((e) => e.precision))).toEqual(
      new Set(['second', 'minute', 'day']),
    );
    expect(new Set(file.events.map((e) => e.phase)).size).toBeGreaterThan(4);
    expect(new Set(file.events.map((e) => e.actor)).size).toBe(file.actors.length);
    const weeks = new Set(
      file.events.map((e) => Math.floor((Date.parse(e.start) - GENERATED_START) / WEEK)),
    );
    for (const quiet of QUIET_WEEKS) expect(weeks.has(quiet)).toBe(false);
  });

  it('bunches events into bursts: the busiest hour holds far more than an even share', () => {
    const file = generateIncident(5000, 1);
    const perHour = new Map<number, number>();
    for (const e of file.events) {
      const hour = Math.floor(Date.parse(e.start) / 3_600_000);
      perHour.set(hour, (perHour.get(hour) ?? 0) + 1);
    }
    const even = 5000 / (12 * 7 * 24);
    expect(Math.max(...perHour.values())).toBeGreaterThan(20 * even);
  });
});

describe('generateIncident, full fields', () => {
  const bytesPerEvent = (n: number, kind: 'synthetic' | 'full') =>
    new TextEncoder().encode(JSON.stringify(generateIncident(n, 1, kind))).byteLength / n;

  it.each([0, 1, 10, 500])('makes %i events that validate against the schema', (n) => {
    const result = parseIncident(generateIncident(n, 7, 'full'));
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('weighs about 1 KB an event, three times the synthetic kind', () => {
    expect(bytesPerEvent(2000, 'full')).toBeGreaterThan(900);
    expect(bytesPerEvent(2000, 'full')).toBeLessThan(1300);
    expect(bytesPerEvent(2000, 'synthetic')).toBeLessThan(400);
  });

  it('gives every event English and Chinese text and citations; adversary events techniques', () => {
    const file = generateIncident(1000, 1, 'full');
    expect(file.languages).toEqual(['en', 'zh-Hant']);
    for (const e of file.events) {
      for (const text of [e.title, e.description!, ...e.citations.map((c) => c.locator)])
        expect(Object.keys(text).sort()).toEqual(['en', 'zh-Hant']);
      const kind = file.actions.find((a) => a.id === e.action)!.actorKind;
      if (kind === 'adversary') expect(e.techniques?.length).toBeGreaterThan(0);
    }
    expect(file.events.filter((e) => e.related).length).toBeGreaterThan(100);
    expect(file.indicators?.length).toBeGreaterThan(0);
  });

  it('keeps the synthetic incident underneath: the same times, lanes and facets', () => {
    const skeleton = (file: ReturnType<typeof generateIncident>) =>
      file.events.map((e) => [
        e.id,
        e.start,
        e.end,
        e.systems,
        e.phase,
        e.actor,
        e.action,
        e.outcome,
      ]);
    expect(skeleton(generateIncident(800, 3, 'full'))).toEqual(skeleton(generateIncident(800, 3)));
  });

  it.each(['synthetic', 'full'] as const)(
    'the benchmark\'s search keystroke "x" narrows the %s incident without emptying it',
    (kind) => {
      const parsed = parseIncident(generateIncident(2000, 1, kind));
      if (!parsed.ok) throw new Error('does not validate');
      const { incident } = parsed;
      const query = { filters: DEFAULT_VIEW.filters, q: 'x' };
      const matched = filterEvents(incident.events, query, buildSearchIndex(incident)).length;
      expect(matched).toBeGreaterThan(100);
      expect(matched).toBeLessThan(1000);
    },
  );
});

describe('mulberry32', () => {
  it('repeats for a seed and stays in [0, 1)', () => {
    const a = mulberry32(9);
    const b = mulberry32(9);
    const xs = Array.from({ length: 1000 }, a);
    expect(Array.from({ length: 1000 }, b)).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
