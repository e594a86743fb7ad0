// Benchmark baseline: every event of `?src=` handed straight to vis-timeline, one lane per system, no level of detail.
import { DataSet } from 'vis-data/esnext';
import { Timeline } from 'vis-timeline/esnext';
import 'vis-timeline/styles/vis-timeline-graph2d.min.css';
import type { EventFile, IncidentFile } from '../src/model/incident';
import type { BenchFacet, BenchGroupBy } from './hook-contract';
import { groupsOf, itemsOf, plainOptions, type PlainItem } from './plain-timeline';

async function main() {
  const src = new URLSearchParams(location.search).get('src');
  if (!src) throw new Error('baseline.html needs ?src=<incident file>');
  const file = (await (await fetch(src)).json()) as IncidentFile;
  const byId = new Map(file.events.map((e) => [e.id, e]));
  const items = new DataSet<PlainItem, 'id'>(itemsOf(file));
  const options = plainOptions();
  const host = document.getElementById('chart')!;
  const timeline = new Timeline(host, items, groupsOf(file)!, options);

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

  let filter: { facet: BenchFacet; ids: Set<string> } | undefined;
  let terms: string[] = [];
  let group: BenchGroupBy = 'system';
  let all = items.get();
  const allText = (t: EventFile['description']) =>
    t === undefined ? '' : typeof t === 'string' ? t : Object.values(t).join(' ');
  const matches = (e: EventFile) =>
    (!filter ||
      (filter.facet === 'system'
        ? e.systems.some((s) => filter!.ids.has(s))
        : filter.ids.has(e[filter.facet]))) &&
    (terms.length === 0 ||
      // No index: a plain page searches the text as it is, every term in any field.
      terms.every((term) =>
        [allText(e.title), allText(e.description), ...e.systems, ...(e.techniques ?? [])].some(
          (f) => f.toLowerCase().includes(term),
        ),
      ));
  /** Brings the DataSet to the items that the filter and search leave, and waits for the redraw. */
  const show = async () => {
    const wanted = all.filter((it) => matches(byId.get(it.event)!));
    const wantedIds = new Set(wanted.map((it) => it.id));
    const drop = items.getIds({ filter: (it) => !wantedIds.has(it.id) });
    const add = wanted.filter((it) => items.get(it.id) === null);
    if (drop.length === 0 && add.length === 0) return;
    const changed = nextChange();
    items.remove(drop);
    items.add(add);
    await changed;
  };
  window.__incidentTimelineBench = {
    applyFilter(facet, ids) {
      filter = ids.length === 0 ? undefined : { facet, ids: new Set(ids) };
      return show();
    },
    search(q) {
      terms = q.toLowerCase().split(/\s+/).filter(Boolean);
      return show();
    },
    async regroup(next) {
      if (next === group) return;
      group = next;
      all = itemsOf(file, group);
      const changed = nextChange();
      items.clear();
      timeline.setGroups(groupsOf(file, group) ?? undefined);
      await show();
      await changed;
    },
    async zoom(factor) {
      const changed = nextChange();
      timeline.zoomIn(factor, { animation: false });
      await changed;
    },
    async pan(fraction) {
      const { start, end } = timeline.getWindow();
      const shift = (end.getTime() - start.getTime()) * fraction;
      const changed = nextChange();
      timeline.setWindow(start.getTime() + shift, end.getTime() + shift, { animation: false });
      await changed;
    },
  };
}

void main();
