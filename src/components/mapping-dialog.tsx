import type { PendingMapping } from '../hooks/use-open-file';
import { useI18n } from '../i18n/i18n';
import type { ColumnMapping } from '../model/formats/generic-csv';
import { Dialog } from './dialog';

const FIELDS: (keyof ColumnMapping)[] = [
  'time',
  'title',
  'end',
  'description',
  'system',
  'actor',
  'action',
  'phase',
  'outcome',
  'technique',
];
const REQUIRED = new Set<keyof ColumnMapping>(['time', 'title']);

interface Props {
  pending: PendingMapping | undefined;
  onChange: (mapping: Partial<ColumnMapping>) => void;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Which column of a CSV of no known shape holds which event field, pre-filled from the column names. */
export function MappingDialog({ pending, onChange, onConfirm, onCancel }: Props) {
  const { t } = useI18n();
  return (
    <Dialog open={pending !== undefined} title={t.mapColumns} onClose={onCancel}>
      {pending && (
        <form
          method="dialog"
          onSubmit={(e) => {
            e.preventDefault();
            onConfirm();
          }}
        >
          <p className="muted small">{t.mapColumnsHelp(pending.file.name)}</p>
          <div className="mapping-grid">
            {FIELDS.map((field) => (
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
          <div className="dialog-actions">
            <button type="button" onClick={onCancel}>
              {t.cancel}
            </button>
            <button type="submit">{t.importButton}</button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
