import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { openFile } from '../loading/open-file';
import type { Columns } from '../loading/parse-messages';
import type { ImportChoices } from '../model/formats/generic-csv';
import type { Problem } from '../model/incident';

type OpenedFile = Blob & { name: string };

export interface PendingMapping {
  file: OpenedFile;
  columns: Columns;
  mapping: Partial<ImportChoices>;
  /** Why the last attempt with this mapping failed. */
  problems?: Problem[];
}

/** Opening files from this computer: the file being read, the CSV waiting for its columns, the last failure. */
/**
 * `onOpened` shows what was opened (`into` the draft it replaces, if any) and returns the source it is shown as;
 * `onReading` hears when reading a file starts (true) and ends (false), after `onOpened` if it opened.
 */
export function useOpenFile(
  onOpened: (src: string, into?: string) => string,
  onReading?: (reading: boolean) => void,
) {
  const client = useQueryClient();
  const [reading, setReading] = useState<string>();
  const [pending, setPending] = useState<PendingMapping>();
  const [failure, setFailure] = useState<{ name: string; problems: Problem[] }>();
  // The forensic timeline opened last, which can be opened again with its rows grouped or not.
  // `shown` is the source it is shown as: the draft it became.
  const [forensic, setForensic] = useState<{ file: OpenedFile; grouped: boolean; shown: string }>();

  const open = async (
    file: OpenedFile,
    attempt?: PendingMapping,
    mapping: Partial<ImportChoices> | undefined = attempt?.mapping,
    into?: string,
  ) => {
    setReading(file.name);
    onReading?.(true);
    try {
      const result = await openFile(client, file, mapping as ImportChoices | undefined);
      if (result.ok) {
        setPending(undefined);
        // Only the header is read again: enough to tell the format of a file of any size.
        const head = await file.slice(0, 64 * 1024).text();
        // Loaded on demand, as the exports are: the formats stay out of the first download.
        const groupable = await import('../model/formats').then(
          (formats) => formats.groupsRows(file.name, head),
          () => false,
        );
        const grouped = mapping?.groupSameTime ?? false;
        const shown = onOpened(result.src, into);
        setForensic(groupable ? { file, grouped, shown } : undefined);
      } else if ('columns' in result) {
        const { columns } = result;
        // Loaded on demand with the mapping dialog: it reads the CSV import's field list.
        const { rememberedMapping } = await import('./remembered-mapping');
        setPending({ file, columns, mapping: rememberedMapping(columns.headers) ?? columns.guess });
      } else if (attempt) setPending({ ...attempt, problems: result.problems });
      else setFailure({ name: file.name, problems: result.problems });
    } catch (error) {
      // Nothing fails silently: a file that cannot even be read says why, like a file that does not validate.
      const message = error instanceof Error ? error.message : String(error);
      setPending(undefined);
      setFailure({ name: file.name, problems: [{ path: `${file.name}: (file)`, message }] });
    } finally {
      setReading(undefined);
      onReading?.(false);
    }
  };

  return {
    reading,
    pending,
    failure,
    open: (file: OpenedFile) => void open(file),
    remap: (mapping: Partial<ImportChoices>) => setPending((p) => p && { ...p, mapping }),
    confirmMapping: (mapping: Partial<ImportChoices>) => {
      if (!pending) return;
      // Remembered before the attempt, so a mapping that fails is still offered for the next file of this shape.
      void import('./remembered-mapping').then(({ rememberMapping }) => {
        rememberMapping(pending.columns.headers, mapping);
        return open(pending.file, { ...pending, mapping });
      });
    },
    cancelMapping: () => setPending(undefined),
    /** The forensic timeline open now, under its `src`, and whether its rows are grouped. */
    forensic: forensic && { src: forensic.shown, grouped: forensic.grouped },
    regroup: (grouped: boolean) => {
      if (!forensic) return;
      // The box follows the click at once; the file is read again behind it.
      setForensic({ ...forensic, grouped });
      void open(forensic.file, undefined, { groupSameTime: grouped }, forensic.shown);
    },
    dismissFailure: () => setFailure(undefined),
  };
}
