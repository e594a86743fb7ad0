import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n';
import { isKnownLanguageTag } from '../model/incident-checks';
import { addLanguage, removeLanguage, textsIn } from '../model/taxonomy';
import { revealOnShow } from './reveal-on-show';
import type { ListProps } from './term-section';

/** The languages the file declares: one added when the schema's rule knows its tag, one removed after saying what text goes. */
export function LanguageEditor({ doc, readOnly, onChange }: ListProps) {
  const { t } = useI18n();
  const tx = t.taxonomy;
  const [tag, setTag] = useState('');
  const [error, setError] = useState<string>();
  const [confirming, setConfirming] = useState<{ tag: string; texts: number }>();
  const { languages } = doc.file;

  const add = (e: FormEvent) => {
    e.preventDefault();
    const typed = tag.trim();
    if (!isKnownLanguageTag(typed)) return setError(tx.badTag(typed));
    setError(undefined);
    setTag('');
    onChange(addLanguage(doc, typed));
  };
  const remove = (lang: string) => {
    const texts = textsIn(doc.file, lang);
    if (texts === 0) onChange(removeLanguage(doc, lang));
    else setConfirming({ tag: lang, texts });
  };

  return (
    <section className="term-list">
      <h3>{tx.languages}</h3>
      <p className="field-hint">
        {tx.languagesHint} {languages.length === 1 && tx.lastLanguage}
      </p>
      <ul className="language-list">
        {languages.map((lang) => (
          <li key={lang}>
            <code>{lang}</code>{' '}
            <button
              type="button"
              className="danger"
              disabled={readOnly || languages.length === 1}
              onClick={() => remove(lang)}
            >
              {tx.removeLanguage(lang)}
            </button>
          </li>
        ))}
      </ul>
      {confirming && (
        <div role="group" aria-label={tx.removeLanguage(confirming.tag)} className="remove-choice">
          <p>{tx.dropsText(confirming.tag, confirming.texts)}</p>
          <div className="field-row">
            <button
              type="button"
              autoFocus
              onClick={() => {
                onChange(removeLanguage(doc, confirming.tag));
                setConfirming(undefined);
              }}
            >
              {tx.removeWithText(confirming.tag)}
            </button>
            <button type="button" onClick={() => setConfirming(undefined)}>
              {tx.cancel}
            </button>
          </div>
        </div>
      )}
      <form className="field-row" onSubmit={add}>
        <div className="field">
          <label htmlFor="edit-languages">{tx.languageTag}</label>
          <input
            id="edit-languages"
            type="text"
            placeholder="fr"
            value={tag}
            disabled={readOnly}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'language-error' : undefined}
            onChange={(e) => setTag(e.target.value)}
          />
        </div>
        <button type="submit" disabled={readOnly || tag.trim() === ''}>
          {tx.addLanguage}
        </button>
      </form>
      {error && (
        <p ref={revealOnShow} id="language-error" className="field-hint field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
