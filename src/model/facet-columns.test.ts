import { describe, expect, it } from 'vitest';
import { generateIncident } from '../../bench/generate';
import { loadBundled } from './bundled.test-helper';
import { eventsWanted, facetColumnSteps, facetColumns, tally, wantedCodes } from './facet-columns';
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

  it('are built in steps of a part of the events each, the same columns as in one pass', () => {
    const { events } = loadBundled(generateIncident(2_500, 3, 'full'));
    const whole = facetColumns(events.slice());
    const steps = facetColumnSteps(events, 1_000);
    expect(steps).toHaveLength(3);
    const results = steps.map((step) => step());
    expect(results.slice(0, 2)).toEqual([undefined, undefined]);
    expect(results[2]).toEqual(whole);
    // Read back, each event's systems and outcome, past the point where the systems' column had to grow.
    const { terms, systemStart, systemCodes, single } = results[2]!;
    expect(systemCodes.length).toBeGreaterThan(events.length);
    events.forEach((e, i) => {
      const codes = systemCodes.subarray(systemStart[i], systemStart[i + 1]);
      expect([...codes].map((c) => terms.system[c])).toEqual(e.systems);
      expect(terms.outcome[single.outcome[i]!]).toBe(e.outcome);
    });
    // The last step keeps them: a render after the steps builds nothing.
    expect(facetColumns(events)).toBe(results[2]);
  });

  it('take the columns built meanwhile instead of building them again', () => {
    const { events } = loadBundled(generateIncident(2_500, 4));
    const steps = facetColumnSteps(events, 1_000);
    steps[0]!();
    const meanwhile = facetColumns(events);
    expect(steps[1]!()).toBe(meanwhile);
    expect(steps[2]!()).toBe(meanwhile);
    expect(facetColumns(events)).toBe(meanwhile);
  });
});
