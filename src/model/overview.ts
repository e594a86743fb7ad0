// The overview strip above the chart: event density over the incident's whole span, from the event index's counts,
// and the chart's window as a brush that pointer and keys move.
import { fitWindow } from './chart-model';
import { countPerLaneBin, type EventIndex } from './event-index';
import type { Incident } from './incident';
import { MINUTE, utcStamp, type TimeWindow } from './time';

export interface Density {
  span: TimeWindow;
  /** Start of bin 0 and the width of each bin, in ms. */
  firstBin: number;
  binWidth: number;
  /** Events per bin by adversaries, and by everyone else (defenders, third parties). */
  adversary: Int32Array;
  others: Int32Array;
  max: number;
}

/** The span the strip covers: every event of the incident, with a little air. */
export function overviewSpan(incident: Incident): TimeWindow | undefined {
  return fitWindow(incident.events, 0.02);
}

/**
 * Per-bin counts over `span`, adversary apart from the rest, from the index's per-lane counts by actor: one pass
 * over the index whatever the number of events, and nothing per event kept.
 */
export function density(
  incident: Incident,
  index: EventIndex,
  span: TimeWindow,
  bins: number,
): Density {
  const binWidth = Math.max(MINUTE, Math.ceil((span.to - span.from) / bins));
  const counts = countPerLaneBin(index, { ...span, binWidth, groupBy: 'actor' });
  const adversaries = new Set(
    incident.actors.filter((a) => a.kind === 'adversary').map((a) => a.id),
  );
  const adversary = new Int32Array(counts.bins);
  const others = new Int32Array(counts.bins);
  counts.lanes.forEach((lane, l) => {
    const into = adversaries.has(lane) ? adversary : others;
    for (let b = 0; b < counts.bins; b++) into[b]! += counts.counts[l * counts.bins + b]!;
  });
  let max = 0;
  for (let b = 0; b < counts.bins; b++) max = Math.max(max, adversary[b]!, others[b]!);
  return { span, firstBin: counts.firstBin, binWidth, adversary, others, max };
}

/** Where a time falls on the strip, as a fraction of its width (0 to 1, not clamped). */
export const fractionOf = (t: number, span: TimeWindow) => (t - span.from) / (span.to - span.from);

/** The window moved by `ms`, kept within `span` without changing its width (unless wider than the span). */
export function moveWithin(w: TimeWindow, ms: number, span: TimeWindow): TimeWindow {
  const width = w.to - w.from;
  if (width >= span.to - span.from) return { ...span };
  const from = Math.min(Math.max(w.from + ms, span.from), span.to - width);
  return { from, to: from + width };
}

/** Dragging the brush's body (`move`) or one of its edges by `ms`; an edge stops `minWidth` short of the other. */
export function dragBrush(
  w: TimeWindow,
  part: 'move' | 'start' | 'end',
  ms: number,
  span: TimeWindow,
  minWidth: number,
): TimeWindow {
  if (part === 'move') return moveWithin(w, ms, span);
  if (part === 'start')
    return { from: Math.min(Math.max(w.from + ms, span.from), w.to - minWidth), to: w.to };
  return { from: w.from, to: Math.max(Math.min(w.to + ms, span.to), w.from + minWidth) };
}

/**
 * What a key does to the brush: ←/→ (and ↓/↑) move it by a tenth of its width, with Shift or PageUp/PageDown by
 * its whole width; Home/End take it to the start or end of the span. Undefined for any other key.
 */
export function brushKey(
  w: TimeWindow,
  key: string,
  shift: boolean,
  span: TimeWindow,
): TimeWindow | undefined {
  const width = w.to - w.from;
  const step = shift ? width : width / 10;
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowDown':
      return moveWithin(w, -step, span);
    case 'ArrowRight':
    case 'ArrowUp':
      return moveWithin(w, step, span);
    case 'PageDown':
      return moveWithin(w, -width, span);
    case 'PageUp':
      return moveWithin(w, width, span);
    case 'Home':
      return moveWithin(w, span.from - w.from, span);
    case 'End':
      return moveWithin(w, span.to - w.to, span);
    default:
      return undefined;
  }
}

/** The brush's value text: the window's UTC start and end. */
export const brushText = (w: TimeWindow) =>
  `${utcStamp(w.from, 'minute')} – ${utcStamp(w.to, 'minute')} UTC`;
