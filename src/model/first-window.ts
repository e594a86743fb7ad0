// Where the chart opens when the link names no window: on the incident's busiest stretch, not on its whole span.
import type { EventIndex } from './event-index';
import { spanWindow } from './view-actions';
import type { TimeWindow } from './time';

/**
 * The run of event starts with no gap longer than `maxGap` that holds the most events (the earliest on a tie), as
 * `[first start, last start]` and the positions of its first and last start; undefined for no events. Linear in the
 * number of events, over the index's starts.
 */
export function busiestStretch(
  starts: Float64Array,
  maxGap: number,
): { start: number; end: number; count: number; first: number; last: number } | undefined {
  if (starts.length === 0) return undefined;
  let best = { start: starts[0]!, end: starts[0]!, count: 1, first: 0, last: 0 };
  let runStart = 0;
  for (let i = 1; i <= starts.length; i++) {
    if (i < starts.length && starts[i]! - starts[i - 1]! <= maxGap) continue;
    const count = i - runStart;
    if (count > best.count)
      best = { start: starts[runStart]!, end: starts[i - 1]!, count, first: runStart, last: i - 1 };
    runStart = i;
  }
  return best;
}

/** A gap in which no event starts splits stretches when longer than this share of the whole span (or `minGap`). */
export const QUIET_SHARE = 0.05;

/**
 * The first window: the busiest stretch (runs split where no event starts for more than 5% of the span, and at least
 * `minGap`) with a tenth of its width of air each side, so the days in which most happens get the chart's width. It
 * reaches on at least until half of the stretch's events have ended, so that they show whole: a stretch of ranges
 * or dates that start together (a filter to one phase) would otherwise open on the hour around their start.
 */
export function firstWindow(index: EventIndex, minGap: number): TimeWindow | undefined {
  const { starts, ends, reach } = index;
  if (starts.length === 0) return undefined;
  const span = reach[reach.length - 1]! - starts[0]!;
  const stretch = busiestStretch(starts, Math.max(minGap, span * QUIET_SHARE));
  if (!stretch) return undefined;
  const ended = ends.slice(stretch.first, stretch.last + 1).sort();
  const half = ended[Math.ceil(ended.length / 2) - 1]!;
  return spanWindow(stretch.start, Math.max(stretch.end, half));
}
