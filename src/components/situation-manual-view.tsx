import { useEffect, useMemo } from 'react';
import { markReady } from '../hooks/ready';
import { useI18n } from '../i18n/i18n';
import type { Incident, LocalizedText } from '../model/incident';
import type { Step } from '../model/present';
import { situationManual, type Edition, type ManualEvent } from '../model/situation-manual';
import { localize } from '../model/text';
import { appUrl } from '../model/view-state';

interface Props {
  incident: Incident;
  steps: Step[];
  edition: Edition;
}

function Events({ events }: { events: ManualEvent[] }) {
  const { t } = useI18n();
  return (
    <ul className="manual-events">
      {events.map((e) => (
        <li key={e.id} data-event={e.id}>
          <span className="mono">{e.ongoing ? t.tabletop.whenOngoing(e.when) : e.when}</span>{' '}
          <strong>{e.title}</strong>
          <p>{e.description}</p>
        </li>
      ))}
    </ul>
  );
}

/** The situation manual: the players' handout (what they know before step 1), or the facilitator's modules and answers. */
export function SituationManualView({ incident, steps, edition }: Props) {
  const { t, lang } = useI18n();
  const w = t.tabletop.manual;
  const manual = useMemo(
    () =>
      situationManual(incident, steps, edition, lang, (title: LocalizedText) =>
        t.tabletop.markOngoing(localize(title, lang)),
      ),
    [incident, steps, edition, lang, t],
  );
  useEffect(markReady, []);
  const other = edition === 'players' ? 'manual-facilitator' : 'manual';
  return (
    <article className="print-document manual">
      <p className="no-print">
        <a href={appUrl(window.location.href, (s) => ({ ...s, print: other }))}>
          {edition === 'players' ? t.tabletop.facilitatorEdition : t.tabletop.playersEdition}
        </a>
      </p>
      <h1>{w.title(manual.title)}</h1>
      <p className="manual-edition">{edition === 'players' ? w.forPlayers : w.forFacilitator}</p>
      {manual.briefing && (
        <section aria-labelledby="manual-briefing">
          <h2 id="manual-briefing">{w.briefing}</h2>
          <p>{manual.briefing}</p>
        </section>
      )}
      {edition === 'players' && <p>{w.playersNote}</p>}
      {edition === 'facilitator' && (
        <section aria-labelledby="manual-guide">
          <h2 id="manual-guide">{w.guide}</h2>
          <ol>
            {w.guideSteps.map((g) => (
              <li key={g}>{g}</li>
            ))}
          </ol>
        </section>
      )}
      {manual.modules.map((m) => (
        <section
          key={m.n}
          className="manual-module"
          data-module={m.n}
          aria-labelledby={`manual-module-${m.n}`}
        >
          <h2 id={`manual-module-${m.n}`}>{w.module(m.n, m.phaseLabel)}</h2>
          {m.questions.length > 0 && (
            <>
              <h3>{w.questions}</h3>
              <ul>
                {m.questions.map((q) => (
                  <li key={q}>{q}</li>
                ))}
              </ul>
            </>
          )}
          {m.events.length > 0 && (
            <>
              <h3>{w.events}</h3>
              <Events events={m.events} />
            </>
          )}
          {m.prompts.length > 0 && (
            <>
              <h3>{w.prompts}</h3>
              <ul>
                {m.prompts.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </>
          )}
          <div className="manual-answers">
            <h3>{w.answers}</h3>
            <Events events={m.answers} />
          </div>
          <h3>{w.soFar}</h3>
          <ol className="manual-so-far">
            {m.soFar.map((e) => (
              <li key={e.id}>
                <span className="mono">{e.ongoing ? t.tabletop.whenOngoing(e.when) : e.when}</span>{' '}
                {e.title}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </article>
  );
}
