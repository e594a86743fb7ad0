import { useEffect, useReducer, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { problemMessage } from '../i18n/problem-message';
import { subscribeWarnings, warningsFor } from '../loading/known-warnings';
import { isLocal, LOCAL_PREFIX } from '../loading/open-file';
import type { Incident } from '../model/incident';
import type { Warning } from '../model/incident-warnings';

// A file full of live indicators would otherwise push the incident off the screen, and the worker's warnings
// arrive after the incident is drawn: a few first, the rest of the 20 listed on request.
const FIRST = 3;
const SHOWN = 20;

/** Lists what looks wrong in a file that loaded anyway, by field path, without blocking the incident. */
export function IncidentWarnings({ incident, src }: { incident: Incident; src: string }) {
  const { t } = useI18n();
  // A large file's warnings come from the parse worker just after its incident is shown. They are read in render
  // and watched from the commit on: with useSyncExternalStore, warnings that came while the first view rendered in
  // slices made React render the whole view again at once (70-85 ms at 20,000 events).
  const made = warningsFor(incident);
  const [, changed] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    const unsubscribe = subscribeWarnings(changed);
    if (warningsFor(incident) !== made) changed();
    return unsubscribe;
  }, [incident, made]);
  // A large draft's next version waits for an idle moment for its warnings: its last ones stay meanwhile, so the
  // notice does not go and come back (moving the editor under the typing) on every pause.
  const [kept, setKept] = useState({ src, warnings: made });
  if (made && (kept.warnings !== made || kept.src !== src)) setKept({ src, warnings: made });
  const warnings = made ?? (kept.src === src ? kept.warnings : undefined);
  const [dismissed, setDismissed] = useState(false);
  if (dismissed || !warnings?.length) return null;
  const file = isLocal(src) ? src.slice(LOCAL_PREFIX.length) : src;
  return (
    <div className="notice incident-warnings" role="status" aria-label={t.dataWarningsLabel}>
      <div>
        <p>{t.dataWarnings(warnings.length)}</p>
        <WarningList warnings={warnings.slice(0, FIRST)} file={file} />
        {warnings.length > FIRST && (
          <details>
            <summary>{t.showMoreWarnings(Math.min(warnings.length, SHOWN) - FIRST)}</summary>
            <WarningList warnings={warnings.slice(FIRST, SHOWN)} file={file} />
          </details>
        )}
        {warnings.length > SHOWN && <p>{t.moreWarnings(warnings.length - SHOWN)}</p>}
      </div>
      <button type="button" className="small-button" onClick={() => setDismissed(true)}>
        {t.dismiss}
      </button>
    </div>
  );
}

function WarningList({ warnings, file }: { warnings: Warning[]; file: string }) {
  const { t } = useI18n();
  return (
    <ul className="problems">
      {warnings.map((w, i) => (
        <li key={i}>
          <code>
            {file}: {w.path}
          </code>
          : {problemMessage(w, t)}
        </li>
      ))}
    </ul>
  );
}
