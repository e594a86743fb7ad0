// The chart's code (vis-timeline and its dependencies, about 115 KiB gzip) is a chunk of its own, fetched at start
// but evaluated in a task of its own: evaluated with the entry, it made the page's longest task at start (210 ms).

/** The chart's module; import() keeps one copy, so every call after the first gets the same one. */
export const loadChart = () => import('../components/timeline-chart');

/** Fetches the chart's code now, so that it is there before the first incident usually is. */
export function preloadChart(): void {
  // A failed load is reported where the chart renders, by its boundary; here it would only be unhandled.
  loadChart().catch(() => undefined);
}
