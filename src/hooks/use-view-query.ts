import { useMemo } from 'react';
import type { Query } from '../model/filters';
import type { ViewState } from '../model/view-state';

/**
 * The view's filters and search as one query that keeps its identity while they stay the same: every URL change
 * parses to new arrays, so keyed by content nothing derived from the query is recomputed on a pan, a zoom or a step.
 */
export function useViewQuery(view: Pick<ViewState, 'filters' | 'q'>): Query {
  const filtersKey = JSON.stringify(view.filters);
  return useMemo(
    () => ({ filters: JSON.parse(filtersKey) as ViewState['filters'], q: view.q }),
    [filtersKey, view.q],
  );
}
