// Benchmark baseline: every event of `?src=` handed straight to vis-timeline, one lane per system, no level of detail.
import moment from 'moment';
import { DataSet } from 'vis-data/esnext';
import { Timeline, type TimelineOptions } from 'vis-timeline/esnext';
import 'vis-timeline/styles/vis-timeline-graph2d.min.css';
import type { EventFile, IncidentFile } from '../src/model/incident';
import type { BenchFacet } from './hook-contract';

interface Item {
  id: string;
  content: '';
  label: string;
  event: string;
  group: string;
  start: number;
  end?: number;
  type: 'point' | 'range';
}

function label(text: string): HTMLElement {
  const node = document.createElement('span');
  node.textContent = text;
  return node;
}

const text = (t: EventFile['title']) =>
  typeof t === 'string' ? t : (t.en ?? Object.values(t)[0] ?? '');

async function main() {
  const src = new URLSearchParams(location.search).get('src');
  if (!src) throw new Error('baseline.html needs ?src=<incident file>');
  const file = (await (await fetch(src)).json()) as IncidentFile;
  const byId = new Map(file.events.map((e) => [e.id, e]));
  const items = new DataSet<Item, 'id'>(
    file.events.flatMap((e) =>
      e.systems.map((system) => ({
        id: `${e.id}@${system}`,
        content: '' as const,
        label: text(e.title),
        event: e.id,
        group: system,
        start: Date.parse(e.start),
        end: e.end === undefined ? undefined : Date.parse(e.end),
        type: e.end === undefined ? ('point' as const) : ('range' as const),
      })),
    ),
  );
  const groups = new DataSet(
    file.systems.map((s, order) => ({ id: s.id, content: text(s.label), order })),
  );
  // The app's chart options, so the difference measured is what the app adds or saves.
  const options: TimelineOptions = {
    moment: (date: moment.MomentInput) => moment(date).utc(),
    xss: { disabled: false, filterOptions: { whiteList: {} } },
    template: (data?: Item) => (data ? label(data.label) : ''),
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
  };
  const host = document.getElementById('chart')!;
  const timeline = new Timeline(host, items, groups, options);

  let ready = false;
  timeline.on('changed', () => {
    if (!ready && items.length > 0) {
      ready = true;
      performance.mark('incident:ready');
    }
  });
  const nextChange = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        timeline.off('changed', done);
        resolve();
      };
      timeline.on('changed', done);
    });

  const matches = (e: EventFile, facet: BenchFacet, ids: Set<string>) =>
    facet === 'system' ? e.systems.some((s) => ids.has(s)) : ids.has(e[facet]);
  const all = items.get();
  window.__incidentTimelineBench = {
    async applyFilter(facet, ids) {
      const keep = new Set(ids);
      const wanted = all.filter((it) => matches(byId.get(it.event)!, facet, keep));
      const wantedIds = new Set(wanted.map((it) => it.id));
      const drop = items.getIds({ filter: (it) => !wantedIds.has(it.id) });
      const add = wanted.filter((it) => items.get(it.id) === null);
      if (drop.length === 0 && add.length === 0) return;
      const changed = nextChange();
      items.remove(drop);
      items.add(add);
      await changed;
    },
    async zoom(factor) {
      const changed = nextChange();
      timeline.zoomIn(factor, { animation: false });
      await changed;
    },
  };
}

void main();
