import { useMemo } from 'react';
import type { Incident } from '../model/incident';
import {
  previousEvent,
  revealedEvents,
  revealedIncident,
  stepWindow,
  type Step,
} from '../model/present';
import { MetricsStrip } from './metrics-strip';
import { PresentChart } from './present-chart';
import { PresentControls, type Navigation } from './present-controls';
import { PresentStep } from './present-step';
import { PresentStepsList } from './present-steps-list';

interface Props {
  incident: Incident;
  steps: Step[];
  index: number;
  reveal: boolean;
  bands: boolean;
  nav: Navigation;
  onJump: (eventId: string) => void;
}

/** What the room sees on the projector: the chart on top, the current step below, nothing after it anywhere. */
export function PresentStage({ incident, steps, index, reveal, bands, nav, onJump }: Props) {
  const step = steps[index]!;
  const seen = useMemo(() => revealedEvents(steps, index), [steps, index]);
  // Every component below gets this cut-down incident, so none of them can show an event the room has not seen.
  const shown = useMemo(
    () => (reveal ? incident : revealedIncident(incident, seen)),
    [reveal, incident, seen],
  );
  const chartWindow = useMemo(() => stepWindow(seen, step.event), [seen, step.event]);
  const previous = previousEvent(steps, index);
  const current = step.inject ? undefined : step.event.id;
  return (
    <div className={`present${reveal ? ' present-debriefing' : ''}`}>
      <PresentControls index={index} atEnd={index === steps.length - 1} reveal={reveal} nav={nav} />
      <PresentChart
        incident={shown}
        window={chartWindow}
        selectedEventId={current}
        bands={bands}
        onSelect={onJump}
      />
      <div className="present-below">
        <PresentStep incident={shown} step={step} previous={previous} />
        <aside className="present-side">
          <MetricsStrip incident={shown} onSelect={onJump} />
          <PresentStepsList
            events={shown.events}
            currentId={current}
            debrief={reveal}
            onSelect={onJump}
          />
        </aside>
      </div>
    </div>
  );
}
