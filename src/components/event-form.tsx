import { useI18n } from '../i18n/i18n';
import { setText, type DraftDoc } from '../model/draft';
import { MilestoneKind, Outcome, type EventFile, type LocalizedText } from '../model/incident';
import { localize } from '../model/text';
import { PRECISIONS, type Precision } from '../model/time';
import { TimeField } from './time-field';

interface Props {
  doc: DraftDoc;
  eventId: string | undefined;
  /** The language text fields write. */
  lang: string;
  readOnly: boolean;
  onUpdate: (id: string, change: (e: EventFile) => EventFile, key?: string) => void;
  onRemove: (id: string) => void;
}

const exact = (text: LocalizedText | undefined, lang: string) =>
  text === undefined ? '' : typeof text === 'string' ? text : (text[lang] ?? '');

const selected = (el: HTMLSelectElement) => [...el.selectedOptions].map((o) => o.value);

/** Every field of one event; ids are `edit-<field>` so a problem's link can focus its field. */
export function EventForm({ doc, eventId, lang, readOnly, onUpdate, onRemove }: Props) {
  const { t } = useI18n();
  const f = t.editor.fields;
  const { file } = doc;
  const event = file.events.find((e) => e.id === eventId);
  if (!event)
    return (
      <section className="event-form" aria-label={t.editor.eventHeading}>
        <p className="status">{t.editor.noEvent}</p>
      </section>
    );
  const id = event.id;
  const set = (key: string, change: (e: EventFile) => EventFile) => onUpdate(id, change, key);
  const label = (text: LocalizedText) => localize(text, lang);
  const text = (key: 'title' | 'description' | 'presentText', name: string, area = false) => {
    const props = {
      id: `edit-${key}`,
      value: exact(event[key], lang),
      placeholder: localize(event[key], lang),
      disabled: readOnly,
      onChange: (e: { target: { value: string } }) =>
        set(key, (x) => ({ ...x, [key]: setText(x[key], lang, e.target.value) })),
    };
    return (
      <div className="field">
        <label htmlFor={props.id}>{name}</label>
        {area ? <textarea rows={3} {...props} /> : <input type="text" {...props} />}
      </div>
    );
  };
  const citation = event.citations[0] ?? { source: '', locator: '' };
  const setCitation = (c: typeof citation) =>
    set('citation', (x) => ({ ...x, citations: [c, ...x.citations.slice(1)] }));
  const others = file.events.filter((e) => e.id !== id);
  const ledTo = (event.related ?? []).filter((r) => r.kind === 'led-to').map((r) => r.event);
  const ledFrom = others.filter((e) => e.related?.some((r) => r.event === id));
  return (
    <section className="event-form" aria-labelledby="event-form-heading">
      <h2 id="event-form-heading">
        {t.editor.eventHeading}: <code>{id}</code>
      </h2>
      {text('title', f.title)}
      {text('description', f.description, true)}
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
        <div className="field">
          <label htmlFor="edit-precision">{f.precision}</label>
          <select
            id="edit-precision"
            value={event.precision}
            disabled={readOnly}
            onChange={(e) =>
              set('precision', (x) => ({ ...x, precision: e.target.value as Precision }))
            }
          >
            {PRECISIONS.map((p) => (
              <option key={p} value={p}>
                {t.editor.precisions[p] ?? p}
              </option>
            ))}
          </select>
        </div>
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
        <div className="field">
          <label htmlFor="edit-related">{f.related}</label>
          <select
            id="edit-related"
            multiple
            size={Math.min(4, Math.max(2, others.length))}
            value={ledTo}
            disabled={readOnly}
            onChange={(e) => {
              const chosen = selected(e.target);
              set('related', ({ related = [], ...x }) => {
                const rest = [
                  ...related.filter((r) => r.kind !== 'led-to'),
                  ...chosen.map((event) => ({ event, kind: 'led-to' as const })),
                ];
                return rest.length > 0 ? { ...x, related: rest } : x;
              });
            }}
          >
            {others.map((o) => (
              <option key={o.id} value={o.id}>
                {label(o.title)}
              </option>
            ))}
          </select>
          {ledFrom.length > 0 && (
            <p className="field-hint">
              {t.relations['led-to'] ?? ''} ← {ledFrom.map((e) => label(e.title)).join(', ')}
            </p>
          )}
        </div>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="edit-citation-source">{f.citationSource}</label>
          <select
            id="edit-citation-source"
            value={citation.source}
            disabled={readOnly}
            onChange={(e) => setCitation({ ...citation, source: e.target.value })}
          >
            {file.sources.map((s) => (
              <option key={s.id} value={s.id}>
                {label(s.title)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="edit-citation-locator">{f.citationLocator}</label>
          <input
            id="edit-citation-locator"
            type="text"
            value={exact(citation.locator, lang)}
            disabled={readOnly}
            onChange={(e) =>
              setCitation({ ...citation, locator: setText(citation.locator, lang, e.target.value) })
            }
          />
        </div>
      </div>
      <div className="field">
        <label htmlFor="edit-inferred">{f.inferred}</label>
        <input
          id="edit-inferred"
          type="text"
          value={exact(event.inferred?.reason, lang)}
          disabled={readOnly}
          onChange={(e) =>
            set('inferred', ({ inferred, ...x }) => {
              const reason = setText(inferred?.reason, lang, e.target.value);
              return reason === '' ? x : { ...x, inferred: { reason } };
            })
          }
        />
      </div>
      <div className="field">
        <label htmlFor="edit-inject">{f.inject}</label>
        <input
          id="edit-inject"
          type="text"
          value={exact(event.inject?.question, lang)}
          disabled={readOnly}
          onChange={(e) =>
            set('inject', ({ inject, ...x }) => {
              const question = setText(inject?.question, lang, e.target.value);
              return question === '' ? x : { ...x, inject: { question } };
            })
          }
        />
      </div>
      <div className="field">
        <label htmlFor="edit-prompts">{f.prompts}</label>
        <textarea
          id="edit-prompts"
          rows={2}
          value={(event.prompts ?? []).map((p) => exact(p, lang)).join('\n')}
          disabled={readOnly}
          onChange={(e) =>
            set('prompts', ({ prompts: _old, ...x }) => {
              const lines = e.target.value.split('\n');
              return lines.some((l) => l !== '')
                ? { ...x, prompts: lines.map((l) => ({ [lang]: l })) }
                : x;
            })
          }
        />
      </div>
      <button type="button" className="danger" disabled={readOnly} onClick={() => onRemove(id)}>
        {t.editor.deleteEvent}
      </button>
    </section>
  );
}
