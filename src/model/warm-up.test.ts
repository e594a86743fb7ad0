import { describe, expect, it } from 'vitest';
import { generateIncident } from '../../bench/generate';
import { loadBundled } from './bundled.test-helper';
import { chartScene, chartView } from './chart-view';
import { testWords as words } from './chart-words.test-helper';
import { NO_SEARCH_INDEX, queryResult } from './filters';
import type { Incident } from './incident';
import { WARM_UP_SAMPLE, warmUpSteps } from './warm-up';

const incident = loadBundled(generateIncident(WARM_UP_SAMPLE + 2000, 1, 'full'));

/** What the screen shows of `incident` with one facet ticked, grouped by actor. */
function screenOf(i: Incident) {
  const { shown, rows, counts } = queryResult(
    i.events,
    { filters: { phase: [], system: [], actor: [], action: [], outcome: ['failed'] }, q: '' },
    NO_SEARCH_INDEX,
  );
  const scene = chartScene({
    incident: i,
    events: shown,
    rows,
    groupBy: 'actor',
    lang: 'en',
    bands: true,
    compress: false,
    words,
  });
  return { counts, lanes: scene.lanes, items: chartView(scene, scene.initial).items };
}

describe('warmUpSteps', () => {
  it('runs a filter on every facet, each lane grouping and a search, in steps of one stage each', () => {
    // Per run a filter, a scene and items; before them the scene's tables, the panels' counts and the links naming
    // each event (sceneSteps); the search index in slices of 500.
    expect(warmUpSteps(incident)).toHaveLength(15 + 3 * (5 + 5 + 1) + WARM_UP_SAMPLE / 500);
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
    for (const step of warmUpSteps({ ...incident, events: guarded })) step();
    expect(reads).toEqual([]);
  });

  it('changes neither the incident nor what the screen then shows of it', () => {
    const own = loadBundled(generateIncident(WARM_UP_SAMPLE + 2000, 2, 'full'));
    const before = structuredClone(own);
    const shownBefore = screenOf(own);
    for (const step of warmUpSteps(own)) step();
    expect(own).toEqual(before);
    expect(screenOf(own)).toEqual(shownBefore);
  });
});
