import { useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { embedSnippet } from '../model/embed';
import { CopyButton } from './copy-button';

const SIZES = [
  { id: '640x360', width: '640', height: '360' },
  { id: '800x450', width: '800', height: '450' },
  { id: '1024x576', width: '1024', height: '576' },
  { id: 'full', width: '100%', height: '480' },
] as const;
type SizeId = (typeof SIZES)[number]['id'];

interface Props {
  title: string;
  /** The page shows a draft, which no other browser can open: a snippet would embed nothing, so none is offered. */
  draftOnly?: boolean;
  /** What to send instead: the draft's files. */
  share?: ReactNode;
}

export function EmbedDialog({ title, draftOnly = false, share }: Props) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const [size, setSize] = useState<SizeId>('640x360');
  const [open, setOpen] = useState(false);
  const chosen = SIZES.find((s) => s.id === size)!;
  const snippet = open
    ? embedSnippet(window.location.href, title, chosen.width, chosen.height)
    : '';
  return (
    <>
      <button
        type="button"
        onClick={() => {
          setOpen(true);
          ref.current?.showModal();
        }}
      >
        {t.embed}
      </button>
      <dialog
        ref={ref}
        className="dialog"
        aria-labelledby="embed-title"
        onClose={() => setOpen(false)}
      >
        <h2 id="embed-title">{t.embedTitle}</h2>
        {draftOnly ? (
          <>
            <p className="status">{t.share.embedDraft}</p>
            <div className="draft-share">{share}</div>
            <div className="dialog-actions">
              <button type="button" onClick={() => ref.current?.close()}>
                {t.close}
              </button>
            </div>
          </>
        ) : (
          <EmbedSnippet
            snippet={snippet}
            size={size}
            onSize={setSize}
            onClose={() => ref.current?.close()}
          />
        )}
      </dialog>
    </>
  );
}

function EmbedSnippet({
  snippet,
  size,
  onSize,
  onClose,
}: {
  snippet: string;
  size: SizeId;
  onSize: (size: SizeId) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <p className="muted small">{t.embedHelp}</p>
      <label>
        {t.embedSize}{' '}
        <select value={size} onChange={(e) => onSize(e.target.value as SizeId)}>
          {SIZES.map((s) => (
            <option key={s.id} value={s.id}>
              {s.id === 'full' ? t.embedFullWidth : s.id.replace('x', ' × ')}
            </option>
          ))}
        </select>
      </label>
      <textarea className="snippet" readOnly value={snippet} rows={4} aria-label={t.embedSnippet} />
      <div className="dialog-actions">
        <CopyButton value={snippet} label={t.embedSnippet} />
        <button type="button" onClick={onClose}>
          {t.close}
        </button>
      </div>
    </>
  );
}
