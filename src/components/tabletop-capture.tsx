import { useId } from 'react';
import type { SaveStatus } from '../hooks/use-tabletop-session';
import { useI18n } from '../i18n/i18n';
import { clockText, TAGS, type StepNote, type Tag } from '../model/tabletop';

interface Props {
  note: StepNote;
  status: SaveStatus;
  onText: (text: string) => void;
  onTag: (tag: Tag, on: boolean) => void;
}

/** The facilitator's notes for the current step: the room's answer, quick tags, and the time spent on it. */
export function TabletopCapture({ note, status, onText, onTag }: Props) {
  const failed = status !== 'saved' && status !== 'saving';
  const { t } = useI18n();
  const id = useId();
  return (
    <section className="presenter-capture" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t.tabletop.capture}</h2>
      <p className="presenter-step-clock">
        {t.tabletop.stepClock} <span className="mono">{clockText(note.spentMs)}</span>
      </p>
      <label htmlFor={`${id}-notes`}>{t.tabletop.notes}</label>
      <textarea
        id={`${id}-notes`}
        aria-describedby={`${id}-hint`}
        rows={5}
        value={note.text}
        onChange={(e) => onText(e.target.value)}
      />
      <p id={`${id}-hint`} className="muted">
        {t.tabletop.notesHint}
      </p>
      <fieldset className="presenter-tags">
        <legend>{t.tabletop.tags}</legend>
        {TAGS.map((tag) => (
          <label key={tag}>
            <input
              type="checkbox"
              checked={note.tags.includes(tag)}
              onChange={(e) => onTag(tag, e.target.checked)}
            />{' '}
            {t.tabletop.tagNames[tag]}
          </label>
        ))}
      </fieldset>
      <p role="status" className={failed ? 'presenter-save-failed' : 'muted'}>
        {status === 'failed'
          ? t.tabletop.notSaved
          : status === 'newer'
            ? t.storage.newer
            : status === 'older'
              ? t.storage.older
              : status === 'saving'
                ? t.tabletop.saving
                : t.tabletop.saved}
      </p>
    </section>
  );
}
