import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateIncident } from '../../bench/generate';
import {
  chartScene,
  chartView,
  laterSteps,
  QUIET_KEEP,
  sceneSteps,
  tooltipLines,
  windowRevealing,
  type ChartView,
} from './chart-view';
import { linksInto } from './causal-links';
import { laneIdsOf, type GroupBy } from './chart-model';
import { buildEventIndex, laneTableOf, type EventIndex } from './event-index';
import { noteTextEdit } from './event-versions';
import { facetColumns } from './facet-columns';
import { NO_SEARCH_INDEX, queryResult } from './filters';
import { loadBundled } from './bundled.test-helper';
import { testWords } from './chart-words.test-helper';
import type { Incident, TimelineEvent } from './incident';
import { MAX_CHART_ITEMS } from './level-of-detail';
import { milestones } from './metrics';
import { revealedEvents, presentSteps, revealedIncident } from './present';
import { minimalIncident } from './test-incident';
import { DAY, HOUR } from './time';
import { DEFAULT_VIEW } from './view-state';
import { outcomesIn, termLabel } from './vocabulary';

const bundled = loadBundled();
const large = loadBundled(generateIncident(20_000));

const words = testWords;

const sceneOf = (incident: Incident, over: Partial<Parameters<typeof chartScene>[0]> = {}) =>
  chartScene({
    incident,
    events: incident.events,
    groupBy: 'system',
    lang: 'en',
    bands: true,
    compress: false,
    words,
    ...over,
  });

describe('chartScene and chartView on a small incident', () => {
  const scene = sceneOf(bundled);

  it('hands every event to the chart, once per lane it touches, with the lanes it uses', () => {
    const { items } = chartView(scene, undefined);
    const perEvent = bundled.events.reduce((n, e) => n + Math.max(1, e.systems.length), 0);
    expect(scene.detailed).toBe(false);
    expect(items).toHaveLength(perEvent);
    const laneIds = new Set(scene.lanes!.map((l) => l.id));
    for (const item of items) expect(laneIds.has(item.lane!)).toBe(true);
  });

  it('opens on 14–24 November when no window is asked for, folded on every event, and keeps the one asked for', () => {
    const first = chartView(scene, undefined).window!;
    expect(first.from).toBeLessThanOrEqual(Date.UTC(2023, 10, 14));
    expect(first.from).toBeGreaterThan(Date.UTC(2023, 10, 10));
    expect(first.to).toBeGreaterThanOrEqual(Date.UTC(2023, 10, 25));
    expect(first.to).toBeLessThan(Date.UTC(2023, 11, 1));
    const fitted = chartView(sceneOf(bundled, { compress: true }), undefined).window!;
    expect(fitted).toEqual(scene.fitted);
    for (const e of bundled.events) {
      expect(e.startMs).toBeGreaterThanOrEqual(fitted.from);
      expect(e.endMs).toBeLessThanOrEqual(fitted.to);
    }
    const asked = { from: Date.UTC(2023, 10, 23), to: Date.UTC(2023, 10, 24) };
    expect(chartView(scene, asked).window).toBe(asked);
  });

  it('marks each milestone once, in the words given, and folds quiet periods only when asked', () => {
    const kinds = new Set(bundled.events.flatMap((e) => e.milestones ?? []));
    expect(scene.markers.map((m) => m.label).sort()).toEqual(
      [...kinds].map((k) => `M:${k}`).sort(),
    );
    expect(scene.hidden).toEqual([]);
    const folded = sceneOf(bundled, { compress: true });
    expect(folded.hidden.length).toBeGreaterThan(0);
    expect(folded.markers.filter((m) => m.kind === 'break')).toHaveLength(folded.hidden.length);
  });

  it('keeps the phase bands for "zoom to phase" when they are not drawn', () => {
    const off = sceneOf(bundled, { bands: false });
    expect(off.showBands).toBe(false);
    expect(off.bands.map((b) => b.phase)).toEqual(scene.bands.map((b) => b.phase));
  });

  it('draws no lanes without grouping, and greys out the dimmed ids', () => {
    const first = bundled.events[0]!;
    const flat = chartView(
      sceneOf(bundled, { groupBy: 'none', dimmed: new Set([first.id]) }),
      undefined,
    );
    expect(flat.scene.lanes).toBeNull();
    expect(flat.items).toHaveLength(bundled.events.length);
    expect(flat.items.filter((i) => i.dimmed).map((i) => i.eventId)).toEqual([first.id]);
  });

  it('says when, who and the inferred reason in the tooltip', () => {
    const inferred = bundled.events.find((e) => e.inferred)!;
    const item = chartView(scene, undefined).items.find((i) => i.eventId === inferred.id)!;
    const lines = tooltipLines(scene, item);
    expect(lines[1]).toBe(inferred.start);
    expect(lines.at(-1)).toMatch(/^Inferred: \S/);
  });
});

describe('chartView on a large incident', () => {
  const scene = sceneOf(large);

  it('stays within the item budget at every zoom level', () => {
    expect(scene.detailed).toBe(true);
    const all = scene.fitted!;
    const middle = large.events[10_000]!.startMs;
    for (const width of [all.to - all.from, 30 * DAY, DAY, DAY / 24]) {
      const from = middle - width / 2;
      const { items } = chartView(scene, { from, to: from + width });
      expect(items.length).toBeGreaterThan(0);
      expect(items.length).toBeLessThanOrEqual(MAX_CHART_ITEMS);
    }
  });

  it('describes an aggregate by its count and span', () => {
    const agg = chartView(scene, undefined).items.find((i) => i.shape === 'aggregate')!;
    expect(tooltipLines(scene, agg)).toEqual([
      agg.label,
      expect.stringMatching(/ UTC$/),
      'click to zoom in',
    ]);
  });

  it('reveals an event by zooming until it is drawn on its own', () => {
    const event = large.events[10_000]!;
    const window = windowRevealing(scene, scene.fitted!, event);
    const { items } = chartView(scene, window);
    expect(items.some((i) => i.eventId === event.id && i.shape !== 'aggregate')).toBe(true);
  });

  it('keeps present mode with every step revealed within the budget', () => {
    const steps = presentSteps(large.events);
    const shown = revealedIncident(large, revealedEvents(steps, steps.length - 1));
    const present = sceneOf(shown, { groupBy: 'actor' });
    expect(chartView(present, undefined).items.length).toBeLessThanOrEqual(MAX_CHART_ITEMS);
  });
});

describe('lanes', () => {
  // What the lanes are: each lane a shown event is in, ordered by its first such event in the incident's (reading)
  // order, and within one event by the order the event names them.
  const expected = (events: readonly TimelineEvent[], groupBy: GroupBy) => {
    const first = new Set<string>();
    for (const e of events) for (const id of laneIdsOf(e, groupBy)) first.add(id);
    return [...first];
  };
  const groupings = fc.constantFrom<GroupBy>('system', 'actor', 'phase', 'action');

  it('are the lanes of the shown events, in reading order, for any filter of the bundled incident', () => {
    // The bundled incident's date-only events read apart from their start order, and some events have two systems.
    expect(bundled.events.some((e) => e.systems.length > 1)).toBe(true);
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), {
          minLength: bundled.events.length,
          maxLength: bundled.events.length,
        }),
        groupings,
        (keep, groupBy) => {
          const events = bundled.events.filter((_, i) => keep[i]);
          const scene = sceneOf(bundled, { events, groupBy });
          expect(scene.lanes!.map((l) => l.id)).toEqual(expected(events, groupBy));
          expect(scene.lanes!.map((l) => l.order)).toEqual(scene.lanes!.map((_, i) => i));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('are read off the lane table for a large filtered incident too, in the UI language', () => {
    const failed = large.events.filter((e) => e.outcome === 'failed' && e.startMs % 7 !== 0);
    for (const groupBy of ['system', 'actor'] as const) {
      const lanes = sceneOf(large, { events: failed, groupBy, lang: 'zh-Hant' }).lanes!;
      expect(lanes.map((l) => l.id)).toEqual(expected(failed, groupBy));
      expect(lanes.map((l) => l.label)).toEqual(
        lanes.map((l) => termLabel(large, groupBy, l.id, 'zh-Hant')),
      );
    }
  });
});

describe('a filtered scene', () => {
  const failed = large.events.filter((e) => e.outcome === 'failed');
  const all = sceneOf(large);
  const filtered = sceneOf(large, { events: failed });
  const fresh = buildEventIndex(failed);
  const T_MID = failed[Math.floor(failed.length / 2)]!.startMs;

  it("takes its time index from the whole incident's, with the same contents as one built anew", () => {
    expect(filtered.index.subsetOf?.parent).toBe(all.index);
    expect({ ...filtered.index, subsetOf: undefined }).toEqual(fresh);
    // Lane rows are copied by number: each event is in the same lanes either way.
    const rows = (index: EventIndex) => {
      const t = laneTableOf(index, 'system');
      return index.events.map((e, i) => [
        e.id,
        [...t.lanes.subarray(t.offsets[i]!, t.offsets[i + 1]!)].map((k) => t.ids[k]),
      ]);
    };
    expect(rows(filtered.index)).toEqual(rows(fresh));
  });

  it('given where its events are in the incident, builds the same index and lanes without looking each up', () => {
    // The bundled incident reads in another order than its time index, so its rows are mapped, not copied.
    expect(buildEventIndex(bundled.events).events).not.toBe(bundled.events);
    for (const incident of [bundled, large]) {
      const rows = Int32Array.from(incident.events.flatMap((_, i) => (i % 3 === 1 ? [i] : [])));
      const events = Array.from(rows, (r) => incident.events[r]!);
      const byRows = sceneOf(incident, { events, rows });
      const looked = sceneOf(incident, { events: [...events] });
      expect(byRows.index.subsetOf?.parent).toBe(sceneOf(incident).index);
      expect(byRows.index).toEqual(looked.index);
      expect(byRows.lanes).toEqual(looked.lanes);
    }
  });

  it('draws the same items, counts and sides as a scene of an index built anew', () => {
    for (const window of [all.initial!, all.fitted!, { from: T_MID - HOUR, to: T_MID + HOUR }]) {
      const byId = (v: ChartView) => [...v.items].sort((a, b) => (a.id < b.id ? -1 : 1));
      expect(byId(chartView(filtered, window))).toEqual(
        byId(chartView({ ...filtered, index: fresh }, window)),
      );
    }
  });

  it('sorts a list out of time order by its positions in the whole index, as a fresh build would', () => {
    const reversed = sceneOf(large, { events: [...failed].reverse() }).index;
    expect(reversed.subsetOf?.parent).toBe(all.index);
    expect(reversed.events).toEqual(fresh.events);
  });

  it('builds its own index for a list holding an event twice', () => {
    expect(sceneOf(large, { events: [...failed, failed[0]!] }).index.subsetOf).toBeUndefined();
  });
});

const DEFAULT_QUERY = { filters: DEFAULT_VIEW.filters, q: '' };

describe('sceneSteps', () => {
  it('builds, one step at a time, what the first scene and the filters then reuse instead of building again', () => {
    const incident = loadBundled(generateIncident(2_000));
    const built = sceneSteps(incident).map((step) => step());
    const scene = sceneOf(incident);
    expect(built).toContain(scene.index);
    expect(built).toContain(scene.byId);
    expect(built).toContain(laneTableOf(scene.index, 'system'));
    expect(built).toContain(facetColumns(incident.events));
    expect(built).toContain(scene.bands);
    // And what the panels beside the chart read of every event, as they ask for it.
    expect(built).toContain(milestones(incident));
    expect(built).toContain(outcomesIn(incident));
    expect(built).toContain(queryResult(incident.events, DEFAULT_QUERY, NO_SEARCH_INDEX));
    // The steps leave the scene as it was: the same items as a scene built without them.
    const fresh = sceneOf(loadBundled(generateIncident(2_000)));
    expect(chartView(scene, undefined).items).toEqual(chartView(fresh, undefined).items);
  });

  it('builds the lane table the overview strip counts by actor, and leaves the links naming each event to later', () => {
    const incident = loadBundled(generateIncident(2_000));
    const first = sceneSteps(incident).map((step) => step());
    const later = laterSteps(incident).map((step) => step());
    expect(first).toContain(laneTableOf(sceneOf(incident).index, 'actor'));
    expect(first).not.toContain(linksInto(incident.events));
    expect(later).toEqual([linksInto(incident.events)]);
  });
});

describe('the hidden quiet periods', () => {
  it('end where the first event after them starts, a date-only event after that day’s timed ones included', () => {
    const file = minimalIncident();
    const [first, second] = file.events;
    first!.start = '2024-03-01T10:00:00Z';
    second!.start = '2024-03-05T00:00:00Z';
    file.events.push({
      ...first!,
      id: 'later-login',
      start: '2024-03-05T09:00:00Z',
      precision: 'second',
    });
    const incident = loadBundled(file);
    // In reading order the date-only event comes last, after the 09:00 one it starts before.
    expect(incident.events.map((e) => e.id)).toEqual([
      'first-login',
      'later-login',
      'second-login',
    ]);
    const [fold] = sceneOf(incident, { compress: true }).hidden;
    expect(fold?.to).toBe(Date.parse('2024-03-05T00:00:00Z') - QUIET_KEEP);
  });
  it('stay the same array across filters, so the chart does not re-map its axis on every filter', () => {
    for (const compress of [false, true]) {
      const all = sceneOf(large, { compress });
      const some = sceneOf(large, { compress, events: large.events.slice(0, 500) });
      expect(some.hidden).toBe(all.hidden);
    }
    expect(sceneOf(large, { compress: true }).hidden.length).toBeGreaterThan(0);
  });
});

describe('a text edit of a large incident', () => {
  const incident = loadBundled(generateIncident(3000, 2, 'full'));
  const before = sceneOf(incident);
  const window = { from: before.index.starts[0]!, to: before.index.starts[0]! + 2 * DAY };
  chartView(before, window);
  linksInto(incident.events);
  const columns = facetColumns(incident.events);
  // Edit an event that holds links, whose place in start order differs from its place in reading order.
  const at = incident.events.findIndex((e, i) => e.related && before.index.events[i] !== e);
  const was = incident.events[at]!;
  const now = { ...was, title: { en: 'Edited title' }, description: { en: 'Edited.' } };
  const events = incident.events.with(at, now);
  const edited = { ...incident, events };
  noteTextEdit(incident.events, events);
  const scene = sceneOf(edited);
  // The same incident as new objects throughout: built from nothing.
  const fresh = sceneOf({ ...edited, events: events.map((e) => ({ ...e })) });

  it('is shown as a fresh build would show it, with the edited event in place of the old', () => {
    expect(at).toBeGreaterThan(-1);
    expect(scene.index.events).toContain(now);
    expect(scene.index.events).not.toContain(was);
    expect(scene.index).toEqual(fresh.index);
    expect(scene.lanes).toEqual(fresh.lanes);
    expect(scene.limits).toEqual(fresh.limits);
    expect(scene.byId.get(was.id)).toBe(now);
    expect(chartView(scene, window).items).toEqual(chartView(fresh, window).items);
    const around = { from: now.startMs - DAY, to: now.endMs + DAY };
    const items = chartView(scene, around).items;
    expect(items.some((item) => item.label === 'Edited title')).toBe(true);
    expect(items).toEqual(chartView(fresh, around).items);
    for (const over of [{ compress: true }, { groupBy: 'actor' as const }]) {
      const [a, b] = [sceneOf(edited, over), sceneOf(fresh.incident, over)];
      expect(a.hidden).toEqual(b.hidden);
      expect(a.lanes).toEqual(b.lanes);
      expect(chartView(a, around).items).toEqual(chartView(b, around).items);
    }
    const subset = (list: readonly TimelineEvent[]) => list.filter((e) => e.phase === now.phase);
    const [a, b] = [
      sceneOf(edited, { events: subset(events) }),
      sceneOf(fresh.incident, { events: subset(fresh.incident.events) }),
    ];
    expect(a.index.events).toContain(now);
    expect(chartView(a, around).items).toEqual(chartView(b, around).items);
    expect(linksInto(events)).toEqual(linksInto(fresh.incident.events));
    const into = [...linksInto(events).values()].flat();
    expect(into.some((l) => l.from === now)).toBe(true);
    expect(into.some((l) => l.from === was)).toBe(false);
  });

  it('keeps what is made of the events’ order, times and lanes', () => {
    expect(laneTableOf(scene.index, 'system')).toBe(laneTableOf(before.index, 'system'));
    expect(facetColumns(events)).toBe(columns);
    expect(scene.limits).toBe(before.limits);
    expect(scene.bands).toBe(before.bands);
    const renamed = { ...edited, phases: edited.phases.map((p) => ({ ...p, label: 'Renamed' })) };
    expect(sceneOf(renamed).bands.map((b) => b.label)).toEqual(scene.bands.map(() => 'Renamed'));
  });
});
