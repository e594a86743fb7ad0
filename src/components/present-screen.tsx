import { useCallback, useEffect, useMemo } from 'react';
import type { SetView } from '../hooks/use-view-state';
import { usePresentChannel, type StepMessage, type StepUpdate } from '../hooks/use-present-channel';
import { useStepKeys } from '../hooks/use-step-keys';
import { useViewQuery } from '../hooks/use-view-query';
import { useI18n } from '../i18n/i18n';
import { buildSearchIndex, filterEvents, NO_SEARCH_INDEX, searchTerms } from '../model/filters';
import type { Incident } from '../model/incident';
import { clampStep, phaseStep, presentSteps, stepIndexer, stepRef } from '../model/present';
import { appUrl, parseViewState, type ViewState } from '../model/view-state';
import type { Navigation } from './present-controls';
import { PresentStage } from './present-stage';
import { PresenterView } from './presenter-view';
import { TabletopPrint } from './tabletop-print';

interface Props {
  incident: Incident;
  view: ViewState;
  setView: SetView;
}

/** The title slide comes before step 1: it is where a link without `event` opens. */
const TITLE = -1;

/** `mode=present`: tabletop stepping through the incident, in the room's window or the facilitator's (`presenter=1`). */
export function PresentScreen({ incident, view, setView }: Props) {
  const { t } = useI18n();
  const query = useViewQuery(view);
  // Built only for a link with a search: at 100,000 events it took 350 ms. Not the other screens' shared one, whose
  // module in this chunk made the build split the page's first code into three more files.
  const searching = searchTerms(view.q).length > 0;
  const searchIndex = useMemo(
    () => (searching ? buildSearchIndex(incident) : NO_SEARCH_INDEX),
    [incident, searching],
  );
  // The link's filters choose the steps, so a 60-minute exercise can leave events out.
  const steps = useMemo(
    () => presentSteps(filterEvents(incident.events, query, searchIndex)),
    [incident, query, searchIndex],
  );
  const indexOf = useMemo(() => stepIndexer(steps), [steps]);
  // An event that is not a step (the link's notice says why) stands where no event does, in this view and the URL's.
  const position = useCallback(
    (s: Pick<ViewState, 'event' | 'inject'>) =>
      s.event === undefined ? TITLE : (indexOf({ event: s.event, inject: s.inject }) ?? TITLE),
    [indexOf],
  );
  const index = position(view);

  const messageFor = useCallback(
    (s: ViewState): StepUpdate => {
      const at = position(s);
      return at === TITLE
        ? { type: 'step', inject: false, reveal: s.reveal }
        : { type: 'step', ...stepRef(steps[at]!), reveal: s.reveal };
    },
    [steps, position],
  );
  const current = useCallback(
    () => messageFor(parseViewState(window.location.search).state),
    [messageFor],
  );
  const apply = useCallback(
    (m: StepMessage) => {
      // A step names an event id: one this session does not have is not a step of this session.
      if (m.event !== undefined && indexOf({ event: m.event, inject: false }) === undefined) return;
      setView((s) => ({ ...s, event: m.event, inject: m.inject, reveal: m.reveal }), {
        replace: true,
      });
    },
    [setView, indexOf],
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
        const target = to(position(s));
        if (target === undefined) return s;
        if (target < 0) return { ...s, event: undefined, inject: false };
        return { ...s, ...stepRef(steps[clampStep(steps, target)]!) };
      });
      post(current());
    },
    [setView, steps, post, current, position],
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
  const goTo = (i: number) => move(() => i);
  // Not in a printable view: its keys scroll it, and a step taken there would move the room unseen.
  useStepKeys(
    {
      next: nav.next,
      previous: nav.previous,
      first: () => move(() => TITLE),
      last: () => move(() => steps.length - 1),
      phase: (n) => move(() => phaseStep(steps, n)),
    },
    !view.print,
  );
  const jump = (eventId: string) => move(() => indexOf({ event: eventId, inject: false }));

  if (steps.length === 0) return <p className="present-empty">{t.tabletop.noSteps}</p>;
  if (view.print)
    return (
      <TabletopPrint
        incident={incident}
        steps={steps}
        print={view.print}
        onBack={() => setView((s) => ({ ...s, print: undefined }))}
      />
    );
  if (view.presenter)
    return (
      <PresenterView
        incident={incident}
        steps={steps}
        index={index}
        reveal={view.reveal}
        nav={nav}
        goTo={goTo}
        onPrint={(print) => setView((s) => ({ ...s, print }))}
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
