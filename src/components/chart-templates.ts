// The chart's templates: what vis-timeline draws for an item, a band, a lane and a tooltip, built as DOM nodes
// with textContent only, so text from data can never become markup.
import type { Band, ChartItem, Lane } from '../model/chart-model';
import type { Marker } from '../model/chart-view';
import type { TimeWindow } from '../model/time';

// `content` is required by vis-timeline's types; the template draws the real label from `item` or `band`.
export interface VisItem {
  id: string;
  content: '';
  event?: string;
  group?: string;
  start: number;
  end?: number;
  type: 'point' | 'range' | 'background';
  className: string;
  /** Pixels kept free after this item when stacking, instead of the chart's margin (our vis-timeline patch). */
  horizontalMargin?: number;
  item?: ChartItem;
  band?: Band;
}

export interface VisGroup {
  id: string;
  content: '';
  order: number;
  lane: Lane;
}

export interface ItemMarks {
  dateOnly: string;
  failed: string;
  inferred: string;
}

export function element(tag: string, className: string, text?: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  // textContent, never innerHTML: event text is data and must not become markup.
  if (text !== undefined) node.textContent = text;
  return node;
}

// Class names come only from our own enums, never from data, so data cannot restyle the chart.
function classNameOf(item: ChartItem): string {
  return [
    `it-${item.shape}`,
    `it-${item.side}`,
    item.failed ? 'it-failed' : '',
    item.inferred ? 'it-inferred' : '',
    item.dimmed ? 'it-dimmed' : '',
  ]
    .filter(Boolean)
    .join(' ');
}

export function toVis(item: ChartItem): VisItem {
  return {
    id: item.id,
    content: '',
    // Aggregates stand for no single event, so they carry no data-event attribute.
    event: item.shape === 'aggregate' ? undefined : item.eventId,
    group: item.lane,
    start: item.start,
    end: item.end,
    type: item.shape === 'point' ? 'point' : 'range',
    className: classNameOf(item),
    // Neighbouring bins meet end to start; with the chart's margin after each, every other one took a second row.
    ...(item.shape === 'aggregate' ? { horizontalMargin: 0 } : {}),
    item,
  };
}

export function bandToVis(band: Band): VisItem {
  return {
    id: band.id,
    content: '',
    start: band.start,
    end: band.end,
    type: 'background',
    className: 'it-band',
    band,
  };
}

export function renderItem(data: VisItem | undefined, marks: ItemMarks): HTMLElement | string {
  if (!data) return '';
  if (data.band) {
    const box = element('div', 'band');
    const fill = element('div', 'band-fill');
    // The colour passed the schema's #rrggbb check, and CSSOM assignment cannot carry other declarations.
    fill.style.backgroundColor = data.band.color;
    box.append(fill, element('span', 'band-label', data.band.label));
    return box;
  }
  const item = data.item!;
  if (item.shape === 'aggregate') return element('span', 'it-label', item.label);
  const box = element('span', 'it-content');
  box.appendChild(element('span', 'it-label', item.label));
  if (item.shape === 'day') box.appendChild(element('span', 'it-badge', marks.dateOnly));
  if (item.failed) box.appendChild(element('span', 'it-badge it-badge-failed', marks.failed));
  if (item.inferred) box.appendChild(element('span', 'it-badge', marks.inferred));
  return box;
}

export function sameItem(a: VisItem | null, b: VisItem): boolean {
  if (!a) return false;
  if (a.start !== b.start || a.end !== b.end || a.group !== b.group || a.className !== b.className)
    return false;
  if (a.band || b.band) return a.band?.label === b.band?.label && a.band?.color === b.band?.color;
  return a.item?.label === b.item?.label && a.item?.count === b.item?.count;
}

export const sameWindow = (a: TimeWindow, b: TimeWindow) => {
  const tolerance = (a.to - a.from) / 10_000;
  return Math.abs(a.from - b.from) <= tolerance && Math.abs(a.to - b.to) <= tolerance;
};

export function renderLane(group: VisGroup | undefined): HTMLElement | string {
  // vis-timeline calls this with nothing for its internal ungrouped lane, also while being destroyed.
  if (!group) return '';
  const label = element('span', 'lane-label', group.lane.label);
  // For revealLane; a data attribute is text, whatever the id holds.
  label.dataset.lane = group.lane.id;
  return label;
}

export function renderTooltip(lines: readonly string[]): HTMLElement {
  const box = element('div', 'tip');
  for (const line of lines) box.appendChild(element('div', 'tip-line', line));
  return box;
}

/** A marker's id in vis-timeline, which also uses it in a class name: our own ids only, never data. */
export const markerId = (m: Marker) => `${m.kind}-r${m.row}-${m.id}`;
