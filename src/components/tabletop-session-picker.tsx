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
              {/* Two sessions started in the same minute read apart by the second and by their clocks (a paused
                  one's; the running one's is on the pacing panel). */}
              {sessions.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.runningSince === undefined
                    ? t.tabletop.sessionOption(
                        utcStamp(s.startedAt, 'second'),
                        clockText(s.elapsedMs),
                      )
                    : t.tabletop.sessionStarted(utcStamp(s.startedAt, 'second'))}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
    </section>
  );
}
