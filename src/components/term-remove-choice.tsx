import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import type { DraftDoc, TermList } from '../model/draft';
import { canDropSystem, removeTermMoving } from '../model/taxonomy';

interface Props {
  list: TermList;
  id: string;
  name: string;
  events: number;
  indicators: number;
  doc: DraftDoc;
  /** Other terms of the list the users can move to, with their names. */
  others: { id: string; name: string }[];
  onChange: (next: DraftDoc) => void;
  onClose: () => void;
}

/** Where the events of a term being removed go: another term, or (systems, techniques) off them. Never dropped unasked. */
export function TermRemoveChoice(p: Props) {
  const { t } = useI18n();
  const tx = t.taxonomy;
  const [to, setTo] = useState(p.others[0]?.id ?? '');
  const apply = (dest: string | undefined) => {
    const next = removeTermMoving(p.doc, p.list, p.id, dest);
    if (next) p.onChange(next);
    p.onClose();
  };
  const canMove = p.list !== 'techniques';
  const canDrop =
    p.list === 'techniques' || (p.list === 'systems' && canDropSystem(p.doc.file, p.id));
  const selectId = `move-${p.list}-${p.id}`;
  return (
    <div role="group" aria-label={tx.remove(p.name)} className="remove-choice">
      <p>{tx.inUse(p.name, p.events, p.indicators)}</p>
      {canMove &&
        (p.others.length > 0 ? (
          <div className="field-row">
            <div className="field">
              <label htmlFor={selectId}>{tx.moveTo(p.events)}</label>
              <select id={selectId} autoFocus value={to} onChange={(e) => setTo(e.target.value)}>
                {p.others.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            </div>
            <button type="button" onClick={() => apply(to)}>
              {tx.moveAndRemove}
            </button>
          </div>
        ) : (
          <p>{tx.noOther}</p>
        ))}
      {p.list === 'systems' && !canDrop && <p className="field-hint">{tx.onlySystem}</p>}
      <div className="field-row">
        {canDrop && (
          <button type="button" autoFocus={!canMove} onClick={() => apply(undefined)}>
            {tx.dropFromEvents}
          </button>
        )}
        <button type="button" onClick={p.onClose}>
          {tx.cancel}
        </button>
      </div>
    </div>
  );
}
