import { useId } from 'react';
import { useI18n } from '../i18n/i18n';
import { clockText, type Session } from '../model/tabletop';
import { utcStamp } from '../model/time';

interface Props {
  session: Session;
  sessions: Session[];
  onNew: () => void;
  onResume: (id: string) => void;
}

/** Which exercise session the notes go to: this one, a new one, or an earlier one resumed. */
export function TabletopSessionPicker({ session, sessions, onNew, onResume }: Props) {
  const { t } = useI18n();
  const id = useId();
  const started = (s: Session) => t.tabletop.sessionStarted(utcStamp(s.startedAt, 'minute'));
  // Numbered in the order they were started: two started in the same second still read apart.
  const number = new Map(
    [...sessions]
      .sort((a, b) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : 1))
      .map((s, i) => [s.id, i + 1]),
  );
  return (
    <section className="presenter-session" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t.tabletop.session}</h2>
      <p>{started(session)}</p>
      <div className="presenter-buttons">
        <button
          type="button"
          onClick={() => window.confirm(t.tabletop.newSessionConfirm) && onNew()}
        >
          {t.tabletop.newSession}
        </button>
        {sessions.length > 1 && (
          <label>
            {t.tabletop.resumeSession}{' '}
            <select value={session.id} onChange={(e) => onResume(e.target.value)}>
              {sessions.map((s) => (
                <option key={s.id} value={s.id}>
                  {t.tabletop.sessionOption(
                    number.get(s.id)!,
                    utcStamp(s.startedAt, 'second'),
                    // A paused session's clock; the running one's is on the pacing panel.
                    s.runningSince === undefined ? clockText(s.elapsedMs) : undefined,
                  )}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
    </section>
  );
}
