import moment from 'moment';
import { useLayoutEffect, useRef } from 'react';
import { DataSet } from 'vis-data/esnext';
import { Timeline, type TimelineOptions } from 'vis-timeline/esnext';
import { markReady } from '../hooks/ready';
import { useMediaQuery } from '../hooks/use-media-query';
import { BENCH_HOOKS, notifyDrawn } from '../hooks/use-bench-hooks';
import { useI18n } from '../i18n/i18n';
import { axisLabel } from '../model/axis-labels';
import type { Band } from '../model/chart-model';
import { tooltipLines, type ChartView, type Marker } from '../model/chart-view';
import type { Arrow } from '../model/causal-links';
import { binWindowOf } from '../model/level-of-detail';
import type { TimeWindow } from '../model/time';
import {
  bandToVis,
  markerId,
  renderItem,
  renderLane,
  renderTooltip,
  sameItem,
  sameWindow,
  toVis,
  type VisGroup,
  type VisItem,
} from './chart-templates';
import { createArrowLayer, drawArrows } from './chart-arrows';
import { fitChartLabels } from './chart-label-fit';
import { revealEvent, scrollTarget } from './lane-scroll';
import { placeFlags } from './milestone-flags';

export interface TimelineChartProps {
  /** What to draw, from `chartView`. */
  view: ChartView;
  selectedEventId?: string;
  onSelect: (eventId: string | undefined) => void;
  /** The user panned or zoomed. */
  onWindowChange?: (w: TimeWindow) => void;
  /** Choosing an aggregate item zooms into its bin. */
  onZoomTo?: (w: TimeWindow) => void;
  /** A fixed height (CSS length, e.g. 100% to fill an embed); by default the chart grows with its lanes up to 62vh. */
  height?: string;
  /** Link arrows between items, from `arrowsInView`; none when links are off. */
  arrows?: readonly Arrow[];
  /** The wheel zooms only with Ctrl held (an embed, where the plain wheel belongs to the page around it). */
  ctrlZoom?: boolean;
  /** False where the page hides the phase names (present mode): no room is kept for them over the first lane. */
  bandNames?: boolean;
  /** Edit mode: vis-timeline's own dragging and double-click adding, reported here instead of applied. */
  editing?: ChartEditing;
}

export interface ChartEditing {
  /** An event dragged: its new start, its new last moment for a range (undefined for a point), and its lanes. */
  onMove: (
    eventId: string,
    startMs: number,
    lastMs: number | undefined,
    from: string | undefined,
    to: string | undefined,
  ) => void;
  /** A double-click on an empty spot, in the lane under it (undefined without lanes). */
  onAdd: (ms: number, lane: string | undefined) => void;
  /** Where an item being dragged is drawn (its end exclusive): on times its event's precision can state. */
  snap?: (
    eventId: string,
    start: number,
    end: number | undefined,
  ) => { start: number; end?: number };
}

const NO_BANDS: Band[] = [];
// Over the first lane, a strip for the phase names (chart.css) while bands are drawn.
const chartMargin = (banded: boolean) => ({
  item: { horizontal: 4, vertical: 6 },
  axis: banded ? 22 : 6,
});
const mergedFlag = (first: string, more: number) => `${first} +${more}`;

export function TimelineChart(props: TimelineChartProps) {
  const { view, selectedEventId, height } = props;
  const { items, window } = view;
  const { lanes, markers, hidden, limits } = view.scene;
  const bands = view.scene.showBands ? view.scene.bands : NO_BANDS;
  const banded = bands.length > 0 && props.bandNames !== false;
  const { t, lang, locale } = useI18n();
  const laneColumnRef = useRef<HTMLElement | null>(null);
  const marks = { dateOnly: t.dateOnly, failed: t.failedMark, inferred: t.inferredMark };
  // With level of detail the items are those of the destination window, wrong for the windows a move passes
  // through, and each frame of it redraws the chart: a large incident's view jumps.
  const animate = !useMediaQuery('(prefers-reduced-motion: reduce)') && !view.scene.detailed;
  const hostRef = useRef<HTMLDivElement>(null);
  const timelineRef = useRef<Timeline | null>(null);
  const itemsRef = useRef(new DataSet<VisItem, 'id'>());
  const groupsRef = useRef(new DataSet<VisGroup, 'id'>());
  // The height the chart has now (undefined: it grows with its lanes).
  const heightRef = useRef<string | undefined>(undefined);
  // Whether the chart has the strip for the phase names now.
  const bandedRef = useRef(false);
  const markersRef = useRef(new Map<string, Marker>());
  const placedRef = useRef(false);
  const groupsAttachedRef = useRef(false);
  const redrawArrowsRef = useRef<() => void>(() => {});
  // The event last scrolled into view, and its lanes, followed through the redraws after the choice (they may move
  // it) until an item of it is in view, or the reader scrolls, clicks or types in the chart.
  const revealedRef = useRef<string | undefined>(undefined);
  const followRef = useRef<{ event: string; lanes: string[] } | undefined>(undefined);
  // End pressed in the lane column: the last lanes' items are drawn only once scrolled to, and make those lanes
  // taller, so the column is kept at its end through the redraws until its height stops changing (or as above).
  const toEndRef = useRef<{ height: number } | undefined>(undefined);
  const latest = useRef({ ...props, marks, banded });
  useLayoutEffect(() => {
    latest.current = { ...props, marks, banded };
  });

  // Layout effects, here and below: the chart is made and filled in the commit that mounts it, before the page is
  // painted. As passive effects they ran after a paint of the page without the chart, so the page was laid out twice.
  useLayoutEffect(() => {
    // The widget's own element is made here and removed in the cleanup, so StrictMode's second mount starts clean.
    const host = document.createElement('div');
    host.className = 'chart-host';
    hostRef.current?.appendChild(host);
    const options: TimelineOptions = {
      moment: (date: moment.MomentInput) => moment(date).utc(),
      xss: { disabled: false, filterOptions: { whiteList: {} } },
      template: (data?: VisItem) => renderItem(data, latest.current.marks),
      groupTemplate: renderLane,
      tooltip: {
        followMouse: true,
        overflowMethod: 'cap',
        // Typed as returning a string, but vis-timeline appends a returned element as it is.
        template: ((data: VisItem) =>
          data.item
            ? renderTooltip(tooltipLines(latest.current.view.scene, data.item))
            : '') as unknown as NonNullable<TimelineOptions['tooltip']>['template'],
      },
      dataAttributes: ['event', 'id'],
      groupOrder: 'order',
      orientation: { axis: 'top', item: 'top' },
      stack: true,
      showCurrentTime: false,
      selectable: true,
      multiselect: false,
      zoomMin: 10 * 1000,
      // Between a month and two days a step is a week, not a month: a narrow or folded chart still shows its days.
      showWeekScale: true,
      zoomMax: 1000 * 60 * 60 * 24 * 365 * 20,
      verticalScroll: true,
      ...(latest.current.ctrlZoom && { zoomKey: 'ctrlKey' as const }),
      ...(latest.current.height ? { height: latest.current.height } : { maxHeight: '62vh' }),
      margin: chartMargin(latest.current.banded),
    };
    const timeline = new Timeline(host, itemsRef.current, options);
    timelineRef.current = timeline;
    heightRef.current = latest.current.height;
    bandedRef.current = latest.current.banded;
    // vis-timeline's lane-name column scrolls the lanes (and the items with them) but cannot take focus on its own.
    laneColumnRef.current = host.querySelector<HTMLElement>('.vis-panel.vis-left');
    // What vis-timeline moves to scroll the lanes, with or without a lane column (no lanes: the embed's default).
    const lanesContent = host.querySelector<HTMLElement>('.vis-panel.vis-center > .vis-content');
    // Arrows are redrawn after every redraw of the items, so they follow pan, zoom, scrolling, lanes and folds.
    const panel = host.querySelector<HTMLElement>('.vis-panel.vis-center');
    const arrowLayer = createArrowLayer();
    panel?.appendChild(arrowLayer);
    redrawArrowsRef.current = () =>
      panel && drawArrows(arrowLayer, panel, latest.current.arrows ?? []);
    let reported = false;
    let scrolled = 0;
    const unfollow = () => {
      followRef.current = undefined;
      toEndRef.current = undefined;
    };
    for (const type of ['wheel', 'pointerdown', 'keydown'])
      host.addEventListener(type, unfollow, { capture: true, passive: true });
    timeline.on('changed', () => {
      const follow = followRef.current;
      if (
        follow &&
        laneColumnRef.current &&
        revealEvent(host, laneColumnRef.current, follow.event, follow.lanes)
      )
        followRef.current = undefined;
      const column = laneColumnRef.current;
      if (toEndRef.current && column) {
        const end = column.scrollHeight - column.clientHeight;
        if (column.scrollHeight === toEndRef.current.height && column.scrollTop >= end - 1)
          toEndRef.current = undefined;
        else {
          toEndRef.current.height = column.scrollHeight;
          column.scrollTop = end;
        }
      }
      // The phase names are drawn in the bands, which scroll with the lanes: chart.css moves them back into view.
      const transform = lanesContent?.style.transform;
      const lanesScrolled = transform ? -new DOMMatrixReadOnly(transform).m42 : 0;
      if (lanesScrolled !== scrolled) {
        scrolled = lanesScrolled;
        host.style.setProperty('--lanes-scrolled', `${scrolled}px`);
      }
      redrawArrowsRef.current();
      if (BENCH_HOOKS) notifyDrawn();
      const { scene } = latest.current.view;
      const { start, end } = timeline.getWindow();
      placeFlags(host, scene.markers, { from: +start, to: +end }, scene.hidden, mergedFlag);
      fitChartLabels(host, { from: +start, to: +end });
      if (!reported && itemsRef.current.length > 0) {
        reported = true;
        markReady();
      }
    });
    timeline.on('select', ({ items: selected }: { items: string[] }) => {
      const first = selected[0] === undefined ? undefined : itemsRef.current.get(selected[0]);
      const bin = first?.item && binWindowOf(first.item);
      if (bin) {
        timeline.setSelection([]);
        latest.current.onZoomTo?.(bin);
      } else latest.current.onSelect(first?.event);
    });
    timeline.on(
      'rangechanged',
      ({ start, end, byUser }: { start: Date; end: Date; byUser: boolean }) => {
        if (byUser) latest.current.onWindowChange?.({ from: start.getTime(), to: end.getTime() });
      },
    );
    // vis-timeline takes one zoomKey, so ⌘ and the wheel (a Mac's Ctrl) zooms here, reported like a user's zoom.
    const onMetaWheel = (e: WheelEvent) => {
      if (!latest.current.ctrlZoom || !e.metaKey || e.ctrlKey || e.deltaY === 0) return;
      e.preventDefault();
      e.stopPropagation();
      const { start, end } = timeline.getWindow();
      const mid = (+start + +end) / 2;
      const half = ((+end - +start) * (e.deltaY < 0 ? 0.8 : 1.25)) / 2;
      timeline.setWindow(mid - half, mid + half, { animation: false });
      const now = timeline.getWindow();
      latest.current.onWindowChange?.({ from: +now.start, to: +now.end });
    };
    host.addEventListener('wheel', onMetaWheel, { capture: true, passive: false });
    // vis-timeline polls its size once a second; an embed's details card narrows the chart at once.
    const resized = new ResizeObserver(() => timeline.redraw());
    resized.observe(host);
    return () => {
      for (const type of ['wheel', 'pointerdown', 'keydown'])
        host.removeEventListener(type, unfollow, { capture: true });
      host.removeEventListener('wheel', onMetaWheel, { capture: true });
      resized.disconnect();
      timelineRef.current = null;
      redrawArrowsRef.current = () => {};
      laneColumnRef.current = null;
      markersRef.current = new Map();
      placedRef.current = false;
      groupsAttachedRef.current = false;
      timeline.destroy();
      host.remove();
    };
  }, []);

  useLayoutEffect(() => {
    const timeline = timelineRef.current;
    if (!timeline) return;
    const groups = groupsRef.current;
    if (lanes === null) {
      timeline.setGroups(null as unknown as DataSet<VisGroup, 'id'>);
      groupsAttachedRef.current = false;
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
    // Once attached, the DataSet's own events update the lanes; setGroups again would rebuild every lane, and
    // vis-timeline draws all items of a lane it has not measured yet, off-screen lanes included (1,300 at 100,000).
    if (groupsAttachedRef.current) return;
    timeline.setGroups(groups);
    groupsAttachedRef.current = true;
  }, [lanes]);

  // A focusable, named region, so keyboard users can scroll the lanes with the arrow keys; without lanes it is empty.
  useLayoutEffect(() => {
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
      if (e.key === 'End') toEndRef.current = { height: column.scrollHeight };
    };
    column.addEventListener('keydown', onKeyDown);
    return () => column.removeEventListener('keydown', onKeyDown);
  }, [lanes, t.laneColumn]);

  useLayoutEffect(() => {
    const data = itemsRef.current;
    const next = [...bands.map(bandToVis), ...items.map(toVis)];
    const keep = new Set(next.map((i) => i.id));
    data.remove(data.getIds().filter((id) => !keep.has(String(id))));
    // Items rebuilt for a new window are mostly the same; updating only those that changed saves vis-timeline redraws.
    data.update(next.filter((i) => !sameItem(data.get(i.id), i)));
  }, [items, bands]);

  useLayoutEffect(() => redrawArrowsRef.current(), [props.arrows]);

  const editable = props.editing !== undefined;
  useLayoutEffect(() => {
    // Each edit is cancelled in vis-timeline (callback null) and made in the draft, whose new items then come back.
    timelineRef.current?.setOptions({
      editable: editable
        ? { add: true, updateTime: true, updateGroup: true, remove: false, overrideItems: false }
        : false,
      // An item is dragged at once, without a click to select it first.
      itemsAlwaysDraggable: { item: editable, range: editable },
      // vis-timeline's own snapping rounds to the axis step (8:00 at a 4-hour step); onMoving snaps to the precision.
      snap: null,
      onAdd: (item: VisItem, callback: (i: VisItem | null) => void) => {
        callback(null);
        latest.current.editing?.onAdd(
          +item.start,
          item.group === undefined ? undefined : String(item.group),
        );
      },
      onMoving: (item: VisItem, callback: (i: VisItem) => void) => {
        const snap = latest.current.editing?.snap;
        if (!snap || !item.event) return callback(item);
        const to = snap(item.event, +item.start, item.end === undefined ? undefined : +item.end);
        callback({ ...item, start: to.start, ...(to.end !== undefined && { end: to.end }) });
      },
      onMove: (item: VisItem, callback: (i: VisItem | null) => void) => {
        callback(null);
        const shown = item.item;
        if (!shown || !item.event) return;
        const last = shown.shape === 'range' && item.end !== undefined ? +item.end - 1 : undefined;
        latest.current.editing?.onMove(
          item.event,
          +item.start,
          last,
          shown.lane,
          item.group === undefined ? shown.lane : String(item.group),
        );
      },
    } as TimelineOptions);
    // vis-timeline settles an item's editability when the item is set: items already drawn are set again.
    const data = itemsRef.current;
    data.update(data.get());
  }, [editable]);

  useLayoutEffect(() => {
    const timeline = timelineRef.current;
    if (!timeline) return;
    timeline.setOptions({ hiddenDates: hidden.map((h) => ({ start: h.from, end: h.to })) });
    // Items are repositioned only when the range changes, so nudge it by 1 ms to re-map them onto the new axis.
    const { start, end } = timeline.getWindow();
    timeline.setWindow(start.getTime(), end.getTime() + 1, { animation: false });
  }, [hidden]);

  useLayoutEffect(() => {
    const timeline = timelineRef.current;
    if (!timeline) return;
    // Only what changed: each filter makes a new scene with the same markers; all of them again took 20 ms at 100,000.
    const drawn = markersRef.current;
    const next = new Map(markers.map((m) => [markerId(m), m]));
    let changed = false;
    for (const id of drawn.keys())
      if (!next.has(id)) {
        timeline.removeCustomTime(id);
        changed = true;
      }
    for (const [id, m] of next) {
      const was = drawn.get(id);
      if (!was) timeline.addCustomTime(m.time, id);
      else if (was.time !== m.time) timeline.setCustomTime(m.time, id);
      if (was?.label !== m.label)
        (
          timeline as unknown as { setCustomTimeMarker(title: string, id: string): void }
        ).setCustomTimeMarker(m.label, id);
      changed ||= was?.time !== m.time || was.label !== m.label;
    }
    markersRef.current = next;
    // Only adding one redraws by itself, and the flags are laid out again (placeFlags) after each redraw.
    if (changed) timeline.redraw();
  }, [markers]);

  useLayoutEffect(() => {
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
  useLayoutEffect(() => {
    const i18n = { lang, locale };
    timelineRef.current?.setOptions({
      format: {
        minorLabels: (date: Date, scale: string) => axisLabel(date.valueOf(), scale, 'minor', i18n),
        majorLabels: (date: Date, scale: string) => axisLabel(date.valueOf(), scale, 'major', i18n),
      },
    });
  }, [lang, locale]);

  useLayoutEffect(() => {
    if (limits)
      timelineRef.current?.setOptions({
        min: limits.from,
        max: limits.to,
        zoomMax: limits.to - limits.from,
      });
  }, [limits]);

  useLayoutEffect(() => {
    if (banded === bandedRef.current) return;
    bandedRef.current = banded;
    timelineRef.current?.setOptions({ margin: chartMargin(banded) });
  }, [banded]);

  useLayoutEffect(() => {
    // The chart was made with its height: vis-timeline's option check logs an error for an undefined one.
    if (height === heightRef.current) return;
    heightRef.current = height;
    timelineRef.current?.setOptions(
      height ? { height, maxHeight: height } : { height: undefined, maxHeight: '62vh' },
    );
  }, [height]);

  useLayoutEffect(() => {
    const timeline = timelineRef.current;
    if (!timeline) return;
    const ids =
      selectedEventId === undefined
        ? []
        : itemsRef.current.getIds({ filter: (i) => i.event === selectedEventId });
    timeline.setSelection(ids);
  }, [selectedEventId, items]);

  // A chosen event (a list row, a link, a present-mode step) may be out of view in a lane below the chart's height:
  // an item of it is scrolled into view in the next frame, after the redraw vis-timeline queued for the new items,
  // and after each redraw until one is (above).
  useLayoutEffect(() => {
    if (selectedEventId === revealedRef.current) return;
    const chosen = items.filter((i) => i.eventId === selectedEventId);
    const lanes = chosen.flatMap((i) => (i.lane === undefined ? [] : [i.lane]));
    const column = laneColumnRef.current;
    const host = hostRef.current;
    // Not drawn on its own yet (counted in a bin): tried again with the next items.
    if (selectedEventId !== undefined && (chosen.length === 0 || !column || !host)) return;
    revealedRef.current = selectedEventId;
    followRef.current =
      selectedEventId === undefined ? undefined : { event: selectedEventId, lanes };
    if (selectedEventId === undefined || !column || !host) return;
    let done = false;
    const frame = requestAnimationFrame(() => {
      done = true;
      if (revealEvent(host, column, selectedEventId, lanes)) followRef.current = undefined;
    });
    // New items before that frame: the next run of this effect tries again with them.
    return () => {
      if (done) return;
      cancelAnimationFrame(frame);
      revealedRef.current = undefined;
    };
  }, [selectedEventId, items]);

  return (
    <div
      ref={hostRef}
      className={[
        'timeline-chart',
        height ? 'fill' : '',
        // Room above the axis's dates for the milestone flags' rows (see chart.css), kept while zooming.
        markers.some((m) => m.kind === 'milestone') ? 'with-flags' : '',
      ]
        .filter(Boolean)
        .join(' ')}
      role="img"
      aria-label={t.chartLabel}
    />
  );
}
