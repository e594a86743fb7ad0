import { useId, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { utcStamp } from '../model/time';
import type { DraftSummary } from '../store/draft-record';

interface Props {
  draft: DraftSummary;
  title: string;
  /** The draft this tab shows. */
  current: boolean;
  onOpen: () => void;
  onRename: (title: string) => void;
  onDuplicate: () => void;
  onDelete: () => void;
  onSaveFile: () => void;
}

/** One draft in the "Open…" list: its title, when it was last saved, and what can be done with it. */
export function DraftRow({
  draft,
  title,
  current,
  onOpen,
  onRename,
  onDuplicate,
  onDelete,
  onSaveFile,
}: Props) {
  const { t } = useI18n();
  const d = t.drafts;
  const [renaming, setRenaming] = useState(false);
  const inputId = useId();
  return (
    <li className="draft-row" aria-current={current ? 'true' : undefined}>
      <div className="draft-row-title">
        <strong>{title}</strong>
        {current && <span className="draft-current"> · {d.current}</span>}
        <span className="muted small draft-row-meta">
          {' '}
          · {d.savedAt(utcStamp(draft.savedAt, 'second'))} · {d.events(draft.events)}
        </span>
      </div>
      {renaming ? (
        <form
          className="draft-row-actions"
          onSubmit={(e) => {
            e.preventDefault();
            const value = new FormData(e.currentTarget).get('title');
            if (typeof value === 'string' && value.trim() !== '') onRename(value.trim());
            setRenaming(false);
          }}
        >
          <label htmlFor={inputId} className="visually-hidden">
            {d.newTitle(title)}
          </label>
          <input id={inputId} name="title" type="text" defaultValue={title} autoFocus />
          <button type="submit">{d.saveTitle}</button>
          <button type="button" onClick={() => setRenaming(false)}>
            {d.cancel}
          </button>
        </form>
      ) : (
        <div className="draft-row-actions">
          <button type="button" onClick={onOpen}>
            {d.openDraft}
          </button>
          <button type="button" onClick={() => setRenaming(true)}>
            {d.rename}
          </button>
          <button type="button" onClick={onDuplicate}>
            {d.duplicate}
          </button>
          <button type="button" onClick={onDelete}>
            {d.delete}
          </button>
          <button type="button" onClick={onSaveFile}>
            {d.saveFile}
          </button>
        </div>
      )}
    </li>
  );
}
