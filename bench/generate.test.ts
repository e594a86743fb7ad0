import { describe, expect, it } from 'vitest';
import { parseIncident } from '../src/model/incident';
import { generateIncident, mulberry32, QUIET_WEEKS, GENERATED_START } from './generate';

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

describe('mulberry32', () => {
  it('repeats for a seed and stays in [0, 1)', () => {
    const a = mulberry32(9);
    const b = mulberry32(9);
    const xs = Array.from({ length: 1000 }, a);
    expect(Array.from({ length: 1000 }, b)).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
