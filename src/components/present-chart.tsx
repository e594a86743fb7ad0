import { useEffect, useMemo } from 'react';
import { markReady } from '../hooks/ready';
import { useChartWords } from '../hooks/use-chart-words';
import { useI18n } from '../i18n/i18n';
import { chartScene, chartView } from '../model/chart-view';
import type { Incident } from '../model/incident';
import type { TimeWindow } from '../model/time';
import { TimelineChart } from './timeline-chart';

interface Props {
  /** The incident as far as the room may see it: the chart draws everything in it. */
  incident: Incident;
  window: TimeWindow;
  selectedEventId: string | undefined;
  bands: boolean;
  onSelect: (eventId: string) => void;
}

/** The chart in present mode: lanes by actor (few, so they stay readable on a projector), moved to each step. */
export function PresentChart({ incident, window, selectedEventId, bands, onSelect }: Props) {
  const { lang } = useI18n();
  const words = useChartWords();
  const scene = useMemo(
    () =>
      chartScene({
        incident,
        events: incident.events,
        groupBy: 'actor',
        lang,
        bands,
        compress: false,
        limit: false,
        words,
      }),
    [incident, lang, bands, words],
  );
  const view = useMemo(() => chartView(scene, window), [scene, window]);
  // Before the first event is shown there is nothing to draw, and so no first draw to wait for.
  useEffect(() => {
    if (incident.events.length === 0) markReady();
  }, [incident.events.length]);
  return (
    <TimelineChart
      view={view}
      selectedEventId={selectedEventId}
      onSelect={(id) => id !== undefined && onSelect(id)}
      height="var(--present-chart-height)"
      bandNames={false}
    />
  );
}
