import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { addTerm, type DraftDoc, type TermList } from '../model/draft';
import {
  ActorKind,
  SystemKind,
  type Action,
  type Actor,
  type LocalizedText,
  type Phase,
  type Source,
  type System,
  type Technique,
} from '../model/incident';
import {
  addTechnique,
  indicatorCitations,
  movePhase,
  phasesInOrder,
  removeTermMoving,
  renameTerm,
  sameNamed,
  setTechniqueId,
  updateTerm,
} from '../model/taxonomy';
import { localize } from '../model/text';
import { revealOnShow } from './reveal-on-show';
import { TermRemoveChoice } from './term-remove-choice';

export interface ListProps {
  doc: DraftDoc;
  lang: string;
  readOnly: boolean;
  /** Whether the schema has a problem at or under this path (e.g. "phases[2].color"). */
  bad: (path: string) => boolean;
  onChange: (next: DraftDoc, key?: string) => void;
}

type AnyTerm = Phase | System | Actor | Action | Technique | Source;

const exact = (text: LocalizedText | undefined, lang: string) =>
  text === undefined ? '' : typeof text === 'string' ? text : (text[lang] ?? '');

/** The text a term is known by in the UI language. */
function nameOf(term: AnyTerm, lang: string): string {
  if ('name' in term) return term.name || term.id;
  return localize('title' in term ? term.title : term.label, lang) || term.id;
}

/** One list of the incident (phases, systems…): each term's fields, adding, and removing without losing events. */
export function TermSection({
  list,
  counts,
  ...p
}: ListProps & { list: TermList; counts: Map<string, number> }) {
  const { t } = useI18n();
  const tx = t.taxonomy;
  const { doc, lang, readOnly, bad, onChange } = p;
  const { file } = doc;
  const [removing, setRemoving] = useState<string>();
  const [newName, setNewName] = useState('');
  const [newId, setNewId] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const all = (file[list] ?? []) as AnyTerm[];
  const shown = list === 'phases' ? phasesInOrder(file) : all;

  // A second term with a name already in the list is refused: lanes, filters and the event form show only names.
  const taken = list === 'techniques' ? undefined : sameNamed(file, list, newName);
  const add = (e: FormEvent) => {
    e.preventDefault();
    if (taken) return;
    if (list === 'techniques') {
      onChange(addTechnique(doc, newId, newName));
      setNewId('');
    } else onChange(addTerm(doc, list, newName, lang).doc);
    setNewName('');
  };

  const row = (term: AnyTerm, k: number) => {
    const i = all.indexOf(term);
    const name = nameOf(term, lang);
    const uses = counts.get(term.id) ?? 0;
    const cited = list === 'sources' ? indicatorCitations(file, term.id) : 0;
    const fieldId = (key: string) => `edit-${list}-${i}-${key}`;
    const field = (key: string, label: string, control: ReactNode) => (
      <div className="field" key={key}>
        <label htmlFor={fieldId(key)}>{label}</label>
        {control}
      </div>
    );
    const common = (key: string) => ({
      id: fieldId(key),
      disabled: readOnly,
      'aria-invalid': bad(`${list}[${i}].${key}`) || undefined,
    });
    const patch = (key: string, value: unknown) =>
      onChange(
        updateTerm(doc, list, term.id, (x) => ({ ...x, [key]: value })),
        `${list}:${term.id}:${key}`,
      );
    const optional = (key: 'url' | 'publisher', value: string) =>
      onChange(
        updateTerm(doc, 'sources', term.id, ({ [key]: _old, ...x }) =>
          value === '' ? x : { ...x, [key]: value },
        ),
        `${list}:${term.id}:${key}`,
      );
    const textKey = list === 'sources' ? 'title' : 'label';
    const fields: ReactNode[] = [];
    if (list === 'techniques') {
      const tech = term as Technique;
      fields.push(
        field(
          'id',
          tx.techniqueId,
          <input
            type="text"
            {...common('id')}
            value={tech.id}
            disabled={readOnly || uses > 0}
            title={uses > 0 ? tx.idInUse : undefined}
            onChange={(e) =>
              onChange(setTechniqueId(doc, tech.id, e.target.value), `${list}:${i}:id`)
            }
          />,
        ),
        field(
          'name',
          tx.name,
          <input
            type="text"
            {...common('name')}
            value={tech.name}
            onChange={(e) => patch('name', e.target.value)}
          />,
        ),
      );
    } else {
      const text = textKey === 'title' ? (term as Source).title : (term as Phase).label;
      const clash = sameNamed(file, list, exact(text, lang), term.id);
      const clashId = fieldId('taken');
      fields.push(
        field(
          textKey,
          list === 'sources' ? tx.sourceTitle : tx.name,
          <input
            type="text"
            {...common(textKey)}
            {...(clash && { 'aria-invalid': true, 'aria-describedby': clashId })}
            value={exact(text, lang)}
            placeholder={localize(text, lang)}
            onChange={(e) =>
              onChange(
                renameTerm(doc, list, term.id, lang, e.target.value),
                `${list}:${term.id}:name`,
              )
            }
          />,
        ),
      );
      if (clash)
        fields.push(
          <span key="taken" id={clashId} className="field-hint field-error">
            {tx.nameTaken(exact(text, lang).trim(), clash)}
          </span>,
        );
    }
    if (list === 'phases')
      fields.push(
        field(
          'color',
          tx.colour,
          <input
            type="color"
            {...common('color')}
            value={(term as Phase).color}
            onChange={(e) => patch('color', e.target.value)}
          />,
        ),
      );
    const choose = (key: string, label: string, value: string, options: [string, string][]) =>
      field(
        key,
        label,
        <select {...common(key)} value={value} onChange={(e) => patch(key, e.target.value)}>
          {options.map(([v, words]) => (
            <option key={v} value={v}>
              {words}
            </option>
          ))}
        </select>,
      );
    const sides = ActorKind.options.map((k) => [k, t.sides[k] ?? k] as [string, string]);
    if (list === 'systems') {
      const s = term as System;
      fields.push(
        choose(
          'kind',
          tx.kind,
          s.kind,
          SystemKind.options.map((k) => [k, tx.systemKinds[k] ?? k]),
        ),
        choose(
          'ownership',
          tx.ownership,
          s.ownership,
          (['first-party', 'third-party'] as const).map((k) => [k, tx.ownerships[k] ?? k]),
        ),
      );
    }
    if (list === 'actors') fields.push(choose('kind', tx.kind, (term as Actor).kind, sides));
    if (list === 'actions')
      fields.push(choose('actorKind', tx.actorKind, (term as Action).actorKind, sides));
    if (list === 'sources') {
      const s = term as Source;
      fields.push(
        field(
          'url',
          tx.url,
          <input
            type="url"
            {...common('url')}
            value={s.url ?? ''}
            onChange={(e) => optional('url', e.target.value)}
          />,
        ),
        field(
          'publisher',
          tx.publisher,
          <input
            type="text"
            {...common('publisher')}
            value={s.publisher ?? ''}
            onChange={(e) => optional('publisher', e.target.value)}
          />,
        ),
      );
    }
    const others = all
      .filter((o) => o.id !== term.id)
      .map((o) => ({ id: o.id, name: nameOf(o, lang) }));
    return (
      <div role="group" aria-label={term.id} className="term-row" key={term.id}>
        {list !== 'techniques' && <code className="term-id">{term.id}</code>}
        {fields}
        <span className="field-hint">{tx.uses(uses)}</span>
        {list === 'phases' && (
          <>
            <button
              type="button"
              disabled={readOnly || k === 0}
              aria-label={tx.moveUp(name)}
              onClick={() => onChange(movePhase(doc, term.id, -1))}
            >
              <span aria-hidden="true">↑ </span>
              {tx.earlier}
            </button>
            <button
              type="button"
              disabled={readOnly || k === shown.length - 1}
              aria-label={tx.moveDown(name)}
              onClick={() => onChange(movePhase(doc, term.id, 1))}
            >
              <span aria-hidden="true">↓ </span>
              {tx.later}
            </button>
          </>
        )}
        <button
          type="button"
          className="danger"
          disabled={readOnly}
          aria-label={tx.remove(name)}
          aria-expanded={uses + cited > 0 ? removing === term.id : undefined}
          onClick={() => {
            // A term nothing uses goes at once (undo brings it back); one in use asks where its events go.
            const next = uses + cited > 0 ? undefined : removeTermMoving(doc, list, term.id);
            if (next) onChange(next);
            else setRemoving(term.id);
          }}
        >
          {tx.removeShort}
        </button>
        {removing === term.id && (
          <TermRemoveChoice
            list={list}
            id={term.id}
            name={name}
            events={uses}
            indicators={cited}
            doc={doc}
            others={others}
            onChange={onChange}
            onClose={() => {
              setRemoving(undefined);
              heading.current?.focus();
            }}
          />
        )}
      </div>
    );
  };

  return (
    <section className="term-list">
      <h3 ref={heading} tabIndex={-1}>
        {tx.lists[list]}
      </h3>
      {shown.map(row)}
      <form className="field-row" onSubmit={add}>
        {list === 'techniques' && (
          <div className="field">
            <label htmlFor={`new-${list}-id`}>{tx.newTechniqueId}</label>
            <input
              id={`new-${list}-id`}
              type="text"
              placeholder="T1078.004"
              value={newId}
              disabled={readOnly}
              onChange={(e) => setNewId(e.target.value)}
            />
          </div>
        )}
        <div className="field">
          <label htmlFor={`new-${list}`}>{tx.newName[list]}</label>
          <input
            id={`new-${list}`}
            type="text"
            value={newName}
            disabled={readOnly}
            aria-invalid={taken ? true : undefined}
            aria-describedby={taken ? `new-${list}-taken` : undefined}
            onChange={(e) => setNewName(e.target.value)}
          />
        </div>
        <button
          type="submit"
          disabled={
            readOnly ||
            newName.trim() === '' ||
            taken !== undefined ||
            (list === 'techniques' && newId.trim() === '')
          }
        >
          {tx.addNamed[list]}
        </button>
      </form>
      {taken && (
        <p
          ref={revealOnShow}
          id={`new-${list}-taken`}
          className="field-hint field-error"
          role="alert"
        >
          {tx.nameTaken(newName.trim(), taken)}
        </p>
      )}
    </section>
  );
}
