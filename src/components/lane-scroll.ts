// Scrolling the chart's lane-name column, which scrolls the lanes: by keyboard (vis-timeline draws the column but
// does not make it focusable), and to the lane of the event chosen.
const LINE = 40;

/** Where a scrolling key moves a scrolled element, as the browser would; undefined for other keys. */
export function scrollTarget(key: string, el: HTMLElement): number | undefined {
  const page = Math.max(LINE, el.clientHeight - LINE);
  const by: Record<string, number> = {
    ArrowDown: LINE,
    ArrowUp: -LINE,
    PageDown: page,
    PageUp: -page,
    Home: -Infinity,
    End: Infinity,
  };
  const delta = by[key];
  if (delta === undefined) return undefined;
  return Math.min(el.scrollHeight - el.clientHeight, Math.max(0, el.scrollTop + delta));
}

/**
 * The scroll position that shows a lane at `top` (of `height`, in the scrolled content) whole, or its top when it
 * is taller than the view; undefined when it is already in view.
 */
export function revealLaneAt(
  top: number,
  height: number,
  scrollTop: number,
  viewHeight: number,
): number | undefined {
  if (top >= scrollTop && top + height <= scrollTop + viewHeight) return undefined;
  return height > viewHeight || top < scrollTop ? top : top + height - viewHeight;
}

/** Scrolls the lane-name column (and the lanes with it) so that lane `id` is in view; false if it has no label. */
export function revealLane(column: HTMLElement, id: string): boolean {
  // Lane ids are data: compared as strings, never put into a selector.
  const label = [...column.querySelectorAll<HTMLElement>('.lane-label')]
    .find((l) => l.dataset.lane === id)
    ?.closest<HTMLElement>('.vis-label');
  if (!label) return false;
  const top =
    label.getBoundingClientRect().top - column.getBoundingClientRect().top + column.scrollTop;
  const to = revealLaneAt(top, label.offsetHeight, column.scrollTop, column.clientHeight);
  if (to !== undefined) column.scrollTop = to;
  return true;
}
