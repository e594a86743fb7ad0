import { describe, expect, it } from 'vitest';
import { generateIncident } from '../../bench/generate';
import { loadBundled } from './bundled.test-helper';
import type { ChartWords } from './chart-view';
import type { TimelineEvent } from './incident';
import { WARM_UP_SAMPLE, warmUpSteps } from './warm-up';

const words: ChartWords = {
  milestone: (kind) => kind,
  hiddenGap: () => 'hidden',
  aggregate: (n) => `${n} events`,
  aggregateHint: 'zoom in',
  when: (e) => e.start,
  side: (s) => s,
  outcome: (o) => o,
  inferred: 'Inferred',
};

const incident = loadBundled(generateIncident(WARM_UP_SAMPLE + 2000, 1, 'full'));

describe('warmUpSteps', () => {
  it('filters on every facet, groups the lanes every way and searches: short steps', () => {
    expect(warmUpSteps(incident, 'en', words)).toHaveLength(9 + 3 * 11 + 8);
  });

  it('reads no event past the sample, so no step costs what a pass over a large incident does', () => {
    const reads: number[] = [];
    const guarded = incident.events.map((e, i) =>
      i < WARM_UP_SAMPLE
        ? e
        : new Proxy(e, {
            get(target, key) {
              reads.push(i);
              return Reflect.get(target, key) as unknown;
            },
          }),
    );
    for (const step of warmUpSteps({ ...incident, events: guarded }, 'en', words)) step();
    expect(reads).toEqual([]);
  });

  it('leaves the incident as it was, in either language', () => {
    const events: TimelineEvent[] = [...incident.events];
    const own = { ...incident, events };
    for (const step of warmUpSteps(own, 'zh-Hant', words)) step();
    expect(own.events).toBe(events);
    expect(events).toEqual(incident.events);
  });
});
