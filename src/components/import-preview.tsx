import { useI18n } from '../i18n/i18n';
import type { ImportChoices } from '../model/formats/generic-csv';
import { type ColumnsToMap, previewRows } from '../model/formats/mapping-step';
import { sayIn } from '../model/problem-codes';

interface Props {
  columns: ColumnsToMap;
  mapping: Partial<ImportChoices>;
}

/** The first rows as the current mapping would import them, recomputed on every change of the mapping. */
export function ImportPreview({ columns, mapping }: Props) {
  const { t } = useI18n();
  const s = t.importStep;
  const rows = previewRows(columns, mapping);
  return (
    <div className="import-preview" tabIndex={0} role="region" aria-label={s.preview}>
      <table>
        <caption>{s.preview}</caption>
        <thead>
          <tr>
            <th scope="col">{s.previewColumns.row}</th>
            <th scope="col">{s.previewColumns.time}</th>
            <th scope="col">{s.previewColumns.precision}</th>
            <th scope="col">{s.previewColumns.title}</th>
            <th scope="col">{s.previewColumns.lane}</th>
            <th scope="col">{s.previewColumns.side}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.row}>
              <td>{r.row}</td>
              {r.time.ok ? (
                <>
                  <td className="nowrap">{r.time.text}</td>
                  <td>{s.precisions[r.time.precision]}</td>
                </>
              ) : (
                <td colSpan={2} className="preview-problem">
                  {sayIn(t.problems, r.time)}
                </td>
              )}
              <td>{r.title}</td>
              <td>{r.lane}</td>
              <td>{r.side && s.sides[r.side]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
