import type { SetView } from '../hooks/use-view-state';
import { useTimelineView } from '../hooks/use-timeline-view';
import { useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import type { Incident } from '../model/incident';
import { localize } from '../model/text';
import { appUrl, defaultGroup, type ViewState } from '../model/view-state';
import { ChartLegend } from './chart-toolbar';
import { DetailsPanel } from './details-panel';
import { FilterPanel } from './filter-panel';
import { TimelineChart } from './timeline-chart';

interface Props {
  incident: Incident;
  view: ViewState;
  setView: SetView;
}

/** `mode=embed`: the chart filling its frame, details on selection, the legend on demand, filters only with `controls=1`. */
export function EmbedScreen({ incident, view, setView }: Props) {
  const { t, lang } = useI18n();
  const tv = useTimelineView(incident, view, setView);
  const [hint, setHint] = useState(false);
  const hintTimer = useRef<number | undefined>(undefined);
  // The plain wheel scrolls the page around the frame; say once in a while how to zoom instead.
  const onWheel = (e: React.WheelEvent) => {
    if (e.ctrlKey || e.metaKey) return;
    setHint(true);
    window.clearTimeout(hintTimer.current);
    hintTimer.current = window.setTimeout(() => setHint(false), 2000);
  };
  // Lanes left at the embed's default open as the full view's default lanes.
  const fullView = appUrl(window.location.href, (s) => ({
    ...s,
    mode: 'full',
    controls: false,
    group: s.group === defaultGroup('embed') ? defaultGroup('full') : s.group,
  }));
  return (
    <div className="embed">
      <div className="embed-bar">
        <h1 className="embed-title">{localize(incident.title, lang)}</h1>
        <span className="utc-note">{t.allTimesUtc}</span>
        {view.controls && (
          <span className="muted small">
            {t.eventsShown(tv.visible.length, incident.events.length)}
          </span>
        )}
        <button type="button" className="embed-fit" onClick={() => tv.setWindow(tv.scene.fitted)}>
          {t.fit}
        </button>
        <details className="embed-legend">
          <summary>{t.legend}</summary>
          <ChartLegend />
        </details>
        <a className="embed-open" href={fullView} target="_blank" rel="noopener noreferrer">
          {t.openFullView}
        </a>
      </div>
      <div className="embed-body">
        {view.controls && (
          <details className="embed-filters">
            <summary>{t.filters}</summary>
            <FilterPanel {...tv.filterPanel} />
          </details>
        )}
        <div className="embed-chart" onWheel={onWheel}>
          <TimelineChart {...tv.chartProps} height="100%" ctrlZoom />
          {hint && (
            <p className="embed-hint" role="status">
              {t.wheelHint}
            </p>
          )}
        </div>
        {tv.selected && (
          <div className="embed-details">
            <DetailsPanel
              incident={incident}
              event={tv.selected}
              onSelect={tv.selectAndReveal}
              onFilterTo={tv.filterTo}
              compact
            />
          </div>
        )}
      </div>
    </div>
  );
}
