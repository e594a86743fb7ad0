import { useCallback, useMemo } from 'react';
import type { SetView } from '../hooks/use-view-state';
import { useI18n } from '../i18n/i18n';
import {
  bringIntoView,
  chartItems,
  fitWindow,
  lanesFor,
  phaseBands,
  quietPeriods,
  zoomWindow,
  type Band,
  type ChartItem,
  type Window,
} from '../model/chart-model';
import { buildSearchIndex, facetCounts, filterEvents } from '../model/filters';
import type { Incident } from '../model/incident';
import { milestones } from '../model/metrics';
import { localize } from '../model/text';
import { DAY, formatSpanShort, HOUR } from '../model/time';
import { DEFAULT_VIEW, type Facet, type ViewState } from '../model/view-state';
import { ChartBoundary } from './chart-boundary';
import { ChartLegend, ChartToolbar } from './chart-toolbar';
import { DetailsPanel } from './details-panel';
import { EventList } from './event-list';
import { FilterPanel } from './filter-panel';
import { eventWhen } from './format';
import { MetricsStrip } from './metrics-strip';
import { TimelineChart, type Marker } from './timeline-chart';

// A gap with no events longer than this is folded away by "compress quiet periods", keeping some air each side.
const QUIET_GAP = 2 * DAY;
const QUIET_KEEP = 6 * HOUR;

function markReady() {
  if (performance.getEntriesByName('incident:ready').length === 0) performance.mark('incident:ready');
}

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

interface Props {
  incident: Incident;
  view: ViewState;
  setView: SetView;
}

export function IncidentScreen({ incident, view, setView }: Props) {
  const { t, lang, locale } = useI18n();
  const index = useMemo(() => buildSearchIndex(incident), [incident]);
  const byId = useMemo(() => new Map(incident.events.map((e) => [e.id, e])), [incident]);
  const query = useMemo(() => ({ filters: view.filters, q: view.q }), [view.filters, view.q]);
  const visible = useMemo(() => filterEvents(incident.events, query, index), [incident, query, index]);
  const counts = useMemo(() => facetCounts(incident.events, query, index), [incident, query, index]);
  const chartEvents = view.dim ? incident.events : visible;
  const dimmed = useMemo(() => {
    if (!view.dim) return new Set<string>();
    const shown = new Set(visible.map((e) => e.id));
    return new Set(incident.events.filter((e) => !shown.has(e.id)).map((e) => e.id));
  }, [view.dim, visible, incident]);

  const items = useMemo(() => chartItems(incident, chartEvents, view.group, lang, dimmed), [incident, chartEvents, view.group, lang, dimmed]);
  const lanes = useMemo(() => (view.group === 'none' ? null : lanesFor(incident, chartEvents, view.group, lang)), [incident, chartEvents, view.group, lang]);
  const allBands = useMemo(() => phaseBands(incident, incident.events, lang), [incident, lang]);
  const gaps = useMemo(() => (view.compress ? quietPeriods(incident.events, QUIET_GAP, QUIET_KEEP) : []), [incident, view.compress]);
  const markers = useMemo<Marker[]>(
    () => [
      ...[...milestones(incident)].map(([kind, e], i) => ({ id: kind, kind: 'milestone' as const, row: i % 3, time: e.startMs, label: t.milestones[kind] ?? kind })),
      ...gaps.map((g, i) => ({ id: String(i), kind: 'break' as const, row: 3, time: g.from, label: t.hiddenGap(formatSpanShort(g.to - g.from, locale)) })),
    ],
    [incident, gaps, t, locale],
  );
  const fitted = useMemo(() => fitWindow(chartEvents.length > 0 ? chartEvents : incident.events), [chartEvents, incident]);
  const shownWindow = view.window ?? fitted;
  const selected = view.event === undefined ? undefined : byId.get(view.event);

  const describe = useCallback(
    (item: ChartItem) => {
      const e = byId.get(item.eventId);
      if (!e) return [item.label];
      const lines = [item.label, eventWhen(e, t), `${t.sides[item.side] ?? item.side} · ${t.outcomes[e.outcome] ?? e.outcome}`];
      if (e.inferred) lines.push(`${t.inferred}: ${localize(e.inferred.reason, lang)}`);
      return lines;
    },
    [byId, t, lang],
  );

  const select = useCallback((id: string | undefined) => setView((s) => ({ ...s, event: id })), [setView]);
  // From the list or a link: also pan the chart to the event, keeping the zoom level.
  const selectAndReveal = useCallback(
    (id: string | undefined) => {
      const e = id === undefined ? undefined : byId.get(id);
      setView((s) => ({ ...s, event: id, window: e && shownWindow ? bringIntoView(shownWindow, e.startMs, e.endMs) : s.window }));
    },
    [byId, setView, shownWindow],
  );
  const setWindow = useCallback((w: Window | undefined) => setView((s) => ({ ...s, window: w }), { replace: true }), [setView]);
  const toggleFacet = (facet: Facet, id: string, on: boolean) =>
    setView((s) => ({ ...s, filters: { ...s.filters, [facet]: on ? [...s.filters[facet], id] : s.filters[facet].filter((x) => x !== id) } }));
  const filterTo = (facet: Facet, id: string) => setView((s) => ({ ...s, filters: { ...DEFAULT_VIEW.filters, [facet]: [id] }, q: '' }));
  const zoomTo = (start: number, end: number) => {
    const pad = Math.max((end - start) * 0.1, 30 * 60 * 1000);
    setWindow({ from: start - pad, to: end + pad });
  };

  return (
    <div className="screen">
      <MetricsStrip incident={incident} onSelect={selectAndReveal} />
      <div className="workspace">
        <FilterPanel
          incident={incident}
          filters={view.filters}
          counts={counts}
          q={view.q}
          shown={visible.length}
          total={incident.events.length}
          onToggle={toggleFacet}
          onSearch={(q) => setView((s) => ({ ...s, q }), { replace: q !== '' && view.q !== '' })}
          onClear={() => setView((s) => ({ ...s, filters: DEFAULT_VIEW.filters, q: '' }))}
        />
        <div className="chart-column">
          <ChartToolbar
            group={view.group}
            onGroup={(group) => setView((s) => ({ ...s, group }))}
            bands={allBands}
            onZoom={(f) => shownWindow && setWindow(zoomWindow(shownWindow, f))}
            onFit={() => setWindow(undefined)}
            onZoomToPhase={(b: Band) => zoomTo(b.start, b.end)}
            canZoomToSelected={selected !== undefined}
            onZoomToSelected={() => selected && zoomTo(selected.startMs, selected.endMs)}
            toggles={{ compress: view.compress, bands: view.bands, dim: view.dim }}
            onToggle={(key, value) => setView((s) => ({ ...s, [key]: value }))}
          />
          <ChartLegend />
          {visible.length === 0 && <p className="status" role="status">{t.noMatches}</p>}
          <ChartBoundary>
            <TimelineChart
              items={items}
              lanes={lanes}
              bands={view.bands ? allBands : []}
              markers={markers}
              hidden={gaps}
              window={shownWindow}
              onWindowChange={setWindow}
              selectedEventId={view.event}
              onSelect={select}
              describe={describe}
              marks={{ dateOnly: t.dateOnly, failed: t.failedMark, inferred: t.inferredMark }}
              onFirstDraw={markReady}
              ariaLabel={t.chartLabel}
              animate={!reducedMotion()}
            />
          </ChartBoundary>
          <div className="below-chart">
            <EventList incident={incident} events={visible} selectedId={view.event} onSelect={selectAndReveal} q={view.q} />
            <DetailsPanel incident={incident} event={selected} onSelect={selectAndReveal} onFilterTo={filterTo} />
          </div>
        </div>
      </div>
    </div>
  );
}
