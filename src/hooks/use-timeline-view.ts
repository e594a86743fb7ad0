import { useCallback, useMemo } from 'react';
import type { TimelineChartProps, Marker } from '../components/timeline-chart';
import { eventWhen } from '../components/format';
import { useI18n } from '../i18n/i18n';
import {
  bringIntoView,
  chartItems,
  clampWindow,
  fitWindow,
  lanesFor,
  phaseBands,
  quietPeriods,
  zoomLimits,
  type ChartItem,
  type Window,
} from '../model/chart-model';
import { buildEventIndex } from '../model/event-index';
import { buildSearchIndex, facetCounts, filterEvents } from '../model/filters';
import { levelOfDetail, MAX_CHART_ITEMS, windowShowing } from '../model/level-of-detail';
import type { Incident } from '../model/incident';
import { milestones } from '../model/metrics';
import { localize } from '../model/text';
import { DAY, formatSpanShort, HOUR, utcStamp } from '../model/time';
import { DEFAULT_VIEW, type Facet, type ViewState } from '../model/view-state';
import { BENCH_HOOKS, notifyDrawn, useBenchHooks } from './use-bench-hooks';
import type { SetView } from './use-view-state';

// A gap with no events longer than this is folded away by "compress quiet periods", keeping some air each side.
const QUIET_GAP = 2 * DAY;
const QUIET_KEEP = 6 * HOUR;

function markReady() {
  if (performance.getEntriesByName('incident:ready').length === 0)
    performance.mark('incident:ready');
}

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/** Everything a screen derives from the incident and the view state, and the actions that change the view. */
export function useTimelineView(incident: Incident, view: ViewState, setView: SetView) {
  const { t, lang, locale } = useI18n();
  const searchIndex = useMemo(() => buildSearchIndex(incident), [incident]);
  const byId = useMemo(() => new Map(incident.events.map((e) => [e.id, e])), [incident]);
  // Every URL change parses to new arrays; keyed by content, the filters keep their identity across pan and zoom,
  // so nothing derived from them (filtering, counts, lanes, the time index) is recomputed.
  const filtersKey = JSON.stringify(view.filters);
  const query = useMemo(
    () => ({ filters: JSON.parse(filtersKey) as ViewState['filters'], q: view.q }),
    [filtersKey, view.q],
  );
  const visible = useMemo(
    () => filterEvents(incident.events, query, searchIndex),
    [incident, query, searchIndex],
  );
  const counts = useMemo(
    () => facetCounts(incident.events, query, searchIndex),
    [incident, query, searchIndex],
  );
  const chartEvents = view.dim ? incident.events : visible;
  const dimmed = useMemo(() => {
    if (!view.dim) return new Set<string>();
    const shown = new Set(visible.map((e) => e.id));
    return new Set(incident.events.filter((e) => !shown.has(e.id)).map((e) => e.id));
  }, [view.dim, visible, incident]);

  const lanes = useMemo(
    () => (view.group === 'none' ? null : lanesFor(incident, chartEvents, view.group, lang)),
    [incident, chartEvents, view.group, lang],
  );
  const index = useMemo(() => buildEventIndex(chartEvents), [chartEvents]);
  // Small incidents hand every event to the chart; large ones get individual items or per-lane counts for the window.
  const detailed =
    chartEvents.length * Math.max(1, view.group === 'system' ? 2 : 1) > MAX_CHART_ITEMS;
  const bands = useMemo(() => phaseBands(incident, incident.events, lang), [incident, lang]);
  const gaps = useMemo(
    () => (view.compress ? quietPeriods(incident.events, QUIET_GAP, QUIET_KEEP) : []),
    [incident, view.compress],
  );
  const markers = useMemo<Marker[]>(
    () => [
      ...[...milestones(incident)].map(([kind, e], i) => ({
        id: kind,
        kind: 'milestone' as const,
        row: i % 3,
        time: e.startMs,
        label: t.milestones[kind] ?? kind,
      })),
      ...gaps.map((g, i) => ({
        id: String(i),
        kind: 'break' as const,
        row: 3,
        time: g.from,
        label: t.hiddenGap(formatSpanShort(g.to - g.from, locale)),
      })),
    ],
    [incident, gaps, t, locale],
  );
  const fitted = useMemo(
    () => fitWindow(chartEvents.length > 0 ? chartEvents : incident.events),
    [chartEvents, incident],
  );
  const limits = useMemo(() => zoomLimits(incident.events), [incident]);
  // A hand-edited link cannot show a window beyond the limits either.
  const shownWindow = view.window ? clampWindow(view.window, limits) : fitted;
  const items = useMemo(
    () =>
      detailed && shownWindow
        ? levelOfDetail({
            incident,
            index,
            groupBy: view.group,
            lang,
            window: shownWindow,
            dimmed,
            aggregateLabel: t.eventsCount,
          }).items
        : chartItems(incident, chartEvents, view.group, lang, dimmed),
    [detailed, shownWindow, incident, index, view.group, lang, dimmed, t, chartEvents],
  );
  const selected = view.event === undefined ? undefined : byId.get(view.event);

  const describe = useCallback(
    (item: ChartItem) => {
      if (item.shape === 'aggregate')
        return [
          item.label,
          `${utcStamp(item.start, 'minute')} – ${utcStamp(item.end ?? item.start, 'minute')} UTC`,
          t.aggregateHint,
        ];
      const e = byId.get(item.eventId);
      if (!e) return [item.label];
      const lines = [
        item.label,
        eventWhen(e, t),
        `${t.sides[item.side] ?? item.side} · ${t.outcomes[e.outcome] ?? e.outcome}`,
      ];
      if (e.inferred) lines.push(`${t.inferred}: ${localize(e.inferred.reason, lang)}`);
      return lines;
    },
    [byId, t, lang],
  );

  const select = useCallback(
    (id: string | undefined) => setView((s) => ({ ...s, event: id })),
    [setView],
  );
  // From the list or a link: also pan the chart to the event, keeping the zoom level.
  const selectAndReveal = useCallback(
    (id: string | undefined) => {
      const e = id === undefined ? undefined : byId.get(id);
      const reveal = (w: Window) =>
        // Where the event would be counted in an aggregate, zoom until it is drawn on its own.
        detailed
          ? windowShowing(e!, {
              index,
              groupBy: view.group,
              window: bringIntoView(w, e!.startMs, e!.endMs),
            })
          : bringIntoView(w, e!.startMs, e!.endMs);
      setView((s) => ({
        ...s,
        event: id,
        window: e && shownWindow ? reveal(shownWindow) : s.window,
      }));
    },
    [byId, setView, shownWindow, detailed, index, view.group],
  );
  const setWindow = useCallback(
    (w: Window | undefined) =>
      setView((s) => ({ ...s, window: w && clampWindow(w, limits) }), { replace: true }),
    [setView, limits],
  );
  const toggleFacet = (facet: Facet, id: string, on: boolean) =>
    setView((s) => ({
      ...s,
      filters: {
        ...s.filters,
        [facet]: on ? [...s.filters[facet], id] : s.filters[facet].filter((x) => x !== id),
      },
    }));
  const filterTo = (facet: Facet, id: string) =>
    setView((s) => ({ ...s, filters: { ...DEFAULT_VIEW.filters, [facet]: [id] }, q: '' }));
  const search = (q: string) =>
    setView((s) => ({ ...s, q }), { replace: q !== '' && view.q !== '' });
  const clearFilters = () => setView((s) => ({ ...s, filters: DEFAULT_VIEW.filters, q: '' }));
  const zoomTo = (start: number, end: number) => {
    const pad = Math.max((end - start) * 0.1, 30 * 60 * 1000);
    setWindow({ from: start - pad, to: end + pad });
  };

  useBenchHooks(setView, shownWindow);

  const chartProps: TimelineChartProps = {
    items,
    lanes,
    bands: view.bands ? bands : [],
    markers,
    hidden: gaps,
    window: shownWindow,
    limits,
    onWindowChange: setWindow,
    selectedEventId: view.event,
    onSelect: select,
    onZoomTo: setWindow,
    describe,
    marks: { dateOnly: t.dateOnly, failed: t.failedMark, inferred: t.inferredMark },
    onFirstDraw: markReady,
    onRedraw: BENCH_HOOKS ? notifyDrawn : undefined,
    ariaLabel: t.chartLabel,
    animate: !reducedMotion(),
  };

  // The filter panel's wiring, the same in every screen that shows it.
  const filterPanel = {
    incident,
    filters: view.filters,
    counts,
    q: view.q,
    shown: visible.length,
    total: incident.events.length,
    onToggle: toggleFacet,
    onSearch: search,
    onClear: clearFilters,
  };

  return {
    filterPanel,
    visible,
    bands,
    shownWindow,
    selected,
    chartProps,
    selectAndReveal,
    setWindow,
    filterTo,
    zoomTo,
  };
}
