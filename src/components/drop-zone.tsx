import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n';

/** Text pasted outside a form field becomes a file named for what it looks like. */
function pastedFile(text: string): File {
  const json = /^\s*[[{]/.test(text);
  return new File([text], json ? 'pasted.json' : 'pasted.csv', {
    type: json ? 'application/json' : 'text/csv',
  });
}

const isEditable = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** Files dropped anywhere on the page, or files and text pasted outside a form field, go to `onFile`. */
export function DropZone({ onFile }: { onFile: (file: File) => void }) {
  const { t } = useI18n();
  const [dragging, setDragging] = useState(false);
  const latest = useRef(onFile);
  useEffect(() => {
    latest.current = onFile;
  });

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
      setDragging(false);
      if (!file) return;
      e.preventDefault();
      latest.current(file);
    };
    const paste = (e: ClipboardEvent) => {
      // The editor takes pasted rows for the open draft first.
      if (e.defaultPrevented || isEditable(e.target)) return;
      const file = e.clipboardData?.files[0];
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (!file && text.trim() === '') return;
      e.preventDefault();
      latest.current(file ?? pastedFile(text));
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    window.addEventListener('paste', paste);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
      window.removeEventListener('paste', paste);
    };
  }, []);

  return dragging ? (
    <div className="drop-zone" aria-hidden="true">
      {t.dropHere}
    </div>
  ) : null;
}
