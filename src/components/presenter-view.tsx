import { useI18n } from '../i18n/i18n';
import { useSessionClock } from '../hooks/use-session-clock';
import type { Incident, LocalizedText } from '../model/incident';
import type { Step } from '../model/present';
import { localize } from '../model/text';
import { eventWhen } from '../i18n/format';
import { PresentControls, type Navigation } from './present-controls';

interface Props {
  /** The whole incident: the facilitator sees what is coming. */
  incident: Incident;
  steps: Step[];
  index: number;
  reveal: boolean;
  nav: Navigation;
}

const clock = (ms: number) => {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 3600)}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};

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

function StepSummary({ step }: { step: Step }) {
  const { t, lang } = useI18n();
  const e = step.event;
  return (
    <>
      <p className="present-when">
        <time dateTime={e.start}>{eventWhen(e, t)}</time>
      </p>
      {step.inject && e.inject && (
        <p className="presenter-question">
          <strong>{t.present.inject}:</strong> {localize(e.inject.question, lang)}
        </p>
      )}
      <p className="presenter-title">{localize(e.title, lang)}</p>
    </>
  );
}

/** The facilitator's second window: speaker notes, what comes next and the session clock. */
export function PresenterView({ incident, steps, index, reveal, nav }: Props) {
  const { t, lang } = useI18n();
  const elapsed = useSessionClock(`incident-timeline:present:${incident.id}:started`);
  const step = steps[index]!;
  const next = steps[index + 1];
  const phase = incident.phases.find((p) => p.id === step.event.phase);
  const hasPrompts = (phase?.prompts?.length ?? 0) + (step.event.prompts?.length ?? 0) > 0;
  return (
    <div className="presenter">
      <div className="presenter-bar">
        <h2>{t.present.presenterView}</h2>
        <p className="presenter-clock">
          {t.present.session} <span className="mono">{clock(elapsed)}</span>
        </p>
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
          <StepSummary step={step} />
          {step.inject && <p className="muted">{t.present.roomSees}</p>}
          <p>{localize(step.event.description, lang)}</p>
        </section>
        <section className="presenter-notes" aria-labelledby="presenter-notes">
          <h2 id="presenter-notes">{t.present.notes}</h2>
          <Prompts
            title={t.present.phasePrompts(phase ? localize(phase.label, lang) : step.event.phase)}
            prompts={phase?.prompts}
          />
          <Prompts title={t.present.eventPrompts} prompts={step.event.prompts} />
          {!hasPrompts && <p className="muted">{t.present.noPrompts}</p>}
        </section>
        <section className="presenter-next" aria-labelledby="presenter-next">
          <h2 id="presenter-next">{t.present.nextUp}</h2>
          {next ? <StepSummary step={next} /> : <p className="muted">{t.present.lastStep}</p>}
        </section>
      </div>
    </div>
  );
}
