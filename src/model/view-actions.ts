// What each control does to the view state, as pure functions from one state to the next.
import { clampWindow, zoomWindow } from './chart-model';
import { MINUTE, type TimeWindow } from './time';
import { DEFAULT_VIEW, type ViewState } from './view-state';
import type { Facet } from './vocabulary';

export type ViewUpdate = (state: ViewState) => ViewState;

/** Ticks or unticks one option of a facet. */
export const toggleFacet =
  (facet: Facet, id: string, on: boolean): ViewUpdate =>
  (s) => {
    const rest = s.filters[facet].filter((x) => x !== id);
    return { ...s, filters: { ...s.filters, [facet]: on ? [...rest, id] : rest } };
  };

/** A chip in the details panel: only this value of this facet, and no search. */
export const filterTo =
  (facet: Facet, id: string): ViewUpdate =>
  (s) => ({ ...s, filters: { ...DEFAULT_VIEW.filters, [facet]: [id] }, q: '' });

export const search =
  (q: string): ViewUpdate =>
  (s) => ({ ...s, q });

export const clearFilters: ViewUpdate = (s) => ({ ...s, filters: DEFAULT_VIEW.filters, q: '' });

export const select =
  (event: string | undefined): ViewUpdate =>
  (s) => ({ ...s, event });

/** `undefined` fits every event again; a window beyond `limits` is brought within them. */
export const showWindow =
  (window: TimeWindow | undefined, limits?: TimeWindow): ViewUpdate =>
  (s) => ({ ...s, window: window && clampWindow(window, limits) });

/** Zooms the shown window around its centre, within `limits`; a factor below 1 zooms in. */
export const zoomBy =
  (shown: TimeWindow | undefined, factor: number, limits?: TimeWindow): ViewUpdate =>
  (s) =>
    shown ? showWindow(zoomWindow(shown, factor), limits)(s) : s;

/** A window around [start, end) with a tenth of its width (at least half an hour) of air on each side. */
export function spanWindow(start: number, end: number): TimeWindow {
  const pad = Math.max((end - start) * 0.1, 30 * MINUTE);
  return { from: start - pad, to: end + pad };
}

/** Zoom to a phase's band or to the selected event. */
export const zoomToSpan = (start: number, end: number, limits?: TimeWindow): ViewUpdate =>
  showWindow(spanWindow(start, end), limits);
