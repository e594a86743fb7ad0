import { describe, expect, it } from 'vitest';
import { generateIncident } from '../../bench/generate';
import { loadBundled } from './bundled.test-helper';
import { eventsWanted, facetColumnSteps, facetColumns, tally, wantedCodes } from './facet-columns';
import type { TimelineEvent } from './incident';
import { FACETS, valuesOf } from './vocabulary';

const bundled = loadBundled();

describe('facet columns', () => {
  it('hold every event’s terms under every facet', () => {
    const columns = facetColumns(bundled.events);
    expect(columns.length).toBe(bundled.events.length);
    bundled.events.forEach((e, i) => {
      for (const facet of FACETS) {
        const counts = tally(columns, facet, Int32Array.of(i));
        const held = columns.terms[facet].filter((_, c) => counts[c]! > 0);
        expect(held.sort()).toEqual([...new Set(valuesOf(e, facet))].sort());
      }
    });
  });

  it('are built once per event list, and anew for another list', () => {
    const columns = facetColumns(bundled.events);
    expect(facetColumns(bundled.events)).toBe(columns);
    const some = bundled.events.slice(0, 5);
    expect(facetColumns(some)).not.toBe(columns);
    expect(facetColumns(some).length).toBe(5);
  });

  it('match an event on any of its systems, and ignore wanted ids no event has', () => {
    const columns = facetColumns(bundled.events);
    const i = bundled.events.findIndex((e) => e.systems.length > 1);
    const second = bundled.events[i]!.systems[1]!;
    const mask = wantedCodes(columns, 'system', ['no-such-system', second]);
    expect(mask.reduce((a, b) => a + b, 0)).toBe(1);
    const has = eventsWanted(columns, 'system', mask);
    expect(has[i]).toBe(1);
    bundled.events.forEach((e, j) => expect(has[j]).toBe(e.systems.includes(second) ? 1 : 0));
    expect(
      eventsWanted(columns, 'system', wantedCodes(columns, 'system', ['no-such-system'])),
    ).toEqual(new Uint8Array(bundled.events.length));
  });

  /** The events, each counting how often the columns' builder reads it (it reads `phase` once per event). */
  function counted(events: readonly TimelineEvent[]) {
    const reads = new Int32Array(events.length);
    const wrapped = events.map(
      (e, i) =>
        new Proxy(e, {
          get(target, key) {
            if (key === 'phase') reads[i]!++;
            return Reflect.get(target, key) as unknown;
          },
        }),
    );
    return { wrapped, reads, total: () => reads.reduce((a, b) => a + b, 0) };
  }

  it('are built in steps that each read their own part of the events, into the columns of one pass', () => {
    const { events } = loadBundled(generateIncident(5_000, 3, 'full'));
    const { wrapped, reads, total } = counted(events);
    const steps = facetColumnSteps(wrapped, 1_000);
    expect(steps).toHaveLength(5);
    steps.slice(0, 4).forEach((step, k) => {
      expect(step()).toBeUndefined();
      expect(total()).toBe((k + 1) * 1_000);
    });
    const columns = steps[4]!()!;
    expect(reads.every((n) => n === 1)).toBe(true);
    // Read back, every term of every event: the systems' column grew (past about 2,150 events) and was read on.
    expect(columns.systemCodes.length).toBeGreaterThan(events.length + 16);
    events.forEach((e, i) => {
      for (const facet of FACETS) {
        const counts = tally(columns, facet, Int32Array.of(i));
        const held = columns.terms[facet].filter((_, c) => counts[c]! > 0);
        expect(held.sort()).toEqual([...new Set(valuesOf(e, facet))].sort());
      }
    });
    // The last step keeps them: a render after the steps builds nothing.
    expect(facetColumns(wrapped)).toBe(columns);
    expect(total()).toBe(events.length);
  });

  it('go on from where earlier steps or a render stopped, reading each event once', () => {
    const { events } = loadBundled(generateIncident(2_500, 4));
    const { wrapped, reads } = counted(events);
    const first = facetColumnSteps(wrapped, 1_000);
    first[0]!();
    // A second list of steps over the same events, as a load's pass after the worker's answer makes.
    const second = facetColumnSteps(wrapped, 1_000);
    second[0]!();
    expect(second[1]!()).toBeUndefined();
    const meanwhile = facetColumns(wrapped);
    expect(second[2]!()).toBe(meanwhile);
    expect(first[1]!()).toBe(meanwhile);
    expect(reads.every((n) => n === 1)).toBe(true);
  });
});
