// Where an event dragged on the chart lands: on times its precision can state, so the drag shows what will be saved.
import { snapToPrecision } from './draft';
import { precisionEnd, type Precision } from './time';

/** The precision boundary nearest to `ms`: a drag snaps both ways, as vis-timeline's own snapping does. */
export function nearestBoundary(ms: number, precision: Precision): number {
  const before = snapToPrecision(ms, precision);
  const after = precisionEnd(before, precision);
  return ms - before < after - ms ? before : after;
}

/**
 * A dragged item's interval (`end` exclusive, as drawn) snapped to its event's precision: the start to the nearest
 * boundary, the end moved with it and snapped too, never less than one precision window after the start.
 */
export function snapDrag(
  start: number,
  end: number | undefined,
  precision: Precision,
): { start: number; end?: number } {
  const s = nearestBoundary(start, precision);
  if (end === undefined) return { start: s };
  return {
    start: s,
    end: Math.max(nearestBoundary(end + s - start, precision), precisionEnd(s, precision)),
  };
}
