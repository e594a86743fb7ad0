import { useI18n } from '../i18n/i18n';
import type { SaveStatus as Status } from '../store/draft-session';

interface Props {
  status: Status;
  onTakeOver: () => void;
}

/** Whether the draft is saved, and if not why: the promise that a reload loses nothing shown as saved. */
export function SaveStatus({ status, onTakeOver }: Props) {
  const { t } = useI18n();
  const s = t.editor.status;
  const text =
    status.kind === 'saved'
      ? s.saved
      : status.kind === 'pending'
        ? s.pending
        : status.kind === 'loading'
          ? s.loading
          : status.kind === 'failed'
            ? s.failed(status.reason)
            : status.kind === 'unavailable'
              ? s.unavailable(t.storage[status.why])
              : status.kind === 'read-only'
                ? status.taken
                  ? s.takenOver
                  : s.readOnly
                : status.kind === 'missing'
                  ? s.missing
                  : s.unreadable(status.reason);
  const bad = status.kind !== 'saved' && status.kind !== 'pending' && status.kind !== 'loading';
  return (
    <span className={bad ? 'save-status save-status-problem' : 'save-status'}>
      <span role="status" aria-label={s.label}>
        {text}
      </span>
      {status.kind === 'read-only' && (
        <button type="button" onClick={onTakeOver}>
          {t.editor.takeOver}
        </button>
      )}
    </span>
  );
}
