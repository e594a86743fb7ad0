import { useEffect, useMemo, useState } from 'react';
import { markReady } from '../hooks/ready';
import { useTabletopSession } from '../hooks/use-tabletop-session';
import { useI18n } from '../i18n/i18n';
import { buildReport, reportMarkdown, tagged } from '../model/after-action';
import type { Incident } from '../model/incident';
import type { Step } from '../model/present';
import { clockText, sessionElapsed, TAGS } from '../model/tabletop';
import { download } from './download';

interface Props {
  incident: Incident;
  steps: Step[];
}

/** The after-action report of the current session: shown for printing, and downloaded as Markdown or JSON. */
export function AfterActionView({ incident, steps }: Props) {
  const { t, lang } = useI18n();
  const w = t.tabletop.report;
  const { session, notes } = useTabletopSession(incident.id);
  // The report is of the session as it stands when opened.
  const [openedAt] = useState(() => Date.now());
  const report = useMemo(
    () =>
      session &&
      buildReport(incident, steps, session, notes, sessionElapsed(session, openedAt), lang),
    [incident, steps, session, notes, lang, openedAt],
  );
  useEffect(() => {
    if (report) markReady();
  }, [report]);
  if (!report) return <p>{t.tabletop.saving}</p>;
  const name = `${incident.id}-after-action-${report.session.startedAt.slice(0, 10)}`;
  return (
    <article className="print-document report">
      <div className="no-print presenter-buttons">
        <button
          type="button"
          onClick={() => download(`${name}.md`, 'text/markdown', reportMarkdown(report, w))}
        >
          {t.tabletop.downloadMarkdown}
        </button>
        <button
          type="button"
          onClick={() =>
            download(`${name}.json`, 'application/json', JSON.stringify(report, null, 2))
          }
        >
          {t.tabletop.downloadJson}
        </button>
      </div>
      <h1>{w.title(report.incident.title)}</h1>
      <ul>
        <li>
          {w.date}: {report.session.startedAt.slice(0, 10)}
        </li>
        <li>
          {w.duration}: {clockText(report.session.durationMs)} (
          {w.target(report.session.targetMinutes)})
        </li>
      </ul>
      {report.steps.map((s) => (
        <section key={s.key} aria-labelledby={`report-${s.n}`}>
          <h2 id={`report-${s.n}`}>
            {w.step(s.n)}: {s.title}
          </h2>
          <p className="muted">
            {s.when} UTC · {w.timeSpent}: {clockText(s.spentMs)}
            {s.tags.length > 0 && ` · ${w.tags}: ${s.tags.map((x) => w.tagNames[x]).join(', ')}`}
          </p>
          {s.question && (
            <p>
              <strong>{w.question}:</strong> {s.question}
            </p>
          )}
          <p className="report-notes">
            <strong>{s.question ? w.answer : w.notes}:</strong> {s.notes || w.none}
          </p>
        </section>
      ))}
      {TAGS.map((tag) => {
        const rows = tagged(report, tag);
        return (
          <section key={tag} aria-labelledby={`report-${tag}`}>
            <h2 id={`report-${tag}`}>{w.tables[tag]}</h2>
            {rows.length === 0 ? (
              <p>{w.none}</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th scope="col">{w.columns.step}</th>
                    <th scope="col">{w.columns.event}</th>
                    <th scope="col">{w.columns.notes}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((s) => (
                    <tr key={s.key}>
                      <td>{s.n}</td>
                      <td>{s.title}</td>
                      <td>{s.notes}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        );
      })}
    </article>
  );
}
