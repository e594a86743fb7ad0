import { useI18n } from '../i18n/i18n';
import type { DraftDoc } from '../model/draft';
import { textLanguages } from '../model/event-edits';
import { findEvent } from '../model/event-lookup';
import { MilestoneKind, Outcome, type EventFile, type LocalizedText } from '../model/incident';
import { localize } from '../model/text';
import { CitationFields } from './citation-fields';
import { LinkFields } from './link-fields';
import { PrecisionField } from './precision-field';
import { EventTextField } from './event-text-field';
import { TechniqueFields } from './technique-fields';
import { TimeField } from './time-field';
import { TranslationFields } from './translation-fields';

interface Props {
  doc: DraftDoc;
  eventId: string | undefined;
  /** The UI language: its text fields have the plain labels. */
  lang: string;
  readOnly: boolean;
  onUpdate: (id: string, change: (e: EventFile) => EventFile, key?: string) => void;
  /** A change beyond the event: a technique added to the incident's list, a link held by another event. */
  onChange: (doc: DraftDoc) => void;
  onRemove: (id: string) => void;
}

const selected = (el: HTMLSelectElement) => [...el.selectedOptions].map((o) => o.value);

/** Every field of one event; ids are `edit-<field>` so a problem's link can focus its field. */
export function EventForm({ doc, eventId, lang, readOnly, onUpdate, onChange, onRemove }: Props) {
  const { t } = useI18n();
  const f = t.editor.fields;
  const { file } = doc;
  const event = eventId === undefined ? undefined : findEvent(file.events, eventId);
  if (!event)
    return (
      <section className="event-form" aria-label={t.editor.eventHeading}>
        <p className="status">{t.editor.noEvent}</p>
      </section>
    );
  const id = event.id;
  const set = (key: string, change: (e: EventFile) => EventFile) => onUpdate(id, change, key);
  const label = (text: LocalizedText) => localize(text, lang);
  const langs = textLanguages(file, lang);
  const write = (change: (e: EventFile) => EventFile, key?: string) => onUpdate(id, change, key);
  const texts = { event, lang, disabled: readOnly, onUpdate: write };
  return (
    <section className="event-form" aria-labelledby="event-form-heading" data-event={id}>
      <h2 id="event-form-heading">
        {t.editor.eventHeading}: <code>{id}</code>
      </h2>
      <EventTextField {...texts} field="title" label={f.title} />
      <EventTextField {...texts} field="description" label={f.description} area />
      <div className="field-row">
        <TimeField
          id="edit-start"
          label={f.start}
          value={event.start}
          precision={event.precision}
          disabled={readOnly}
          onChange={(iso) => iso && set('start', (x) => ({ ...x, start: iso }))}
        />
        <TimeField
          id="edit-end"
          label={f.end}
          value={event.end}
          precision={event.precision}
          optional
          disabled={readOnly}
          onChange={(iso) =>
            set('end', ({ end: _old, ...x }) => (iso === undefined ? x : { ...x, end: iso }))
          }
        />
        <PrecisionField
          key={`precision-${id}`}
          event={event}
          disabled={readOnly}
          onUpdate={(change) => onUpdate(id, change)}
        />
      </div>
      <div className="field-row">
        {(
          [
            ['phase', f.phase, file.phases],
            ['actor', f.actor, file.actors],
            ['action', f.action, file.actions],
          ] as const
        ).map(([key, name, terms]) => (
          <div className="field" key={key}>
            <label htmlFor={`edit-${key}`}>{name}</label>
            <select
              id={`edit-${key}`}
              value={event[key]}
              disabled={readOnly}
              onChange={(e) => set(key, (x) => ({ ...x, [key]: e.target.value }))}
            >
              {terms.map((term) => (
                <option key={term.id} value={term.id}>
                  {label(term.label)}
                </option>
              ))}
            </select>
          </div>
        ))}
        <div className="field">
          <label htmlFor="edit-outcome">{f.outcome}</label>
          <select
            id="edit-outcome"
            value={event.outcome}
            disabled={readOnly}
            onChange={(e) => set('outcome', (x) => ({ ...x, outcome: e.target.value as Outcome }))}
          >
            {Outcome.options.map((o) => (
              <option key={o} value={o}>
                {t.outcomes[o]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="edit-systems">{f.systems}</label>
          <select
            id="edit-systems"
            multiple
            size={Math.min(5, file.systems.length)}
            value={event.systems}
            disabled={readOnly}
            onChange={(e) => set('systems', (x) => ({ ...x, systems: selected(e.target) }))}
          >
            {file.systems.map((s) => (
              <option key={s.id} value={s.id}>
                {label(s.label)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="edit-milestones">{f.milestones}</label>
          <select
            id="edit-milestones"
            multiple
            size={4}
            value={event.milestones ?? []}
            disabled={readOnly}
            onChange={(e) => {
              const milestones = selected(e.target) as MilestoneKind[];
              set('milestones', ({ milestones: _old, ...x }) =>
                milestones.length > 0 ? { ...x, milestones } : x,
              );
            }}
          >
            {MilestoneKind.options.map((m) => (
              <option key={m} value={m}>
                {t.milestones[m] ?? m}
              </option>
            ))}
          </select>
        </div>
      </div>
      <TechniqueFields
        key={`techniques-${id}`}
        doc={doc}
        event={event}
        disabled={readOnly}
        onChange={onChange}
        onUpdate={(change) => onUpdate(id, change)}
      />
      <CitationFields doc={doc} event={event} disabled={readOnly} onUpdate={write} />
      <div className="field-row">
        <EventTextField {...texts} field="inferred" label={f.inferred} />
        <EventTextField {...texts} field="inject" label={f.inject} />
      </div>
      <EventTextField {...texts} field="prompts" label={f.prompts} area />
      <TranslationFields
        event={event}
        langs={langs.slice(1)}
        disabled={readOnly}
        onUpdate={write}
      />
      <LinkFields
        key={`links-${id}`}
        doc={doc}
        event={event}
        disabled={readOnly}
        onChange={onChange}
      />
      <button type="button" className="danger" disabled={readOnly} onClick={() => onRemove(id)}>
        {t.editor.deleteEvent}
      </button>
    </section>
  );
}
