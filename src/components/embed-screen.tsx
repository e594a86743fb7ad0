import type { SetView } from '../hooks/use-view-state';
import { useTimelineView } from '../hooks/use-timeline-view';
import { useI18n } from '../i18n/i18n';
import type { Incident } from '../model/incident';
import { localize } from '../model/text';
import { appUrl, type ViewState } from '../model/view-state';
import { DetailsPanel } from './details-panel';
import { FilterPanel } from './filter-panel';
import { TimelineChart } from './timeline-chart';

interface Props {
  incident: Incident;
  view: ViewState;
  setView: SetView;
}

/** `mode=embed`: the chart filling its frame, details on selection, filters only with `controls=1`. */
export function EmbedScreen({ incident, view, setView }: Props) {
  const { t, lang } = useI18n();
  const tv = useTimelineView(incident, view, setView);
  const fullView = appUrl(window.location.href, (s) => ({ ...s, mode: 'full', controls: false }));
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
        <div className="embed-chart">
          <TimelineChart {...tv.chartProps} height="100%" />
        </div>
        {tv.selected && (
          <div className="embed-details">
            <DetailsPanel
              incident={incident}
              event={tv.selected}
              onSelect={tv.selectAndReveal}
              onFilterTo={tv.filterTo}
            />
          </div>
        )}
      </div>
    </div>
  );
}
