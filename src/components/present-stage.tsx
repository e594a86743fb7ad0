import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n';
import type { Incident, LocalizedText } from '../model/incident';
import {
  previousEvent,
  revealedEvents,
  revealedIncident,
  stepWindow,
  type Step,
} from '../model/present';
import { asTheRoomSees, stepMoment } from '../model/present-clip';
import { localize } from '../model/text';
import { MetricsStrip } from './metrics-strip';
import { PresentChart } from './present-chart';
import { PresentControls, type Navigation } from './present-controls';
import { PresentStep } from './present-step';
import { PresentStepsList } from './present-steps-list';
import { PresentTitleSlide } from './present-title-slide';

interface Props {
  incident: Incident;
  steps: Step[];
  /** -1 is the title slide. */
  index: number;
  reveal: boolean;
  bands: boolean;
  nav: Navigation;
  onJump: (eventId: string) => void;
}

/** What the room sees on the projector: the chart on top, the current step below, nothing after it anywhere. */
export function PresentStage({ incident, steps, index, reveal, bands, nav, onJump }: Props) {
  const { t, lang } = useI18n();
  const step = steps[Math.max(0, index)]!;
  const seen = useMemo(() => revealedEvents(steps, index), [steps, index]);
  // Ranges that end later are cut at the step, and each event reads as the data says the room may read it.
  const room = useMemo(
    () =>
      asTheRoomSees(seen, step, (title: LocalizedText) =>
        t.tabletop.markOngoing(localize(title, lang)),
      ),
    [seen, step, t, lang],
  );
  // Every component below gets this cut-down incident, so none of them can show an event the room has not seen.
  const shown = useMemo(
    () => (reveal ? incident : revealedIncident(incident, room.events)),
    [reveal, incident, room.events],
  );
  // An inject's event is not shown yet: its start alone places the window, so its width tells nothing of its end.
  const chartWindow = useMemo(() => {
    const shownStep = room.events.find((e) => e.id === step.event.id);
    return stepWindow(room.events, shownStep ?? { ...step.event, endMs: step.event.startMs });
  }, [room.events, step.event]);
  const roomStep = room.events.find((e) => e.id === step.event.id);
  const previous = previousEvent(steps, index);
  const current = step.inject || index < 0 ? undefined : step.event.id;
  const controls = (
    <PresentControls index={index} atEnd={index === steps.length - 1} reveal={reveal} nav={nav} />
  );
  if (index < 0 && !reveal)
    return (
      <div className="present present-room">
        {controls}
        <PresentTitleSlide incident={incident} />
      </div>
    );
  return (
    <div className={`present present-room${reveal ? ' present-debriefing' : ''}`}>
      {controls}
      <PresentChart
        incident={shown}
        window={chartWindow}
        selectedEventId={current}
        bands={bands}
        onSelect={onJump}
      />
      <div className="present-below">
        <PresentStep
          incident={shown}
          step={roomStep && !reveal ? { ...step, event: roomStep } : step}
          previous={previous}
          ongoing={
            !reveal &&
            (roomStep
              ? room.ongoing.has(step.event.id)
              : step.event.end !== undefined && step.event.endMs > stepMoment(step))
          }
        />
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
