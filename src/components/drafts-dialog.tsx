import { useQuery, useQueryClient } from '@tanstack/react-query';
import '../styles/drafts.css';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { localize } from '../model/text';
import type { DraftRecord } from '../store/draft-record';
import { loadDraftCheck } from '../loading/draft-check-loader';
import { DatabaseUnavailable } from '../store/db';
import { appDraftAdmin } from '../store/draft-sessions';
import { appDraftStore } from '../store/draft-store';
import { Dialog } from './dialog';
import { download } from './download';
import { DraftRow } from './draft-row';

interface Props {
  open: boolean;
  onClose: () => void;
  /** The draft this tab shows, if any. */
  openId: string | undefined;
  onOpenDraft: (id: string) => void;
  /** Leaves the open draft for the bundled incident (it is being deleted). */
  onLeaveDraft: () => void;
}

/** "Open…": every draft in this browser, to open, rename, duplicate, delete (with undo) or save as a file. */
export function DraftsDialog({ open, onClose, ...rest }: Props) {
  const { t } = useI18n();
  return (
    <Dialog open={open} title={t.drafts.heading} onClose={onClose}>
      <DraftsList {...rest} onClose={onClose} />
    </Dialog>
  );
}

interface Note {
  text: string;
  /** A deleted draft, restorable until the dialog closes. */
  deleted?: { record: DraftRecord; wasOpen: boolean };
}

const DRAFTS_KEY = ['drafts-list'];

// Mounted while the dialog is open, so its notes and undo last exactly that long.
function DraftsList({
  openId,
  onOpenDraft,
  onLeaveDraft,
  onClose,
}: Omit<Props, 'open'> & { onClose: () => void }) {
  const { t, lang } = useI18n();
  const d = t.drafts;
  const client = useQueryClient();
  const list = useQuery({
    queryKey: DRAFTS_KEY,
    queryFn: () => appDraftStore().list(),
    // Another version's tab is a reason to give at once, not a failure to try three more times over seven seconds.
    retry: (count, error) => !(error instanceof DatabaseUnavailable) && count < 3,
  });
  const [note, setNote] = useState<Note>();
  const refresh = () => client.invalidateQueries({ queryKey: DRAFTS_KEY });
  const admin = appDraftAdmin();
  const reasonOf = (error: unknown) =>
    error instanceof DatabaseUnavailable
      ? t.storage[error.why]
      : error instanceof Error
        ? error.message
        : String(error);
  const name = (title: DraftRecord['doc']['file']['title']) => localize(title, lang) || d.untitled;

  // Each operation ends in a note, so none can fail without a word.
  const act = (work: () => Promise<Note | undefined>) =>
    void work()
      .then(setNote, (error: unknown) => setNote({ text: d.failed(reasonOf(error)) }))
      .finally(refresh);
  const refused = (why: 'elsewhere' | 'gone', title: string): Note => ({
    text: why === 'elsewhere' ? d.elsewhere(title) : d.gone(title),
  });

  const rename = (id: string, title: string, value: string) =>
    act(async () => {
      const r = await admin.rename(id, value, lang);
      return r.ok ? { text: d.renamed(value) } : refused(r.why, title);
    });
  const duplicate = (id: string, title: string) =>
    act(async () => {
      const r = await admin.duplicate(id, crypto.randomUUID().slice(0, 8), d.copySuffix);
      return r.ok ? { text: d.duplicated(`${title}${d.copySuffix}`) } : refused(r.why, title);
    });
  const remove = (id: string, title: string) =>
    act(async () => {
      const wasOpen = id === openId;
      const r = await admin.remove(id, onLeaveDraft);
      if (!r.ok) return refused(r.why, title);
      return {
        text: wasOpen ? d.deletedOpen(title) : d.deleted(title),
        deleted: { record: r.value, wasOpen },
      };
    });
  const restore = ({ record, wasOpen }: NonNullable<Note['deleted']>) =>
    act(async () => {
      await admin.restore(record);
      if (wasOpen) onOpenDraft(record.id);
      return { text: d.restored(name(record.doc.file.title)) };
    });
  const saveFile = (id: string, title: string) =>
    act(async () => {
      const record = await appDraftStore().get(id);
      if (!record) return refused('gone', title);
      const { file } = record.doc;
      const problems = (await loadDraftCheck()).problemsOf(file).length;
      if (problems > 0) return { text: d.fixFirst(title, problems) };
      download(`${file.id}.json`, 'application/json', `${JSON.stringify(file, null, 2)}\n`);
      return undefined;
    });

  return (
    <>
      <p className="muted small">{d.help}</p>
      <p className="status drafts-note" role="status">
        {note && (
          <>
            {note.text}{' '}
            {note.deleted && (
              <button type="button" onClick={() => restore(note.deleted!)}>
                {d.undo}
              </button>
            )}
          </>
        )}
      </p>
      {list.isPending && <p className="status">{d.loading}</p>}
      {list.isError && <p className="status status-error">{d.unavailable(reasonOf(list.error))}</p>}
      {list.data?.length === 0 && <p className="status">{d.none}</p>}
      {list.data && list.data.length > 0 && (
        <ul className="drafts-list">
          {list.data.map((draft) => (
            <DraftRow
              key={draft.id}
              draft={draft}
              title={name(draft.title)}
              current={draft.id === openId}
              onOpen={() => {
                onOpenDraft(draft.id);
                onClose();
              }}
              onRename={(value) => rename(draft.id, name(draft.title), value)}
              onDuplicate={() => duplicate(draft.id, name(draft.title))}
              onDelete={() => remove(draft.id, name(draft.title))}
              onSaveFile={() => saveFile(draft.id, name(draft.title))}
            />
          ))}
        </ul>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t.close}
        </button>
      </div>
    </>
  );
}
