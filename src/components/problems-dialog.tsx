import { useI18n } from '../i18n/i18n';
import { useProblemMessage } from '../i18n/use-problem-message';
import type { Problem } from '../model/incident';
import { Dialog } from './dialog';

interface Props {
  failure: { name: string; problems: Problem[] } | undefined;
  onClose: () => void;
}

/** Why a file could not be opened, problem by problem; the incident that was open stays open. */
export function ProblemsDialog({ failure, onClose }: Props) {
  const { t } = useI18n();
  const say = useProblemMessage(failure?.problems);
  return (
    <Dialog
      open={failure !== undefined}
      title={t.importFailed(failure?.name ?? '')}
      onClose={onClose}
    >
      <p className="muted small">{t.importKept}</p>
      <ul className="problems">
        {failure?.problems.map((p, i) => (
          <li key={i}>
            <code>{p.path}</code>: {say(p)}
          </li>
        ))}
      </ul>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t.close}
        </button>
      </div>
    </Dialog>
  );
}
