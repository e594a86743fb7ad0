import type { SetView } from '../hooks/use-view-state';
import { useTimelineView } from '../hooks/use-timeline-view';
import { useCallback, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import type { Incident } from '../model/incident';
import { localize } from '../model/text';
import type { ViewState } from '../model/view-state';
import { FACETS, termLabel } from '../model/vocabulary';
import { ChartBoundary } from './chart-boundary';
import { ChartLegend, ChartToolbar } from './chart-toolbar';
import { DetailsPanel } from './details-panel';
import { EventList } from './event-list';
import { ExportMenu, type DraftBlock } from './export-menu';
import { PrintList } from './print-list';
import { FilterPanel } from './filter-panel';
import { MetricsStrip } from './metrics-strip';
import { OverviewStrip } from './overview-strip';
import { LazyTimelineChart } from './lazy-chart';
import type { ChartEditing } from './timeline-chart';

interface Props {
  incident: Incident;
  view: ViewState;
  setView: SetView;
  /** Edit mode: shown instead of the details panel (the event form). */
  aside?: ReactNode;
  /** Edit mode: dragging and double-click adding on the chart. */
  editing?: ChartEditing;
  /** A draft with problems: exports say what to fix first. */
  exportBlocked?: DraftBlock;
}

/**
 * The full app: metrics, filters, toolbar, chart, list and details. The chart mounts with the panels at every size
 * and is made in their commit, so the page is laid out once before the first view (README, Scale).
 */
export function IncidentScreen({ incident, view, setView, aside, editing, exportBlocked }: Props) {
  const { t, lang } = useI18n();
  const tv = useTimelineView(incident, view, setView);
  const capture = useRef<HTMLDivElement>(null);
  const imageNode = useCallback(() => capture.current, []);
  const togglePath = useCallback((path: boolean) => setView((s) => ({ ...s, path })), [setView]);
  const active = FACETS.filter((f) => view.filters[f].length > 0).map(
    (f) =>
      `${t.facets[f]}: ${view.filters[f].map((id) => (f === 'outcome' ? (t.outcomes[id] ?? id) : termLabel(incident, f, id, lang))).join(', ')}`,
  );
  if (view.q) active.push(`${t.search}: “${view.q}”`);
  return (
    <div className="screen">
      <MetricsStrip incident={incident} onSelect={tv.selectAndReveal} />
      <div className="workspace">
        <FilterPanel {...tv.filterPanel} />
        <div className="chart-column">
          <ChartToolbar
            group={view.group}
            onGroup={(group) => setView((s) => ({ ...s, group }))}
            bands={tv.scene.bands}
            onZoom={tv.zoomBy}
            onFit={() => tv.setWindow(tv.scene.fitted)}
            onZoomToPhase={(b) => tv.zoomToSpan(b.start, b.end)}
            canZoomToSelected={tv.selected !== undefined}
            onZoomToSelected={() =>
              tv.selected && tv.zoomToSpan(tv.selected.startMs, tv.selected.endMs)
            }
            toggles={{
              compress: view.compress,
              bands: view.bands,
              dim: view.dim,
              links: view.links,
            }}
            onToggle={(key, value) => setView((s) => ({ ...s, [key]: value }))}
          />
          <div className="chart-actions">
            <ChartLegend />
            <ExportMenu
              incident={incident}
              events={tv.visible}
              imageNode={imageNode}
              blocked={exportBlocked}
            />
          </div>
          {tv.shownWindow && (
            <OverviewStrip scene={tv.scene} window={tv.shownWindow} onWindow={tv.setWindow} />
          )}
          {tv.visible.length === 0 && incident.events.length > 0 && (
            <p className="status" role="status">
              {t.noMatches}
            </p>
          )}
          <div ref={capture} className="capture">
            <p className="capture-caption">
              <strong>{localize(incident.title, lang)}</strong> ·{' '}
              {t.eventsShown(tv.visible.length, incident.events.length)}
              {active.length > 0 && ` · ${active.join('; ')}`} · {t.allTimesUtc}
            </p>
            <ChartBoundary>
              <LazyTimelineChart {...tv.chartProps} editing={editing} />
            </ChartBoundary>
          </div>
          <div className="below-chart">
            <EventList
              incident={incident}
              events={tv.visible}
              selectedId={view.event}
              onSelect={tv.selectAndReveal}
              q={view.q}
            />
            {aside ?? (
              <DetailsPanel
                incident={incident}
                event={tv.selected}
                onSelect={tv.selectAndReveal}
                onFilterTo={tv.filterTo}
                path={tv.path}
                onTogglePath={togglePath}
              />
            )}
          </div>
          <PrintList incident={incident} events={tv.visible} />
        </div>
      </div>
    </div>
  );
}
