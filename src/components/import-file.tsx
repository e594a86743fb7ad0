import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { openLocal } from '../loading/local-files';
import { MAX_INCIDENT_BYTES } from '../loading/incident-query';
import type { ColumnMapping } from '../model/formats';
import type { Problem } from '../model/incident';
import { formatBytes } from '../model/incident-file';

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

interface Pending {
  name: string;
  text: string;
  headers: string[];
  mapping: Partial<ColumnMapping>;
}

/**
 * Opens an incident from this computer, by button or by dropping a file anywhere on the page. The file is read in
 * the browser and never sent; a bad one shows its problems and leaves the open incident as it was.
 */
export function ImportFile({ onOpened }: { onOpened: (src: string) => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const mappingDialog = useRef<HTMLDialogElement>(null);
  const problemsDialog = useRef<HTMLDialogElement>(null);
  const [pending, setPending] = useState<Pending>();
  const [failure, setFailure] = useState<{ name: string; problems: Problem[] }>();
  const [dragging, setDragging] = useState(false);

  // The importers (and papaparse) load on the first file, not with the page.
  const finish = async (name: string, text: string, mapping?: ColumnMapping) => {
    const { importFile } = await import('../model/formats');
    const result = importFile(name, text, mapping);
    if (result.ok) onOpened(openLocal(client, name, result.incident));
    else {
      setFailure({ name, problems: result.problems });
      problemsDialog.current?.showModal();
    }
  };

  const read = async (file: File) => {
    if (file.size > MAX_INCIDENT_BYTES) {
      setFailure({
        name: file.name,
        problems: [
          {
            path: `${file.name}: (file)`,
            message: `the file is ${formatBytes(file.size)}; the limit is ${formatBytes(MAX_INCIDENT_BYTES)}`,
          },
        ],
      });
      problemsDialog.current?.showModal();
      return;
    }
    const text = await file.text();
    const { detectFormat, guessMapping, readCsvHeaders } = await import('../model/formats');
    if (detectFormat(file.name, text) === 'generic-csv') {
      const headers = readCsvHeaders(text);
      setPending({ name: file.name, text, headers, mapping: guessMapping(headers) });
      mappingDialog.current?.showModal();
    } else await finish(file.name, text);
  };

  useEffect(() => {
    const over = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      e.preventDefault();
      setDragging(false);
      void read(file);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  });

  return (
    <>
      <button type="button" onClick={() => input.current?.click()} title={t.openFileHelp}>
        {t.openFile}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        aria-label={t.openFile}
        accept=".json,.jsonl,.ndjson,.csv,application/json,text/csv"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void read(file);
        }}
      />
      {dragging && (
        <div className="drop-zone" aria-hidden="true">
          {t.dropHere}
        </div>
      )}
      <dialog
        ref={mappingDialog}
        className="dialog"
        aria-labelledby="mapping-title"
        onClose={() => setPending(undefined)}
      >
        <h2 id="mapping-title">{t.mapColumns}</h2>
        {pending && (
          <form
            method="dialog"
            onSubmit={(e) => {
              e.preventDefault();
              mappingDialog.current?.close();
              void finish(pending.name, pending.text, pending.mapping as ColumnMapping);
            }}
          >
            <p className="muted small">{t.mapColumnsHelp(pending.name)}</p>
            <div className="mapping-grid">
              {FIELDS.map((field) => (
                <label key={field}>
                  {t.fields[field]}
                  {(field === 'time' || field === 'title') && ' *'}
                  <select
                    value={pending.mapping[field] ?? ''}
                    required={field === 'time' || field === 'title'}
                    onChange={(e) =>
                      setPending({
                        ...pending,
                        mapping: { ...pending.mapping, [field]: e.target.value || undefined },
                      })
                    }
                  >
                    <option value="">—</option>
                    {pending.headers.map((h) => (
                      <option key={h} value={h}>
                        {h}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </div>
            <div className="dialog-actions">
              <button type="button" onClick={() => mappingDialog.current?.close()}>
                {t.cancel}
              </button>
              <button type="submit">{t.importButton}</button>
            </div>
          </form>
        )}
      </dialog>
      <dialog
        ref={problemsDialog}
        className="dialog"
        aria-labelledby="problems-title"
        onClose={() => setFailure(undefined)}
      >
        <h2 id="problems-title">{t.importFailed(failure?.name ?? '')}</h2>
        <p className="muted small">{t.importKept}</p>
        <ul className="problems">
          {failure?.problems.map((p, i) => (
            <li key={i}>
              <code>{p.path}</code>: {p.message}
            </li>
          ))}
        </ul>
        <div className="dialog-actions">
          <button type="button" onClick={() => problemsDialog.current?.close()}>
            {t.close}
          </button>
        </div>
      </dialog>
    </>
  );
}
