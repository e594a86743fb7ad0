import { describe, expect, it } from 'vitest';
import { generateIncident } from '../../bench/generate';
import { shareTerms } from './shared-terms';

/** Copies whose strings are all fresh objects, as JSON.parse makes them. */
const parsed = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('shareTerms', () => {
  it('leaves every event equal to what was parsed', () => {
    const events = parsed(generateIncident(300, 2, 'full').events);
    const before = parsed(events);
    shareTerms(events, new Map());
    expect(events).toEqual(before);
  });

  it('pools each distinct term once across slices of events, and nothing else', () => {
    const events = parsed(generateIncident(40, 2, 'full').events);
    const pool = new Map<string, string>();
    shareTerms(events.slice(0, 20), pool);
    shareTerms(events.slice(20), pool);
    const terms = new Set(
      events.flatMap((e) => [
        ...[e.precision, e.phase, e.actor, e.action, e.outcome],
        ...e.systems,
        ...(e.techniques ?? []),
        ...(e.milestones ?? []),
        ...e.citations.map((c) => c.source),
        ...(e.related ?? []).map((r) => r.kind),
      ]),
    );
    // JavaScript cannot tell two equal strings apart; the pool is what the events' terms now point at.
    expect(new Set(pool.keys())).toEqual(terms);
    expect([...pool].every(([k, v]) => k === v)).toBe(true);
  });

  it('writes the pooled string into every term field of every event', () => {
    const events = parsed(generateIncident(40, 2, 'full').events);
    // A pool whose strings differ from their keys makes the writing visible.
    const pool = new Map<string, string>();
    shareTerms(events, pool);
    for (const key of pool.keys()) pool.set(key, `pooled ${key}`);
    const again = parsed(generateIncident(40, 2, 'full').events);
    shareTerms(again, pool);
    const pooled = (s: string) => s.startsWith('pooled ');
    for (const e of again) {
      expect([e.precision, e.phase, e.actor, e.action, e.outcome].every(pooled)).toBe(true);
      expect(e.systems.every(pooled) && (e.techniques ?? []).every(pooled)).toBe(true);
      expect((e.milestones ?? []).every(pooled)).toBe(true);
      expect(e.citations.every((c) => pooled(c.source))).toBe(true);
      expect((e.related ?? []).every((r) => pooled(r.kind))).toBe(true);
      expect(pooled(e.id)).toBe(false);
    }
    expect(again.some((e) => (e.related ?? []).length > 0)).toBe(true);
  });

  it('leaves alone what is not a string where a term should be, as in a file not checked yet', () => {
    const odd = [
      null,
      5,
      { phase: 7, systems: 'x', citations: [null, { source: ['s'] }], related: 3 },
    ];
    const before = parsed(odd);
    shareTerms(odd, new Map());
    expect(odd).toEqual(before);
    // A hole stays a hole, and an inherited term stays inherited.
    const sparse: unknown[] = [];
    sparse[1] = 'a';
    const holes = [{ systems: sparse }];
    shareTerms(holes, new Map());
    expect(0 in holes[0]!.systems).toBe(false);
    const inherited = Object.create({ phase: 'p' }) as object;
    shareTerms([inherited], new Map());
    expect(Object.hasOwn(inherited, 'phase')).toBe(false);
  });
});
