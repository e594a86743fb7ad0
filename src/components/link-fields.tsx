import { useId, useMemo, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import type { DraftDoc } from '../model/draft';
import {
  addLink,
  eventLinks,
  linkChoices,
  linkSuggestions,
  removeLink,
  withoutNotLinks,
  type EventLink,
} from '../model/event-edits';
import { notLinks, positionOfId } from '../model/event-lookup';
import { RelationKind, type EventFile } from '../model/incident';

interface Props {
  doc: DraftDoc;
  event: EventFile;
  disabled: boolean;
  onChange: (doc: DraftDoc) => void;
}

/** The event's links both ways, and a searchable pick of any event by title to link to with any kind. */
export function LinkFields({ doc, event, disabled, onChange }: Props) {
  const { t, lang } = useI18n();
  const { file } = doc;
  const choices = useMemo(() => linkChoices(file, lang), [file, lang]);
  const [typed, setTyped] = useState('');
  const suggested = useMemo(
    () => linkSuggestions(choices, typed, event.id),
    [choices, typed, event.id],
  );
  const [kind, setKind] = useState<RelationKind>('led-to');
  const [refused, setRefused] = useState<string>();
  const listId = useId();
  const hintId = useId();
  const links = eventLinks(file, event.id);
  const others = notLinks(event);
  // A linked event's label, found by id (the choices are in the events' order): a map of every event's labels took
  // 50 ms of a render at 100,000 events, a pass over the choices 5 ms.
  const labelOf = (other: string) => {
    const i = positionOfId(file.events, other);
    return i < 0 ? other : choices[i]!.label;
  };
  const what = (other: string, k: RelationKind) =>
    t.editor.linkLabel(labelOf(other), t.relations[k] ?? k);

  const add = () => {
    const text = typed.trim();
    const to =
      choices.find((c) => c.label === text)?.id ?? (choices.some((c) => c.id === text) ? text : '');
    const r = addLink(doc, { from: event.id, to, kind });
    if (!r.ok)
      return setRefused(
        r.why === 'cycle'
          ? t.editor.linkCycle(t.problems['causal-cycle']({ ids: r.cycle }))
          : t.editor.linkRefused[r.why],
      );
    setRefused(undefined);
    setTyped('');
    onChange(r.doc);
  };
  const list = (
    heading: string,
    items: EventLink[],
    other: (l: EventLink) => string,
    out: boolean,
  ) => (
    <div className="link-list">
      <h3>{heading}</h3>
      {items.length === 0 ? (
        <p className="field-hint">{t.editor.noLinks}</p>
      ) : (
        <ul>
          {items.map((l, k) => (
            <li key={`${l.from}\u0000${l.to}\u0000${l.kind}`}>
              {what(other(l), l.kind)}{' '}
              <button
                type="button"
                id={out ? `edit-link-${k}` : undefined}
                aria-label={t.editor.removeLink(what(other(l), l.kind))}
                disabled={disabled}
                onClick={() => onChange(removeLink(doc, l))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
  return (
    <div className="event-links">
      <div className="field-row">
        {list(t.editor.ledTo, links.out, (l) => l.to, true)}
        {list(t.editor.followsFrom, links.in, (l) => l.from, false)}
      </div>
      {others > 0 && (
        <p className="field-hint field-error">
          {t.editor.notLinks(others)}{' '}
          <button
            type="button"
            id="edit-link-others"
            disabled={disabled}
            onClick={() => onChange(withoutNotLinks(doc, event.id))}
          >
            {t.editor.removeNotLinks}
          </button>
        </p>
      )}
      <div className="field-row">
        <div className="field field-wide">
          <label htmlFor="edit-link-target">{t.editor.linkTarget}</label>
          <input
            id="edit-link-target"
            type="text"
            list={listId}
            value={typed}
            disabled={disabled}
            aria-describedby={hintId}
            aria-invalid={refused !== undefined}
            onChange={(e) => setTyped(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && add()}
          />
          <datalist id={listId}>
            {suggested.map((c) => (
              <option key={c.id} value={c.label} />
            ))}
          </datalist>
        </div>
        <div className="field">
          <label htmlFor="edit-link-kind">{t.editor.linkKind}</label>
          <select
            id="edit-link-kind"
            value={kind}
            disabled={disabled}
            onChange={(e) => setKind(e.target.value as RelationKind)}
          >
            {RelationKind.options.map((k) => (
              <option key={k} value={k}>
                {t.relations[k] ?? k}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <button type="button" disabled={disabled || typed.trim() === ''} onClick={add}>
            {t.editor.addLink}
          </button>
        </div>
      </div>
      <p id={hintId} className={refused ? 'field-hint field-error' : 'field-hint'} role="status">
        {refused ?? t.editor.linkTargetHint}
      </p>
    </div>
  );
}
