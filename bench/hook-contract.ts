// The page hooks the benchmark drives, implemented by bench/baseline.ts and by the app when built for the benchmark.
// The benchmark builds the app with VITE_BENCH_HOOKS=1 into dist-bench/; only that build installs the hooks,
// so a production build leaves them out.

/** Facets as in the URL contract (src/model/view-state.ts). */
export type BenchFacet = 'phase' | 'system' | 'actor' | 'action' | 'outcome';

export interface IncidentTimelineBench {
  /**
   * Shows only the events whose `facet` is one of `ids` (for `system`: any of the event's systems), replacing any
   * earlier filter. Resolves after the chart's first `changed` event that shows the filtered items.
   */
  applyFilter(facet: BenchFacet, ids: string[]): Promise<void>;
  /**
   * `timeline.zoomIn(factor, { animation: false })`. Resolves after the chart's first `changed` event that shows the
   * items for the new window (for the app: after its level of detail has been recomputed and drawn).
   */
  zoom(factor: number): Promise<void>;
}

declare global {
  interface Window {
    __incidentTimelineBench?: IncidentTimelineBench;
  }
}
