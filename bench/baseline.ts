// Benchmark baseline: every event of `?src=` handed straight to vis-timeline, one lane per system, no level of detail.
import { DataSet } from 'vis-data/esnext';
import { Timeline } from 'vis-timeline/esnext';
import 'vis-timeline/styles/vis-timeline-graph2d.min.css';
import type { EventFile, IncidentFile } from '../src/model/incident';
import type { BenchFacet } from './hook-contract';
import { groupsOf, itemsOf, plainOptions, type PlainItem } from './plain-timeline';

async function main() {
  const src = new URLSearchParams(location.search).get('src');
  if (!src) throw new Error('baseline.html needs ?src=<incident file>');
  const file = (await (await fetch(src)).json()) as IncidentFile;
  const byId = new Map(file.events.map((e) => [e.id, e]));
  const items = new DataSet<PlainItem, 'id'>(itemsOf(file));
  const groups = groupsOf(file);
  const options = plainOptions();
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
