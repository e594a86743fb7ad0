import { memo, useMemo, type SyntheticEvent } from 'react';
import { useMediaQuery } from '../hooks/use-media-query';
import { useI18n } from '../i18n/i18n';
import type { Incident } from '../model/incident';
import { computeMetrics } from '../model/metrics';
import { localize } from '../model/text';
import { formatSpan } from '../model/time';
import { eventWhen } from '../i18n/format';

// On a projector the metrics scroll: an opened card at their foot would grow past their bottom edge.
function showOpened(e: SyntheticEvent<HTMLDetailsElement>) {
  if (e.currentTarget.open) e.currentTarget.scrollIntoView({ block: 'nearest' });
}

/** Headline durations computed from the data's milestone flags; each opens to show its two endpoints. */
export const MetricsStrip = memo(function MetricsStrip({
  incident,
  onSelect,
}: {
  incident: Incident;
  onSelect: (id: string) => void;
}) {
  const { t, lang, locale } = useI18n();
  const metrics = useMemo(() => computeMetrics(incident), [incident]);
  // On a phone the chart and the list lead; the metrics wait, folded, below them.
  const phone = useMediaQuery('(max-width: 600px)');
  if (metrics.length === 0) return null;
  const strip = (
    <section className="metrics" aria-label={t.metrics}>
      {metrics.map((m) => (
        <details key={m.id} className="metric" data-metric={m.id} onToggle={showOpened}>
          <summary>
            <span className="metric-name">{t.metricNames[m.id]}</span>
            <span className="metric-value">{formatSpan(m.ms, m.precision, locale)}</span>
          </summary>
          <ul className="metric-endpoints">
            {[m.from, m.to].map((e) => (
              <li key={e.id}>
                <button type="button" className="link" onClick={() => onSelect(e.id)}>
                  {localize(e.title, lang)}
                </button>{' '}
                <span className="muted">{eventWhen(e, t)}</span>
              </li>
            ))}
          </ul>
        </details>
      ))}
    </section>
  );
  return phone ? (
    <details className="metrics-fold">
      <summary>{t.metricsHeading}</summary>
      {strip}
    </details>
  ) : (
    strip
  );
});
