import { useI18n } from '../i18n/i18n';
import { eventText, languageName, setEventText, type TextKey } from '../model/event-edits';
import { fieldId } from '../model/field-paths';
import type { EventFile } from '../model/incident';

interface Props {
  event: EventFile;
  field: TextKey;
  /** Which citation, for a locator; numbered in its label and id from the second on. */
  index?: number;
  lang: string;
  /** The label in the UI language ("Title"); another language's field adds its name ("Title (English)"). */
  label: string;
  area?: boolean;
  disabled: boolean;
  /** `key` groups typing in one field into one undo step. */
  onUpdate: (change: (e: EventFile) => EventFile, key: string) => void;
}

/** One of an event's texts in one language. */
export function EventTextField({
  event,
  field,
  index,
  lang,
  label,
  area,
  disabled,
  onUpdate,
}: Props) {
  const { t, lang: ui } = useI18n();
  const n = index ?? 0;
  const props = {
    id: fieldId(field, { index, lang, ui }),
    value: eventText(event, field, lang, n),
    lang,
    disabled,
    onChange: (e: { target: { value: string } }) =>
      onUpdate((x) => setEventText(x, field, lang, e.target.value, n), `${field}-${n}-${lang}`),
  };
  return (
    <div className={area ? 'field field-wide' : 'field'}>
      <label htmlFor={props.id}>
        {lang === ui ? label : t.editor.inLanguage(label, languageName(lang, ui))}
      </label>
      {area ? (
        <textarea rows={area ? 2 : undefined} {...props} />
      ) : (
        <input type="text" {...props} />
      )}
    </div>
  );
}
