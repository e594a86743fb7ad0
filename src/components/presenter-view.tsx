import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n';
import { useStepTimer } from '../hooks/use-step-timer';
import { useTabletopSession } from '../hooks/use-tabletop-session';
import type { Incident, LocalizedText } from '../model/incident';
import type { Step } from '../model/present';
import { agenda, EMPTY_NOTE, stepKey } from '../model/tabletop';
import { localize } from '../model/text';
import type { PrintView } from '../model/view-state';
import { PresentControls, type Navigation } from './present-controls';
import { When } from './present-step';
import { TabletopAgenda } from './tabletop-agenda';
import { TabletopCapture } from './tabletop-capture';
import { TabletopPacing } from './tabletop-pacing';
import { TabletopSessionPicker } from './tabletop-session-picker';

interface Props {
  /** The whole incident: the facilitator sees what is coming. */
  incident: Incident;
  steps: Step[];
  /** -1 is the title slide. */
  index: number;
  reveal: boolean;
  nav: Navigation;
  goTo: (index: number) => void;
  onPrint: (print: PrintView) => void;
}

function Prompts({ title, prompts }: { title: string; prompts: LocalizedText[] | undefined }) {
  const { lang } = useI18n();
  if (!prompts || prompts.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul>
        {prompts.map((p, i) => (
          <li key={i}>{localize(p, lang)}</li>
        ))}
      </ul>
    </>
  );
}

function StepSummary({ incident, step }: { incident: Incident; step: Step }) {
  const { t, lang } = useI18n();
  const e = step.event;
  return (
    <>
      <When incident={incident} event={e} exact />
      {step.inject && e.inject && (
        <p className="presenter-question">
          <strong>{t.present.inject}:</strong> {localize(e.inject.question, lang)}
        </p>
      )}
      <p className="presenter-title">{localize(e.title, lang)}</p>
    </>
  );
}

/** The facilitator's second window: notes and tags per step, pacing, the agenda, and what comes next. */
export function PresenterView({ incident, steps, index, reveal, nav, goTo, onPrint }: Props) {
  const { t, lang } = useI18n();
  const tabletop = useTabletopSession(incident.id);
  const step = index < 0 ? undefined : steps[index];
  const key = step && stepKey(step);
  const now = useStepTimer(tabletop, key);
  const next = steps[index + 1];
  const phase = step && incident.phases.find((p) => p.id === step.event.phase);
  const hasPrompts = (phase?.prompts?.length ?? 0) + (step?.event.prompts?.length ?? 0) > 0;
  const { session, notes, updateNote } = tabletop;
  const items = useMemo(
    () => agenda(steps, session?.targetMinutes ?? 60, notes),
    [steps, session?.targetMinutes, notes],
  );
  const note = (key && notes[key]) || EMPTY_NOTE;
  return (
    <div className="presenter">
      <div className="presenter-bar">
        <h2>{t.present.presenterView}</h2>
        <div className="presenter-buttons">
          <button type="button" onClick={() => onPrint('report')}>
            {t.tabletop.afterAction}
          </button>
          <button type="button" onClick={() => onPrint('manual')}>
            {t.tabletop.situationManual}
          </button>
        </div>
      </div>
      <PresentControls
        index={index}
        total={steps.length}
        atEnd={next === undefined}
        reveal={reveal}
        nav={nav}
      />
      <div className="presenter-grid">
        <section className="presenter-current" aria-labelledby="presenter-current">
          <h2 id="presenter-current">{t.present.onScreen}</h2>
          {step ? (
            <>
              <StepSummary incident={incident} step={step} />
              {step.inject && <p className="muted">{t.present.roomSees}</p>}
              <p>{localize(step.event.description, lang)}</p>
            </>
          ) : (
            <p className="presenter-title">{t.tabletop.titleSlide}</p>
          )}
        </section>
        {key && (
          <TabletopCapture
            note={note}
            status={tabletop.status}
            onText={(text) => updateNote(key, (n) => ({ ...n, text }))}
            onTag={(tag, on) =>
              updateNote(key, (n) => ({
                ...n,
                tags: on ? [...new Set([...n.tags, tag])] : n.tags.filter((x) => x !== tag),
              }))
            }
          />
        )}
        <section className="presenter-notes" aria-labelledby="presenter-notes">
          <h2 id="presenter-notes">{t.present.notes}</h2>
          <Prompts
            title={t.present.phasePrompts(phase ? localize(phase.label, lang) : '')}
            prompts={phase?.prompts}
          />
          <Prompts title={t.present.eventPrompts} prompts={step?.event.prompts} />
          {!hasPrompts && <p className="muted">{t.present.noPrompts}</p>}
        </section>
        <section className="presenter-next" aria-labelledby="presenter-next">
          <h2 id="presenter-next">{t.present.nextUp}</h2>
          {next ? (
            <StepSummary incident={incident} step={next} />
          ) : (
            <p className="muted">{t.present.lastStep}</p>
          )}
        </section>
        {session && (
          <div className="presenter-side">
            <TabletopPacing session={session} now={now} onChange={tabletop.saveSession} />
            <TabletopAgenda
              incident={incident}
              items={items}
              currentPhase={step?.event.phase}
              onGo={goTo}
            />
            <TabletopSessionPicker
              session={session}
              sessions={tabletop.sessions}
              onNew={tabletop.startNew}
              onResume={tabletop.resume}
            />
          </div>
        )}
      </div>
    </div>
  );
}
