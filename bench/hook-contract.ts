// The page hooks the benchmark drives, implemented by bench/baseline.ts and by the app when built for the benchmark.
// The benchmark builds the app with VITE_BENCH_HOOKS=1 into dist-bench/; only that build installs the hooks,
// so a production build leaves them out. Each call stands for a user's click: in the app it also restarts the waits
// for the user to leave the page alone (the offline worker's install), as the click's input event would.

/** Facets as in the URL contract (src/model/view-state.ts). */
export type BenchFacet = 'phase' | 'system' | 'actor' | 'action' | 'outcome';

/** Lane groupings as in the URL contract (`group=`). */
export type BenchGroupBy = 'system' | 'actor' | 'phase' | 'action' | 'none';

export interface IncidentTimelineBench {
  /**
   * Shows only the events whose `facet` is one of `ids` (for `system`: any of the event's systems), replacing any
   * earlier filter; no ids clears the facet. Resolves after the chart's first `changed` event that shows the
   * filtered items.
   */
  applyFilter(facet: BenchFacet, ids: string[]): Promise<void>;
  /**
   * `timeline.zoomIn(factor, { animation: false })`. Resolves after the chart's first `changed` event that shows the
   * items for the new window (for the app: after its level of detail has been recomputed and drawn).
   */
  zoom(factor: number): Promise<void>;
  /** Moves the window later by `fraction` of its width, as a drag would. Resolves after the chart's next redraw. */
  pan(fraction: number): Promise<void>;
  /**
   * Sets the search text to `q`, as typing into the search box does (every term must match titles, descriptions,
   * systems or techniques, case-insensitive); '' clears it. Resolves after the chart's next redraw.
   */
  search(q: string): Promise<void>;
  /** Groups the chart's lanes by `group`. Resolves after the chart's next redraw. */
  regroup(group: BenchGroupBy): Promise<void>;
}

declare global {
  interface Window {
    __incidentTimelineBench?: IncidentTimelineBench;
  }
}
