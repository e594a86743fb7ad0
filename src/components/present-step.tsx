import { useI18n } from '../i18n/i18n';
import { termLabel } from '../model/vocabulary';
import type { Incident, TimelineEvent } from '../model/incident';
import { onTheSameDay, sinceFirstActivity } from '../model/metrics';
import { elapsedBetween, isSingular, type Step } from '../model/present';
import { localize } from '../model/text';
import { formatSpan, formatSpanShort } from '../model/time';
import { eventWhen, whenText } from '../i18n/format';

interface Props {
  /** The incident as far as the room may see it (T+ needs its first adversary activity to be shown). */
  incident: Incident;
  step: Step;
  previous: TimelineEvent | undefined;
  /** A range that ends after this step: the room reads "ongoing" instead of its end. */
  ongoing?: boolean;
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

interface WhenProps {
  incident: Incident;
  event: TimelineEvent;
  ongoing?: boolean;
  /** The presenter view gives T+ to the second; the stage only its two largest units. */
  exact?: boolean;
}

export function When({ incident, event, ongoing = false, exact = false }: WhenProps) {
  const { t, locale } = useI18n();
  const since = sinceFirstActivity(incident, event);
  const span = (ms: number) =>
    exact ? formatSpan(ms, since!.precision, locale) : formatSpanShort(ms, locale);
  // A day-precision event of the first day is neither before nor after it: "T− 0 days" read as an error.
  const sameDay = since !== undefined && onTheSameDay(since);
  return (
    <p className="present-when">
      <time dateTime={event.start}>
        {ongoing
          ? t.tabletop.whenOngoing(whenText(event.startMs, event.precision, t))
          : eventWhen(event, t)}
      </time>
      {since !== undefined && (
        <span className={sameDay ? 'present-tplus present-same-day' : 'present-tplus'}>
          {sameDay
            ? t.tSameDay
            : since.ms >= 0
              ? t.tPlus(span(since.ms))
              : t.tMinus(span(-since.ms))}
        </span>
      )}
    </p>
  );
}

/** The current step for the room: an inject's question, or the event itself. */
export function PresentStep({ incident, step, previous, ongoing }: Props) {
  const { t, lang } = useI18n();
  const e = step.event;
  if (step.inject && e.inject) {
    return (
      // It scrolls when too long for a projector's screen (tabletop.css), so the keyboard must reach it.
      <article
        className="present-step present-inject"
        aria-live="polite"
        data-step="inject"
        tabIndex={0}
      >
        <TimePasses from={previous} to={e} />
        <When incident={incident} event={e} ongoing={ongoing} />
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
    <article className="present-step" aria-live="polite" data-step="event" tabIndex={0}>
      <TimePasses from={previous} to={e} />
      <When incident={incident} event={e} ongoing={ongoing} />
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
