import { memo } from 'react';
import { useI18n } from '../i18n/i18n';
import { techniqueUrl } from '../model/attack';
import { safeHref } from '../model/urls';
import type { Incident, TimelineEvent } from '../model/incident';
import { onTheSameDay, sinceFirstActivity } from '../model/metrics';
import { localize } from '../model/text';
import { formatSpan, formatSpanShort } from '../model/time';
import { termLabel, type Facet } from '../model/vocabulary';
import { linksIntoEvent, type PathStep } from '../model/causal-links';
import { eventsById } from '../model/event-lookup';
import { CopyButton } from './copy-button';
import { PathList } from './path-list';
import { eventWhen } from '../i18n/format';

interface Props {
  incident: Incident;
  event: TimelineEvent | undefined;
  onSelect: (id: string | undefined) => void;
  onFilterTo: (facet: Facet, id: string) => void;
  /** The traced path through the event, when "Show path" is on. */
  path?: readonly PathStep[];
  /** Turns "Show path" on or off; without it the button is not offered. */
  onTogglePath?: (on: boolean) => void;
  /** The embed's small card: T+ in its two largest units. */
  compact?: boolean;
}

export const DetailsPanel = memo(function DetailsPanel(props: Props) {
  const { incident, event, onSelect, onFilterTo, path, onTogglePath, compact } = props;
  const { t, lang, locale } = useI18n();
  if (!event) {
    return (
      <aside className="details" aria-label={t.details}>
        <p className="muted">{t.selectPrompt}</p>
      </aside>
    );
  }
  const e = event;
  const since = sinceFirstActivity(incident, e);
  const span = (ms: number) =>
    compact ? formatSpanShort(ms, locale) : formatSpan(ms, since!.precision, locale);
  const titleOf = (id: string) => {
    const other = eventsById(incident).get(id);
    return other ? localize(other.title, lang) : id;
  };
  const referencedBy = linksIntoEvent(incident.events, e.id);
  const indicators = (incident.indicators ?? []).filter((i) => i.events?.includes(e.id));
  const chip = (facet: Facet, id: string, label: string) => (
    <button
      key={`${facet}:${id}`}
      type="button"
      className="chip"
      title={t.filterTo(label)}
      aria-label={t.filterTo(label)}
      onClick={() => onFilterTo(facet, id)}
    >
      {label}
    </button>
  );
  return (
    <aside className="details" aria-labelledby="details-title">
      <div className="details-head">
        <h2 id="details-title" tabIndex={-1}>
          {localize(e.title, lang)}
        </h2>
        <button
          type="button"
          className="small-button"
          onClick={() => onSelect(undefined)}
          aria-label={t.close}
        >
          ×
        </button>
      </div>
      <p className="details-when">
        <time dateTime={e.start}>{eventWhen(e, t)}</time>
      </p>
      {onTogglePath && (
        <button
          type="button"
          className="small-button"
          aria-pressed={path !== undefined}
          onClick={() => onTogglePath(path === undefined)}
        >
          {t.showPath}
        </button>
      )}
      {path && <PathList steps={path} onSelect={onSelect} />}
      <dl className="details-facts">
        {e.end !== undefined && (
          <>
            <dt>{t.duration}</dt>
            <dd>{formatSpan(Date.parse(e.end) - e.startMs, e.precision, locale)}</dd>
          </>
        )}
        {since !== undefined && (
          <>
            <dt>{t.sinceFirst}</dt>
            <dd>
              {onTheSameDay(since)
                ? t.tSameDay
                : since.ms >= 0
                  ? t.tPlus(span(since.ms))
                  : t.tMinus(span(-since.ms))}
            </dd>
          </>
        )}
        <dt>{t.outcome}</dt>
        <dd>{chip('outcome', e.outcome, t.outcomes[e.outcome] ?? e.outcome)}</dd>
        <dt>{t.phase}</dt>
        <dd>{chip('phase', e.phase, termLabel(incident, 'phase', e.phase, lang))}</dd>
        <dt>{t.actor}</dt>
        <dd>{chip('actor', e.actor, termLabel(incident, 'actor', e.actor, lang))}</dd>
        <dt>{t.action}</dt>
        <dd>{chip('action', e.action, termLabel(incident, 'action', e.action, lang))}</dd>
        <dt>{t.systems}</dt>
        <dd>{e.systems.map((s) => chip('system', s, termLabel(incident, 'system', s, lang)))}</dd>
      </dl>
      <p className="details-description">{localize(e.description, lang)}</p>
      {e.inferred && (
        <p className="details-inferred">
          <strong>{t.inferred}:</strong> {localize(e.inferred.reason, lang)}
        </p>
      )}
      {(e.techniques?.length ?? 0) > 0 && (
        <section aria-labelledby="details-techniques">
          <h3 id="details-techniques">{t.techniques}</h3>
          <ul>
            {e.techniques!.map((id) => {
              const name = incident.techniques?.find((x) => x.id === id)?.name;
              return (
                <li key={id}>
                  <a href={techniqueUrl(id)} target="_blank" rel="noopener noreferrer">
                    {id}
                  </a>
                  {name && (
                    <>
                      {' '}
                      <span lang="en">{name}</span>
                      {/* ATT&CK publishes its names in English only; say so rather than look untranslated. */}
                      {lang !== 'en' && <span className="muted">{t.inEnglish}</span>}
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <section>
        <h3>{t.citation}</h3>
        <ul>
          {e.citations.map((c, i) => {
            const source = incident.sources.find((s) => s.id === c.source);
            const href = safeHref(source?.url);
            const title = source ? localize(source.title, lang) : c.source;
            return (
              <li key={i}>
                {href ? (
                  <a href={href} target="_blank" rel="noopener noreferrer">
                    {title}
                  </a>
                ) : (
                  <span>{title}</span>
                )}
                {' — '}
                <q>{localize(c.locator, lang)}</q>
              </li>
            );
          })}
        </ul>
      </section>
      {((e.related?.length ?? 0) > 0 || referencedBy.length > 0) && (
        <section>
          <h3>{t.related}</h3>
          <ul>
            {(e.related ?? []).map((r) => (
              <li key={`to:${r.event}`}>
                {t.relations[r.kind] ?? r.kind}{' '}
                <button type="button" className="link" onClick={() => onSelect(r.event)}>
                  {titleOf(r.event)}
                </button>
              </li>
            ))}
            {referencedBy.map((r) => (
              <li key={`from:${r.from.id}`}>
                <button type="button" className="link" onClick={() => onSelect(r.from.id)}>
                  {localize(r.from.title, lang)}
                </button>{' '}
                {t.relations[r.kind] ?? r.kind} ↩
              </li>
            ))}
          </ul>
        </section>
      )}
      {indicators.length > 0 && (
        <section>
          <h3>{t.indicators}</h3>
          <ul className="indicators">
            {indicators.map((ind) => (
              <li key={ind.id}>
                <code>{ind.defanged}</code>{' '}
                <span className="muted">({t.indicatorTypes[ind.type] ?? ind.type})</span>{' '}
                <CopyButton value={ind.value} label={t.copyValue(ind.defanged)} />
                <div className="muted small">{localize(ind.description, lang)}</div>
                {ind.sha256 && <code className="hash">SHA-256 {ind.sha256}</code>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {e.extra && Object.keys(e.extra).length > 0 && (
        <section>
          <h3>{t.extra}</h3>
          <dl className="details-facts">
            {Object.entries(e.extra).map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {(e.prompts?.length ?? 0) > 0 && (
        <section>
          <h3>{t.prompts}</h3>
          <ul>
            {e.prompts!.map((p, i) => (
              <li key={i}>{localize(p, lang)}</li>
            ))}
          </ul>
        </section>
      )}
    </aside>
  );
});
