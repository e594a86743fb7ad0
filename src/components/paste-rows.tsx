import { useEffect, useRef, useState } from 'react';
import { rememberedMapping, rememberMapping } from '../hooks/remembered-mapping';
import type { PendingMapping } from '../hooks/use-open-file';
import { useI18n } from '../i18n/i18n';
import type { ImportChoices } from '../model/formats/generic-csv';
import { looksLikeRows, mergeRows, pastedColumns, readPastedRows } from '../model/paste-rows';
import { utcStamp } from '../model/time';
import type { DraftSession } from '../store/draft-session';
import { MappingDialog } from './mapping-dialog';

type Pending = PendingMapping & { table: string; rows: number };

const inField = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || target.closest('input, textarea, select, dialog') !== null);

/**
 * Rows copied from a spreadsheet and pasted in the editor outside a text field: the import's column-mapping step
 * with its preview, then the rows added to the draft as one change.
 */
export function PasteRows({
  session,
  lang,
  onAdded,
}: {
  /** The writable session; none while the draft is only shown. */
  session: DraftSession | undefined;
  lang: string;
  onAdded: (ids: string[]) => void;
}) {
  const { t } = useI18n();
  const [pending, setPending] = useState<Pending>();
  const [added, setAdded] = useState<number>();
  const name = useRef(t.pasteRows.source);
  useEffect(() => {
    name.current = t.pasteRows.source;
  });

  useEffect(() => {
    if (!session) return;
    const paste = (e: ClipboardEvent) => {
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (e.defaultPrevented || inField(e.target) || !looksLikeRows(text)) return;
      const file = new File([text], name.current(utcStamp(Date.now(), 'minute')), {
        type: 'text/csv',
      });
      const pasted = pastedColumns(text, file.name);
      if (!pasted) return;
      // Taken here, so the header's paste handler does not open the rows as an incident of their own.
      e.preventDefault();
      const { columns, table, rows } = pasted;
      setAdded(undefined);
      setPending({
        file,
        table,
        rows,
        columns,
        mapping: rememberedMapping(columns.headers) ?? columns.guess,
      });
    };
    document.addEventListener('paste', paste);
    return () => document.removeEventListener('paste', paste);
  }, [session]);

  const confirm = (mapping: Partial<ImportChoices>) => {
    const doc = session?.snapshot().doc;
    if (!pending || !doc || mapping.time === undefined || mapping.title === undefined) return;
    rememberMapping(pending.columns.headers, mapping);
    const rows = readPastedRows(pending.table, pending.file.name, {
      ...mapping,
      time: mapping.time,
      title: mapping.title,
    });
    if (!rows.ok) return setPending({ ...pending, mapping, problems: rows.problems });
    const merged = mergeRows(doc, rows.file, lang);
    session?.change(merged.doc);
    setPending(undefined);
    setAdded(merged.ids.length);
    onAdded(merged.ids);
  };

  return (
    <>
      <p className="field-hint">{t.pasteRows.hint}</p>
      <p className="visually-hidden" role="status">
        {added !== undefined && t.pasteRows.added(added)}
      </p>
      <MappingDialog
        pending={pending}
        busy={false}
        help={pending && t.pasteRows.help(pending.rows)}
        confirmLabel={t.pasteRows.add}
        onChange={(mapping) => setPending((p) => p && { ...p, mapping })}
        onConfirm={confirm}
        onCancel={() => setPending(undefined)}
      />
    </>
  );
}
