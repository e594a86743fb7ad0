// Keeps the chart's phase names and fold labels from covering each other: each cut or hidden before the next.
import { fitLabels } from '../model/label-fit';

const GAP = 4;
// Below this a cut label shows hardly a letter before its ellipsis.
const MIN = 28;
const LABELS = ['.band-label', ".vis-custom-time[class*='break-'] .vis-custom-time-marker"];

/** Fits the phase-band labels and the fold labels drawn in `host` (see chart.css); run after each redraw. */
export function fitChartLabels(host: HTMLElement) {
  for (const selector of LABELS) {
    const labels = [...host.querySelectorAll<HTMLElement>(selector)];
    // Measured whole, as the chart draws them.
    for (const el of labels) {
      el.style.removeProperty('max-width');
      delete el.dataset.fit;
    }
    const boxes = labels.map((el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, width: r.width, top: r.top, bottom: r.bottom };
    });
    fitLabels(boxes, GAP, MIN).forEach((fit, i) => {
      const el = labels[i]!;
      if (fit.kind !== 'whole') el.dataset.fit = fit.kind;
      if (fit.kind === 'cut') el.style.maxWidth = `${fit.width}px`;
      // A name cut short is there whole on hover.
      if (fit.kind === 'cut') el.title = el.textContent ?? '';
      else el.removeAttribute('title');
    });
  }
}
