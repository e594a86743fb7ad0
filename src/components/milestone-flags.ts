// Applies the milestone flags' layout to vis-timeline's marker elements: row, merged text and the full listing.
import type { Marker } from '../model/chart-view';
import { layoutFlags } from '../model/milestone-layout';
import type { TimeWindow } from '../model/time';
import { markerId } from './chart-templates';

/** Rows of labels above the axis: chart.css keeps room for exactly this many. */
const ROWS = 3;
const GAP = 4;
let canvas: HTMLCanvasElement | undefined;

function measurer(sample: HTMLElement): (text: string) => number {
  const style = getComputedStyle(sample);
  const context = (canvas ??= document.createElement('canvas')).getContext('2d');
  const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
  if (!context) return (text) => text.length * parseFloat(style.fontSize) + padding;
  context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  // Rounded up, with a pixel to spare, so subpixel text never reaches the next label.
  return (text) => Math.ceil(context.measureText(text).width) + padding + 1;
}

/** Lays out the milestone labels for the chart's current window; touches the DOM only where a flag changed. */
export function placeFlags(
  host: HTMLElement,
  markers: readonly Marker[],
  window: TimeWindow,
  hidden: readonly TimeWindow[],
  merged: (first: string, more: number) => string,
) {
  const milestones = markers.filter((m) => m.kind === 'milestone');
  const elements = new Map<string, HTMLElement>();
  for (const m of milestones) {
    const el = host.querySelector<HTMLElement>(
      `.vis-custom-time.${markerId(m)} .vis-custom-time-marker`,
    );
    if (el) elements.set(m.id, el);
  }
  const sample = elements.values().next().value;
  const center = host.querySelector<HTMLElement>('.vis-panel.vis-center');
  if (!sample || !center) return;
  const flags = layoutFlags({
    flags: milestones.map((m) => ({ id: m.id, time: m.time, label: m.label })),
    window,
    width: center.clientWidth,
    hidden,
    rows: ROWS,
    gap: GAP,
    measure: measurer(sample),
    merged,
  });
  for (const flag of flags) {
    flag.members.forEach((id, i) => {
      const el = elements.get(id);
      if (!el) return;
      // A line never crosses a label in a lower row: bars with labels higher up are drawn on top.
      if (el.parentElement) el.parentElement.style.zIndex = String(i > 0 ? 1 : ROWS + 1 - flag.row);
      if (i > 0) {
        el.dataset.merged = '';
        return;
      }
      delete el.dataset.merged;
      el.dataset.row = String(flag.row);
      if (flag.before) el.dataset.before = '';
      else delete el.dataset.before;
      if (el.textContent !== flag.text) el.textContent = flag.text;
      if (flag.members.length > 1) {
        // A merged flag lists its milestones on hover and on focus.
        el.dataset.full = flag.full.join('\n');
        el.tabIndex = 0;
        el.setAttribute('aria-label', flag.full.join(', '));
      } else {
        delete el.dataset.full;
        el.removeAttribute('tabindex');
        el.removeAttribute('aria-label');
      }
    });
  }
}
