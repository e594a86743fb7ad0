// Harness page for bench/vis-update.ts and e2e/vis-timeline-patch.spec.ts: a plain vis-timeline whose DataSet is updated in place.
import { DataSet } from 'vis-data/esnext';
import { Timeline } from 'vis-timeline/esnext';
import 'vis-timeline/styles/vis-timeline-graph2d.min.css';
import type { IncidentFile } from '../src/model/incident';
import { groupsOf, itemsOf, plainOptions, type PlainItem } from './plain-timeline';

/** Where one drawn item sits, in pixels from the item set's top left corner. */
export interface Placement {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface StepTiming {
  /** `items.remove(...)`, synchronous part. */
  removeMs: number;
  /** `items.update(...)`, synchronous part. */
  updateMs: number;
  /** From the first call until the chart's next `changed` event: the items are on screen. */
  drawnMs: number;
}

export interface VisUpdateHarness {
  /** Draws `count` of the pool's items; resolves after the chart's first draw. */
  setup(count: number): Promise<void>;
  /** What the chart's first draw (in `setup`) put into the page, taken out again or not: item elements, and the lanes they went into. */
  firstDrawAdded(): { items: number; lanes: number };
  /** Removes `count` drawn items and `update`s in `count` pool items not yet shown (new ids), as a filter or zoom does. */
  replace(count: number): Promise<StepTiming>;
  /** `update`s `count` shown items with a new class name (ids kept), as dimming filtered-out events does. */
  restyle(count: number): Promise<StepTiming>;
  /** `update`s `count` shown items with a longer label (ids kept), as a count that changes on an aggregate does. */
  relabel(count: number): Promise<StepTiming>;
  /** `update`s `count` new items and reports how many item elements are in the DOM right after the call, and after the next draw. */
  drawnDuringUpdate(count: number): Promise<{ before: number; during: number; after: number }>;
  /**
   * `replace`s `count` items and lists, per pass of the chart over its lanes, the sizes read from the page in order:
   * a lane's position (`lane`), a lane name's size (`label`), an item's size (`item`); each run of one kind once.
   */
  readsDuringReplace(count: number): Promise<('lane' | 'label' | 'item')[][]>;
  /** Zooms in by `factor` around the window's middle, without animation; resolves after the chart's next draw. */
  zoom(factor: number): Promise<void>;
  /** Changes to the time axis since the last call (or the first draw): its elements changed, or taken out or put in. */
  axisChanges(): number;
  /** The time axis's labels as drawn: text and left edge, in pixels from the axis's left. */
  axisLabels(): { text: string; left: number }[];
  /** Every drawn item's placement, by item id. */
  placements(): Record<string, Placement>;
  /** How many lanes have items drawn in them. */
  lanesWithItems(): number;
  /** Drawn items whose position does not match their start time on the axis (more than 1.5 px off). */
  misplaced(): string[];
  /** A new Timeline drawn from scratch with the same items, window and size: its placements. */
  freshPlacements(): Promise<Record<string, Placement>>;
}

declare global {
  interface Window {
    __visUpdate?: VisUpdateHarness;
  }
}

/** The pool: the densest run of 3,000 items, so every item handed to the chart falls in its window. */
const POOL = 3000;

function densest(all: PlainItem[]): PlainItem[] {
  const sorted = [...all].sort((a, b) => a.start - b.start);
  const size = Math.min(POOL, sorted.length);
  let best = 0;
  for (let i = 0; i + size <= sorted.length; i++)
    if (
      sorted[i + size - 1]!.start - sorted[i]!.start <
      sorted[best + size - 1]!.start - sorted[best]!.start
    )
      best = i;
  return sorted.slice(best, best + size);
}

async function main() {
  const src = new URLSearchParams(location.search).get('src');
  if (!src) throw new Error('vis-update.html needs ?src=<incident file>');
  const file = (await (await fetch(src)).json()) as IncidentFile;
  const pool = densest(itemsOf(file));
  const from = pool[0]!.start;
  const to = Math.max(...pool.map((i) => i.end ?? i.start));
  const pad = (to - from) * 0.02 + 1000;
  const range = { start: from - pad, end: to + pad };
  // `?stack=0`: one row per lane, so a tall page shows all 40 lanes instead of the first one stacked high.
  const stack = new URLSearchParams(location.search).get('stack') !== '0';
  // `?maxHeight=400`: lanes scroll inside the chart, as in the app, so some lanes are below the view.
  const maxHeight = new URLSearchParams(location.search).get('maxHeight');
  const options = {
    ...plainOptions(),
    ...range,
    dataAttributes: ['event', 'id'],
    stack,
    ...(maxHeight && { maxHeight: Number(maxHeight), verticalScroll: true }),
  };
  const host = document.getElementById('chart')!;

  const items = new DataSet<PlainItem, 'id'>();
  let shown: PlainItem[] = [];
  let waiting: PlainItem[] = [];
  let timeline: Timeline | undefined;
  let firstDrawAdded = { items: 0, lanes: 0 };
  let axisChanges = 0;
  const inAxis = (n: Node | null): boolean =>
    n === null
      ? false
      : n instanceof Element
        ? n.closest('.vis-time-axis') !== null
        : inAxis(n.parentNode);
  const countAxisChanges = (records: MutationRecord[]) => {
    for (const r of records)
      if (inAxis(r.target) || [...r.addedNodes, ...r.removedNodes].some(inAxis)) axisChanges++;
  };
  const axisWatch = new MutationObserver(countAxisChanges);

  const nextChange = (t: Timeline) =>
    new Promise<void>((resolve) => {
      const done = () => {
        t.off('changed', done);
        resolve();
      };
      t.on('changed', done);
    });

  const placementsIn = (root: Element): Record<string, Placement> => {
    const frame = root.querySelector('.vis-itemset')!.getBoundingClientRect();
    const out: Record<string, Placement> = {};
    for (const el of root.querySelectorAll<HTMLElement>('.vis-item[data-id]')) {
      const r = el.getBoundingClientRect();
      out[el.dataset.id!] = {
        left: r.left - frame.left,
        top: r.top - frame.top,
        width: r.width,
        height: r.height,
      };
    }
    return out;
  };

  const step = async (change: () => void, remove?: () => void): Promise<StepTiming> => {
    const changed = nextChange(timeline!);
    const t0 = performance.now();
    remove?.();
    const t1 = performance.now();
    change();
    const t2 = performance.now();
    await changed;
    return { removeMs: t1 - t0, updateMs: t2 - t1, drawnMs: performance.now() - t0 };
  };

  window.__visUpdate = {
    async setup(count) {
      shown = pool.filter((_, i) => i % 2 === 0).slice(0, count);
      waiting = pool.filter((item) => !shown.includes(item));
      items.add(shown);
      let drawn = 0;
      const lanes = new Set<Node>();
      const tally = (records: MutationRecord[]) => {
        for (const r of records)
          for (const n of r.addedNodes)
            if (n instanceof HTMLElement && n.classList.contains('vis-item')) {
              drawn++;
              lanes.add(r.target);
            }
      };
      const added = new MutationObserver(tally);
      added.observe(host, { childList: true, subtree: true });
      timeline = new Timeline(host, items, groupsOf(file)!, options);
      await nextChange(timeline);
      tally(added.takeRecords());
      added.disconnect();
      firstDrawAdded = { items: drawn, lanes: lanes.size };
      axisWatch.observe(host, {
        childList: true,
        subtree: true,
        attributes: true,
        characterData: true,
      });
    },
    firstDrawAdded: () => firstDrawAdded,
    replace(count) {
      const leaving = shown.slice(0, count);
      const coming = waiting.slice(0, count);
      shown = [...shown.slice(count), ...coming];
      waiting = [...waiting.slice(count), ...leaving];
      return step(
        () => items.update(coming),
        () => items.remove(leaving.map((i) => i.id)),
      );
    },
    restyle(count) {
      const changed = shown.slice(0, count).map((i) => ({
        ...i,
        className: i.className ? '' : 'restyled',
      }));
      shown = [...changed, ...shown.slice(count)];
      return step(() => items.update(changed));
    },
    relabel(count) {
      const changed = shown
        .slice(0, count)
        .map((i) => ({ ...i, label: `${i.label} (relabelled)` }));
      shown = [...changed, ...shown.slice(count)];
      return step(() => items.update(changed));
    },
    async drawnDuringUpdate(count) {
      const drawn = () => host.querySelectorAll('.vis-item[data-id]').length;
      const coming = waiting.slice(0, count);
      waiting = waiting.slice(count);
      shown = [...shown, ...coming];
      const before = drawn();
      const changed = nextChange(timeline!);
      items.update(coming);
      const during = drawn();
      await changed;
      return { before, during, after: drawn() };
    },
    async readsDuringReplace(count) {
      const redraws: ('lane' | 'label' | 'item')[][] = [];
      const note = (kind: 'lane' | 'label' | 'item') => {
        const reads = redraws.at(-1);
        if (reads && reads.at(-1) !== kind) reads.push(kind);
      };
      const kindOf = (el: HTMLElement) =>
        el.matches('.vis-foreground > .vis-group')
          ? 'lane'
          : el.matches('.vis-label .vis-inner')
            ? 'label'
            : el.closest('.vis-item')
              ? 'item'
              : undefined;
      // Sizes are getters of HTMLElement (offset*) and Element (client*); each is wrapped where it is defined.
      const saved = (
        [
          [HTMLElement.prototype, 'offsetTop'],
          [HTMLElement.prototype, 'offsetWidth'],
          [HTMLElement.prototype, 'offsetHeight'],
          [Element.prototype, 'clientWidth'],
          [Element.prototype, 'clientHeight'],
        ] as const
      ).map(
        ([proto, name]) => [proto, name, Object.getOwnPropertyDescriptor(proto, name)!] as const,
      );
      for (const [proto, name, d] of saved)
        Object.defineProperty(proto, name, {
          ...d,
          get(this: HTMLElement) {
            const kind = kindOf(this);
            if (kind) note(kind);
            return d.get!.call(this);
          },
        });
      // The item set's redraw (one pass over every lane), wrapped to mark where each pass starts.
      const itemSet = (timeline as unknown as { itemSet: { redraw: () => boolean } }).itemSet;
      const redraw = itemSet.redraw;
      itemSet.redraw = function (this: unknown) {
        redraws.push([]);
        return redraw.call(this);
      };
      try {
        await window.__visUpdate!.replace(count);
      } finally {
        itemSet.redraw = redraw;
        for (const [proto, name, d] of saved) Object.defineProperty(proto, name, d);
      }
      return redraws.filter((reads) => reads.length > 0);
    },
    async zoom(factor) {
      const { start, end } = timeline!.getWindow();
      const mid = (start.getTime() + end.getTime()) / 2;
      const half = ((end.getTime() - start.getTime()) * factor) / 2;
      const changed = nextChange(timeline!);
      timeline!.setWindow(mid - half, mid + half, { animation: false });
      await changed;
    },
    axisChanges() {
      countAxisChanges(axisWatch.takeRecords());
      const n = axisChanges;
      axisChanges = 0;
      return n;
    },
    axisLabels() {
      const axis = host.querySelector('.vis-time-axis.vis-foreground')!;
      const left = axis.getBoundingClientRect().left;
      return [...axis.querySelectorAll<HTMLElement>('.vis-text:not(.vis-measure)')].map((el) => ({
        text: el.textContent ?? '',
        left: el.getBoundingClientRect().left - left,
      }));
    },
    placements: () => placementsIn(host),
    lanesWithItems: () =>
      [...host.querySelectorAll('.vis-foreground .vis-group')].filter((lane) =>
        lane.querySelector('.vis-item[data-id]'),
      ).length,
    misplaced() {
      // vis-timeline maps the window onto the centre panel's width, borders included.
      const width = host.querySelector<HTMLElement>('.vis-panel.vis-center')!.offsetWidth;
      const { start, end } = timeline!.getWindow();
      const x = (t: number) => ((t - start.getTime()) / (end.getTime() - start.getTime())) * width;
      const placements = placementsIn(host);
      return Object.entries(placements)
        .filter(([id, p]) => {
          const item = items.get(id);
          // A point's element starts at its time; a range's box runs from start to end.
          return item === null || Math.abs(p.left - x(item.start)) > 0.5;
        })
        .map(([id]) => id);
    },
    async freshPlacements() {
      const other = document.createElement('div');
      other.style.width = `${host.getBoundingClientRect().width}px`;
      document.body.appendChild(other);
      const copy = new Timeline(other, new DataSet(items.get()), groupsOf(file)!, {
        ...options,
        ...timeline!.getWindow(),
      });
      await nextChange(copy);
      const out = placementsIn(other);
      copy.destroy();
      other.remove();
      return out;
    },
  };
}

void main();
