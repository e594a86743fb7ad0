import { useCallback, useEffect, useMemo } from 'react';
import type { SetView } from '../hooks/use-view-state';
import { usePresentChannel, type StepMessage, type StepUpdate } from '../hooks/use-present-channel';
import { useStepKeys } from '../hooks/use-step-keys';
import type { Incident } from '../model/incident';
import { clampStep, phaseStep, presentSteps, stepIndex, stepRef } from '../model/present';
import { appUrl, parseViewState, type ViewState } from '../model/view-state';
import type { Navigation } from './present-controls';
import { PresentStage } from './present-stage';
import { PresenterView } from './presenter-view';

interface Props {
  incident: Incident;
  view: ViewState;
  setView: SetView;
}

/** `mode=present`: tabletop stepping through the incident, in the room's window or the facilitator's (`presenter=1`). */
export function PresentScreen({ incident, view, setView }: Props) {
  const steps = useMemo(() => presentSteps(incident.events), [incident]);
  const index = stepIndex(steps, { event: view.event, inject: view.inject });

  const messageFor = useCallback(
    (s: ViewState): StepUpdate => ({
      type: 'step',
      ...stepRef(steps[stepIndex(steps, s)]!),
      reveal: s.reveal,
    }),
    [steps],
  );
  const current = useCallback(
    () => messageFor(parseViewState(window.location.search).state),
    [messageFor],
  );
  const apply = useCallback(
    (m: StepMessage) => {
      // A step names an event id: one this incident does not have is not a step of this session.
      if (!steps.some((s) => s.event.id === m.event)) return;
      setView((s) => ({ ...s, event: m.event, inject: m.inject, reveal: m.reveal }), {
        replace: true,
      });
    },
    [setView, steps],
  );
  const { post, session } = usePresentChannel(
    incident.id,
    view.presenter ? 'presenter' : 'audience',
    view.session,
    current,
    apply,
  );

  // Every local move goes into the URL (a history entry, so Back steps back) and then to the other windows.
  const move = useCallback(
    (to: (i: number) => number | undefined) => {
      setView((s) => {
        const target = to(stepIndex(steps, s));
        return target === undefined ? s : { ...s, ...stepRef(steps[clampStep(steps, target)]!) };
      });
      post(current());
    },
    [setView, steps, post, current],
  );
  // Back and Forward in this window are local moves too.
  useEffect(() => {
    const onPop = () => post(current());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [post, current]);

  const nav: Navigation = {
    previous: () => move((i) => i - 1),
    next: () => move((i) => i + 1),
    setReveal: (reveal) => {
      setView((s) => ({ ...s, reveal }));
      post(current());
    },
    openPresenter: view.presenter
      ? undefined
      : () => {
          const url = appUrl(window.location.href, (s) => ({ ...s, presenter: true, session }));
          window.open(
            url,
            `incident-timeline-presenter-${incident.id}`,
            'popup,width=1100,height=760',
          );
        },
  };
  useStepKeys({
    next: nav.next,
    previous: nav.previous,
    first: () => move(() => 0),
    last: () => move(() => steps.length - 1),
    phase: (n) => move(() => phaseStep(incident, steps, n)),
  });
  const jump = (eventId: string) => move(() => stepIndex(steps, { event: eventId, inject: false }));

  if (view.presenter)
    return (
      <PresenterView
        incident={incident}
        steps={steps}
        index={index}
        reveal={view.reveal}
        nav={nav}
      />
    );
  return (
    <PresentStage
      incident={incident}
      steps={steps}
      index={index}
      reveal={view.reveal}
      bands={view.bands}
      nav={nav}
      onJump={jump}
    />
  );
}
