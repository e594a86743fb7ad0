import { useI18n } from '../i18n/i18n';
import { termLabel } from '../model/vocabulary';
import type { Incident, TimelineEvent } from '../model/incident';
import { sinceFirstActivity } from '../model/metrics';
import { elapsedBetween, isSingular, type Step } from '../model/present';
import { localize } from '../model/text';
import { formatSpan, formatSpanShort } from '../model/time';
import { eventWhen } from '../i18n/format';

interface Props {
  /** The incident as far as the room may see it (T+ needs its first adversary activity to be shown). */
  incident: Incident;
  step: Step;
  previous: TimelineEvent | undefined;
}

/** "2 days 18 hours pass", "The same day": how much time passed since the previous step's event. */
export function TimePasses({ from, to }: { from: TimelineEvent | undefined; to: TimelineEvent }) {
  const { t, locale } = useI18n();
  if (!from) return null;
  const { ms, precision } = elapsedBetween(from, to);
  const text =
    ms > 0
      ? t.present.timePasses(formatSpanShort(ms, locale), isSingular(ms))
      : precision === 'day' || precision === 'month'
        ? t.present.sameDay
        : t.present.sameMoment;
  return <p className="present-passes">{text}</p>;
}

function When({ incident, event }: { incident: Incident; event: TimelineEvent }) {
  const { t, locale } = useI18n();
  const since = sinceFirstActivity(incident, event);
  return (
    <p className="present-when">
      <time dateTime={event.start}>{eventWhen(event, t)}</time>
      {since !== undefined && (
        <span className="present-tplus">
          {since >= 0
            ? t.tPlus(formatSpan(since, event.precision, locale))
            : t.tMinus(formatSpan(-since, event.precision, locale))}
        </span>
      )}
    </p>
  );
}

/** The current step for the room: an inject's question, or the event itself. */
export function PresentStep({ incident, step, previous }: Props) {
  const { t, lang } = useI18n();
  const e = step.event;
  if (step.inject && e.inject) {
    return (
      <article className="present-step present-inject" aria-live="polite" data-step="inject">
        <TimePasses from={previous} to={e} />
        <When incident={incident} event={e} />
        <p className="present-inject-label">{t.present.inject}</p>
        <h2 className="present-question">{localize(e.inject.question, lang)}</h2>
        <p className="present-hint">{t.present.injectHint}</p>
      </article>
    );
  }
  const facts: [string, string][] = [
    [t.phase, termLabel(incident, 'phase', e.phase, lang)],
    [t.actor, termLabel(incident, 'actor', e.actor, lang)],
    [t.systems, e.systems.map((s) => termLabel(incident, 'system', s, lang)).join(', ')],
    [t.outcome, t.outcomes[e.outcome] ?? e.outcome],
  ];
  return (
    <article className="present-step" aria-live="polite" data-step="event">
      <TimePasses from={previous} to={e} />
      <When incident={incident} event={e} />
      <h2 className="present-title">{localize(e.title, lang)}</h2>
      <dl className="present-facts">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd className={term === t.outcome ? `outcome-${e.outcome}` : undefined}>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="present-description">{localize(e.description, lang)}</p>
    </article>
  );
}
