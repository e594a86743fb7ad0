import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateIncident } from '../../bench/generate';
import { loadBundled } from './bundled.test-helper';
import { chartScene, chartView, type ChartWords } from './chart-view';
import { cpuMsSince } from './cpu-time.test-helper';
import type { ChartItem } from './chart-model';
import {
  arrowsInView,
  cycleClosedBy,
  indexLinks,
  findCausalCycle,
  linksInto,
  linksIntoEvent,
  linksOf,
  offPath,
  tracePath,
  type Link,
} from './causal-links';
import { laneIdsOf, type GroupBy } from './chart-model';
import type { RelationKind } from './incident';
import { DAY, HOUR } from './time';

const bundled = loadBundled();
const linked = (id: string, ...related: [string, RelationKind][]) => ({
  id,
  related: related.map(([event, kind]) => ({ event, kind })),
});

describe('linksOf', () => {
  it('draws every kind but part-of, styled as chain, detection or response', () => {
    const links = linksOf([
      linked('a', ['b', 'led-to'], ['c', 'enabled'], ['d', 'part-of']),
      linked('alert', ['a', 'detected']),
      linked('block', ['a', 'contained'], ['alert', 'responded-to'], ['b', 'eradicated']),
    ]);
    expect(links.map((l) => `${l.from}>${l.to}:${l.style}`)).toEqual([
      'a>b:chain',
      'a>c:chain',
      'alert>a:detection',
      'block>a:response',
      'block>alert:response',
      'block>b:response',
    ]);
  });
});

describe('findCausalCycle', () => {
  it.each([
    ['no links', [linked('a'), linked('b')], undefined],
    [
      'a chain',
      [linked('a', ['b', 'led-to']), linked('b', ['c', 'enabled']), linked('c')],
      undefined,
    ],
    ['a self-link', [linked('a', ['a', 'led-to'])], ['a', 'a']],
    [
      'a loop through others',
      [
        linked('x'),
        linked('a', ['b', 'led-to']),
        linked('b', ['c', 'enabled']),
        linked('c', ['a', 'led-to']),
      ],
      ['a', 'b', 'c', 'a'],
    ],
    // A response pointing back at what it answered is not a cause, so it closes no loop.
    [
      'a response back',
      [linked('a', ['b', 'led-to']), linked('b', ['a', 'responded-to'])],
      undefined,
    ],
    ['an unknown target', [linked('a', ['ghost', 'led-to'])], undefined],
  ])('%s', (_, events, cycle) => {
    expect(findCausalCycle(events)).toEqual(cycle);
  });

  it('finds none in the bundled incident', () => {
    expect(findCausalCycle(bundled.events)).toBeUndefined();
  });

  it('walks a chain of 20,000 links without overflowing the stack', () => {
    const events = Array.from({ length: 20_000 }, (_, i) =>
      linked(`e${i}`, ...(i > 0 ? [[`e${i - 1}`, 'led-to'] as [string, RelationKind]] : [])),
    );
    expect(findCausalCycle(events)).toBeUndefined();
    events[0]!.related.push({ event: 'e19999', kind: 'led-to' });
    expect(findCausalCycle(events)).toHaveLength(20_001);
  });
});

describe('cycleClosedBy', () => {
  const KINDS: RelationKind[] = ['led-to', 'led-to', 'enabled', 'detected', 'part-of'];
  const ids = ['a', 'b', 'c', 'd', 'e'];
  const link = fc.record({
    from: fc.constantFrom(...ids),
    to: fc.constantFrom(...ids, 'ghost'),
    kind: fc.constantFrom(...KINDS),
  });
  // Links from an earlier id to a later one only: events without a cycle, as a valid file's are.
  const forwardOnly = fc
    .array(link, { maxLength: 16 })
    .map((links) => links.filter((l) => l.to === 'ghost' || l.from < l.to));

  it('names the events round the cycle, only through cause-to-effect links', () => {
    const events = [
      linked('a', ['b', 'led-to'], ['d', 'detected']),
      linked('b', ['c', 'enabled']),
      linked('c'),
      linked('d', ['c', 'led-to']),
    ];
    const linksOf = (id: string) => events.find((e) => e.id === id)?.related;
    expect(cycleClosedBy({ from: 'c', to: 'a', kind: 'led-to' }, linksOf)).toEqual([
      'c',
      'a',
      'b',
      'c',
    ]);
    expect(cycleClosedBy({ from: 'd', to: 'a', kind: 'led-to' }, linksOf)).toBeUndefined();
    expect(cycleClosedBy({ from: 'c', to: 'a', kind: 'responded-to' }, linksOf)).toBeUndefined();
  });

  it('says a link closes a cycle exactly when the events with it have one, and names a cycle through it', () => {
    fc.assert(
      fc.property(forwardOnly, link, (links, added) => {
        const graph = (all: typeof links) =>
          ids.map((id) =>
            linked(
              id,
              ...all
                .filter((l) => l.from === id)
                .map((l): [string, RelationKind] => [l.to, l.kind]),
            ),
          );
        const events = graph(links);
        const closed = cycleClosedBy(added, (id) => events.find((e) => e.id === id)?.related);
        expect(closed !== undefined).toBe(findCausalCycle(graph([...links, added])) !== undefined);
        if (!closed) return;
        // From the link's source through its target and back, each step a cause-to-effect link of the events.
        expect(closed.slice(0, 2)).toEqual([added.from, added.to]);
        expect(closed.at(-1)).toBe(added.from);
        for (let k = 1; k + 1 < closed.length; k++)
          expect(links).toContainEqual(
            expect.objectContaining({
              from: closed[k],
              to: closed[k + 1],
              kind: expect.stringMatching(/^(led-to|enabled)$/),
            }),
          );
      }),
      { numRuns: 300 },
    );
  });
});

describe('tracePath', () => {
  it('from Sliver installed reaches back to the Okta compromise and on to its removal, in time order', () => {
    const steps = tracePath(bundled.events, 'sliver-installed');
    const ids = steps.map((s) => s.event.id);
    expect(ids[0]).toBe('okta-compromise');
    expect(ids).toEqual(expect.arrayContaining(['smartsheet-suite-access', 'sliver-removed']));
    expect(steps.find((s) => s.event.id === 'sliver-installed')?.role).toBe('self');
    expect(steps.find((s) => s.event.id === 'okta-compromise')?.role).toBe('cause');
    expect(steps.find((s) => s.event.id === 'sliver-removed')?.role).toBe('effect');
    // Causes come before the event and effects after, however their dates and times compare.
    const self = ids.indexOf('sliver-installed');
    steps.forEach((s, i) =>
      expect(s.role === 'cause' ? i < self : i >= self, s.event.id).toBe(true),
    );
    expect(ids.indexOf('moveworks-token-access')).toBeLessThan(
      ids.indexOf('smartsheet-suite-access'),
    );
    // Unrelated events (the Code Red parts linked only by part-of) stay off the path.
    expect(ids).not.toContain('code-red-ends');
  });

  it('gives the time between steps, in whole days when either end is a date', () => {
    const steps = tracePath(bundled.events, 'sliver-installed');
    const at = (id: string) => steps.find((s) => s.event.id === id)!;
    expect(steps[0]!.gap).toBeUndefined();
    // 11-15 (a date) to 11-22 14:18:22: counted as 7 calendar days.
    expect(at('sliver-installed').gap).toEqual({ ms: 7 * DAY, days: true });
    // 14:18:22 on 11-22 to 11:59 on 11-24, both timed.
    const removed = at('sliver-removed');
    const before = steps[steps.indexOf(removed) - 1]!;
    expect(removed.gap?.days).toBe(before.event.precision === 'day');
  });

  it('is empty for an unknown event and holds only the event when it has no links', () => {
    expect(tracePath(bundled.events, 'ghost')).toEqual([]);
    expect(tracePath(bundled.events, 'post-published').map((s) => s.event.id)).toEqual([
      'crowdstrike-engaged',
      'crowdstrike-final-report',
      'post-published',
    ]);
  });
});

describe('linksInto', () => {
  it('lists the links naming each event, in the order of the events holding them', () => {
    const into = linksInto(bundled.events);
    for (const target of bundled.events) {
      const scanned = bundled.events.flatMap((x) =>
        (x.related ?? [])
          .filter((r) => r.event === target.id)
          .map((r) => ({ from: x, kind: r.kind })),
      );
      expect(into.get(target.id) ?? []).toEqual(scanned);
    }
    expect([...into.values()].flat().length).toBeGreaterThan(10);
  });

  it('one event’s links read the same before and after the map of a list is made', () => {
    const events = bundled.events.map((e) => ({ ...e }));
    const before = events.map((e) => linksIntoEvent(events, e.id));
    const into = linksInto(events);
    expect(before).toEqual(events.map((e) => into.get(e.id) ?? []));
    expect(events.map((e) => linksIntoEvent(events, e.id))).toEqual(before);
  });
});

describe('arrowsInView', () => {
  const item = (
    id: string,
    eventId: string,
    start: number,
    lane = 'l1',
    extra: Partial<ChartItem> = {},
  ): ChartItem => ({
    id,
    eventId,
    lane,
    start,
    shape: 'point',
    label: id,
    side: 'adversary',
    failed: false,
    inferred: false,
    dimmed: false,
    ...extra,
  });
  const link = (from: string, to: string): Link => ({ from, to, kind: 'led-to', style: 'chain' });
  const starts: Record<string, number> = { a: 0, b: 10 * HOUR, c: 20 * HOUR, d: 21 * HOUR };
  const lanes: Record<string, string[]> = { a: ['l1'], b: ['l1', 'l2'], c: ['l2'], d: ['l2'] };
  const arrows = (links: Link[], items: ChartItem[], window = { from: -DAY, to: 2 * DAY }) =>
    arrowsInView(
      indexLinks(links, (id) => starts[id]),
      items,
      window,
      (id) => starts[id],
      (id) => lanes[id] ?? [],
    ).map((a) => `${a.fromItem}>${a.toItem}`);

  it('joins the two items, the nearest lanes when an event is drawn twice', () => {
    const items = [
      item('a@l1', 'a', 0),
      item('b@l1', 'b', starts.b!),
      item('b@l2', 'b', starts.b!, 'l2'),
      item('c@l2', 'c', starts.c!, 'l2'),
    ];
    expect(arrows([link('a', 'b'), link('b', 'c')], items)).toEqual(['a@l1>b@l1', 'b@l2>c@l2']);
  });

  it('draws only links with both ends in the window', () => {
    const items = [item('a', 'a', 0), item('b', 'b', starts.b!)];
    expect(arrows([link('a', 'b')], items, { from: HOUR, to: DAY })).toEqual([]);
    expect(arrows([link('a', 'b')], items, { from: 0, to: DAY })).toEqual(['a>b']);
  });

  it('points at the aggregate counting an event, drops links inside one and repeats', () => {
    const agg = item('agg:l2:0', '', 15 * HOUR, 'l2', {
      shape: 'aggregate',
      end: 22 * HOUR,
      count: 2,
    });
    const items = [item('a', 'a', 0), agg];
    expect(arrows([link('a', 'c'), link('a', 'd'), link('c', 'd')], items)).toEqual(['a>agg:l2:0']);
  });

  it('finds a link held by a long event that began long before the window', () => {
    const long = item('long', 'long', -30 * DAY, 'l1', { shape: 'range', end: DAY });
    const b = item('b', 'b', starts.b!);
    const far: Record<string, number> = { ...starts, long: -30 * DAY };
    const drawn = arrowsInView(
      indexLinks([link('long', 'b')], (id) => far[id]),
      [long, b],
      { from: 0, to: DAY },
      (id) => far[id],
      (id) => lanes[id] ?? ['l1'],
    );
    expect(drawn.map((a) => `${a.fromItem}>${a.toItem}`)).toEqual(['long>b']);
  });

  it('finds a link held by an event counted in an aggregate', () => {
    const agg = item('agg:l2:0', '', 15 * HOUR, 'l2', {
      shape: 'aggregate',
      end: 22 * HOUR,
      count: 2,
    });
    expect(arrows([link('c', 'a')], [item('a', 'a', 0), agg])).toEqual(['agg:l2:0>a']);
  });

  it('skips links whose ends are not drawn (filtered out)', () => {
    expect(arrows([link('a', 'b')], [item('a', 'a', 0)])).toEqual([]);
  });

  it('draws every link between the bundled incident’s shown events', () => {
    const links = linksOf(bundled.events);
    const byId = new Map(bundled.events.map((e) => [e.id, e]));
    const items = bundled.events.map((e) => item(e.id, e.id, e.startMs, ''));
    const drawn = arrowsInView(
      indexLinks(links, (id) => byId.get(id)?.startMs),
      items,
      undefined,
      (id) => byId.get(id)?.startMs,
      () => [],
    );
    expect(drawn).toHaveLength(new Set(links.map((l) => `${l.from}>${l.to}`)).size);
  });
});

describe('offPath', () => {
  it('greys out what is off a traced path, on top of what was dimmed, and nothing more without a path', () => {
    const path = tracePath(bundled.events, 'sliver-installed');
    const off = offPath(path, new Set(['sliver-removed']), bundled.events)!;
    expect(off.has('code-red-ends')).toBe(true);
    expect(off.has('okta-compromise')).toBe(false);
    expect(off.has('sliver-removed')).toBe(true);
    const dimmed = new Set(['x']);
    expect(offPath(undefined, dimmed, bundled.events)).toBe(dimmed);
  });

  it('marks an arrow dimmed when either end is', () => {
    const items = [
      {
        id: 'a',
        eventId: 'a',
        start: 0,
        shape: 'point',
        label: 'a',
        side: 'adversary',
        failed: false,
        inferred: false,
        dimmed: false,
      },
      {
        id: 'b',
        eventId: 'b',
        start: 1,
        shape: 'point',
        label: 'b',
        side: 'adversary',
        failed: false,
        inferred: false,
        dimmed: true,
      },
    ] satisfies ChartItem[];
    const [arrow] = arrowsInView(
      indexLinks([{ from: 'a', to: 'b', kind: 'led-to', style: 'chain' }], () => 0),
      items,
      undefined,
      () => 0,
      () => [],
    );
    expect(arrow?.dimmed).toBe(true);
  });
});

const WORDS: ChartWords = {
  milestone: (kind) => kind,
  hiddenGap: () => '',
  aggregate: (n) => `${n}`,
  aggregateHint: '',
  when: (e) => e.start,
  side: (s) => s,
  outcome: (o) => o,
  inferred: '',
};

/** A generated incident whose event i leads to the events `ahead(i)` places later, and its chart scene. */
function linkedScene(n: number, seed: number, ahead: (i: number) => number[], groupBy: GroupBy) {
  const file = generateIncident(n, seed);
  file.events.forEach((e, i) => {
    e.related = ahead(i).flatMap((k) => {
      const next = file.events[i + k];
      return next ? [{ event: next.id, kind: 'led-to' as const }] : [];
    });
  });
  const incident = loadBundled(file);
  const scene = chartScene({
    incident,
    events: incident.events,
    groupBy,
    lang: 'en',
    bands: false,
    compress: false,
    words: WORDS,
  });
  return { incident, scene };
}

describe('arrowsInView at scale', () => {
  it('draws the same arrows as a pass over every link, in windows from a year to an hour', () => {
    // Links near and far, so that some are held by events far from a window and counted in its aggregates.
    const { incident, scene } = linkedScene(10_000, 3, (i) => [1 + (i % 5), 40, 3_000], 'actor');
    const startOf = (id: string) => scene.byId.get(id)?.startMs;
    const lanesOf = (id: string) => laneIdsOf(scene.byId.get(id)!, 'actor');
    const links = linksOf(incident.events);
    const index = indexLinks(links, startOf);
    const all = [...links.keys()];
    let compared = 0;
    for (const [at, width] of [
      [0.5, 365 * DAY],
      [0.2, 7 * DAY],
      [0.5, DAY],
      [0.8, HOUR],
    ] as const) {
      const middle = incident.events[Math.floor(at * incident.events.length)]!.startMs;
      const view = chartView(scene, { from: middle - width / 2, to: middle + width / 2 });
      // Every drawn event made to hold every link: no link is left out, as before the index.
      const everyLink = {
        ...index,
        from: new Map(view.items.map((i) => [i.eventId, all])),
      };
      const expected = arrowsInView(everyLink, view.items, view.window, startOf, lanesOf);
      expect(arrowsInView(index, view.items, view.window, startOf, lanesOf)).toEqual(expected);
      compared += expected.length;
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('picks the arrows for a window of 20,000 events and 60,000 links in well under a frame’s worth of CPU', () => {
    const { incident, scene } = linkedScene(20_000, 1, () => [1, 2, 3], 'system');
    const middle = incident.events[10_000]!.startMs;
    const view = chartView(scene, { from: middle - DAY, to: middle + DAY });
    const links = linksOf(incident.events);
    // The index is made once per incident; what each pan or zoom pays is the picking.
    const index = indexLinks(links, (id) => scene.byId.get(id)?.startMs);
    const started = process.cpuUsage();
    const arrows = arrowsInView(
      index,
      view.items,
      view.window,
      (id) => scene.byId.get(id)?.startMs,
      (id) => laneIdsOf(scene.byId.get(id)!, 'system'),
    );
    expect(cpuMsSince(started)).toBeLessThan(100);
    expect(links).toHaveLength(59_994);
    expect(arrows.length).toBeGreaterThan(0);
    // Every arrow joins two items of the window's chart.
    const ids = new Set(view.items.map((i) => i.id));
    for (const a of arrows) expect(ids.has(a.fromItem) && ids.has(a.toItem)).toBe(true);
  });
});
