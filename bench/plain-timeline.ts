// Plain vis-timeline as the benchmark pages build it: one item per event and system, one lane per system, the app's options.
import moment from 'moment';
import { DataSet } from 'vis-data/esnext';
import type { TimelineOptions } from 'vis-timeline/esnext';
import type { EventFile, IncidentFile } from '../src/model/incident';
import type { BenchGroupBy } from './hook-contract';

export interface PlainItem {
  id: string;
  content: '';
  label: string;
  event: string;
  group?: string;
  start: number;
  end?: number;
  type: 'point' | 'range';
  className?: string;
}

export const text = (t: EventFile['title']) =>
  typeof t === 'string' ? t : (t.en ?? Object.values(t)[0] ?? '');

function label(content: string): HTMLElement {
  const node = document.createElement('span');
  node.textContent = content;
  return node;
}

/** The lanes an event is drawn in when grouped by `group`: each of its systems, or its one phase, actor or action. */
const lanesOf = (e: EventFile, group: BenchGroupBy): (string | undefined)[] =>
  group === 'system' ? e.systems : group === 'none' ? [undefined] : [e[group]];

/** One item per event and lane, as the app draws an event in each of its systems' lanes. */
export function itemsOf(file: IncidentFile, group: BenchGroupBy = 'system'): PlainItem[] {
  return file.events.flatMap((e) =>
    lanesOf(e, group).map((lane) => ({
      id: `${e.id}@${lane ?? ''}`,
      content: '' as const,
      label: text(e.title),
      event: e.id,
      group: lane,
      start: Date.parse(e.start),
      end: e.end === undefined ? undefined : Date.parse(e.end),
      type: e.end === undefined ? ('point' as const) : ('range' as const),
    })),
  );
}

/** The lanes for `group`, or null for one ungrouped lane. */
export function groupsOf(file: IncidentFile, group: BenchGroupBy = 'system') {
  if (group === 'none') return null;
  const terms = {
    system: file.systems,
    phase: file.phases,
    actor: file.actors,
    action: file.actions,
  }[group];
  return new DataSet(terms.map((t, order) => ({ id: t.id, content: text(t.label), order })));
}

/** The app's chart options, so the difference measured is what the app adds or saves. */
export const plainOptions = (): TimelineOptions => ({
  moment: (date: moment.MomentInput) => moment(date).utc(),
  xss: { disabled: false, filterOptions: { whiteList: {} } },
  template: (data?: PlainItem) => (data ? label(data.label) : ''),
  dataAttributes: ['event'],
  groupOrder: 'order',
  orientation: { axis: 'top', item: 'top' },
  stack: true,
  showCurrentTime: false,
  selectable: true,
  zoomMin: 10 * 1000,
  zoomMax: 1000 * 60 * 60 * 24 * 365 * 20,
  verticalScroll: true,
  maxHeight: '70vh',
  margin: { item: { horizontal: 4, vertical: 6 }, axis: 6 },
});
