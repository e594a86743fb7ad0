import { useCallback, useMemo, useState } from 'react';
import { Empty, LoadError, Loading } from './components/load-status';
import { TimelineChart } from './components/timeline-chart';
import { DEFAULT_SOURCE, useIncident } from './loading/incident-query';
import { chartItems, lanesFor, type ChartItem } from './model/chart-model';
import { localize } from './model/text';
import { utcStamp } from './model/time';

const lang = 'en';

function markReady() {
  performance.mark('incident:ready');
}

export function App() {
  const src = DEFAULT_SOURCE;
  const query = useIncident(src);
  const incident = query.data;
  const [selected, setSelected] = useState<string>();

  const items = useMemo(() => (incident ? chartItems(incident, incident.events, 'system', lang) : []), [incident]);
  const lanes = useMemo(() => (incident ? lanesFor(incident, incident.events, 'system', lang) : []), [incident]);
  const byId = useMemo(() => new Map(incident?.events.map((e) => [e.id, e])), [incident]);
  const describe = useCallback(
    (item: ChartItem) => {
      const e = byId.get(item.eventId);
      return e ? [item.label, `${utcStamp(e.startMs, e.precision)} UTC`] : [item.label];
    },
    [byId],
  );

  return (
    <div className="app">
      <header className="app-header">
        <h1>{incident ? localize(incident.title, lang) : 'Incident Timeline'}</h1>
        <p className="utc-note">All times UTC</p>
      </header>
      <main>
        {query.isPending && <Loading src={src} />}
        {query.isError && <LoadError error={query.error} />}
        {incident && incident.events.length === 0 && <Empty />}
        {incident && incident.events.length > 0 && (
          <TimelineChart
            items={items}
            lanes={lanes}
            selectedEventId={selected}
            onSelect={setSelected}
            describe={describe}
            onFirstDraw={markReady}
            ariaLabel="Timeline chart of the incident; the event list below holds the same events."
          />
        )}
      </main>
    </div>
  );
}
