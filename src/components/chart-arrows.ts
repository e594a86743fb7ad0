// One SVG layer over the chart's item panel, drawing the arrows `arrowsInView` chose between the items on screen.
import '../styles/chart-arrows.css';
import type { Arrow, ArrowStyle } from '../model/causal-links';

const SVG = 'http://www.w3.org/2000/svg';
const STYLES: ArrowStyle[] = ['chain', 'detection', 'response'];

function svgElement<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string>) {
  const el = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

/** Arrowheads differ by kind as the lines do, so no kind is told by colour alone. */
function marker(style: ArrowStyle): SVGMarkerElement {
  const m = svgElement('marker', {
    id: `it-arrow-${style}`,
    viewBox: '0 0 10 10',
    refX: '9',
    refY: '5',
    markerWidth: '7',
    markerHeight: '7',
    orient: 'auto-start-reverse',
  });
  const head =
    style === 'chain'
      ? svgElement('path', { d: 'M0,0 L10,5 L0,10 z', class: 'it-head-filled' })
      : style === 'detection'
        ? svgElement('path', { d: 'M1,1 L9,5 L1,9 z', class: 'it-head-open' })
        : svgElement('rect', { x: '6', y: '0', width: '3', height: '10', class: 'it-head-filled' });
  m.appendChild(head);
  return m;
}

/** The layer, empty; `aria-hidden` since the details panel's path list is the accessible route to the links. */
export function createArrowLayer(): SVGSVGElement {
  const svg = svgElement('svg', { class: 'it-arrows', 'aria-hidden': 'true', focusable: 'false' });
  const defs = svgElement('defs', {});
  for (const style of STYLES) defs.appendChild(marker(style));
  svg.appendChild(defs);
  return svg;
}

/**
 * Redraws `arrows` between the item elements in `panel` (located by their `data-id`), each from the middle of its
 * source's start to its target's start, bowed when both sit on one row. Arrows whose items are not drawn are left out.
 */
export function drawArrows(svg: SVGSVGElement, panel: HTMLElement, arrows: readonly Arrow[]) {
  for (const old of svg.querySelectorAll('path.it-arrow')) old.remove();
  if (arrows.length === 0) return;
  const box = svg.getBoundingClientRect();
  const at = new Map<string, { x: number; y: number }>();
  for (const el of panel.querySelectorAll<HTMLElement>('.vis-item[data-id]')) {
    const r = el.getBoundingClientRect();
    at.set(el.dataset.id!, { x: r.left - box.left, y: r.top - box.top + r.height / 2 });
  }
  const paths: SVGPathElement[] = [];
  for (const a of arrows) {
    const from = at.get(a.fromItem);
    const to = at.get(a.toItem);
    if (!from || !to) continue;
    const bow = Math.abs(from.y - to.y) < 4 ? Math.min(28, 8 + Math.abs(to.x - from.x) / 6) : 0;
    const dx = (to.x - from.x) / 2;
    const d = `M${from.x},${from.y} C${from.x + dx},${from.y - bow} ${to.x - dx},${to.y - bow} ${to.x},${to.y}`;
    paths.push(
      svgElement('path', {
        d,
        class: `it-arrow it-arrow-${a.style}${a.dimmed ? ' it-arrow-dimmed' : ''}`,
        'marker-end': `url(#it-arrow-${a.style})`,
        'data-from': a.fromItem,
        'data-to': a.toItem,
      }),
    );
  }
  svg.append(...paths);
}
