// Keeps the chart's phase names and fold labels from covering each other: each cut or hidden before the next.
import { fitLabels } from '../model/label-fit';

const GAP = 4;
// Below this a cut label shows hardly a letter before its ellipsis.
const MIN = 28;
const LABELS = ['.band-label', ".vis-custom-time[class*='break-'] .vis-custom-time-marker"];

// What the last fit of each chart was for, and the labels it fitted: a redraw that changes neither (a filter, a
// search) measures nothing.
const fitted = new WeakMap<HTMLElement, string>();
const seen = new WeakSet<HTMLElement>();

/**
 * Fits the phase-band labels and the fold labels drawn in `host` (see chart.css) for the chart's window; run after
 * each redraw. Measuring forces a layout, so it is done only for a new window, width, label or text.
 */
export function fitChartLabels(host: HTMLElement, window: { from: number; to: number }) {
  const all = LABELS.map((selector) => [...host.querySelectorAll<HTMLElement>(selector)]);
  const drawn = all.flat();
  const key = [window.from, window.to, host.clientWidth, ...drawn.map((el) => el.textContent)].join(
    '\n',
  );
  if (fitted.get(host) === key && drawn.every((el) => seen.has(el))) return;
  fitted.set(host, key);
  for (const el of drawn) seen.add(el);
  for (const labels of all) {
    // Measured whole, as the chart draws them.
    for (const el of labels) {
      el.style.removeProperty('max-width');
      delete el.dataset.fit;
    }
    const boxes = labels.map((el) => {
      const r = el.getBoundingClientRect();
      // A band narrower than its name cuts it (chart.css): read in the same layout as the boxes.
      const clipped = el.scrollWidth > el.clientWidth;
      return { left: r.left, width: r.width, top: r.top, bottom: r.bottom, clipped };
    });
    fitLabels(boxes, GAP, MIN).forEach((fit, i) => {
      const el = labels[i]!;
      if (fit.kind !== 'whole') el.dataset.fit = fit.kind;
      if (fit.kind === 'cut') el.style.maxWidth = `${fit.width}px`;
      // Whole on hover: vis-timeline's z-index on every item lifts a band over the lanes, yet under the items.
      if (fit.kind === 'cut') el.title = el.textContent ?? '';
      else el.removeAttribute('title');
    });
  }
}
