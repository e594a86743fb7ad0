import { useCallback, useEffect, useMemo } from 'react';
import { useI18n } from '../i18n/i18n';
import {
  chartItems,
  lanesFor,
  phaseBands,
  type ChartItem,
  type Window,
} from '../model/chart-model';
import type { Incident, TimelineEvent } from '../model/incident';
import { milestones } from '../model/metrics';
import { eventWhen } from './format';
import { TimelineChart, type Marker } from './timeline-chart';

interface Props {
  /** The incident as far as the room may see it: the chart draws everything in it. */
  incident: Incident;
  window: Window;
  selectedEventId: string | undefined;
  bands: boolean;
  onSelect: (eventId: string) => void;
}

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;
const ignoreWindow = () => {};

/** The chart in present mode: lanes by actor (few, so they stay readable on a projector), moved to each step. */
export function PresentChart({
  incident,
  window: stepWindow,
  selectedEventId,
  bands,
  onSelect,
}: Props) {
  const { t, lang } = useI18n();
  const events = incident.events;
  const byId = useMemo(
    () => new Map<string, TimelineEvent>(events.map((e) => [e.id, e])),
    [events],
  );
  const items = useMemo(
    () => chartItems(incident, events, 'actor', lang),
    [incident, events, lang],
  );
  const lanes = useMemo(() => lanesFor(incident, events, 'actor', lang), [incident, events, lang]);
  const allBands = useMemo(
    () => (bands ? phaseBands(incident, events, lang) : []),
    [incident, events, lang, bands],
  );
  const markers = useMemo<Marker[]>(
    () =>
      [...milestones(incident)].map(([kind, e], i) => ({
        id: kind,
        kind: 'milestone',
        row: i % 3,
        time: e.startMs,
        label: t.milestones[kind] ?? kind,
      })),
    [incident, t],
  );
  const describe = useCallback(
    (item: ChartItem) => {
      const e = byId.get(item.eventId);
      return e
        ? [
            item.label,
            eventWhen(e, t),
            `${t.sides[item.side] ?? item.side} · ${t.outcomes[e.outcome] ?? e.outcome}`,
          ]
        : [item.label];
    },
    [byId, t],
  );
  // Before the first event is shown there is nothing to draw, and so no first draw to wait for.
  useEffect(() => {
    if (events.length === 0) markReady();
  }, [events.length]);
  const select = useCallback(
    (id: string | undefined) => id !== undefined && onSelect(id),
    [onSelect],
  );
  return (
    <TimelineChart
      items={items}
      lanes={lanes}
      bands={allBands}
      markers={markers}
      hidden={[]}
      window={stepWindow}
      onWindowChange={ignoreWindow}
      selectedEventId={selectedEventId}
      onSelect={select}
      describe={describe}
      marks={{ dateOnly: t.dateOnly, failed: t.failedMark, inferred: t.inferredMark }}
      onFirstDraw={markReady}
      ariaLabel={t.chartLabel}
      animate={!reducedMotion()}
      height="var(--present-chart-height)"
    />
  );
}

function markReady() {
  if (performance.getEntriesByName('incident:ready').length === 0)
    performance.mark('incident:ready');
}
