import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { Dialog } from './dialog';

export interface Navigation {
  previous: () => void;
  next: () => void;
  setReveal: (on: boolean) => void;
  /** Absent in the presenter window itself. */
  openPresenter?: () => void;
}

interface Props {
  /** -1 is the title slide. */
  index: number;
  /** Shown only to the facilitator: the number of steps left is itself a hint about the future. */
  total?: number;
  atEnd: boolean;
  reveal: boolean;
  nav: Navigation;
}

export function PresentControls({ index, total, atEnd, reveal, nav }: Props) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const counter =
    index < 0
      ? t.tabletop.titleSlide
      : total === undefined
        ? t.present.step(index + 1)
        : t.present.stepOf(index + 1, total);
  return (
    <>
      <nav
        className={`present-controls${total === undefined ? ' present-room-controls' : ''}`}
        aria-label={t.present.controls}
      >
        <button type="button" onClick={nav.previous} disabled={index < 0}>
          ← {t.present.previous}
        </button>
        <p className="present-counter">{counter}</p>
        <button type="button" className="present-next" onClick={nav.next} disabled={atEnd}>
          {t.present.next} →
        </button>
        <button
          type="button"
          aria-pressed={reveal}
          onClick={() => (reveal ? nav.setReveal(false) : setAsking(true))}
        >
          {t.present.revealAll}
        </button>
        {nav.openPresenter && (
          <button type="button" onClick={nav.openPresenter}>
            {t.present.openPresenter}
          </button>
        )}
        {reveal && <p className="present-debrief">{t.present.debrief}</p>}
        {total !== undefined && <p className="present-keys muted">{t.present.keys}</p>}
      </nav>
      <Dialog open={asking} title={t.tabletop.revealTitle} onClose={() => setAsking(false)}>
        <p>{t.tabletop.revealText}</p>
        <form method="dialog" className="dialog-actions">
          <button type="submit">{t.tabletop.cancel}</button>
          <button type="button" onClick={() => (setAsking(false), nav.setReveal(true))}>
            {t.present.revealAll}
          </button>
        </form>
      </Dialog>
    </>
  );
}
