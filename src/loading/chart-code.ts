// The chart's code (vis-timeline and its dependencies, about 115 KiB gzip) is a chunk of its own, fetched at start
// but evaluated in a task of its own: evaluated with the entry, it made the page's longest task at start (210 ms).

import type * as ChartModuleType from '../components/timeline-chart';

export type ChartModule = typeof ChartModuleType;

let loaded: ChartModule | undefined;

/** The chart's module; import() keeps one copy, so every call after the first gets the same one. */
export const loadChart = () =>
  import('../components/timeline-chart').then((m) => {
    loaded = m;
    return m;
  });

/** The chart's module if it has already been evaluated, so it can render at once. */
export const loadedChart = (): ChartModule | undefined => loaded;

/** Fetches the chart's code now, so that it is there before the first incident usually is. */
export function preloadChart(): void {
  // A failed load is reported where the chart renders, by its boundary; here it would only be unhandled.
  loadChart().catch(() => undefined);
}
