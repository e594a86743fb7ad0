import moment from 'moment';
import { useEffect, useRef } from 'react';
import { DataSet } from 'vis-data/esnext';
import { Timeline, type TimelineOptions } from 'vis-timeline/esnext';
import 'vis-timeline/styles/vis-timeline-graph2d.min.css';
import { useI18n } from '../i18n/i18n';
import { axisLabel } from '../model/axis-labels';
import type { Band, ChartItem, Lane, Window } from '../model/chart-model';

// `content` is required by vis-timeline's types; the template draws the real label from `item` or `band`.
interface VisItem {
  id: string;
  content: '';
  event?: string;
  group?: string;
  start: number;
  end?: number;
  type: 'point' | 'range' | 'background';
  className: string;
  item?: ChartItem;
  band?: Band;
}

interface VisGroup {
  id: string;
  content: '';
  order: number;
  lane: Lane;
}

export interface Marker {
  /** Used in a class name by vis-timeline, so only our own ids go here, never data. */
  id: string;
  time: number;
  label: string;
  kind: 'milestone' | 'break';
  /** Vertical slot of the label (0–3), so neighbouring labels do not cover each other. */
  row: number;
}

const markerId = (m: Marker) => `${m.kind}-r${m.row}-${m.id}`;

export interface ItemMarks {
  dateOnly: string;
  failed: string;
  inferred: string;
}

export interface TimelineChartProps {
  items: ChartItem[];
  /** `null` draws one ungrouped lane. */
  lanes: Lane[] | null;
  bands: Band[];
  markers: Marker[];
  /** Spans folded out of the axis. */
  hidden: Window[];
  /** The window to show; the chart follows it when it changes. */
  window: Window | undefined;
  /** How far zooming out and panning may go, by any means (wheel, drag, pinch). */
  limits?: Window;
  onWindowChange: (w: Window) => void;
  /** Choosing an aggregate item zooms into its bin. */
  onZoomTo?: (w: Window) => void;
  selectedEventId?: string;
  onSelect: (eventId: string | undefined) => void;
  /** Tooltip lines for an item, built by the caller in the active language. */
  describe: (item: ChartItem) => string[];
  marks: ItemMarks;
  /** Called once, after the first redraw that shows items. */
  onFirstDraw?: () => void;
  /** Called after every redraw. */
  onRedraw?: () => void;
  ariaLabel: string;
  /** No animation when the user asked for reduced motion. */
  animate: boolean;
  /** A fixed height (CSS length, e.g. 100% to fill an embed); by default the chart grows with its lanes up to 62vh. */
  height?: string;
}

function element(tag: string, className: string, text?: string): HTMLElement {
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

function toVis(item: ChartItem): VisItem {
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
    item,
  };
}

function bandToVis(band: Band): VisItem {
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

function renderItem(data: VisItem | undefined, marks: ItemMarks): HTMLElement | string {
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

function sameItem(a: VisItem | null, b: VisItem): boolean {
  if (!a) return false;
  if (a.start !== b.start || a.end !== b.end || a.group !== b.group || a.className !== b.className)
    return false;
  if (a.band || b.band) return a.band?.label === b.band?.label && a.band?.color === b.band?.color;
  return a.item?.label === b.item?.label && a.item?.count === b.item?.count;
}

const LINE = 40;

/** Where a scrolling key moves a scrolled element, as the browser would; undefined for other keys. */
function scrollTarget(key: string, el: HTMLElement): number | undefined {
  const page = Math.max(LINE, el.clientHeight - LINE);
  const by: Record<string, number> = {
    ArrowDown: LINE,
    ArrowUp: -LINE,
    PageDown: page,
    PageUp: -page,
    Home: -Infinity,
    End: Infinity,
  };
  const delta = by[key];
  if (delta === undefined) return undefined;
  return Math.min(el.scrollHeight - el.clientHeight, Math.max(0, el.scrollTop + delta));
}

const sameWindow = (a: Window, b: Window) => {
  const tolerance = (a.to - a.from) / 10_000;
  return Math.abs(a.from - b.from) <= tolerance && Math.abs(a.to - b.to) <= tolerance;
};

export function TimelineChart(props: TimelineChartProps) {
  const {
    items,
    lanes,
    bands,
    markers,
    hidden,
    window,
    limits,
    selectedEventId,
    ariaLabel,
    animate,
    height,
  } = props;
  const { t, lang, locale } = useI18n();
  const hostRef = useRef<HTMLDivElement>(null);
  const timelineRef = useRef<Timeline | null>(null);
  const laneColumnRef = useRef<HTMLElement | null>(null);
  const itemsRef = useRef(new DataSet<VisItem, 'id'>());
  const groupsRef = useRef(new DataSet<VisGroup, 'id'>());
  const markersRef = useRef<string[]>([]);
  const placedRef = useRef(false);
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });

  useEffect(() => {
    // The widget's own element is made here and removed in the cleanup, so StrictMode's second mount starts clean.
    const host = document.createElement('div');
    host.className = 'chart-host';
    hostRef.current?.appendChild(host);
    const options: TimelineOptions = {
      moment: (date: moment.MomentInput) => moment(date).utc(),
      xss: { disabled: false, filterOptions: { whiteList: {} } },
      template: (data?: VisItem) => renderItem(data, latest.current.marks),
      groupTemplate: (group?: VisGroup) =>
        group ? element('span', 'lane-label', group.lane.label) : '',
      tooltip: {
        followMouse: true,
        overflowMethod: 'cap',
        // Typed as returning a string, but vis-timeline appends a returned element as it is.
        template: ((data: VisItem) => {
          if (!data.item) return '';
          const box = element('div', 'tip');
          for (const line of latest.current.describe(data.item))
            box.appendChild(element('div', 'tip-line', line));
          return box;
        }) as unknown as NonNullable<TimelineOptions['tooltip']>['template'],
      },
      dataAttributes: ['event'],
      groupOrder: 'order',
      orientation: { axis: 'top', item: 'top' },
      stack: true,
      showCurrentTime: false,
      selectable: true,
      multiselect: false,
      zoomMin: 10 * 1000,
      zoomMax: 1000 * 60 * 60 * 24 * 365 * 20,
      verticalScroll: true,
      ...(latest.current.height ? { height: latest.current.height } : { maxHeight: '62vh' }),
      margin: { item: { horizontal: 4, vertical: 6 }, axis: 6 },
    };
    const timeline = new Timeline(host, itemsRef.current, options);
    timelineRef.current = timeline;
    // vis-timeline's lane-name column scrolls the lanes (and the items with them) but cannot take focus on its own.
    laneColumnRef.current = host.querySelector<HTMLElement>('.vis-panel.vis-left');
    let reported = false;
    timeline.on('changed', () => {
      latest.current.onRedraw?.();
      if (!reported && itemsRef.current.length > 0) {
        reported = true;
        latest.current.onFirstDraw?.();
      }
    });
    timeline.on('select', ({ items: selected }: { items: string[] }) => {
      const first = selected[0] === undefined ? undefined : itemsRef.current.get(selected[0]);
      if (first?.item?.shape === 'aggregate') {
        timeline.setSelection([]);
        latest.current.onZoomTo?.({ from: first.start, to: first.end ?? first.start });
      } else latest.current.onSelect(first?.event);
    });
    timeline.on(
      'rangechanged',
      ({ start, end, byUser }: { start: Date; end: Date; byUser: boolean }) => {
        if (byUser) latest.current.onWindowChange({ from: start.getTime(), to: end.getTime() });
      },
    );
    return () => {
      timelineRef.current = null;
      laneColumnRef.current = null;
      markersRef.current = [];
      placedRef.current = false;
      timeline.destroy();
      host.remove();
    };
  }, []);

  useEffect(() => {
    const timeline = timelineRef.current;
    if (!timeline) return;
    const groups = groupsRef.current;
    if (lanes === null) {
      timeline.setGroups(null as unknown as DataSet<VisGroup, 'id'>);
      return;
    }
    const next = lanes.map((lane) => ({
      id: lane.id,
      content: '' as const,
      order: lane.order,
      lane,
    }));
    const keep = new Set(next.map((g) => g.id));
    groups.remove(groups.getIds().filter((id) => !keep.has(String(id))));
    groups.update(next);
    timeline.setGroups(groups);
  }, [lanes]);

  // A focusable, named region, so keyboard users can scroll the lanes with the arrow keys; without lanes it is empty.
  useEffect(() => {
    const column = laneColumnRef.current;
    if (!column) return;
    if (lanes === null) {
      for (const name of ['tabindex', 'role', 'aria-label']) column.removeAttribute(name);
      return;
    }
    column.tabIndex = 0;
    column.setAttribute('role', 'region');
    column.setAttribute('aria-label', t.laneColumn);
    const onKeyDown = (e: KeyboardEvent) => {
      const to = scrollTarget(e.key, column);
      // Keys that would not move it, or reach it after a mouse click, stay the page's (present mode's PageDown).
      if (to === undefined || to === column.scrollTop || !column.matches(':focus-visible')) return;
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      // The browser's smooth keyboard scroll is cut short by vis-timeline resetting scrollTop on each redraw.
      e.preventDefault();
      column.scrollTop = to;
    };
    column.addEventListener('keydown', onKeyDown);
    return () => column.removeEventListener('keydown', onKeyDown);
  }, [lanes, t.laneColumn]);

  useEffect(() => {
    const data = itemsRef.current;
    const next = [...bands.map(bandToVis), ...items.map(toVis)];
    const keep = new Set(next.map((i) => i.id));
    data.remove(data.getIds().filter((id) => !keep.has(String(id))));
    // Items rebuilt for a new window are mostly the same; updating only those that changed saves vis-timeline redraws.
    data.update(next.filter((i) => !sameItem(data.get(i.id), i)));
  }, [items, bands]);

  useEffect(() => {
    const timeline = timelineRef.current;
    if (!timeline) return;
    timeline.setOptions({ hiddenDates: hidden.map((h) => ({ start: h.from, end: h.to })) });
    // Items are repositioned only when the range changes, so nudge it by 1 ms to re-map them onto the new axis.
    const { start, end } = timeline.getWindow();
    timeline.setWindow(start.getTime(), end.getTime() + 1, { animation: false });
  }, [hidden]);

  useEffect(() => {
    const timeline = timelineRef.current;
    if (!timeline) return;
    for (const id of markersRef.current) timeline.removeCustomTime(id);
    for (const m of markers) {
      const id = markerId(m);
      timeline.addCustomTime(m.time, id);
      (
        timeline as unknown as { setCustomTimeMarker(title: string, id: string): void }
      ).setCustomTimeMarker(m.label, id);
    }
    markersRef.current = markers.map(markerId);
  }, [markers]);

  useEffect(() => {
    const timeline = timelineRef.current;
    if (!timeline || !window) return;
    const { start, end } = timeline.getWindow();
    // The first placement jumps: there is nothing on screen yet to animate from.
    if (!sameWindow(window, { from: start.getTime(), to: end.getTime() }))
      timeline.setWindow(window.from, window.to, {
        animation:
          animate && placedRef.current ? { duration: 300, easingFunction: 'easeInOutQuad' } : false,
      });
    placedRef.current = true;
  }, [window, animate]);

  // The axis in the reader's language. `date` is typed Date but is a moment; both give epoch ms, written as UTC.
  useEffect(() => {
    const i18n = { lang, locale };
    timelineRef.current?.setOptions({
      format: {
        minorLabels: (date: Date, scale: string) => axisLabel(date.valueOf(), scale, 'minor', i18n),
        majorLabels: (date: Date, scale: string) => axisLabel(date.valueOf(), scale, 'major', i18n),
      },
    });
  }, [lang, locale]);

  useEffect(() => {
    if (limits)
      timelineRef.current?.setOptions({
        min: limits.from,
        max: limits.to,
        zoomMax: limits.to - limits.from,
      });
  }, [limits]);

  useEffect(() => {
    timelineRef.current?.setOptions(
      height ? { height, maxHeight: height } : { height: undefined, maxHeight: '62vh' },
    );
  }, [height]);

  useEffect(() => {
    const timeline = timelineRef.current;
    if (!timeline) return;
    const ids =
      selectedEventId === undefined
        ? []
        : itemsRef.current.getIds({ filter: (i) => i.event === selectedEventId });
    timeline.setSelection(ids);
  }, [selectedEventId, items]);

  return (
    <div
      ref={hostRef}
      className={height ? 'timeline-chart fill' : 'timeline-chart'}
      role="img"
      aria-label={ariaLabel}
    />
  );
}
