import { useI18n } from '../i18n/i18n';
import type { DraftDoc } from '../model/draft';
import { addCitation, removeCitation } from '../model/event-edits';
import { fieldId } from '../model/field-paths';
import type { EventFile } from '../model/incident';
import { localize } from '../model/text';
import { EventTextField } from './event-text-field';

interface Props {
  doc: DraftDoc;
  event: EventFile;
  disabled: boolean;
  /** `key` groups typing in one field into one undo step. */
  onUpdate: (change: (e: EventFile) => EventFile, key?: string) => void;
}

/** The event's citations: each a source of the incident and where in it (other languages under theirs); one at least. */
export function CitationFields({ doc, event, disabled, onUpdate }: Props) {
  const { t, lang } = useI18n();
  const f = t.editor.fields;
  return (
    <>
      {event.citations.map((citation, k) => {
        const n = k + 1;
        const sourceId = fieldId('citation-source', { index: k });
        return (
          <div className="field-row" key={k}>
            <div className="field">
              <label htmlFor={sourceId}>{t.editor.numbered(f.citationSource, n)}</label>
              <select
                id={sourceId}
                value={citation.source}
                disabled={disabled}
                onChange={(e) => {
                  const source = e.target.value;
                  onUpdate((x) => ({
                    ...x,
                    citations: x.citations.map((c, i) => (i === k ? { ...c, source } : c)),
                  }));
                }}
              >
                {doc.file.sources.map((s) => (
                  <option key={s.id} value={s.id}>
                    {localize(s.title, lang)}
                  </option>
                ))}
              </select>
            </div>
            <EventTextField
              event={event}
              field="citation-locator"
              index={k}
              lang={lang}
              label={t.editor.numbered(f.citationLocator, n)}
              disabled={disabled}
              onUpdate={onUpdate}
            />
            {event.citations.length > 1 && (
              <div className="field">
                <button
                  type="button"
                  disabled={disabled}
                  onClick={() => onUpdate((x) => removeCitation(x, k))}
                >
                  {t.editor.removeCitation(n)}
                </button>
              </div>
            )}
          </div>
        );
      })}
      <button
        type="button"
        disabled={disabled}
        onClick={() => onUpdate((x) => addCitation(x, doc.file.sources[0]?.id ?? ''))}
      >
        {t.editor.addCitation}
      </button>
    </>
  );
}
