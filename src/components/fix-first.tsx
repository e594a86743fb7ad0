import { useI18n } from '../i18n/i18n';
import '../styles/drafts.css';

interface Props {
  text: string;
  /** Shows the problems list (switching to edit mode when needed). */
  onShowProblems: () => void;
  onDismiss?: () => void;
}

/** Says what must be fixed before the draft can be exported or presented, with a link to the problems. */
export function FixFirst({ text, onShowProblems, onDismiss }: Props) {
  const { t } = useI18n();
  return (
    <p className="status status-error fix-first" role="alert">
      {text}{' '}
      <a
        href="#draft-problems-heading"
        onClick={(e) => {
          e.preventDefault();
          // Asked from a dialog (Embed), the problems are behind it.
          e.currentTarget.closest('dialog')?.close();
          onShowProblems();
        }}
      >
        {t.fixFirst.showProblems}
      </a>
      {onDismiss && (
        <>
          {' '}
          <button type="button" onClick={onDismiss}>
            {t.editor.dismiss}
          </button>
        </>
      )}
    </p>
  );
}
