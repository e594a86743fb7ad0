import { useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { UI_LANGUAGES, type Lang } from '../model/text';
import type { Theme } from '../model/view-state';
import { isDraftSource } from '../loading/draft-source';
import { isLocal, LOCAL_PREFIX } from '../loading/open-file';
import { EmbedDialog } from './embed-dialog';
import { ImportFile } from './import-file';

interface Props {
  title: string;
  source: string;
  /** Whether `source` is open now; a `local:` name is shown only then, since a link can carry any text there. */
  sourceOpen: boolean;
  /** Shows what was opened (`into` the draft it replaces, if any); returns the source it is shown as. */
  onOpened: (src: string, into?: string) => string;
  /** Hears when reading a file from this computer starts and ends. */
  onReading?: (reading: boolean) => void;
  lang: Lang;
  onLang: (lang: Lang) => void;
  theme: Theme | undefined;
  onTheme: (theme: Theme | undefined) => void;
  /** The editing controls and save status. */
  extra?: ReactNode;
  /** A draft is shown: a link to it or an embed of it opens in no other browser. */
  draftOnly?: boolean;
  /** Where the open draft was started from, if it says. */
  draftOrigin?: string;
  /** The draft's files to send instead of a link or an embed. */
  share?: ReactNode;
}

const LANG_NAMES: Record<Lang, string> = { en: 'English', 'zh-Hant': '繁體中文' };

export function AppHeader({
  title,
  source,
  sourceOpen,
  onOpened,
  onReading,
  lang,
  onLang,
  theme,
  onTheme,
  extra,
  draftOnly = false,
  draftOrigin,
  share,
}: Props) {
  const { t } = useI18n();
  // A draft's origin is its own record, not the URL's text, so a file's name is shown even after a reload.
  const origin = (src: string, open: boolean) =>
    !isLocal(src) ? src : open ? t.localFile(src.slice(LOCAL_PREFIX.length)) : t.localFileClosed;
  const [copied, setCopied] = useState(false);
  const [sharing, setSharing] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(window.location.href);
    setCopied(true);
    // The link finds a draft only in this browser: say so until dismissed, with the files to send instead.
    setSharing(draftOnly);
    setTimeout(() => setCopied(false), 2000);
  };
  return (
    <header className="app-header">
      <div className="app-title">
        <h1>{title}</h1>
        <p className="app-meta">
          <span className="utc-note">{t.allTimesUtc}</span>
          <span className="data-source">
            {t.source}:{' '}
            <code>
              {isDraftSource(source)
                ? t.draftSource(draftOrigin && origin(draftOrigin, true))
                : origin(source, sourceOpen)}
            </code>
          </span>
        </p>
      </div>
      <div className="header-controls">
        <label>
          {t.language}{' '}
          <select value={lang} onChange={(e) => onLang(e.target.value as Lang)}>
            {UI_LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LANG_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.theme}{' '}
          <select
            value={theme ?? ''}
            onChange={(e) => onTheme((e.target.value || undefined) as Theme | undefined)}
          >
            <option value="">{t.themeSystem}</option>
            <option value="light">{t.themeLight}</option>
            <option value="dark">{t.themeDark}</option>
          </select>
        </label>
        <button type="button" onClick={copy}>
          {copied ? t.linkCopied : t.copyLink}
        </button>
        {extra}
        <ImportFile
          current={sourceOpen ? source : undefined}
          onOpened={onOpened}
          onReading={onReading}
        />
        <EmbedDialog title={title} draftOnly={draftOnly} share={share} />
        <span className="visually-hidden" role="status">
          {copied ? t.linkCopied : ''}
        </span>
        {sharing && draftOnly && (
          <div className="notice draft-share" role="status">
            <span>{t.share.linkDraft}</span>
            {share}
            <button type="button" className="small-button" onClick={() => setSharing(false)}>
              {t.dismiss}
            </button>
          </div>
        )}
      </div>
    </header>
  );
}
