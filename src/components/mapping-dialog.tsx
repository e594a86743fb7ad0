import type { PendingMapping } from '../hooks/use-open-file';
import { useI18n } from '../i18n/i18n';
import { useProblemMessage } from '../i18n/use-problem-message';
import { type ImportChoices, MAPPED_FIELDS } from '../model/formats/generic-csv';
import { Dialog } from './dialog';
import { ImportPreview } from './import-preview';
import { guessOutcome } from '../model/formats/import-guesses';
import { MappingSides, MappingTerms, MappingTimes } from './mapping-choices';
import { own } from '../model/formats/mapping-step';

const REQUIRED = new Set<string>(['time', 'title']);

interface Props {
  pending: PendingMapping | undefined;
  busy: boolean;
  onChange: (mapping: Partial<ImportChoices>) => void;
  onConfirm: (mapping: Partial<ImportChoices>) => void;
  onCancel: () => void;
  /** What the step is for, when it is not a file being opened (rows pasted into a draft). */
  help?: string;
  confirmLabel?: string;
}

/** The outcomes the dialog shows as defaults, made explicit, so what is imported is what was shown. */
function withShownOutcomes(p: PendingMapping): Partial<ImportChoices> {
  const column = p.mapping.outcome;
  if (column === undefined) return p.mapping;
  const shown = Object.fromEntries(
    (own(p.columns.distinct, column) ?? []).map((v) => [v, guessOutcome(v)]),
  );
  return { ...p.mapping, outcomeTerms: { ...shown, ...p.mapping.outcomeTerms } };
}

/**
 * Which column of a CSV of no known shape holds which event field, how its times read, who is who and what its
 * terms mean, with a preview of the first rows; pre-filled from the column names or the last mapping of this header.
 */
export function MappingDialog({
  pending,
  busy,
  onChange,
  onConfirm,
  onCancel,
  help,
  confirmLabel,
}: Props) {
  const { t } = useI18n();
  const say = useProblemMessage(pending?.problems);
  return (
    <Dialog open={pending !== undefined} title={t.mapColumns} onClose={onCancel}>
      {pending && (
        <form
          method="dialog"
          className="mapping-form"
          onSubmit={(e) => {
            e.preventDefault();
            onConfirm(withShownOutcomes(pending));
          }}
        >
          <p className="muted small">{help ?? t.mapColumnsHelp(pending.file.name)}</p>
          {pending.problems && (
            <div role="alert" className="mapping-problems">
              <p>{t.importStep.failed}</p>
              <ul className="problems">
                {pending.problems.map((p, i) => (
                  <li key={i}>
                    <code>{p.path}</code>: {say(p)}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <div className="mapping-grid">
            {MAPPED_FIELDS.map((field) => (
              <label key={field}>
                {t.fields[field]}
                {REQUIRED.has(field) && ' *'}
                <select
                  value={pending.mapping[field] ?? ''}
                  required={REQUIRED.has(field)}
                  onChange={(e) =>
                    onChange({ ...pending.mapping, [field]: e.target.value || undefined })
                  }
                >
                  <option value="">—</option>
                  {pending.columns.headers.map((h) => (
                    <option key={h} value={h}>
                      {h}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          <MappingTimes columns={pending.columns} mapping={pending.mapping} onChange={onChange} />
          <ImportPreview columns={pending.columns} mapping={pending.mapping} />
          <MappingSides columns={pending.columns} mapping={pending.mapping} onChange={onChange} />
          {(['phase', 'action', 'outcome'] as const).map((field) => (
            <MappingTerms
              key={field}
              field={field}
              columns={pending.columns}
              mapping={pending.mapping}
              onChange={onChange}
            />
          ))}
          <label className="mapping-check">
            <input
              type="checkbox"
              checked={pending.mapping.groupSameTime ?? false}
              onChange={(e) =>
                onChange({ ...pending.mapping, groupSameTime: e.target.checked || undefined })
              }
            />
            {t.importStep.group}
          </label>
          <div className="dialog-actions">
            <button type="button" onClick={onCancel}>
              {t.cancel}
            </button>
            <button type="submit" disabled={busy}>
              {confirmLabel ?? t.importButton}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
