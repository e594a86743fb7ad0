import { useId, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { useProblemMessage } from '../i18n/use-problem-message';
import type { DraftDoc } from '../model/draft';
import { addTechnique, withTechniques } from '../model/event-edits';
import type { EventFile, Problem } from '../model/incident';

interface Props {
  doc: DraftDoc;
  event: EventFile;
  disabled: boolean;
  onChange: (doc: DraftDoc) => void;
  onUpdate: (change: (e: EventFile) => EventFile) => void;
}

/** The event's ATT&CK techniques: chosen from the incident's list, or added by id and name, checked by the schema. */
export function TechniqueFields({ doc, event, disabled, onChange, onUpdate }: Props) {
  const { t } = useI18n();
  const [typed, setTyped] = useState({ id: '', name: '' });
  const [refused, setRefused] = useState<{ field: 'id' | 'name'; problem: Problem }>();
  const say = useProblemMessage(refused && [refused.problem]);
  const errorId = useId();
  const listed = doc.file.techniques ?? [];
  const add = () => {
    const r = addTechnique(doc, event.id, typed);
    if (!r.ok) return setRefused({ field: r.field, problem: r.problem });
    setRefused(undefined);
    setTyped({ id: '', name: '' });
    onChange(r.doc);
  };
  const invalid = (field: 'id' | 'name') =>
    refused?.field === field ? { 'aria-invalid': true, 'aria-describedby': errorId } : {};
  return (
    <div className="field-row">
      <div className="field">
        <label htmlFor="edit-techniques">{t.editor.techniques}</label>
        <select
          id="edit-techniques"
          multiple
          size={Math.min(5, Math.max(2, listed.length))}
          value={event.techniques ?? []}
          disabled={disabled}
          onChange={(e) =>
            onUpdate((x) =>
              withTechniques(
                x,
                [...e.target.selectedOptions].map((o) => o.value),
              ),
            )
          }
        >
          {listed.map((technique) => (
            <option key={technique.id} value={technique.id}>
              {technique.id} {technique.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="edit-technique-id">{t.editor.techniqueId}</label>
        <input
          id="edit-technique-id"
          type="text"
          placeholder="T1078.004"
          value={typed.id}
          disabled={disabled}
          onChange={(e) => setTyped({ ...typed, id: e.target.value })}
          onKeyDown={(e) => e.key === 'Enter' && add()}
          {...invalid('id')}
        />
      </div>
      <div className="field">
        <label htmlFor="edit-technique-name">{t.editor.techniqueName}</label>
        <input
          id="edit-technique-name"
          type="text"
          value={typed.name}
          disabled={disabled}
          onChange={(e) => setTyped({ ...typed, name: e.target.value })}
          onKeyDown={(e) => e.key === 'Enter' && add()}
          {...invalid('name')}
        />
      </div>
      <div className="field">
        <button type="button" disabled={disabled || typed.id.trim() === ''} onClick={add}>
          {t.editor.addTechnique}
        </button>
      </div>
      <p id={errorId} className={refused ? 'field-hint field-error' : 'field-hint'} role="status">
        {refused ? say(refused.problem) : t.editor.techniqueHint}
      </p>
    </div>
  );
}
