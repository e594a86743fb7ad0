import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import type { SaveStatus as Status } from '../store/draft-session';
import { DraftsDialog } from './drafts-dialog';
import { SaveStatus } from './save-status';

interface Props {
  editing: boolean;
  /** The open draft's save status; undefined when no draft is open. */
  status?: Status;
  onEdit: () => void;
  onDoneEditing: () => void;
  onNew: () => void;
  onTakeOver: () => void;
  /** The draft this tab shows, if any. */
  draftId?: string;
  onOpenDraft: (id: string) => void;
  onLeaveDraft: () => void;
}

/** The header's editing controls: edit this incident, start a new one, and whether the draft is saved. */
export function DraftControls({
  editing,
  status,
  onEdit,
  onDoneEditing,
  onNew,
  onTakeOver,
  draftId,
  onOpenDraft,
  onLeaveDraft,
}: Props) {
  const { t } = useI18n();
  const [listing, setListing] = useState(false);
  return (
    <>
      {status && <SaveStatus status={status} onTakeOver={onTakeOver} />}
      {editing ? (
        <button type="button" onClick={onDoneEditing}>
          {t.editor.doneEditing}
        </button>
      ) : (
        <button type="button" onClick={onEdit}>
          {t.editor.edit}
        </button>
      )}
      <button type="button" onClick={onNew}>
        {t.editor.newIncident}
      </button>
      <button type="button" onClick={() => setListing(true)}>
        {t.drafts.open}
      </button>
      <DraftsDialog
        open={listing}
        onClose={() => setListing(false)}
        openId={draftId}
        onOpenDraft={onOpenDraft}
        onLeaveDraft={onLeaveDraft}
      />
    </>
  );
}
