// The engine optimizes a function only after it has run for a while, so the first filter, search or regrouping of a
// large incident ran the model's loops unoptimized: one pass over a facet column took 36 ms at 100,000 events the
// first time and under 1 ms later. Running the same paths on a sample while the page is idle compiles them first.
import { GROUP_BYS, type GroupBy } from './chart-model';
import {
  chartScene,
  chartView,
  laterSteps,
  sceneSteps,
  type ChartScene,
  type ChartWords,
} from './chart-view';
import { NO_SEARCH_INDEX, queryResult, searchIndexBuilder, type Query } from './filters';
import type { Incident } from './incident';
import { DEFAULT_VIEW } from './view-state';
import { FACETS } from './vocabulary';

/** Events in the sample: enough loop turns for the engine to optimize, few enough that each step is a short task. */
export const WARM_UP_SAMPLE = 4000;

/** Events indexed for search per step. */
const SEARCH_SLICE = 500;

// The words only label results that are dropped; the code run is the same in every language.
const WORDS: ChartWords = {
  milestone: (kind) => kind,
  hiddenGap: () => '',
  aggregate: (n) => String(n),
  aggregateHint: '',
  when: (e) => e.start,
  side: (side) => side,
  outcome: (outcome) => outcome,
  inferred: '',
};

/**
 * Steps, each a short task, that filter on each facet, search, and group the lanes each way, with the chart's scene
 * and items, on the first events of `incident`. Their results are dropped: what stays is the engine's compiled code.
 */
export function warmUpSteps(incident: Incident): (() => void)[] {
  const sample: Incident = {
    ...incident,
    events: incident.events.slice(0, WARM_UP_SAMPLE),
    // The search index's builder reads every indicator as it starts.
    indicators: incident.indicators?.slice(0, WARM_UP_SAMPLE),
  };
  let index = NO_SEARCH_INDEX;
  // A filter, its scene, then its items, each a step: together, the first time, they took up to 90 ms.
  const run = (query: Query, groupBy: GroupBy): (() => void)[] => {
    let result: ReturnType<typeof queryResult> | undefined;
    let scene: ChartScene | undefined;
    return [
      () => (result = queryResult(sample.events, query, index)),
      () =>
        (scene = chartScene({
          incident: sample,
          events: result!.shown,
          rows: result!.rows,
          groupBy,
          lang: 'en',
          bands: true,
          compress: false,
          words: WORDS,
        })),
      () => {
        const whole = chartView(scene!, scene!.initial);
        // Zoomed in as well, where level of detail gives way to single events.
        if (whole.window) {
          const { from, to } = whole.window;
          chartView(scene!, { from, to: from + (to - from) / 16 });
        }
      },
    ];
  };
  const first = sample.events[0];
  const filterOn = FACETS.flatMap((facet) => {
    const id = facet === 'system' ? first?.systems[0] : first?.[facet];
    return id === undefined
      ? []
      : run({ filters: { ...DEFAULT_VIEW.filters, [facet]: [id] }, q: '' }, 'system');
  });
  const search = searchIndexBuilder(sample);
  return [
    // What the first render builds, as it builds it for a large incident: one step per table.
    ...sceneSteps(sample),
    ...laterSteps(sample),
    ...filterOn,
    ...GROUP_BYS.flatMap((groupBy) => run({ filters: DEFAULT_VIEW.filters, q: '' }, groupBy)),
    ...Array.from({ length: Math.ceil(sample.events.length / SEARCH_SLICE) }, () => () => {
      if (search.step(SEARCH_SLICE)) index = search.index;
    }),
    // A letter most texts hold, so the search leaves events to draw.
    ...run({ filters: DEFAULT_VIEW.filters, q: 'e' }, 'system'),
  ];
}
