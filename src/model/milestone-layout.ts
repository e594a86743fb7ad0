// Where each milestone flag's label goes at the current zoom, so that no two labels overlap: stacked in rows, and
// a flag with no free row merged into its left neighbour, which then lists them all.
import type { TimeWindow } from './time';

export interface FlagInput {
  id: string;
  time: number;
  label: string;
}

export interface PlacedFlag {
  /** The marker whose label is shown; the other members' labels are hidden. */
  id: string;
  members: string[];
  row: number;
  /** Left edge and width of the label, in pixels from the chart's left edge. */
  x: number;
  width: number;
  /** The label hangs left of its line, where it would run off the chart's right edge. */
  before: boolean;
  text: string;
  /** Every member's label, for the hover and focus listing. */
  full: string[];
}

export interface FlagLayoutInput {
  flags: readonly FlagInput[];
  window: TimeWindow;
  /** The chart's width in pixels. */
  width: number;
  /** Folded quiet periods, which take no width. */
  hidden: readonly TimeWindow[];
  rows: number;
  /** Pixels kept free between two labels in a row. */
  gap: number;
  /** A label's width in pixels, padding included. */
  measure: (text: string) => number;
  /** The shown label of a merged flag: its first label and how many more it lists. */
  merged: (first: string, more: number) => string;
}

/** Time on a folded axis: `t` less the folded time before it. */
function foldedTime(t: number, hidden: readonly TimeWindow[]): number {
  let out = t;
  for (const h of hidden) out -= Math.max(0, Math.min(t, h.to) - h.from);
  return out;
}

/** The x of a time in the chart, in pixels, with folded periods taking no width. */
export function screenX(
  t: number,
  window: TimeWindow,
  width: number,
  hidden: readonly TimeWindow[] = [],
): number {
  const from = foldedTime(window.from, hidden);
  const to = foldedTime(window.to, hidden);
  return ((foldedTime(t, hidden) - from) / (to - from)) * width;
}

/**
 * Lays out the flags left to right: each label starts at its flag's line, in the first row where it clears the
 * label before it by `gap`; with no such row it joins the flag to its left. Labels wholly outside the chart are
 * left in row 0, as they cannot collide with what is seen.
 */
export function layoutFlags(input: FlagLayoutInput): PlacedFlag[] {
  const { window, width, hidden, rows, gap, measure, merged } = input;
  const placed = input.flags
    .map((f) => ({ f, line: screenX(f.time, window, width, hidden), w: measure(f.label) }))
    .sort((a, b) => a.line - b.line || (a.f.id < b.f.id ? -1 : 1));
  const out: (PlacedFlag & { line: number; after: number })[] = [];
  const rowEnds: number[] = Array.from({ length: Math.max(1, rows) }, () => -Infinity);
  // The label starts at its line, or ends there when it would run off the right edge and the row leaves room.
  const box = (line: number, w: number, after: number) =>
    line + w > width && line - w >= after + gap
      ? { x: line - w, before: true }
      : { x: line, before: false };
  const seen = (x: number, w: number) => x + w >= 0 && x <= width;
  for (const { f, line, w } of placed) {
    // A row fits when the label clears the one before it and stays on the chart (or hangs left of its line).
    const row = rowEnds.findIndex((end) => {
      const at = box(line, w, end);
      return end + gap <= at.x && (at.before || at.x + w <= width);
    });
    const last = out.findLast((p) => seen(p.x, p.width));
    if (!seen(line, w) || row >= 0 || !last) {
      const r = seen(line, w) ? Math.max(row, 0) : 0;
      const after = seen(line, w) ? rowEnds[r]! : -Infinity;
      const at = seen(line, w) ? box(line, w, after) : { x: line, before: false };
      out.push({
        id: f.id,
        members: [f.id],
        row: r,
        ...at,
        width: w,
        text: f.label,
        full: [f.label],
        line,
        after,
      });
      if (seen(line, w)) rowEnds[r] = at.x + w;
      continue;
    }
    last.members.push(f.id);
    last.full.push(f.label);
    last.text = merged(last.full[0]!, last.members.length - 1);
    last.width = measure(last.text);
    Object.assign(last, box(last.line, last.width, last.after));
    rowEnds[last.row] = last.x + last.width;
  }
  return out.map(({ line: _line, after: _after, ...flag }) => flag);
}
