import { useId } from 'react';
import { useI18n } from '../i18n/i18n';
import {
  clockText,
  pauseSession,
  resetSession,
  resumeSession,
  sessionElapsed,
  type Session,
} from '../model/tabletop';

interface Props {
  session: Session;
  now: number;
  onChange: (change: (s: Session) => Session) => void;
}

/** The session clock against its target length, with pause, resume and reset. */
export function TabletopPacing({ session, now, onChange }: Props) {
  const { t } = useI18n();
  const id = useId();
  const running = session.runningSince !== undefined;
  const elapsed = sessionElapsed(session, now);
  const over = elapsed > session.targetMinutes * 60_000;
  return (
    <section className="presenter-pacing" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t.tabletop.pacing}</h2>
      <p className={`presenter-clock${over ? ' presenter-over' : ''}`}>
        {t.tabletop.sessionClock} <span className="mono">{clockText(elapsed)}</span>
        {' / '}
        <span className="mono">{clockText(session.targetMinutes * 60_000)}</span>
        {!running && <span className="muted"> ({t.tabletop.paused})</span>}
      </p>
      <div className="presenter-buttons">
        <button
          type="button"
          onClick={() =>
            onChange((s) => (running ? pauseSession(s, Date.now()) : resumeSession(s, Date.now())))
          }
        >
          {running ? t.tabletop.pause : t.tabletop.resume}
        </button>
        <button
          type="button"
          onClick={() =>
            window.confirm(t.tabletop.resetConfirm) && onChange((s) => resetSession(s, Date.now()))
          }
        >
          {t.tabletop.reset}
        </button>
        <label>
          {t.tabletop.target}{' '}
          <input
            type="number"
            min={5}
            max={600}
            step={5}
            value={session.targetMinutes}
            onChange={(e) => {
              const m = Math.round(Number(e.target.value));
              if (m >= 1 && m <= 600) onChange((s) => ({ ...s, targetMinutes: m }));
            }}
          />
        </label>
      </div>
    </section>
  );
}
