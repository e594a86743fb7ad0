import { useRef } from 'react';
import { useOpenFile } from '../hooks/use-open-file';
import { useI18n } from '../i18n/i18n';
import { localSource } from '../loading/open-file';
import { DropZone } from './drop-zone';
import { LoadProgressText } from './load-status';
import { MappingDialog } from './lazy-screens';
import { ProblemsDialog } from './problems-dialog';

/**
 * Opens an incident from this computer, by button, by dropping a file anywhere on the page, or by pasting. The
 * file is read in the browser and never sent; a bad one shows its problems and leaves the open incident as it was.
 */
export function ImportFile({
  current,
  onOpened,
  onReading,
}: {
  /** The `src` of the incident open now. */
  current: string | undefined;
  /** Shows what was opened (`into` the draft it replaces, if any); returns the source it is shown as. */
  onOpened: (src: string, into?: string) => string;
  /** Hears when reading a file starts and ends. */
  onReading?: (reading: boolean) => void;
}) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const files = useOpenFile(onOpened, onReading);
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
          if (file) files.open(file);
        }}
      />
      {files.reading !== undefined && (
        <span className="muted small" role="status">
          <LoadProgressText src={localSource(files.reading)} fallback={t.opening(files.reading)} />
        </span>
      )}
      {files.forensic && files.forensic.src === current && (
        <label className="import-group">
          <input
            type="checkbox"
            checked={files.forensic.grouped}
            disabled={files.reading !== undefined}
            onChange={(e) => files.regroup(e.target.checked)}
          />
          {t.groupForensicRows}
        </label>
      )}
      <DropZone onFile={files.open} />
      {files.pending && (
        <MappingDialog
          pending={files.pending}
          busy={files.reading !== undefined}
          onChange={files.remap}
          onConfirm={files.confirmMapping}
          onCancel={files.cancelMapping}
        />
      )}
      <ProblemsDialog failure={files.failure} onClose={files.dismissFailure} />
    </>
  );
}
