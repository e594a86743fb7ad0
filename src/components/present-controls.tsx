import { useI18n } from '../i18n/i18n';

export interface Navigation {
  previous: () => void;
  next: () => void;
  setReveal: (on: boolean) => void;
  /** Absent in the presenter window itself. */
  openPresenter?: () => void;
}

interface Props {
  index: number;
  /** Shown only to the facilitator: the number of steps left is itself a hint about the future. */
  total?: number;
  atEnd: boolean;
  reveal: boolean;
  nav: Navigation;
}

export function PresentControls({ index, total, atEnd, reveal, nav }: Props) {
  const { t } = useI18n();
  return (
    <nav className="present-controls" aria-label={t.present.controls}>
      <button type="button" onClick={nav.previous} disabled={index === 0}>
        ← {t.present.previous}
      </button>
      <p className="present-counter">
        {total === undefined ? t.present.step(index + 1) : t.present.stepOf(index + 1, total)}
      </p>
      <button type="button" className="present-next" onClick={nav.next} disabled={atEnd}>
        {t.present.next} →
      </button>
      <button type="button" aria-pressed={reveal} onClick={() => nav.setReveal(!reveal)}>
        {t.present.revealAll}
      </button>
      {nav.openPresenter && (
        <button type="button" onClick={nav.openPresenter}>
          {t.present.openPresenter}
        </button>
      )}
      {reveal && <p className="present-debrief">{t.present.debrief}</p>}
      <p className="present-keys muted">{t.present.keys}</p>
    </nav>
  );
}
