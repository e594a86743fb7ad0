// Keyboard scrolling of the chart's lane-name column, which vis-timeline draws but does not make focusable.
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
