// Scrolling the chart's lane-name column, which scrolls the lanes: by keyboard (vis-timeline draws the column but
// does not make it focusable), and to an item of the event chosen.
import { revealAt } from './row-window';

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
 * Scrolls the lane-name column (and the lanes with it) so that an item of event `eventId` is in view: none when one
 * already is; else the nearest drawn item, or the top of the first of its `lanes` when none is drawn (a lane below
 * the view draws nothing until it is scrolled to). True when an item was in view already. Ids are data: compared as
 * strings, never put into a selector.
 */
export function revealEvent(
  chart: HTMLElement,
  column: HTMLElement,
  eventId: string,
  lanes: readonly string[],
): boolean {
  const view = column.getBoundingClientRect();
  const drawn = [...chart.querySelectorAll<HTMLElement>('.vis-foreground .vis-item')]
    .filter((el) => el.dataset.event === eventId)
    .map((el) => el.getBoundingClientRect());
  if (drawn.some((r) => r.top >= view.top && r.bottom <= view.bottom)) return true;
  const label = [...column.querySelectorAll<HTMLElement>('.lane-label')]
    .find((l) => lanes.includes(l.dataset.lane!))
    ?.closest<HTMLElement>('.vis-label');
  const target = drawn[0] ?? label?.getBoundingClientRect();
  if (!target) return false;
  const top = target.top - view.top + column.scrollTop;
  // A lane not drawn yet: its first row, so that the redraw after the scroll draws the item there.
  const height = drawn[0] ? target.height : Math.min(target.height, column.clientHeight);
  const to = revealAt(top, height, column.scrollTop, column.clientHeight);
  if (to !== undefined) column.scrollTop = to;
  return false;
}

/**
 * Holds the lane-name columns inside `root` as the screen shows them while an image is made of it (see chart.css,
 * `.capturing`): the image copies styles, not scroll offsets, so the offset becomes a transform, and the column
 * keeps the width that holds the scrollbar the image leaves out. Returns the function that lets go.
 */
export function holdLaneColumns(root: HTMLElement): () => void {
  const held = [...root.querySelectorAll<HTMLElement>('.timeline-chart .vis-panel.vis-left')].map(
    (column) => ({ column, top: column.scrollTop }),
  );
  for (const { column, top } of held) {
    column.style.setProperty('--lane-scroll', `${-top}px`);
    column.style.setProperty('--lane-column-width', `${column.offsetWidth}px`);
  }
  return () => {
    for (const { column, top } of held) {
      column.style.removeProperty('--lane-scroll');
      column.style.removeProperty('--lane-column-width');
      column.scrollTop = top;
    }
  };
}
