import { useI18n } from '../i18n/i18n';
import { languageName } from '../model/event-edits';
import type { EventFile } from '../model/incident';
import { EventTextField } from './event-text-field';

interface Props {
  event: EventFile;
  /** The languages other than the UI's: the file's and English and Traditional Chinese. */
  langs: readonly string[];
  disabled: boolean;
  onUpdate: (change: (e: EventFile) => EventFile, key: string) => void;
}

/** Every text of the event in each other language, one group per language, after the fields in the UI language. */
export function TranslationFields({ event, langs, disabled, onUpdate }: Props) {
  const { t, lang: ui } = useI18n();
  const f = t.editor.fields;
  return (
    <>
      {langs.map((lang) => {
        const field = { event, lang, disabled, onUpdate };
        return (
          <fieldset className="translation" key={lang}>
            <legend>{languageName(lang, ui)}</legend>
            <div className="field-row">
              <EventTextField {...field} field="title" label={f.title} />
              {event.citations.map((_, k) => (
                <EventTextField
                  {...field}
                  key={k}
                  field="citation-locator"
                  index={k}
                  label={t.editor.numbered(f.citationLocator, k + 1)}
                />
              ))}
            </div>
            <EventTextField {...field} field="description" label={f.description} area />
            <div className="field-row">
              <EventTextField {...field} field="inferred" label={f.inferred} />
              <EventTextField {...field} field="inject" label={f.inject} />
            </div>
            <EventTextField {...field} field="prompts" label={f.prompts} area />
          </fieldset>
        );
      })}
    </>
  );
}
