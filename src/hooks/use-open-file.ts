import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { openFile } from '../loading/open-file';
import type { Columns } from '../loading/parse-messages';
import type { ColumnMapping } from '../model/formats/generic-csv';
import type { Problem } from '../model/incident';

type OpenedFile = Blob & { name: string };

export interface PendingMapping {
  file: OpenedFile;
  columns: Columns;
  mapping: Partial<ColumnMapping>;
}

/** Opening files from this computer: the file being read, the CSV waiting for its columns, the last failure. */
export function useOpenFile(onOpened: (src: string) => void) {
  const client = useQueryClient();
  const [reading, setReading] = useState<string>();
  const [pending, setPending] = useState<PendingMapping>();
  const [failure, setFailure] = useState<{ name: string; problems: Problem[] }>();

  const open = async (file: OpenedFile, mapping?: ColumnMapping) => {
    setReading(file.name);
    try {
      const result = await openFile(client, file, mapping);
      if (result.ok) onOpened(result.src);
      else if ('columns' in result)
        setPending({ file, columns: result.columns, mapping: result.columns.guess });
      else setFailure({ name: file.name, problems: result.problems });
    } catch (error) {
      // Nothing fails silently: a file that cannot even be read says why, like a file that does not validate.
      const message = error instanceof Error ? error.message : String(error);
      setFailure({ name: file.name, problems: [{ path: `${file.name}: (file)`, message }] });
    } finally {
      setReading(undefined);
    }
  };

  return {
    reading,
    pending,
    failure,
    open: (file: OpenedFile) => void open(file),
    remap: (mapping: Partial<ColumnMapping>) => setPending((p) => p && { ...p, mapping }),
    confirmMapping: () => {
      if (!pending) return;
      setPending(undefined);
      void open(pending.file, pending.mapping as ColumnMapping);
    },
    cancelMapping: () => setPending(undefined),
    dismissFailure: () => setFailure(undefined),
  };
}
