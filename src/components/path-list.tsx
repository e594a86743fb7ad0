import { useI18n } from '../i18n/i18n';
import '../styles/path.css';
import { eventWhen } from '../i18n/format';
import type { PathStep } from '../model/causal-links';
import { localize } from '../model/text';
import { formatSpanShort } from '../model/time';

interface Props {
  steps: readonly PathStep[];
  onSelect: (id: string) => void;
}

/** The traced path in causal order: the accessible route to what the chart's arrows show. */
export function PathList({ steps, onSelect }: Props) {
  const { t, lang, locale } = useI18n();
  const gapText = (gap: NonNullable<PathStep['gap']>) => {
    if (gap.ms === 0) return gap.days ? t.pathSameDay : t.pathSameMoment;
    const span = formatSpanShort(Math.abs(gap.ms), locale);
    return gap.ms > 0 ? t.pathLater(span) : t.pathEarlier(span);
  };
  return (
    <section aria-labelledby="details-path">
      <h3 id="details-path">{t.path}</h3>
      {steps.length <= 1 ? (
        <p className="muted">{t.pathNone}</p>
      ) : (
        <>
          <p className="muted small">{t.pathHelp}</p>
          <ol className="path-list" aria-labelledby="details-path">
            {steps.map((s) => (
              <li key={s.event.id} className={`path-step path-${s.role}`}>
                {s.gap && <span className="path-gap">{gapText(s.gap)}</span>}
                {s.role === 'self' ? (
                  <strong aria-current="step">{localize(s.event.title, lang)}</strong>
                ) : (
                  <button type="button" className="link" onClick={() => onSelect(s.event.id)}>
                    {localize(s.event.title, lang)}
                  </button>
                )}{' '}
                <span className="muted small">
                  {eventWhen(s.event, t)} · {t.pathRoles[s.role]}
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
