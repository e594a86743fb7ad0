import { memo, useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import type { Incident, TimelineEvent } from '../model/incident';
import { termLabel } from '../model/vocabulary';
import { localize } from '../model/text';
import { eventWhen } from '../i18n/format';

/**
 * Every shown event as a plain table, for paper: the on-screen list is virtualized and would print only the rows
 * in view. Rendered only while printing, so a large incident costs nothing until then.
 */
export const PrintList = memo(function PrintList({
  incident,
  events,
}: {
  incident: Incident;
  events: TimelineEvent[];
}) {
  const { t, lang } = useI18n();
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const on = () => setPrinting(true);
    const off = () => setPrinting(false);
    window.addEventListener('beforeprint', on);
    window.addEventListener('afterprint', off);
    return () => {
      window.removeEventListener('beforeprint', on);
      window.removeEventListener('afterprint', off);
    };
  }, []);
  if (!printing) return null;
  return (
    <table className="print-list">
      <thead>
        <tr>
          <th>{t.columns.time}</th>
          <th>{t.columns.title}</th>
          <th>{t.columns.phase}</th>
          <th>{t.columns.actor}</th>
          <th>{t.columns.systems}</th>
          <th>{t.columns.outcome}</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <tr key={e.id}>
            <td>{eventWhen(e, t)}</td>
            <td>{localize(e.title, lang)}</td>
            <td>{termLabel(incident, 'phase', e.phase, lang)}</td>
            <td>{termLabel(incident, 'actor', e.actor, lang)}</td>
            <td>{e.systems.map((s) => termLabel(incident, 'system', s, lang)).join(', ')}</td>
            <td>{t.outcomes[e.outcome]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
});
