// Fitting labels laid out side by side in a row (phase names, folds) so that none covers another.

/** A label's box as drawn, whole: its left edge and width, and the rows of pixels it takes. */
export interface LabelBox {
  left: number;
  width: number;
  top: number;
  bottom: number;
  /** Drawn narrower than its text already (a phase name in a narrow band): cut short, whatever its neighbours. */
  clipped?: boolean;
}

/** How a label is drawn: whole, cut to `width` (its end shown as an ellipsis), or not at all. */
export type LabelFit = { kind: 'whole' } | { kind: 'cut'; width: number } | { kind: 'hidden' };

/**
 * Fits each label before the next one on its row, `gap` pixels apart: the right-most whole, each one left of it cut
 * to the room up to its neighbour, and hidden when that room is under `min` (of two at the same place, the later
 * is kept). Labels on rows that do not meet never constrain each other. A label drawn clipped is cut at its width
 * even with room to spare, however narrow (hidden when not a pixel of it shows). Results are in the order given.
 */
export function fitLabels(boxes: readonly LabelBox[], gap: number, min: number): LabelFit[] {
  const order = boxes.map((_, i) => i).sort((a, b) => boxes[a]!.left - boxes[b]!.left || a - b);
  const fits: LabelFit[] = boxes.map(() => ({ kind: 'whole' }));
  const kept: LabelBox[] = [];
  for (const i of order.reverse()) {
    const box = boxes[i]!;
    const next = kept
      .filter((k) => k.top < box.bottom && box.top < k.bottom)
      .reduce((limit, k) => Math.min(limit, k.left - gap), Infinity);
    const room = next - box.left;
    if (box.clipped && box.width < 1) fits[i] = { kind: 'hidden' };
    else if (room >= box.width) {
      if (box.clipped) fits[i] = { kind: 'cut', width: box.width };
      kept.push(box);
    } else if (room >= min) {
      fits[i] = { kind: 'cut', width: room };
      kept.push(box);
    } else fits[i] = { kind: 'hidden' };
  }
  return fits;
}
